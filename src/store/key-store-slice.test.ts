import { generateKeyPairSync } from 'node:crypto'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { stubMemoryStorage } from '../../test/memory-storage'
import { loadKeyStore, type KeyStoreEntry } from '../core'
import { STORAGE_KEY } from './persisted'

const items = stubMemoryStorage()

let store: typeof import('./app-store').useAppStore
beforeAll(async () => {
  store = (await import('./app-store')).useAppStore
})
beforeEach(() => store.getState().forgetEverything())

const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const privatePem = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const publicJwk = ec.publicKey.export({ format: 'jwk' })
const d = ec.privateKey.export({ format: 'jwk' }).d as string

async function entries(text: string): Promise<KeyStoreEntry[]> {
  const r = await (await loadKeyStore()).keyStoreEntries(text, { origin: 'pasted', encoding: 'utf8' })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const stored = () => items.get(STORAGE_KEY) ?? ''

describe('the key store slice', () => {
  it('puts an entry into the key boxes: its public key to verify, its private key to sign and decrypt', async () => {
    const [entry] = await entries(privatePem)
    store.getState().addKeyEntries([entry!])
    store.getState().useKeyToVerify(entry!.id)
    store.getState().useKeyToSign(entry!.id)
    store.getState().useKeyToDecrypt(entry!.id)
    const s = store.getState()
    expect(JSON.parse(s.verificationKey)).toEqual({ ...publicJwk })
    expect((JSON.parse(s.signingKey) as { d: string }).d).toBe(d)
    expect(s.decryptionKey).toBe(s.signingKey)
  })

  it('"Verify with every key" puts a JWKS of the public keys into Verification key', async () => {
    store.getState().addKeyEntries([...(await entries(privatePem)), ...(await entries('a-shared-secret'))])
    await store.getState().verifyWithEveryKey()
    const jwks = JSON.parse(store.getState().verificationKey) as { keys: Record<string, unknown>[] }
    expect(jwks.keys).toHaveLength(1)
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', x: publicJwk.x, y: publicJwk.y })
    expect(jwks.keys[0]).not.toHaveProperty('d')
  })

  it('without the opt-in, private keys are not stored and cannot be remembered', async () => {
    store.getState().addKeyEntries(await entries(privatePem))
    const r = await store.getState().rememberPrivateKeys('pw')
    expect(r.ok ? 'ok' : r.error.code).toBe('STORE_NOT_OPTED_IN')
    expect(stored()).not.toContain(d)
    expect(stored()).not.toContain('"keyStoreSealed"')
  })

  it('with the opt-in, private keys are stored sealed, come back locked, and open with the passphrase only', async () => {
    store.getState().setRememberSecrets(true)
    store.getState().addKeyEntries([...(await entries(privatePem)), ...(await entries(JSON.stringify(publicJwk)))])
    expect((await store.getState().rememberPrivateKeys('pw')).ok).toBe(true)
    // A key added later is sealed along with the others.
    store.getState().addKeyEntries(await entries('later-secret-later-secret'))
    await vi.waitFor(async () => {
      const sealed = store.getState().keyStoreSealed
      const opened = await (await loadKeyStore()).openKeyStore(sealed, 'pw')
      expect(opened.ok && opened.value.length).toBe(2)
    }, { timeout: 10_000 })
    expect(stored()).toContain('"keyStoreSealed"')
    expect(stored()).not.toContain(d)
    expect(stored()).not.toContain('later-secret')

    store.getState().lockKeyStore()
    expect(store.getState()).toMatchObject({ keyStoreLocked: true, keyStoreRemembering: false })
    expect(store.getState().keyEntries.map((e) => e.visibility)).toEqual(['public'])

    const wrong = await store.getState().unlockKeyStore('nope')
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('STORE_WRONG_PASSPHRASE')
    expect(store.getState().keyStoreLocked).toBe(true)
    expect((await store.getState().unlockKeyStore('pw')).ok).toBe(true)
    expect(store.getState().keyEntries.map((e) => e.visibility).sort()).toEqual(['private', 'private', 'public'])
    expect(store.getState().keyStoreLocked).toBe(false)
  }, 30_000)

  it('"Forget everything" clears the key store and its stored envelope', async () => {
    store.getState().setRememberSecrets(true)
    store.getState().addKeyEntries(await entries(privatePem))
    await store.getState().rememberPrivateKeys('pw')
    store.getState().forgetEverything()
    expect(store.getState()).toMatchObject({ keyEntries: [], keyStoreSealed: '', keyStoreLocked: false, keyStoreRemembering: false })
    expect(stored()).not.toContain('keyStoreSealed')
  }, 30_000)

  it('keeps fetched keys as discovered public entries named after their kid and host, and stores them', async () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' })
    const jwks = JSON.stringify({ keys: [{ ...publicJwk, kid: 'k1', use: 'sig' }, { ...other, kid: 'k2' }] })
    const added = await store.getState().addFetchedKeys(jwks, 'https://idp.example:8443/jwks.json')
    expect(added.ok && added.value.map((e) => [e.name, e.origin, e.visibility, e.kid])).toEqual([
      ['k1 (idp.example:8443)', 'discovered', 'public', 'k1'],
      ['k2 (idp.example:8443)', 'discovered', 'public', 'k2'],
    ])
    expect(store.getState().keyEntries.map((e) => e.kid)).toEqual(['k1', 'k2'])
    expect(JSON.parse(stored()).state.keyEntries).toHaveLength(2)
  })

  it('says plainly when what was fetched holds no key', async () => {
    const added = await store.getState().addFetchedKeys('{"keys":[]}', 'https://idp.example/jwks')
    expect(added.ok).toBe(false)
    expect(!added.ok && added.error.message).toMatch(/^The fetched keys could not be added: /)
    expect(store.getState().keyEntries).toEqual([])
  })
})
