import { createHmac, createPrivateKey, createPublicKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { AppState } from './app-state'
import type { KeyStoreEntry } from '../core'
import { droppedFields, partializeState, restoredState, sanitizePersisted } from './persisted'
import { createAppState } from './slices'

const read = (file: string) => readFileSync(new URL(`../../test/fixtures/keys/${file}`, import.meta.url), 'utf8')
const spki = read('rsa-2048-spki.pem')
const cert = read('ec-p256-cert.pem')
const pkcs8 = read('rsa-2048-pkcs8.pem')
const relabelled = read('ec-p256-pkcs8.pem').replace(/PRIVATE KEY/g, 'PUBLIC KEY')
const privateJwk = JSON.stringify(createPrivateKey(pkcs8).export({ format: 'jwk' }))

const b64u = (text: string) => Buffer.from(text).toString('base64url')
const now = () => Math.floor(Date.now() / 1000)
function hs256(payload: object): string {
  const input = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(JSON.stringify(payload))}`
  return `${input}.${createHmac('sha256', 'a-test-secret-of-32-bytes-length!').update(input).digest('base64url')}`
}
const liveToken = hs256({ sub: 'live', exp: now() + 3600 })
const noExpToken = hs256({ sub: 'forever' })
const expiredToken = hs256({ sub: 'old', exp: now() - 3600 })
const unsignedToken = `${b64u('{"alg":"none"}')}.${b64u(`{"sub":"u","exp":${now() + 3600}}`)}.`

/** The app's state with its real defaults (the slices without the store or its storage). */
function state(patch: Partial<AppState> = {}): AppState {
  let s = {} as AppState
  const set = (p: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => {
    s = { ...s, ...(typeof p === 'function' ? p(s) : p) }
  }
  const get = () => s
  const api = { persist: { clearStorage: () => {} }, getInitialState: () => s } as never
  s = createAppState(...([set, get, api] as never as Parameters<typeof createAppState>))
  return { ...s, ...patch }
}

interface Case {
  readonly name: string
  readonly patch: Partial<AppState>
  /** The token and key fields expected in storage without the opt-in (absent: not written). */
  readonly stored: Partial<Pick<AppState, 'token' | 'verificationKey' | 'signingKey'>>
}

const cases: Case[] = [
  { name: 'a PKCS#8 private key relabelled BEGIN PUBLIC KEY', patch: { verificationKey: relabelled }, stored: { token: '' } },
  { name: 'a PEM private key', patch: { verificationKey: pkcs8 }, stored: { token: '' } },
  { name: 'a private JWK', patch: { verificationKey: privateJwk }, stored: { token: '' } },
  { name: 'an HMAC secret', patch: { verificationKey: 'your-256-bit-secret' }, stored: { token: '' } },
  { name: 'a public key followed by junk', patch: { verificationKey: `${spki}junk` }, stored: { token: '' } },
  { name: 'an SPKI public key', patch: { verificationKey: spki }, stored: { token: '', verificationKey: spki } },
  { name: 'a certificate', patch: { verificationKey: cert }, stored: { token: '', verificationKey: cert } },
  { name: 'an empty key', patch: {}, stored: { token: '', verificationKey: '' } },
  { name: 'a signing key, even a public one', patch: { signingKey: spki }, stored: { token: '', verificationKey: '' } },
  { name: 'a live signed token', patch: { token: liveToken }, stored: { verificationKey: '' } },
  { name: 'a signed token without exp', patch: { token: noExpToken }, stored: { verificationKey: '' } },
  { name: 'garbage in the token box', patch: { token: 'not-a-token-but-maybe-a-credential' }, stored: { verificationKey: '' } },
  { name: 'an expired token', patch: { token: expiredToken }, stored: { token: expiredToken, verificationKey: '' } },
  { name: 'an unsigned token', patch: { token: unsignedToken }, stored: { token: unsignedToken, verificationKey: '' } },
  { name: 'a live token loaded as an example', patch: { token: liveToken, exampleToken: liveToken }, stored: { token: liveToken, verificationKey: '' } },
  { name: 'an example edited into a new live token', patch: { token: noExpToken, exampleToken: liveToken }, stored: { verificationKey: '' } },
]

const pick = (out: object) => Object.fromEntries(Object.entries(out).filter(([k]) => ['token', 'verificationKey', 'signingKey'].includes(k)))

describe('partializeState without "Remember tokens and secrets"', () => {
  it.each(cases)('$name', ({ patch, stored }) => {
    expect(pick(partializeState(state(patch)))).toEqual(stored)
  })

  it('records the origin of a stored token', () => {
    expect(partializeState(state({ token: liveToken, exampleToken: liveToken })).tokenOrigin).toBe('example')
    expect(partializeState(state({ token: expiredToken })).tokenOrigin).toBe('user')
    expect(partializeState(state({ token: liveToken })).tokenOrigin).toBeUndefined()
  })

  it('never writes private material, secrets or live tokens, whatever the mix', () => {
    const keys = [relabelled, pkcs8, privateJwk, 'your-256-bit-secret', read('ec-p256-sec1.pem'), read('ed25519-pkcs8.pem').replace(/PRIVATE KEY/g, 'CERTIFICATE')]
    for (const verificationKey of keys) {
      for (const token of [liveToken, noExpToken]) {
        const out = partializeState(state({ verificationKey, signingKey: pkcs8, token }))
        expect(out.verificationKey).toBeUndefined()
        expect(out.signingKey).toBeUndefined()
        expect(out.token).toBeUndefined()
        const text = JSON.stringify(out)
        expect(text).not.toContain(JSON.stringify(verificationKey).slice(1, -1))
        expect(text).not.toContain('PRIVATE')
        expect(text).not.toContain(token.split('.')[1] as string)
      }
    }
  })

  it('keeps settings, policy inputs and practice progress', () => {
    const out = partializeState(state({ theme: 'dark', plainEditors: true, expectedIssuer: 'https://issuer.example', clockSkewSeconds: 30, solvedChallenges: ['none'] }))
    expect(out).toMatchObject({ theme: 'dark', plainEditors: true, expectedIssuer: 'https://issuer.example', clockSkewSeconds: 30, solvedChallenges: ['none'], rememberSecrets: false })
  })
})

describe('partializeState with "Remember tokens and secrets"', () => {
  it('writes live tokens, secrets and private keys', () => {
    const out = partializeState(state({ rememberSecrets: true, token: liveToken, verificationKey: relabelled, signingKey: pkcs8 }))
    expect(pick(out)).toEqual({ token: liveToken, verificationKey: relabelled, signingKey: pkcs8 })
  })

  it('still never writes a token over 256 KB', () => {
    const huge = hs256({ exp: now() - 60, pad: 'x'.repeat(256 * 1024) })
    expect(partializeState(state({ rememberSecrets: true, token: huge })).token).toBeUndefined()
  })
})

describe('restoredState', () => {
  const restore = (stored: unknown) => restoredState(sanitizePersisted(stored))
  it.each([
    ['a live token stored by an older version', { token: liveToken, rememberSecrets: false }, {}],
    ['a live token with the opt-in', { token: liveToken, rememberSecrets: true }, { token: liveToken }],
    ['a live example token', { token: liveToken, tokenOrigin: 'example' }, { token: liveToken, exampleToken: liveToken }],
    ['an expired token', { token: expiredToken }, { token: expiredToken }],
    ['a relabelled private key stored by an older version', { verificationKey: relabelled }, {}],
    ['a public key', { verificationKey: spki }, { verificationKey: spki }],
    ['a signing key without the opt-in', { signingKey: pkcs8 }, {}],
    ['a signing key with the opt-in', { signingKey: pkcs8, rememberSecrets: true }, { signingKey: pkcs8 }],
    ['a bogus origin', { token: liveToken, tokenOrigin: 'trusted' }, {}],
  ])('%s', (_name, stored, expected) => {
    const out = restore(stored) as Record<string, unknown>
    const inputs = Object.fromEntries(Object.entries(out).filter(([k]) => ['token', 'verificationKey', 'signingKey', 'exampleToken'].includes(k)))
    expect(inputs).toEqual(expected)
  })
})

describe('sanitizePersisted, field by field', () => {
  // [field, values kept as they are, values dropped]
  const fields: readonly [string, readonly unknown[], readonly unknown[]][] = [
    ['token', ['', 'a.b.c'], [1, null, ['a.b.c'], { token: 'x' }]],
    ['verificationKey', ['', 'secret'], [false, 42]],
    ['signingKey', ['key'], [{}, 0]],
    ['expectedIssuer', ['https://issuer.example'], [1]],
    ['expectedAudience', ['api, web'], [['api']]],
    ['allowedAlgorithms', ['HS256,RS256'], [true]],
    ['secretEncoding', ['utf8', 'base64url', 'base64', 'hex'], ['UTF-8', 'latin1', '', 1]],
    ['signingEncoding', ['utf8', 'base64url', 'base64', 'hex'], ['binary', null]],
    ['algorithm', ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA', 'Ed25519', 'Ed448', 'none'], ['hs256', 'ed448', 'ES256k', 'None', '', 256]],
    ['theme', ['system', 'light', 'dark'], ['Dark', 'blue', 0]],
    ['rememberSecrets', [true, false], ['true', 1, null]],
    ['plainEditors', [true, false], ['true', 1, null]],
    ['clockSkewSeconds', [0, 30, 0.5], [-1, Number.NaN, Number.POSITIVE_INFINITY, '30', null]],
    ['tokenOrigin', ['example', 'user'], ['trusted', '', 1]],
    ['allowedIssuers', [[], ['https://idp.example'], ['http://localhost:8080/realms/dev', 'http://127.0.0.1:9000/']], ['https://idp.example', null, 3]],
  ]

  it.each(fields.flatMap(([field, kept]) => kept.map((value) => [field, value] as const)))('%s keeps %j', (field, value) => {
    const raw = { [field]: value }
    expect(sanitizePersisted(raw)).toEqual(raw)
    expect(droppedFields(raw, sanitizePersisted(raw))).toEqual([])
  })

  it.each(fields.flatMap(([field, , dropped]) => dropped.map((value) => [field, value] as const)))('%s drops %j and reports it', (field, value) => {
    const neighbour = field === 'theme' ? { rememberSecrets: true } : { theme: 'dark' }
    const raw = { ...neighbour, [field]: value }
    expect(sanitizePersisted(raw)).toEqual(neighbour)
    expect(droppedFields(raw, sanitizePersisted(raw))).toEqual([field])
  })

  it('ignores unknown fields and inherited names, and reports nothing for them', () => {
    const raw = JSON.parse('{"nowOverride":"2020-01-01T00:00:00Z","presentationMode":true,"__proto__":{"token":"a.b.c"},"storageNotice":"x"}') as unknown
    expect(sanitizePersisted(raw)).toEqual({})
    expect(droppedFields(raw, sanitizePersisted(raw))).toEqual([])
  })

  it('a state that is not an object is dropped whole', () => {
    for (const raw of [null, 'state', 3, ['token']]) {
      expect(sanitizePersisted(raw)).toEqual({})
      expect(droppedFields(raw, {})).toEqual(['state'])
    }
  })
})

describe('allowed issuers in storage', () => {
  it('keeps only URLs discovery may request, each once, as the token spelt them', () => {
    const raw = {
      allowedIssuers: [
        'https://idp.example', 'https://idp.example', 'https://idp.example/', 'http://idp.example', 'javascript:alert(1)', 'ftp://idp.example',
        'https://user:pw@idp.example', ' https://padded.example', 'not a url', 42, null, 'http://localhost:8080/realms/dev', `https://x.example/${'a'.repeat(3000)}`,
      ],
    }
    expect(sanitizePersisted(raw)).toEqual({ allowedIssuers: ['https://idp.example', 'https://idp.example/', 'http://localhost:8080/realms/dev'] })
  })

  it('keeps at most 50', () => {
    const many = Array.from({ length: 80 }, (_, i) => `https://idp${i}.example`)
    expect(sanitizePersisted({ allowedIssuers: many }).allowedIssuers).toEqual(many.slice(0, 50))
  })

  it('is written whether or not secrets are remembered (the issuer list is the opt-in itself)', () => {
    expect(partializeState(state({ allowedIssuers: ['https://idp.example'] })).allowedIssuers).toEqual(['https://idp.example'])
  })
})

describe('the persisted fields', () => {
  it('with the opt-in and a storable token, exactly these are written', () => {
    const out = partializeState(state({ rememberSecrets: true, token: expiredToken, verificationKey: 'k', signingKey: 'k', nowOverride: '2020-01-01T00:00:00Z', presentationMode: true }))
    expect(Object.keys(out).sort()).toEqual([
      'algorithm', 'allowedAlgorithms', 'allowedIssuers', 'clockSkewSeconds', 'expectedAudience', 'expectedIssuer', 'keyEntries', 'plainEditors', 'rememberSecrets', 'secretEncoding',
      'signingEncoding', 'signingKey', 'solvedChallenges', 'theme', 'token', 'tokenOrigin', 'verificationKey',
    ])
  })

  it('what is written reads back unchanged', () => {
    const out = partializeState(state({ rememberSecrets: true, token: expiredToken, verificationKey: 'k', signingKey: 's', algorithm: 'PS384', secretEncoding: 'hex', theme: 'light', clockSkewSeconds: 5, solvedChallenges: ['none'] }))
    const raw = JSON.parse(JSON.stringify(out)) as unknown
    expect(sanitizePersisted(raw)).toEqual(out)
    expect(droppedFields(raw, sanitizePersisted(raw))).toEqual([])
  })
})

describe('the key store in storage', () => {
  const publicJwk = JSON.stringify(createPublicKey(pkcs8).export({ format: 'jwk' }))
  const entry = (patch: Partial<KeyStoreEntry>): KeyStoreEntry => ({
    id: 'tp', name: 'k', kty: 'RSA', kind: 'an RSA public key (2048 bits)', thumbprint: 'tp', origin: 'pasted', visibility: 'public', text: publicJwk, ...patch,
  })
  const publicEntry = entry({})
  const privateEntry = entry({ id: 'private:tp', visibility: 'private', kind: 'an RSA private key (2048 bits)', text: privateJwk })
  const disguised = entry({ id: 'x', text: privateJwk })
  const secretEntry = entry({ id: 'private:s', kty: 'oct', visibility: 'private', text: '{"kty":"oct","k":"c2VjcmV0"}' })
  const sealed = '{"v":1,"kdf":"PBKDF2-SHA-256","iterations":600000,"salt":"s","iv":"i","check":"c","ciphertext":"x"}'

  it.each([
    ['without the opt-in', false],
    ['with the opt-in', true],
  ])('%s writes public entries only, never a private one in plain text', (_name, rememberSecrets) => {
    const out = partializeState(state({ rememberSecrets, keyEntries: [publicEntry, privateEntry, disguised, secretEntry] }))
    expect(out.keyEntries).toEqual([publicEntry])
    const text = JSON.stringify(out)
    expect(text).not.toContain('"d\\"')
    expect(text).not.toContain(JSON.parse(privateJwk).d as string)
    expect(text).not.toContain('c2VjcmV0')
  })

  it('writes the sealed envelope only with the opt-in', () => {
    expect(partializeState(state({ keyStoreSealed: sealed })).keyStoreSealed).toBeUndefined()
    expect(partializeState(state({ keyStoreSealed: sealed, rememberSecrets: true })).keyStoreSealed).toBe(sealed)
    expect(partializeState(state({ rememberSecrets: true })).keyStoreSealed).toBeUndefined()
  })

  it.each([
    ['sealed keys with the opt-in come back locked', { keyStoreSealed: sealed, rememberSecrets: true }, { keyStoreSealed: sealed, keyStoreLocked: true, rememberSecrets: true }],
    ['sealed keys without the opt-in are dropped', { keyStoreSealed: sealed }, {}],
    ['a public entry is restored', { keyEntries: [publicEntry] }, { keyEntries: [publicEntry] }],
    ['a private entry is dropped, even with the opt-in', { keyEntries: [privateEntry], rememberSecrets: true }, { keyEntries: [], rememberSecrets: true }],
    ['a private key labelled public is dropped', { keyEntries: [disguised] }, { keyEntries: [] }],
    ['a malformed entry is dropped', { keyEntries: [{ ...publicEntry, origin: 'elsewhere' }, { ...publicEntry, name: 7 }, null, 'x'] }, { keyEntries: [] }],
    ['a repeated entry is restored once', { keyEntries: [publicEntry, publicEntry] }, { keyEntries: [publicEntry] }],
  ])('%s', (_name, stored, expected) => {
    expect(restoredState(sanitizePersisted(stored))).toEqual(expected)
  })

  it('a key store field of the wrong type is dropped and reported', () => {
    for (const raw of [{ keyEntries: 'x' }, { keyStoreSealed: 3 }]) {
      expect(sanitizePersisted(raw)).toEqual({})
      expect(droppedFields(raw, sanitizePersisted(raw))).toEqual(Object.keys(raw))
    }
  })
})
