import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/jws-valid.json'
import type { JwsAlgorithm, ParsedKey } from '../types'
import { importForAlgorithm } from './import'
import { parseKey } from './parse'

type V = { id: string; key: Record<string, string>; private_key?: Record<string, string> }
const byId = (id: string) => (vectors as unknown as V[]).find((v) => v.id === id)!

async function key(value: Record<string, unknown> | string): Promise<ParsedKey> {
  const result = await parseKey(typeof value === 'string' ? value : JSON.stringify(value), { encoding: 'utf8' })
  if (!result.ok) throw new Error(result.error.message)
  return result.value.keys[0]!
}

const rsaPublic = () => key(byId('rfc7515-A.2-RS256').key)
const rsaPrivate = () => key(byId('rfc7515-A.2-RS256').private_key!)
const p256Public = () => key(byId('rfc7515-A.3-ES256').key)
const p256Private = () => key(byId('rfc7515-A.3-ES256').private_key!)
const p521Public = () => key(byId('rfc7515-A.4-ES512').key)
const edPublic = () => key(byId('rfc8037-A.4-EdDSA').key)
const edPrivate = () => key(byId('rfc8037-A.4-EdDSA').private_key!)
const secret = () => key('a-string-secret-at-least-256-bits-long')

describe('importForAlgorithm accepts keys that fit', () => {
  const cases: [string, () => Promise<ParsedKey>, JwsAlgorithm, 'sign' | 'verify', string][] = [
    ['secret HS256 sign', secret, 'HS256', 'sign', 'HMAC'],
    ['secret HS512 verify', secret, 'HS512', 'verify', 'HMAC'],
    ['RSA public RS256 verify', rsaPublic, 'RS256', 'verify', 'RSASSA-PKCS1-v1_5'],
    ['RSA private PS384 sign', rsaPrivate, 'PS384', 'sign', 'RSA-PSS'],
    ['RSA private PS512 verify (public part)', rsaPrivate, 'PS512', 'verify', 'RSA-PSS'],
    ['P-256 private ES256 sign', p256Private, 'ES256', 'sign', 'ECDSA'],
    ['P-521 public ES512 verify', p521Public, 'ES512', 'verify', 'ECDSA'],
    ['Ed25519 private EdDSA sign', edPrivate, 'EdDSA', 'sign', 'Ed25519'],
    ['Ed25519 public Ed25519 verify', edPublic, 'Ed25519', 'verify', 'Ed25519'],
  ]
  it.each(cases)('%s', async (_name, make, alg, usage, algorithmName) => {
    const result = await importForAlgorithm(await make(), alg, usage)
    if (!result.ok) throw new Error(result.error.message)
    const key = result.value
    if (!(key instanceof CryptoKey)) throw new Error('every algorithm of the registry imports through WebCrypto')
    expect(key.algorithm.name).toBe(algorithmName)
    expect(key.usages).toEqual([usage])
    expect(key.type).toBe(usage === 'sign' && algorithmName !== 'HMAC' ? 'private' : algorithmName === 'HMAC' ? 'secret' : 'public')
  })

  it('caches the import per key object', async () => {
    const k = await p256Public()
    const a = await importForAlgorithm(k, 'ES256', 'verify')
    const b = await importForAlgorithm(k, 'ES256', 'verify')
    expect(a.ok && b.ok && a.value === b.value).toBe(true)
  })
})

describe('importForAlgorithm refuses keys that do not fit', () => {
  const cases: [string, () => Promise<ParsedKey>, JwsAlgorithm, 'sign' | 'verify', string, string][] = [
    [
      'RSA public key as an HS256 secret',
      rsaPublic, 'HS256', 'verify', 'KEY_ALG_MISMATCH',
      'The key is an RSA public key (2048 bits), but HS256 needs a shared secret. Using a public or private key as an HMAC secret is the algorithm-confusion attack, so it is refused. Choose RS256, RS384, RS512, PS256, PS384, PS512 for this key, or paste a shared secret.',
    ],
    [
      'EC private key for HS384 signing',
      p256Private, 'HS384', 'sign', 'KEY_ALG_MISMATCH',
      'The key is an EC P-256 private key, but HS384 needs a shared secret. Using a public or private key as an HMAC secret is the algorithm-confusion attack, so it is refused. Choose ES256 for this key, or paste a shared secret.',
    ],
    [
      'secret for RS256',
      secret, 'RS256', 'verify', 'KEY_ALG_MISMATCH',
      'The key is a 304-bit HMAC secret, but RS256 needs an RSA key. Choose HS256, HS384, HS512 for this key, or paste an RSA key.',
    ],
    [
      'P-256 key for ES384',
      p256Public, 'ES384', 'verify', 'KEY_ALG_MISMATCH',
      'The key is an EC P-256 public key, but ES384 needs an EC key on curve P-384. Choose ES256 for this key, or paste an EC key on curve P-384.',
    ],
    [
      'Ed25519 key for ES256',
      edPublic, 'ES256', 'verify', 'KEY_ALG_MISMATCH',
      'The key is an Ed25519 public key, but ES256 needs an EC key on curve P-256. Choose EdDSA, Ed25519 for this key, or paste an EC key on curve P-256.',
    ],
    [
      'RSA key for EdDSA',
      rsaPublic, 'EdDSA', 'verify', 'KEY_ALG_MISMATCH',
      'The key is an RSA public key (2048 bits), but EdDSA needs an Ed25519 or Ed448 (OKP) key. Choose RS256, RS384, RS512, PS256, PS384, PS512 for this key, or paste an Ed25519 or Ed448 (OKP) key.',
    ],
    [
      'JWK alg RS256 used for PS256',
      () => key({ ...byId('rfc7515-A.2-RS256').key, alg: 'RS256' }), 'PS256', 'verify', 'KEY_ALG_MISMATCH',
      'The key is an RSA public key (2048 bits) marked for "RS256" (its JWK "alg"), but the token uses PS256. Use RS256, or remove "alg" from the JWK if the key is meant for PS256.',
    ],
    [
      'JWK use enc',
      () => key({ ...byId('rfc7515-A.3-ES256').key, use: 'enc' }), 'ES256', 'verify', 'KEY_USE_MISMATCH',
      'The key is an EC P-256 public key marked for use "enc" (its JWK "use"), not for signatures ("sig"). Use a signing key, or change "use" to "sig".',
    ],
    [
      'public key for signing',
      rsaPublic, 'RS256', 'sign', 'KEY_NOT_PRIVATE',
      'The key is an RSA public key (2048 bits): signing with RS256 needs the private key. Paste the private key (PEM "PRIVATE KEY", or a JWK with "d" — "priv" for an AKP key), or generate a new key pair.',
    ],
    [
      'none',
      secret, 'none', 'sign', 'ALG_UNSUPPORTED',
      'The algorithm "none" uses no key: an unsecured token has no signature to make or check. Choose a signing algorithm such as HS256, RS256 or ES256.',
    ],
    [
      'unknown algorithm',
      secret, 'HS1' as JwsAlgorithm, 'verify', 'ALG_UNSUPPORTED',
      'The algorithm "HS1" is not supported. Use one of HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, ES256K, EdDSA, Ed25519, Ed448, ML-DSA-44, ML-DSA-65 or ML-DSA-87.',
    ],
  ]
  it.each(cases)('%s', async (_name, make, alg, usage, code, message) => {
    expect(await importForAlgorithm(await make(), alg, usage)).toEqual({ ok: false, error: { code, message } })
  })

  it('a JWK alg must name the token alg exactly: EdDSA and Ed25519 are not interchangeable (jose compares exactly)', async () => {
    const k = await key({ ...byId('rfc8037-A.4-EdDSA').key, alg: 'EdDSA' })
    expect(await importForAlgorithm(k, 'Ed25519', 'verify')).toEqual({
      ok: false,
      error: { code: 'KEY_ALG_MISMATCH', message: 'The key is an Ed25519 public key marked for "EdDSA" (its JWK "alg"), but the token uses Ed25519. Use EdDSA, or remove "alg" from the JWK if the key is meant for Ed25519.' },
    })
    expect((await importForAlgorithm(k, 'EdDSA', 'verify')).ok).toBe(true)
  })
})
