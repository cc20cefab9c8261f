import { describe, expect, it } from 'vitest'
import rfc from '../../../test/fixtures/vectors/rfc7515-json-serialization.json'
import vectors from '../../../test/fixtures/vectors/jws-valid.json'
import { parseKey } from '../keys/parse'
import type { KeyInput, Verification } from '../types'
import { MAX_JWS_SIGNATURES } from './jws-json-object'
import { parseJwsJson, verifyDetachedPayload, verifyJwsJson, type JwsJson } from './json-serialization'

const b64u = (s: string) => Buffer.from(s).toString('base64url')
const RS_KID = '2010-12-29'
const ES_KID = 'e9bc097a-ce51-4036-9562-d2ade882db0d'

async function keyOf(text: string): Promise<KeyInput> {
  const parsed = await parseKey(text, { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

function parsedJws(value: unknown): JwsJson {
  const parsed = parseJwsJson(typeof value === 'string' ? value : JSON.stringify(value))
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

/** Each signature's verdict as `true`/`false`, or the error code when it was not checked. */
async function verdicts(value: unknown, keys: KeyInput | null): Promise<(boolean | string)[]> {
  return (await verifyJwsJson(parsedJws(value), keys)).map((r) => (r.ok ? r.value.valid : r.error.code))
}

describe('parseJwsJson: RFC 7515 Appendix A.6 and A.7', () => {
  it('reads the general example: two signatures, each with its protected and unprotected header', () => {
    const jws = parsedJws(rfc.general)
    expect(jws.syntax).toBe('general')
    expect(jws.payload).toBe(rfc.general.payload)
    expect(jws.signatures.map((s) => [s.number, s.protectedHeader, s.unprotectedHeader, s.header, s.compact])).toEqual([
      [1, { alg: 'RS256' }, { kid: RS_KID }, { kid: RS_KID, alg: 'RS256' }, undefined],
      [2, { alg: 'ES256' }, { kid: ES_KID }, { kid: ES_KID, alg: 'ES256' }, undefined],
    ])
  })

  it('reads the flattened example as one signature', () => {
    const jws = parsedJws(rfc.flattened)
    expect(jws.syntax).toBe('flattened')
    expect(jws.signatures.map((s) => [s.number, s.header, s.signature])).toEqual([[1, { kid: ES_KID, alg: 'ES256' }, rfc.flattened.signature]])
  })

  it('a signature without an unprotected header converts to the RFC\'s compact token (A.2)', () => {
    const [first] = rfc.general.signatures
    const jws = parsedJws({ payload: rfc.general.payload, signatures: [{ protected: first!.protected, signature: first!.signature }] })
    expect(jws.signatures[0]?.compact).toBe(vectors.find((v) => v.id === 'rfc7515-A.2-RS256')?.token)
  })
})

describe('verifyJwsJson: RFC 7515 Appendix A.6 and A.7', () => {
  it.each([
    ['general, the JWKS of both keys: each signature picks its key by kid', rfc.general, JSON.stringify(rfc.jwks), [true, true]],
    ['flattened, the JWKS', rfc.flattened, JSON.stringify(rfc.jwks), [true]],
    ['general, only the RSA key: the ES256 signature is not checked', rfc.general, JSON.stringify(rfc.jwks.keys[0]), [true, 'KEY_ALG_MISMATCH']],
    ['general, a JWKS whose kids are other: not checked', rfc.general, JSON.stringify({ keys: rfc.jwks.keys.map((k) => ({ ...k, kid: `x${k.kid}` })) }), ['KID_NOT_FOUND', 'KID_NOT_FOUND']],
  ])('%s', async (_name, jws, key, expected) => {
    expect(await verdicts(jws, await keyOf(key))).toEqual(expected)
  })

  it('without a key each signature says so', async () => {
    const results = await verifyJwsJson(parsedJws(rfc.general), null)
    expect(results.map((r) => (r.ok ? r.value : r.error))).toEqual([
      { code: 'NO_KEY', message: expect.stringContaining('No key given: paste') },
      { code: 'NO_KEY', message: expect.stringContaining('No key given: paste') },
    ])
  })

  it('names the key that verified each signature', async () => {
    const results = await verifyJwsJson(parsedJws(rfc.general), await keyOf(JSON.stringify(rfc.jwks)))
    expect(results.map((r) => (r.ok ? (r.value as Verification).key?.kid : r.error.code))).toEqual([RS_KID, ES_KID])
  })

  it.each([
    ['the payload changed', { ...rfc.general, payload: b64u('{"iss":"eve"}') }],
    ['the kids swapped (each signature meets the other key)', { ...rfc.general, signatures: rfc.general.signatures.map((s, i) => ({ ...s, header: rfc.general.signatures[1 - i]!.header })) }],
  ])('%s: every signature is invalid', async (_name, jws) => {
    const results = await verdicts(jws, await keyOf(JSON.stringify(rfc.jwks)))
    expect(results.every((r) => r === false || r === 'KEY_ALG_MISMATCH')).toBe(true)
    expect(results).not.toContain(true)
  })
})

const P = b64u('{"iss":"joe"}')
const PROT = b64u('{"alg":"HS256"}')
const SIG = b64u('x'.repeat(32))

describe('parseJwsJson refuses what is not a well-formed JWS JSON serialization', () => {
  it.each([
    ['not JSON', 'hello', 'NOT_JSON', 'The text is not a JSON object, so it is not a JWS in JSON serialization.'],
    ['broken JSON', '{"payload":', 'NOT_JSON', expect.stringContaining('The text is not valid JSON (')],
    ['other JSON', '{"keys":[]}', 'NOT_JWS_JSON', 'The JSON object has none of the members of a JWS in JSON serialization ("payload", "signatures", "protected", "header", "signature").'],
    ['a repeated member', `{"payload":"${P}","payload":"${P}","protected":"${PROT}","signature":"${SIG}"}`, 'DUPLICATE_MEMBER', 'The JSON has the member "payload" more than once. Parsers disagree on which value wins, so different verifiers would check different things: remove the repeated member.'],
    ['no payload', { protected: PROT, signature: SIG }, 'PAYLOAD_MISSING', 'The JWS has no "payload" member. A JSON-serialized JWS with a detached payload is not supported here: put the base64url payload into "payload", or paste the compact form header..signature and the payload separately.'],
    ['a payload that is not a string', { payload: { iss: 'joe' }, protected: PROT, signature: SIG }, 'PAYLOAD_NOT_STRING', 'The "payload" member must be a string: the base64url-encoded payload (or, with "b64": false, the payload text itself).'],
    ['both syntaxes', { payload: P, signatures: [], signature: SIG }, 'MIXED_SYNTAX', 'The JWS has "signatures" (general syntax) and also "protected", "header" or "signature" at the top level (flattened syntax). Use one syntax: move those members into an entry of "signatures" (RFC 7515 §7.2.2).'],
    ['signatures not an array', { payload: P, signatures: { protected: PROT, signature: SIG } }, 'SIGNATURES_NOT_ARRAY', 'The "signatures" member must be an array of signature objects, each with "protected" and/or "header" and "signature" (RFC 7515 §7.2.1).'],
    ['an empty signatures list', { payload: P, signatures: [] }, 'SIGNATURES_EMPTY', 'The "signatures" array is empty, so there is no signature to check. Each entry needs "protected" and/or "header" and "signature".'],
    ['too many signatures', { payload: P, signatures: Array.from({ length: MAX_JWS_SIGNATURES + 1 }, () => ({ protected: PROT, signature: SIG })) }, 'TOO_MANY_SIGNATURES', `The JWS has ${MAX_JWS_SIGNATURES + 1} signatures; at most ${MAX_JWS_SIGNATURES} are checked here. Keep the signatures you need to check.`],
    ['an entry that is not an object', { payload: P, signatures: [{ protected: PROT, signature: SIG }, 'x'] }, 'SIGNATURE_NOT_OBJECT', 'Signature 2: each entry of "signatures" must be an object with "protected" and/or "header" and "signature".'],
    ['no signature member', { payload: P, protected: PROT }, 'SIGNATURE_MISSING', 'the "signature" member is missing, so there is nothing to check (RFC 7515 §7.2.1).'],
    ['a signature that is not a string', { payload: P, signatures: [{ protected: PROT, signature: 1 }] }, 'SIGNATURE_MISSING', 'Signature 1: the "signature" member must be a base64url string, so there is nothing to check (RFC 7515 §7.2.1).'],
    ['no header at all', { payload: P, signature: SIG }, 'HEADER_MISSING', 'the signature has neither "protected" nor "header", so nothing says how it was made: at least one must hold "alg" (RFC 7515 §7.2.1).'],
    ['protected not base64url', { payload: P, protected: '{"alg":"HS256"}', signature: SIG }, 'PROTECTED_INVALID', 'the "protected" member must be the base64url encoding of a JSON object (the JWS Protected Header), such as "eyJhbGciOiJFUzI1NiJ9" for {"alg":"ES256"}.'],
    ['protected not JSON', { payload: P, protected: b64u('alg=HS256'), signature: SIG }, 'PROTECTED_INVALID', 'the "protected" member must be the base64url encoding of a JSON object (the JWS Protected Header), such as "eyJhbGciOiJFUzI1NiJ9" for {"alg":"ES256"}.'],
    ['protected a JSON array', { payload: P, signatures: [{ protected: b64u('["HS256"]'), signature: SIG }] }, 'PROTECTED_INVALID', 'Signature 1: the "protected" member must be the base64url encoding of a JSON object (the JWS Protected Header), such as "eyJhbGciOiJFUzI1NiJ9" for {"alg":"ES256"}.'],
    ['an unprotected header that is not an object', { payload: P, protected: PROT, header: 'kid', signature: SIG }, 'HEADER_NOT_OBJECT', 'the "header" member (the JWS Unprotected Header) must be a JSON object, such as {"kid":"…"}.'],
    ['alg in both headers', { payload: P, protected: PROT, header: { alg: 'none' }, signature: SIG }, 'HEADER_CONFLICT', 'the parameter "alg" is in both the protected and the unprotected header; RFC 7515 §7.2.1 requires the two to be disjoint, so a verifier cannot tell which value counts.'],
    ['two names in both headers', { payload: P, signatures: [{ protected: b64u('{"alg":"HS256","kid":"a"}'), header: { kid: 'b', alg: 'HS256' }, signature: SIG }] }, 'HEADER_CONFLICT', 'Signature 1: the parameters "kid", "alg" are in both the protected and the unprotected header; RFC 7515 §7.2.1 requires the two to be disjoint, so a verifier cannot tell which value counts.'],
    ['crit in the unprotected header', { payload: P, protected: PROT, header: { crit: ['x'], x: 1 }, signature: SIG }, 'CRIT_UNPROTECTED', '"crit" is in the unprotected header; it must be integrity protected (RFC 7515 §4.1.11): move it into "protected".'],
    ['a critical parameter in the unprotected header', { payload: P, protected: b64u('{"alg":"HS256","crit":["b64"]}'), header: { b64: false }, signature: SIG }, 'CRIT_UNPROTECTED', '"crit" lists "b64", but "b64" is in the unprotected header; critical parameters must be integrity protected (RFC 7515 §4.1.11, RFC 7797 §6): move it into "protected".'],
  ])('%s', (_name, value, code, message) => {
    const parsed = parseJwsJson(typeof value === 'string' ? value : JSON.stringify(value))
    expect(parsed).toEqual({ ok: false, error: { code, message } })
  })

  it('a megabyte of nested brackets is refused quickly, without throwing', () => {
    const text = `{"payload":${'['.repeat(1_000_000)}`
    const started = performance.now()
    expect(parseJwsJson(text).ok).toBe(false)
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe('verifyDetachedPayload (RFC 7515 Appendix F)', () => {
  const a1 = vectors.find((v) => v.id === 'rfc7515-A.1-HS256')!
  const [h, p, s] = a1.token.split('.') as [string, string, string]
  const payloadText = Buffer.from(p, 'base64url').toString('utf8')
  const hmacKey = () => keyOf(JSON.stringify(a1.key))

  it.each([
    ['the RFC\'s payload verifies', payloadText, true],
    ['another payload does not', `${payloadText} `, false],
    ['an empty payload does not', '', false],
  ])('%s', async (_name, payload, valid) => {
    const result = await verifyDetachedPayload(`${h}..${s}`, payload, await hmacKey())
    expect(result.ok && result.value.valid).toBe(valid)
  })

  it('a token with its payload in place is not detached', async () => {
    expect(await verifyDetachedPayload(a1.token, payloadText, await hmacKey())).toEqual({
      ok: false,
      error: { code: 'NOT_DETACHED', message: 'The token is not a compact JWS with a detached payload: that form is header..signature, with nothing between the two dots.' },
    })
  })
})
