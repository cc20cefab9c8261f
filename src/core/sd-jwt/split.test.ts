import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/sd-jwt/rfc9901.json'
import { MAX_DISCLOSURES } from './limits'
import { looksLikeSdJwt, splitSdJwt } from './split'

const { example, json } = vectors
const ISSUER = example.issuerJwt

describe('splitSdJwt', () => {
  it('cuts the RFC 9901 §5.1 issuance into the issuer JWT and its ten disclosures, without a KB-JWT', () => {
    const split = splitSdJwt(example.issuance)
    expect(split.ok).toBe(true)
    if (!split.ok) return
    expect(split.value.form).toBe('sd-jwt')
    expect(split.value.issuerJwt).toEqual({ text: ISSUER, start: 0 })
    expect(split.value.disclosures.map((d) => d.text)).toEqual(example.disclosures.map((d) => d.disclosure))
    expect(split.value.kbJwt).toBeNull()
    for (const d of split.value.disclosures) expect(example.issuance.slice(d.start, d.start + d.text.length)).toBe(d.text)
  })

  it('finds the KB-JWT of the §5.2 presentation and its offset', () => {
    const split = splitSdJwt(example.presentation)
    expect(split.ok).toBe(true)
    if (!split.ok) return
    expect(split.value.form).toBe('sd-jwt+kb')
    expect(split.value.disclosures).toHaveLength(4)
    const kb = split.value.kbJwt
    expect(kb?.text.startsWith('eyJhbGciOiAiRVMyNTYiLCAidHlwIjogImtiK2p3dCJ9.')).toBe(true)
    expect(kb === null ? -1 : kb.start).toBe(example.presentation.lastIndexOf('~') + 1)
  })

  it('keeps offsets into the text as pasted when it has surrounding whitespace', () => {
    const split = splitSdJwt(`  ${ISSUER}~${example.disclosures[0]?.disclosure}~\n`)
    expect(split.ok && split.value.disclosures[0]?.start).toBe(2 + ISSUER.length + 1)
  })

  it('reads the flattened JSON serialization of §8.2, with and without kb_jwt', () => {
    const plain = splitSdJwt(JSON.stringify(json.flattened, null, 2))
    expect(plain.ok).toBe(true)
    if (!plain.ok) return
    expect(plain.value.form).toBe('json')
    expect(plain.value.issuerJwt.text).toBe(`${json.flattened.protected}.${json.flattened.payload}.${json.flattened.signature}`)
    expect(plain.value.disclosures.map((d) => d.text)).toEqual(json.flattened.header.disclosures)
    expect(plain.value.kbJwt).toBeNull()
    const text = JSON.stringify(json.flattenedWithKeyBinding)
    const kb = splitSdJwt(text)
    expect(kb.ok && kb.value.kbJwt?.text).toBe(json.flattenedWithKeyBinding.header.kb_jwt)
    if (!kb.ok) return
    for (const d of kb.value.disclosures) expect(text.slice(d.start, d.start + d.text.length)).toBe(d.text)
  })

  it('reads the general JSON serialization from the first signature entry (§8.3)', () => {
    const { protected: p, signature, header } = json.flattened
    const general = JSON.stringify({ payload: json.flattened.payload, signatures: [{ protected: p, signature, header }, { protected: p, signature: 'AAAA', header: { kid: 'other' } }] })
    const split = splitSdJwt(general)
    expect(split.ok && split.value.disclosures.length).toBe(4)
  })

  it.each([
    ['no tilde', ISSUER, 'NOT_SD_JWT', "The text has no '~', so it is not an SD-JWT: an SD-JWT is the issuer-signed JWT followed by '~', each disclosure followed by '~', and optionally a Key Binding JWT."],
    ['leading tilde', `~${ISSUER}~`, 'ISSUER_JWT_MALFORMED', "The SD-JWT starts with '~': the issuer-signed JWT (header.payload.signature) must come first."],
    ['two-part issuer JWT', 'eyJhbGciOiJub25lIn0.e30~', 'ISSUER_JWT_MALFORMED', "The part before the first '~' has 2 parts separated by '.', but the issuer-signed JWT is a signed JWT of 3 (header.payload.signature)."],
    ['empty disclosure', `${ISSUER}~~`, 'EMPTY_DISCLOSURE', `The SD-JWT has '~~' at position ${ISSUER.length + 1}: an empty disclosure. Each '~' ends one disclosure; remove the extra '~'.`],
    ['missing final tilde', `${ISSUER}~WyJzYWx0IiwgIm4iLCAxXQ`, 'KB_JWT_MALFORMED', `The part after the last '~' (position ${ISSUER.length + 1}) is not a Key Binding JWT (header.payload.signature). An SD-JWT without key binding ends with '~': if that part is a disclosure, add the '~' that ends it.`],
    ['too many disclosures', `${ISSUER}~${'WyJhIiwiYiJd~'.repeat(MAX_DISCLOSURES + 1)}`, 'TOO_MANY_DISCLOSURES', `The SD-JWT has ${MAX_DISCLOSURES + 1} disclosures; at most ${MAX_DISCLOSURES} are processed here. Real credentials carry a few dozen: check that the text is one SD-JWT.`],
    ['JSON without disclosures', '{"payload":"e30","protected":"e30","signature":"","header":{}}', 'NOT_SD_JWT', 'The JSON is not an SD-JWT in JSON serialization: that is a JWS JSON object whose unprotected "header" has a "disclosures" array (RFC 9901 §8).'],
    ['JSON without signature', '{"payload":"e30","protected":"e30","header":{"disclosures":[]}}', 'JSON_SERIALIZATION_INVALID', 'The SD-JWT in JSON serialization has no string "signature": the issuer-signed JWT is made of "protected", "payload" and "signature" (RFC 9901 §8.1).'],
    ['JSON disclosure not a string', '{"payload":"e30","protected":"e30","signature":"","header":{"disclosures":["x",7]}}', 'JSON_SERIALIZATION_INVALID', 'Entry 2 of "disclosures" is not a non-empty string: each entry is one disclosure, base64url text (RFC 9901 §8.1).'],
    ['JSON kb_jwt not compact', '{"payload":"e30","protected":"e30","signature":"","header":{"disclosures":[],"kb_jwt":"abc"}}', 'KB_JWT_MALFORMED', 'The "kb_jwt" of the unprotected header is not a Key Binding JWT in compact form (header.payload.signature).'],
  ])('refuses %s', (_name, text, code, message) => {
    expect(splitSdJwt(text)).toEqual({ ok: false, error: { code, message } })
  })

  it('counts a huge text of tildes in linear time and refuses it before splitting', () => {
    const started = performance.now()
    const result = splitSdJwt(`${ISSUER}~${'~'.repeat(2_000_000)}`)
    expect(result.ok ? null : result.error.code).toBe('TOO_MANY_DISCLOSURES')
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('looksLikeSdJwt', () => {
  it.each([
    ['the §5.1 issuance', example.issuance, true],
    ['the §5.2 presentation', example.presentation, true],
    ['an issuer JWT with no disclosures', `${ISSUER}~`, true],
    ['a plain JWT', ISSUER, false],
    ['a JWT with text after a tilde and a space', `${ISSUER}~ hello`, false],
    ['a tilde in prose', 'see ~ there', false],
    ['the flattened JSON serialization', JSON.stringify(json.flattened), true],
    ['a JWS JSON object without disclosures', '{"payload":"e30","protected":"e30","signature":""}', false],
    ['broken JSON', '{"header":{"disclosures":[', false],
  ])('%s → %s', (_name, text, expected) => {
    expect(looksLikeSdJwt(text)).toBe(expected)
  })
})

describe('splitSdJwt on hostile JSON', () => {
  it('locates disclosures written with escapes in linear time, as -1', () => {
    const escaped = Array.from({ length: 10_000 }, () => '\\u0057yJhIiwiYiJd')
    const text = `{"payload":"e30","protected":"e30","signature":"","header":{"disclosures":["${escaped.join('","')}"]},"pad":"${'x'.repeat(1_000_000)}"}`
    const started = performance.now()
    const split = splitSdJwt(text)
    expect(split.ok && split.value.disclosures.every((d) => d.start === -1 && d.text === 'WyJhIiwiYiJd')).toBe(true)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
