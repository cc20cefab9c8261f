import { Buffer } from 'node:buffer'
import { generateKeyPairSync } from 'node:crypto'
import {
  FlattenedSign,
  GeneralSign,
  flattenedVerify,
  generalVerify,
  importJWK,
  type FlattenedJWSInput,
  type GeneralJWSInput,
  type JWK,
} from 'jose'
import { describe, expect, it } from 'vitest'
import { parseKey } from '../keys/parse'
import type { KeyInput, ParsedKey } from '../types'
import { parseJwsJson, verifyJwsJson } from './json-serialization'
import { signJwsJson, type JwsJsonSigner, type SignJwsJsonInput } from './sign-json'

// What signJwsJson makes is checked by jose (an independent strict implementation), and what jose
// makes is checked by the core's own verifier, for every family of algorithms.
const SECRET = 'a-secret-that-is-long-enough-for-hs256-and-more-x'
const PAYLOAD = '{"iss":"joe","admin":false}'
const b64u = (s: string) => Buffer.from(s).toString('base64url')

interface Family {
  readonly alg: string
  readonly privateJwk: JWK
  readonly publicJwk: JWK
}

function pair(kind: 'rsa' | 'ec' | 'ed25519'): { privateJwk: JWK; publicJwk: JWK } {
  const keys = kind === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : kind === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('ed25519')
  return { privateJwk: keys.privateKey.export({ format: 'jwk' }) as JWK, publicJwk: keys.publicKey.export({ format: 'jwk' }) as JWK }
}

const octJwk: JWK = { kty: 'oct', k: b64u(SECRET) }
const rsa = pair('rsa')
const ec = pair('ec')
const ed = pair('ed25519')
const FAMILIES: readonly Family[] = [
  { alg: 'HS256', privateJwk: octJwk, publicJwk: octJwk },
  { alg: 'RS256', ...rsa },
  { alg: 'PS256', ...rsa },
  { alg: 'ES256', ...ec },
  { alg: 'Ed25519', ...ed },
  { alg: 'EdDSA', ...ed },
]

async function keyInput(text: string): Promise<KeyInput> {
  const parsed = await parseKey(text, { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

async function signingKey(jwk: JWK): Promise<ParsedKey> {
  return (await keyInput(JSON.stringify(jwk))).keys[0] as ParsedKey
}

async function signed(input: SignJwsJsonInput) {
  const result = await signJwsJson(input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** The core's verdicts on a JSON text: `true` per verified signature, else the reason. */
async function coreVerdicts(text: string, keyText: string): Promise<(true | string)[]> {
  const parsed = parseJwsJson(text)
  if (!parsed.ok) return [parsed.error.code]
  const results = await verifyJwsJson(parsed.value, await keyInput(keyText))
  return results.map((r) => (r.ok ? (r.value.valid ? true : r.value.reason ?? 'invalid') : r.error.code))
}

describe('signJwsJson: jose verifies what the core signs', () => {
  it.each(FAMILIES.map((f) => [f.alg, f] as const))('%s, flattened', async (alg, family) => {
    const out = await signed({ payload: PAYLOAD, signers: [{ protectedHeader: { alg, kid: 'k1' }, unprotectedHeader: { note: 'n' }, key: await signingKey(family.privateJwk) }] })
    expect(out.syntax).toBe('flattened')
    const jws = JSON.parse(out.text) as FlattenedJWSInput
    expect(Object.keys(jws)).toEqual(['payload', 'protected', 'header', 'signature'])
    expect(jws.payload).toBe(b64u(PAYLOAD))
    expect(Buffer.from(jws.protected as string, 'base64url').toString()).toBe(`{"alg":"${alg}","kid":"k1"}`)
    const verified = await flattenedVerify(jws, await importJWK(family.publicJwk, alg))
    expect(new TextDecoder().decode(verified.payload)).toBe(PAYLOAD)
    expect(verified.protectedHeader).toEqual({ alg, kid: 'k1' })
    expect(verified.unprotectedHeader).toEqual({ note: 'n' })
  })

  it.each(FAMILIES.map((f) => [f.alg, f] as const))('%s, general with one signature', async (alg, family) => {
    const out = await signed({ payload: PAYLOAD, syntax: 'general', signers: [{ protectedHeader: { alg }, key: await signingKey(family.privateJwk) }] })
    const jws = JSON.parse(out.text) as GeneralJWSInput
    expect(Object.keys(jws)).toEqual(['payload', 'signatures'])
    expect(jws.signatures).toHaveLength(1)
    const verified = await generalVerify(jws, await importJWK(family.publicJwk, alg))
    expect(new TextDecoder().decode(verified.payload)).toBe(PAYLOAD)
  })

  it('HS256 is deterministic: the flattened JWS equals the one jose makes', async () => {
    const out = await signed({ payload: PAYLOAD, signers: [{ protectedHeader: { alg: 'HS256' }, unprotectedHeader: { kid: 'hs-1' }, key: await signingKey(octJwk) }] })
    const jose = await new FlattenedSign(new TextEncoder().encode(PAYLOAD))
      .setProtectedHeader({ alg: 'HS256' })
      .setUnprotectedHeader({ kid: 'hs-1' })
      .sign(await importJWK(octJwk, 'HS256'))
    expect(JSON.parse(out.text)).toEqual(jose)
  })

  it('general with two signatures of different algorithms: each verifies with its own key', async () => {
    const out = await signed({
      payload: PAYLOAD,
      signers: [
        { protectedHeader: { alg: 'HS256', kid: 'hs-1' }, key: await signingKey(octJwk) },
        { protectedHeader: { alg: 'ES256' }, unprotectedHeader: { kid: 'ec-1' }, key: await signingKey(ec.privateJwk) },
      ],
    })
    expect(out.syntax).toBe('general')
    const jws = JSON.parse(out.text) as GeneralJWSInput
    expect(jws.signatures).toHaveLength(2)
    const [first, second] = jws.signatures as [FlattenedJWSInput, FlattenedJWSInput]
    await expect(flattenedVerify({ ...first, payload: jws.payload }, await importJWK(octJwk, 'HS256'))).resolves.toBeDefined()
    await expect(flattenedVerify({ ...second, payload: jws.payload }, await importJWK(ec.publicJwk, 'ES256'))).resolves.toBeDefined()
    // Each key verifies only its own signature.
    await expect(flattenedVerify({ ...second, payload: jws.payload }, await importJWK(octJwk, 'HS256'))).rejects.toThrow()
    const jwks = JSON.stringify({ keys: [{ ...octJwk, kid: 'hs-1' }, { ...ec.publicJwk, kid: 'ec-1' }] })
    expect(await coreVerdicts(out.text, jwks)).toEqual([true, true])
  })

  it('unencoded payload (RFC 7797): "b64": false with crit, the payload as written, dots included', async () => {
    const payload = '$.02 for a.b.c'
    const out = await signed({ payload, unencodedPayload: true, signers: [{ protectedHeader: { alg: 'HS256' }, key: await signingKey(octJwk) }] })
    const jws = JSON.parse(out.text) as FlattenedJWSInput
    expect(jws.payload).toBe(payload)
    expect(Buffer.from(jws.protected as string, 'base64url').toString()).toBe('{"alg":"HS256","b64":false,"crit":["b64"]}')
    const verified = await flattenedVerify(jws, await importJWK(octJwk, 'HS256'))
    expect(new TextDecoder().decode(verified.payload)).toBe(payload)
    expect(await coreVerdicts(out.text, JSON.stringify(octJwk))).toEqual([true])
  })

  it('unencoded payload stated in the protected header itself, for two signers', async () => {
    const header = { b64: false, crit: ['b64'] }
    const out = await signed({
      payload: 'a.b',
      signers: [
        { protectedHeader: { alg: 'HS256', ...header }, key: await signingKey(octJwk) },
        { protectedHeader: { alg: 'ES256', ...header }, key: await signingKey(ec.privateJwk) },
      ],
    })
    const jws = JSON.parse(out.text) as GeneralJWSInput
    expect(jws.payload).toBe('a.b')
    await expect(generalVerify(jws, await importJWK(ec.publicJwk, 'ES256'))).resolves.toBeDefined()
  })

  it('bytes are base64url-encoded as they are', async () => {
    const bytes = Uint8Array.from([0, 255, 1, 254])
    const out = await signed({ payload: bytes, signers: [{ protectedHeader: { alg: 'HS256' }, key: await signingKey(octJwk) }] })
    expect(out.payload).toBe('AP8B_g')
    const verified = await flattenedVerify(JSON.parse(out.text) as FlattenedJWSInput, await importJWK(octJwk, 'HS256'))
    expect([...verified.payload]).toEqual([0, 255, 1, 254])
  })

  it('a protected header with a big integer keeps its digits', async () => {
    const out = await signed({ payload: PAYLOAD, signers: [{ protectedHeader: { alg: 'HS256', n: 123456789012345678901234567890n }, key: await signingKey(octJwk) }] })
    const jws = JSON.parse(out.text) as FlattenedJWSInput
    expect(Buffer.from(jws.protected as string, 'base64url').toString()).toBe('{"alg":"HS256","n":123456789012345678901234567890}')
    expect(await coreVerdicts(out.text, JSON.stringify(octJwk))).toEqual([true])
  })

  it('an unprotected alg alone (empty protected header) leaves "protected" out', async () => {
    const out = await signed({ payload: PAYLOAD, signers: [{ protectedHeader: {}, unprotectedHeader: { alg: 'HS256' }, key: await signingKey(octJwk) }] })
    const jws = JSON.parse(out.text) as FlattenedJWSInput
    expect(Object.keys(jws)).toEqual(['payload', 'header', 'signature'])
    await expect(flattenedVerify(jws, await importJWK(octJwk, 'HS256'))).resolves.toBeDefined()
  })

  it('a short HMAC secret signs with a warning that names the signature', async () => {
    const out = await signed({ payload: PAYLOAD, syntax: 'general', signers: [{ protectedHeader: { alg: 'HS256' }, key: await signingKey({ kty: 'oct', k: b64u('short') }) }] })
    expect(out.warnings).toEqual([
      'Signature 1: The HMAC secret is 40 bits (5 bytes), shorter than the 256 bits RFC 7518 §3.2 requires for HS256; short secrets can be brute-forced. Use a random secret of at least 32 bytes.',
    ])
  })
})

describe('signJwsJson: the core verifies what jose signs', () => {
  it.each(FAMILIES.map((f) => [f.alg, f] as const))('%s, flattened and general', async (alg, family) => {
    const payload = new TextEncoder().encode(PAYLOAD)
    const flat = await new FlattenedSign(payload).setProtectedHeader({ alg }).setUnprotectedHeader({ kid: 'x' }).sign(await importJWK(family.privateJwk, alg))
    expect(await coreVerdicts(JSON.stringify(flat), JSON.stringify(family.publicJwk))).toEqual([true])
    const general = new GeneralSign(payload)
    general.addSignature(await importJWK(family.privateJwk, alg)).setProtectedHeader({ alg })
    expect(await coreVerdicts(JSON.stringify(await general.sign()), JSON.stringify(family.publicJwk))).toEqual([true])
  })

  it('a tampered payload of a jose JWS does not verify', async () => {
    const flat = await new FlattenedSign(new TextEncoder().encode(PAYLOAD)).setProtectedHeader({ alg: 'ES256' }).sign(await importJWK(ec.privateJwk, 'ES256'))
    const verdicts = await coreVerdicts(JSON.stringify({ ...flat, payload: b64u('{"iss":"eve"}') }), JSON.stringify(ec.publicJwk))
    expect(verdicts[0]).not.toBe(true)
  })
})

describe('signJwsJson: refusals', () => {
  const hs = async (): Promise<ParsedKey> => signingKey(octJwk)
  const signer = async (protectedHeader: JwsJsonSigner['protectedHeader'], unprotectedHeader?: JwsJsonSigner['unprotectedHeader']): Promise<JwsJsonSigner> => ({
    protectedHeader,
    ...(unprotectedHeader === undefined ? {} : { unprotectedHeader }),
    key: await hs(),
  })

  const cases: readonly [string, () => Promise<SignJwsJsonInput>, string, string][] = [
    ['no signer', async () => ({ payload: PAYLOAD, signers: [] }), 'NO_SIGNER',
      'There is no signer: a JWS needs at least one signature. Add a signing key with its algorithm.'],
    ['21 signers', async () => ({ payload: PAYLOAD, signers: Array.from({ length: 21 }, () => ({ protectedHeader: { alg: 'none' }, key: null })) }), 'TOO_MANY_SIGNERS',
      '21 signers were given; at most 20 signatures are made (and checked) here. Remove some signers.'],
    ['flattened with two signers', async () => ({ payload: PAYLOAD, syntax: 'flattened', signers: [await signer({ alg: 'HS256' }), await signer({ alg: 'HS256' })] }), 'FLATTENED_NEEDS_ONE_SIGNER',
      'The flattened syntax carries exactly one signature, but 2 signers were given. Choose the general syntax for several signatures (RFC 7515 §7.2.2).'],
    ['a name in both headers', async () => ({ payload: PAYLOAD, signers: [await signer({ alg: 'HS256', kid: 'a' }, { kid: 'b' })] }), 'HEADER_CONFLICT',
      '"kid" is in both the protected and the unprotected header; they must be disjoint (RFC 7515 §7.2.1). Keep each parameter in one of them.'],
    ['two names in both headers of the second signature', async () => ({ payload: PAYLOAD, signers: [await signer({ alg: 'HS256' }), await signer({ alg: 'HS256', kid: 'a', typ: 'JOSE' }, { kid: 'b', typ: 'JOSE' })] }), 'HEADER_CONFLICT',
      'Signature 2: "kid", "typ" are in both the protected and the unprotected header; they must be disjoint (RFC 7515 §7.2.1). Keep each parameter in one of them.'],
    ['alg in both headers', async () => ({ payload: PAYLOAD, signers: [await signer({ alg: 'HS256' }, { alg: 'HS256' })] }), 'HEADER_CONFLICT',
      '"alg" is in both the protected and the unprotected header; they must be disjoint (RFC 7515 §7.2.1). Keep each parameter in one of them.'],
    ['no alg', async () => ({ payload: PAYLOAD, signers: [await signer({ kid: 'a' }, { typ: 'JOSE' })] }), 'ALG_MISSING',
      'neither the protected nor the unprotected header has "alg", so nothing says how to sign or verify (RFC 7515 §4.1.1). Put "alg" into the protected header.'],
    ['no alg in the second of two', async () => ({ payload: PAYLOAD, signers: [await signer({ alg: 'HS256' }), await signer({})] }), 'ALG_MISSING',
      'Signature 2: neither the protected nor the unprotected header has "alg", so nothing says how to sign or verify (RFC 7515 §4.1.1). Put "alg" into the protected header.'],
    ['crit unprotected', async () => ({ payload: PAYLOAD, signers: [await signer({ alg: 'HS256' }, { crit: ['b64'] })] }), 'CRIT_UNPROTECTED',
      '"crit" is in the unprotected header, but it must be integrity protected (RFC 7515 §4.1.11, RFC 7797 §3): move it into the protected header.'],
    ['b64 unprotected', async () => ({ payload: PAYLOAD, signers: [await signer({ alg: 'HS256', crit: ['b64'] }, { b64: false })] }), 'CRIT_UNPROTECTED',
      '"b64" is in the unprotected header, but it must be integrity protected (RFC 7515 §4.1.11, RFC 7797 §3): move it into the protected header.'],
    ['b64 without crit', async () => ({ payload: PAYLOAD, signers: [await signer({ alg: 'HS256', b64: false })] }), 'B64_NOT_CRITICAL',
      'the protected header has "b64" but its "crit" does not list "b64", so verifiers that do not know RFC 7797 would misread the payload (RFC 7797 §6). Add "crit": ["b64"], or remove "b64".'],
    ['signers disagree on b64', async () => ({ payload: PAYLOAD, signers: [await signer({ alg: 'HS256', b64: false, crit: ['b64'] }), await signer({ alg: 'HS256' })] }), 'B64_MISMATCH',
      'Signature 2 has an encoded payload, but signature 1 has an unencoded one. All signatures of one JWS share the payload, so "b64" must be the same in all of them (RFC 7797 §3).'],
    ['unencoded bytes that are not UTF-8', async () => ({ payload: Uint8Array.from([0xff]), unencodedPayload: true, signers: [await signer({ alg: 'HS256' })] }), 'PAYLOAD_NOT_TEXT',
      'The payload bytes are not UTF-8 text, so they cannot be carried unencoded ("b64": false) in a JSON string. Sign with an encoded payload instead.'],
    ['no key for RS256', async () => ({ payload: PAYLOAD, syntax: 'general', signers: [{ protectedHeader: { alg: 'RS256' }, key: null }] }), 'NO_SIGNING_KEY',
      'Signature 1: Signing with RS256 needs a key: paste an RSA private key (PEM or JWK), or generate one.'],
  ]

  it.each(cases)('%s', async (_name, build, code, message) => {
    expect(await signJwsJson(await build())).toEqual({ ok: false, error: { code, message } })
  })

  it('an unknown alg is named, with the algorithms that sign', async () => {
    const result = await signJwsJson({ payload: PAYLOAD, signers: [await signer({ alg: 'HS999' })] })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('ALG_UNSUPPORTED')
    expect(result.error.message).toMatch(/^"alg" is "HS999"; signing supports HS256, HS384, HS512, RS256, .*, ES256, .*EdDSA.*, none\.$/)
  })

  it('a key for another algorithm is refused by the compact signer, named by its signature', async () => {
    const result = await signJwsJson({ payload: PAYLOAD, signers: [await signer({ alg: 'HS256' }), { protectedHeader: { alg: 'RS256' }, key: await hs() }] })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message.startsWith('Signature 2: ')).toBe(true)
  })
})
