import { createPrivateKey, generateKeyPairSync } from 'node:crypto'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { stubMemoryStorage } from '../../test/memory-storage'
import type { AppState } from './app-state'
import { partializeState, restoredState, sanitizePersisted } from './persisted'

const items = stubMemoryStorage()

let store: typeof import('./app-store').useAppStore
beforeAll(async () => {
  store = (await import('./app-store')).useAppStore
})

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
const privatePem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
const privateJwk = JSON.stringify(createPrivateKey(privatePem).export({ format: 'jwk' }))
// Five parts, as a compact JWE has; only their presence matters to the store.
const outer = 'eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIiwiY3R5IjoiSldUIn0.a2V5.aXY.Y2lwaGVy.dGFn'
const inner = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJpbm5lciJ9.c2ln'

const jweInputs = {
  decryptionKey: privatePem,
  decryptionEncoding: 'hex',
  recipientKey: 'a-shared-password-for-pbes2',
  recipientEncoding: 'base64url',
  encryptionAlg: 'PBES2-HS256+A128KW',
  encryptionEnc: 'A128CBC-HS256',
  envelope: { token: outer, decryptionKey: privateJwk, decryptionEncoding: 'utf8' },
} as const satisfies Partial<AppState>

const sessionOnly = Object.keys(jweInputs)

beforeEach(() => {
  items.clear()
  store.getState().forgetEverything()
})

describe('the JWE inputs are never stored', () => {
  it.each([false, true])('not written, with "Remember tokens and secrets" %s', (rememberSecrets) => {
    const out = partializeState({ ...store.getState(), ...jweInputs, rememberSecrets })
    for (const field of sessionOnly) expect(out).not.toHaveProperty(field)
    const text = JSON.stringify(out)
    expect(text).not.toContain('PRIVATE KEY')
    expect(text).not.toContain(JSON.parse(privateJwk).d as string)
    expect(text).not.toContain('a-shared-password-for-pbes2')
    expect(text).not.toContain(outer.split('.')[3] as string)
  })

  it('not written by the store itself, after every action that sets them', () => {
    const s = store.getState()
    s.setRememberSecrets(true)
    s.setToken(outer)
    s.setDecryptionKey(privatePem)
    s.setDecryptionEncoding('base64')
    s.setRecipientKey('a-shared-password-for-pbes2', 'hex')
    s.setEncryptionChoice({ alg: 'A256KW', enc: 'A192GCM' })
    s.openInnerToken(inner)
    const written = items.get('jwt-lab:v1') ?? ''
    expect(written).toContain(inner)
    expect(written).not.toContain('PRIVATE KEY')
    expect(written).not.toContain('a-shared-password-for-pbes2')
    expect(written).not.toContain(outer)
    for (const field of sessionOnly) expect(written).not.toContain(`"${field}"`)
  })

  it('a stored entry that carries them (tampered, or from elsewhere) restores none of them', () => {
    const raw = { theme: 'dark', rememberSecrets: true, ...jweInputs }
    expect(restoredState(sanitizePersisted(raw))).toEqual({ theme: 'dark', rememberSecrets: true })
  })
})

describe('the envelope of a nested JWT', () => {
  it('opening the inner token keeps the encrypted token and its key; stepping out restores both', () => {
    const s = store.getState()
    s.setToken(outer, ['Removed a "Bearer " prefix.'])
    s.setDecryptionKey(privateJwk)
    s.setDecryptionEncoding('base64url')
    s.openInnerToken(inner)
    expect(store.getState()).toMatchObject({
      token: inner, extractionNotes: [], envelope: { token: outer, decryptionKey: privateJwk, decryptionEncoding: 'base64url' },
    })
    // The key box may change while the inner token is open (e.g. a second layer): stepping out restores it.
    store.getState().setDecryptionKey('something else')
    store.getState().leaveEnvelope()
    expect(store.getState()).toMatchObject({ token: outer, envelope: null, decryptionKey: privateJwk, decryptionEncoding: 'base64url' })
  })

  it('stepping out without an envelope changes nothing', () => {
    store.getState().setToken(inner)
    store.getState().leaveEnvelope()
    expect(store.getState()).toMatchObject({ token: inner, envelope: null })
  })

  it('editing or re-signing the inner token keeps the envelope', () => {
    store.getState().setToken(outer)
    store.getState().openInnerToken(inner)
    store.getState().setEditedToken(`${inner}x`, true)
    store.getState().setToken(`${inner}y`)
    expect(store.getState().envelope?.token).toBe(outer)
  })

  it.each<[string, (s: AppState) => void]>([
    ['a paste', (s) => s.storePaste({ token: 'p.a.ste', stripped: [] })],
    ['a session (example, lesson, tool)', (s) => s.loadSession({ token: 'l.o.ad' })],
    ['a link', (s) => s.openLink({ token: 'l.i.nk' })],
    ['an encrypted token made on the page', (s) => s.takeEncryptedToken(outer)],
  ])('%s drops the envelope, which described the token it replaces', (_name, act) => {
    store.getState().setToken(outer)
    store.getState().openInnerToken(inner)
    act(store.getState())
    expect(store.getState().envelope).toBeNull()
  })

  it('an encrypted token made on the page becomes the token, with the key that opens it', () => {
    store.getState().setToken(inner)
    store.getState().takeEncryptedToken(outer, { text: privatePem, encoding: 'utf8' })
    expect(store.getState()).toMatchObject({ token: outer, decryptionKey: privatePem, decryptionEncoding: 'utf8' })
    store.getState().setDecryptionKey('kept')
    store.getState().takeEncryptedToken(inner)
    expect(store.getState()).toMatchObject({ token: inner, decryptionKey: 'kept' })
  })

  it('"Forget everything" drops the key, the recipient key and the envelope', () => {
    const s = store.getState()
    s.setToken(outer)
    s.setDecryptionKey(privatePem)
    s.setRecipientKey('shared')
    s.openInnerToken(inner)
    store.getState().forgetEverything()
    expect(store.getState()).toMatchObject({ decryptionKey: '', recipientKey: '', envelope: null, token: '' })
  })
})
