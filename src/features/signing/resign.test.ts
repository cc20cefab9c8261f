import { Buffer } from 'node:buffer'
import { createHmac, generateKeyPairSync, verify } from 'node:crypto'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} })

let store: typeof import('../../store/app-store').useAppStore
let resign: typeof import('./resign').resign
let signingSource: typeof import('./signing-source').signingSource
beforeAll(async () => {
  store = (await import('../../store/app-store')).useAppStore
  ;({ resign } = await import('./resign'))
  ;({ signingSource } = await import('./signing-source'))
})

beforeEach(() => {
  store.getState().forgetEverything()
})

// Re-signing the token in the store into the JSON serialization, checked with node:crypto.
const SECRET = 'a-string-secret-at-least-256-bits-long'
const b64u = (s: string) => Buffer.from(s).toString('base64url')
const HEADER = '{"alg":"HS256","typ":"JWT"}'
const PAYLOAD = '{"sub":"alice", "n":12345678901234567890}'
const COMPACT = `${b64u(HEADER)}.${b64u(PAYLOAD)}.c2ln`
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const ecPem = ec.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()

interface Entry { readonly protected: string; readonly signature: string }
const hs256 = (e: Entry, payload: string) => createHmac('sha256', SECRET).update(`${e.protected}.${payload}`).digest('base64url') === e.signature
const es256 = (e: Entry, payload: string) =>
  verify('sha256', Buffer.from(`${e.protected}.${payload}`), { key: ec.publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(e.signature, 'base64url'))

describe('signingSource', () => {
  it.each([
    ['an empty editor', '', { header: '{"alg":"HS256","typ":"JWT"}', payload: '{}' }],
    ['a compact token', COMPACT, { header: HEADER, payload: PAYLOAD }],
    ['a flattened JWS', JSON.stringify({ payload: b64u('{"a":1}'), protected: b64u('{"alg":"ES256"}'), signature: 'c2ln' }), { header: '{"alg":"ES256"}', payload: '{"a":1}' }],
    ['a general JWS (first signature)', JSON.stringify({ payload: b64u('x'), signatures: [{ protected: b64u('{"alg":"HS256"}'), signature: 'c2ln' }, { protected: b64u('{"alg":"ES256"}'), signature: 'c2ln' }] }), { header: '{"alg":"HS256"}', payload: 'x' }],
    ['an unencoded payload', JSON.stringify({ payload: 'a.b', protected: b64u('{"alg":"HS256","b64":false,"crit":["b64"]}'), signature: 'c2ln' }), { header: '{"alg":"HS256","b64":false,"crit":["b64"]}', payload: 'a.b' }],
    ['an unprotected header only', JSON.stringify({ payload: b64u('x'), header: { alg: 'HS256' }, signature: 'c2ln' }), { header: '{}', payload: 'x' }],
  ])('%s', (_name, token, expected) => {
    expect(signingSource(token)).toEqual(expected)
  })

  it.each([
    ['a payload that is not UTF-8', JSON.stringify({ payload: '_w', protected: b64u('{"alg":"HS256"}'), signature: 'c2ln' })],
    ['garbage', 'not a token at all'],
  ])('%s gives nothing to sign', (_name, token) => {
    expect(signingSource(token)).toBeNull()
  })
})

describe('resign into the JSON serialization', () => {
  it('flattened: the compact token\'s header and payload, compacted, verify with jose', async () => {
    store.getState().setToken(COMPACT)
    const outcome = await resign({ alg: 'HS256', keyText: SECRET, encoding: 'utf8', serialization: 'flattened' })
    expect(outcome).toEqual({ kind: 'signed', algs: ['HS256'], serialization: 'flattened', warnings: [] })
    const jws = JSON.parse(store.getState().token) as Entry & { payload: string }
    expect(Object.keys(jws)).toEqual(['payload', 'protected', 'signature'])
    expect(Buffer.from(jws.protected, 'base64url').toString()).toBe(HEADER)
    expect(Buffer.from(jws.payload, 'base64url').toString()).toBe('{"sub":"alice","n":12345678901234567890}')
    expect(hs256(jws, jws.payload)).toBe(true)
  })

  it('general with an ES256 signer: both verify, and back to compact keeps the claims', async () => {
    store.getState().setToken(COMPACT)
    const outcome = await resign({
      alg: 'HS256', keyText: SECRET, encoding: 'utf8', serialization: 'general',
      extraSigners: [{ alg: 'ES256', keyText: ecPem, encoding: 'utf8' }],
    })
    expect(outcome).toEqual({ kind: 'signed', algs: ['HS256', 'ES256'], serialization: 'general', warnings: [] })
    const jws = JSON.parse(store.getState().token) as { payload: string; signatures: [Entry, Entry] }
    const [first, second] = jws.signatures
    expect(hs256(first, jws.payload)).toBe(true)
    expect(es256(second, jws.payload)).toBe(true)
    expect(es256(second, b64u('{"sub":"eve"}'))).toBe(false)
    expect(Buffer.from(second.protected, 'base64url').toString()).toBe('{"alg":"ES256"}')

    const back = await resign({ alg: 'HS256', keyText: SECRET, encoding: 'utf8' })
    expect(back).toEqual({ kind: 'signed', algs: ['HS256'], serialization: 'compact', warnings: [] })
    expect(store.getState().token.split('.')[1]).toBe(jws.payload)
  })

  it('a further signer without a key is named and the token stays', async () => {
    store.getState().setToken(COMPACT)
    const outcome = await resign({ alg: 'HS256', keyText: SECRET, encoding: 'utf8', serialization: 'general', extraSigners: [{ alg: 'RS256', keyText: ' ', encoding: 'utf8' }] })
    expect(outcome).toEqual({ kind: 'failed', message: 'Signature 2: Add a signing key for RS256, or press Generate key for signature 2.' })
    expect(store.getState().token).toBe(COMPACT)
  })

  it('a further signer whose key does not fit its algorithm is refused by the core, with its number', async () => {
    store.getState().setToken(COMPACT)
    const outcome = await resign({ alg: 'HS256', keyText: SECRET, encoding: 'utf8', serialization: 'general', extraSigners: [{ alg: 'RS256', keyText: ecPem, encoding: 'utf8' }] })
    expect(outcome.kind).toBe('failed')
    expect(outcome.kind === 'failed' && outcome.message.startsWith('Signature 2: ')).toBe(true)
    expect(store.getState().token).toBe(COMPACT)
  })

  it('further signers are ignored outside the general syntax', async () => {
    store.getState().setToken(COMPACT)
    const outcome = await resign({ alg: 'HS256', keyText: SECRET, encoding: 'utf8', serialization: 'flattened', extraSigners: [{ alg: 'RS256', keyText: '', encoding: 'utf8' }] })
    expect(outcome).toEqual({ kind: 'signed', algs: ['HS256'], serialization: 'flattened', warnings: [] })
  })
})
