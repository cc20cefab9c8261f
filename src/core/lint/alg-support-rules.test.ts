import { generateKeyPairSync } from 'node:crypto'
import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { parseKey } from '../keys'
import { decodeToken } from '../token'
import type { DecodedToken, KeyInput } from '../types'
import { algSupportRule } from './alg-support-rules'
import { lintToken, onDemandLintRules, resolveLintContext } from './index'
import type { LintContext } from './types'

const NOW = 1767225600
const b64u = (data: string | Uint8Array) => Buffer.from(data).toString('base64url')
const jws = (header: object, payload: object = { sub: 'x' }): DecodedToken => decodeToken(`${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}.${b64u(new Uint8Array(64).fill(7))}`)
const run = (token: DecodedToken, context: LintContext = {}) => algSupportRule(token, resolveLintContext({ now: NOW, ...context }))

async function okpKeys(...curves: ('ed25519' | 'ed448')[]): Promise<KeyInput> {
  const keys = curves.map((curve) => ({ ...(generateKeyPairSync(curve as 'ed25519').publicKey.export({ format: 'jwk' })), kid: curve }))
  const parsed = await parseKey(JSON.stringify({ keys }), { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

const HAIP =
  'OpenID4VC HAIP 1.0, the interoperability profile for SD-JWT VCs, requires issuers, holders and verifiers to support ES256 (ECDSA on P-256) for credential and presentation signatures; ' +
  'another algorithm works only between parties whose metadata says they support it.'
const ES256K_WHAT = 'ES256K, ECDSA on the secp256k1 curve (RFC 8812)'
const ES256K_SUPPORT = "WebCrypto has no secp256k1 and jose 6 dropped ES256K, so verifiers built on either cannot check it; OpenSSL-based libraries (Node's crypto) and secp256k1 libraries can."
const ED448_WHAT = 'Ed448, EdDSA on the Ed448 curve (RFC 8037, named Ed448 by RFC 9864)'
const ED448_SUPPORT =
  "Browsers' WebCrypto generally offers Ed25519 but not Ed448, and jose 6 does not implement it, so WebCrypto-only verifiers cannot check it; OpenSSL-based libraries and pure-JavaScript ones such as @noble/curves can."
const ML_DSA_SUPPORT = 'Few JOSE libraries implement it yet, and WebCrypto offers ML-DSA only in some runtimes, so jose 6 and other WebCrypto-based verifiers can check it only there.'
const FAPI = 'Profiles that fix their algorithms refuse it outright: the FAPI 2.0 Security Profile, for one, allows only PS256, ES256 and EdDSA with Ed25519 (§5.4.1).'

interface Expected {
  readonly id: string
  readonly title: string
  readonly explanation: string
  readonly fix: string
  readonly reference: string
}

describe('algSupportRule: a profile that guarantees another algorithm', () => {
  it.each<[string, () => DecodedToken, () => Promise<LintContext>, Expected]>([
    ['an ES256K SD-JWT VC (dc+sd-jwt)', () => jws({ alg: 'ES256K', typ: 'dc+sd-jwt' }, { vct: 'https://credentials.example/id', iss: 'https://issuer.example' }), async () => ({}), {
      id: 'alg-profile-support',
      title: 'An SD-JWT verifiable credential signed with ES256K, where HAIP guarantees only ES256',
      explanation: `The header's typ "dc+sd-jwt" marks this token as an SD-JWT verifiable credential. ${HAIP} This one is signed with ${ES256K_WHAT}. ${ES256K_SUPPORT}`,
      fix: 'Sign with ES256 on a P-256 key wherever HAIP applies; keep ES256K for wallets and verifiers whose metadata lists it.',
      reference: 'OpenID4VC HAIP 1.0 (Crypto Suites); RFC 8812 §3.2',
    }],
    ['an Ed448 credential typed "application/VC+SD-JWT" (older typ, any case)', () => jws({ alg: 'Ed448', typ: 'application/VC+SD-JWT' }), async () => ({}), {
      id: 'alg-profile-support',
      title: 'An SD-JWT verifiable credential signed with Ed448, where HAIP guarantees only ES256',
      explanation: `The header's typ "application/VC+SD-JWT" marks this token as an SD-JWT verifiable credential. ${HAIP} This one is signed with ${ED448_WHAT}. ${ED448_SUPPORT}`,
      fix: 'Sign with ES256 on a P-256 key wherever HAIP applies; keep Ed448 for wallets and verifiers whose metadata lists it.',
      reference: 'OpenID4VC HAIP 1.0 (Crypto Suites); RFC 8037 §3.1; RFC 9864',
    }],
    ['an ML-DSA-44 Key Binding JWT', () => jws({ alg: 'ML-DSA-44', typ: 'kb+jwt' }), async () => ({}), {
      id: 'alg-profile-support',
      title: 'A Key Binding JWT signed with ML-DSA-44, where HAIP guarantees only ES256',
      explanation:
        `The header's typ "kb+jwt" marks this token as a Key Binding JWT, the holder's signature on an SD-JWT presentation. ${HAIP} ` +
        `This one is signed with ML-DSA-44, the post-quantum lattice signature of FIPS 204 (security category 2) with an AKP key (RFC 9964). ${ML_DSA_SUPPORT}`,
      fix: 'Sign with ES256 on a P-256 key wherever HAIP applies; keep ML-DSA-44 for wallets and verifiers whose metadata lists it.',
      reference: 'OpenID4VC HAIP 1.0 (Crypto Suites); RFC 9964',
    }],
    ['an ML-DSA-65 access token (at+jwt), even with ML-DSA-65 on the allowlist', () => jws({ alg: 'ML-DSA-65', typ: 'at+jwt' }), async () => ({ allowedAlgorithms: ['ML-DSA-65'] }), {
      id: 'alg-profile-support',
      title: 'A JWT access token signed with ML-DSA-65, where RFC 9068 guarantees only RS256',
      explanation:
        'The header\'s typ "at+jwt" marks this token as a JWT access token. RFC 9068 requires authorization servers and resource servers to support RS256; ' +
        'it allows other algorithms, but a resource server need not implement any of them. ' +
        `This one is signed with ML-DSA-65, the post-quantum lattice signature of FIPS 204 (security category 3) with an AKP key (RFC 9964). ${ML_DSA_SUPPORT}`,
      fix: 'Sign access tokens with RS256, or with ML-DSA-65 only once every resource server that receives them has confirmed it accepts ML-DSA-65.',
      reference: 'RFC 9068 §2.1; RFC 9964',
    }],
    ['an ACME newAccount request, EdDSA with an Ed448 key given', () => jws({ alg: 'EdDSA', nonce: 'n0nce', url: 'https://acme.example/new-account', jwk: { kty: 'OKP', crv: 'Ed448', x: 'AA' } }, { termsOfServiceAgreed: true }), async () => ({ keys: await okpKeys('ed448') }), {
      id: 'alg-profile-support',
      title: 'An ACME request signed with EdDSA with an Ed448 key, where RFC 8555 guarantees only ES256',
      explanation:
        'The header has url, nonce and a jwk or kid: this is an ACME request. RFC 8555 requires ACME servers to implement ES256 and recommends EdDSA with Ed25519; ' +
        'a server that does not support an algorithm answers badSignatureAlgorithm with the list of those it accepts. ' +
        `This one is signed with ${ED448_WHAT}. ${ED448_SUPPORT}`,
      fix: 'Use an account key on P-256 (ES256), or Ed25519 (EdDSA) where the server accepts it.',
      reference: 'RFC 8555 §6.2; RFC 8037 §3.1; RFC 9864',
    }],
    ['an ACME request by account URL (kid), ES256K', () => jws({ alg: 'ES256K', nonce: 'n', url: 'https://acme.example/order', kid: 'https://acme.example/acct/1' }), async () => ({}), {
      id: 'alg-profile-support',
      title: 'An ACME request signed with ES256K, where RFC 8555 guarantees only ES256',
      explanation:
        'The header has url, nonce and a jwk or kid: this is an ACME request. RFC 8555 requires ACME servers to implement ES256 and recommends EdDSA with Ed25519; ' +
        'a server that does not support an algorithm answers badSignatureAlgorithm with the list of those it accepts. ' +
        `This one is signed with ${ES256K_WHAT}. ${ES256K_SUPPORT}`,
      fix: 'Use an account key on P-256 (ES256), or Ed25519 (EdDSA) where the server accepts it.',
      reference: 'RFC 8555 §6.2; RFC 8812 §3.2',
    }],
  ])('%s', async (_name, token, context, expected) => {
    const decoded = token()
    const findings = run(decoded, await context())
    expect(findings.map(({ id, title, explanation, fix, reference }) => ({ id, title, explanation, fix, reference }))).toEqual([expected])
    expect(findings.map((f) => f.severity)).toEqual(['info'])
  })
})

describe('algSupportRule: an algorithm many verifiers lack', () => {
  it.each<[string, () => DecodedToken, () => Promise<LintContext>, Expected]>([
    ['an untyped ES256K token', () => jws({ alg: 'ES256K' }), async () => ({}), {
      id: 'alg-limited-support',
      title: 'ES256K: many verifiers cannot check this algorithm',
      explanation: `The token is signed with ${ES256K_WHAT}. ${ES256K_SUPPORT} ${FAPI}`,
      fix:
        'Check that every verifier of these tokens accepts ES256K: its library and version, and its algorithm allowlist (libsecp256k1-based ones also insist on low-S signatures). ' +
        'If one cannot, sign with ES256 on a P-256 key instead.',
      reference: 'RFC 8812 §3.2; FAPI 2.0 Security Profile §5.4.1',
    }],
    ['an Ed448 DPoP proof (DPoP names no algorithm of its own)', () => jws({ alg: 'Ed448', typ: 'dpop+jwt' }), async () => ({ allowedAlgorithms: ['EdDSA'] }), {
      id: 'alg-limited-support',
      title: 'Ed448: many verifiers cannot check this algorithm',
      explanation: `The token is signed with ${ED448_WHAT}. ${ED448_SUPPORT} ${FAPI}`,
      fix: 'Check that every verifier of these tokens accepts Ed448 (or EdDSA with an Ed448 key) and lists it in its algorithm allowlist. If one cannot, sign with Ed25519 instead.',
      reference: 'RFC 8037 §3.1; RFC 9864; FAPI 2.0 Security Profile §5.4.1',
    }],
    ['EdDSA typed JWT with only Ed448 keys given', () => jws({ alg: 'EdDSA', typ: 'JWT' }), async () => ({ keys: await okpKeys('ed448', 'ed448') }), {
      id: 'alg-limited-support',
      title: 'EdDSA with an Ed448 key: many verifiers cannot check this algorithm',
      explanation: `The token is signed with ${ED448_WHAT}. ${ED448_SUPPORT} ${FAPI}`,
      fix: 'Check that every verifier of these tokens accepts Ed448 (or EdDSA with an Ed448 key) and lists it in its algorithm allowlist. If one cannot, sign with Ed25519 instead.',
      reference: 'RFC 8037 §3.1; RFC 9864; FAPI 2.0 Security Profile §5.4.1',
    }],
    ['ML-DSA-87 with an allowlist that lacks it', () => jws({ alg: 'ML-DSA-87' }), async () => ({ allowedAlgorithms: ['ES256', 'ML-DSA-65'] }), {
      id: 'alg-limited-support',
      title: 'ML-DSA-87: many verifiers cannot check this algorithm',
      explanation: `The token is signed with ML-DSA-87, the post-quantum lattice signature of FIPS 204 (security category 5) with an AKP key (RFC 9964). ${ML_DSA_SUPPORT} ${FAPI}`,
      fix:
        'Check that every verifier implements RFC 9964 and accepts ML-DSA-87: a WebCrypto-based one needs a runtime that offers ML-DSA, others a library such as @noble/post-quantum. ' +
        'Until all of them do, keep a classical signature (ES256 or Ed25519) available to the verifiers that cannot check ML-DSA, for example as a second signature in the JWS JSON serialization.',
      reference: 'RFC 9964; FAPI 2.0 Security Profile §5.4.1',
    }],
  ])('%s', async (_name, token, context, expected) => {
    const findings = run(token(), await context())
    expect(findings.map(({ id, title, explanation, fix, reference }) => ({ id, title, explanation, fix, reference }))).toEqual([expected])
    expect(findings.map((f) => f.severity)).toEqual(['info'])
  })

  it('points at the alg member of the header', () => {
    const decoded = jws({ typ: 'JWT', alg: 'ES256K', kid: 'k1' })
    const [finding] = run(decoded)
    const headerLength = decoded.header?.encoded.length ?? 0
    expect(finding?.segment).toBe('header')
    // The alg member, not the whole header: it starts after {"typ":"JWT", and ends before ,"kid".
    expect(finding?.offset).toBeGreaterThan(0)
    expect((finding?.offset ?? 0) + (finding?.length ?? 0)).toBeLessThan(headerLength)
  })
})

describe('algSupportRule: says nothing', () => {
  it.each<[string, () => DecodedToken, () => Promise<LintContext>]>([
    ['for ES256 in an SD-JWT VC', () => jws({ alg: 'ES256', typ: 'dc+sd-jwt' }), async () => ({})],
    ['for PS256 in an access token', () => jws({ alg: 'PS256', typ: 'at+jwt' }), async () => ({})],
    ['for an untyped RS256 token', () => jws({ alg: 'RS256' }), async () => ({})],
    ['for Ed25519 in an ACME request', () => jws({ alg: 'Ed25519', nonce: 'n', url: 'https://acme.example/a', kid: 'https://acme.example/acct/1' }), async () => ({})],
    ['for EdDSA without a key', () => jws({ alg: 'EdDSA' }), async () => ({})],
    ['for EdDSA with an Ed25519 key', () => jws({ alg: 'EdDSA' }), async () => ({ keys: await okpKeys('ed25519') })],
    ['for EdDSA with an Ed25519 and an Ed448 key (probably Ed25519)', () => jws({ alg: 'EdDSA' }), async () => ({ keys: await okpKeys('ed448', 'ed25519') })],
    ['for an untyped ES256K token whose verifier allows ES256K', () => jws({ alg: 'ES256K' }), async () => ({ allowedAlgorithms: ['ES256', 'ES256K'] })],
    ['for "es256k" (alg names are case-sensitive; no such algorithm)', () => jws({ alg: 'es256k' }), async () => ({})],
    ['for an alg that names an Object member', () => jws({ alg: 'constructor' }), async () => ({})],
    ['for an alg that is not a string', () => jws({ alg: ['ES256K'] }), async () => ({})],
    ['for a JWE whose alg is ES256K', () => decodeToken(`${b64u('{"alg":"ES256K","enc":"A128GCM"}')}.a.b.c.d`), async () => ({})],
  ])('%s', async (_name, token, context) => {
    expect(run(token(), await context())).toEqual([])
  })
})

describe('algSupportRule in lintToken, loaded on demand', () => {
  const extraRules = async (token: DecodedToken) => (await onDemandLintRules(token)?.load()) ?? []

  it.each([
    ['ES256K', 'algorithm-support'], ['Ed448', 'algorithm-support'], ['EdDSA', 'algorithm-support'], ['ML-DSA-65', 'algorithm-support'],
    ['ES256', undefined], ['RS256', undefined], ['HS256', undefined], ['es256k', undefined],
  ])('a %s token needs the on-demand set %s', (alg, key) => {
    expect(onDemandLintRules(jws({ alg }))?.key).toBe(key)
  })

  it('an ES256K SD-JWT VC gets the profile finding once, not the general one as well', async () => {
    const token = jws({ alg: 'ES256K', typ: 'dc+sd-jwt' }, { vct: 'v', iss: 'https://i.example', iat: NOW })
    const ids = lintToken(token, { now: NOW, extraRules: await extraRules(token) }).map((f) => f.id)
    expect(ids.filter((id) => id.startsWith('alg-'))).toEqual(['alg-profile-support'])
    // The built-in rules alone do not speak about algorithm support.
    expect(lintToken(token, { now: NOW }).map((f) => f.id).filter((id) => id.startsWith('alg-'))).toEqual([])
  })

  it('an empty allowlist is no allowlist', async () => {
    expect(resolveLintContext({ allowedAlgorithms: [] }).allowedAlgorithms).toBeUndefined()
    const token = jws({ alg: 'ES256K' })
    expect(lintToken(token, { now: NOW, allowedAlgorithms: [], extraRules: await extraRules(token) }).map((f) => f.id)).toContain('alg-limited-support')
  })
})
