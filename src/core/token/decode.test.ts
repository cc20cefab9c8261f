import fc from 'fast-check'
import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/jws-valid.json'
import type { Diagnostic } from '../types'
import { decodeToken } from './decode'
import { compactJson, formatJson } from './json'

const NUM_RUNS = process.env.CI ? 10_000 : 1_000

const b64u = (text: string) => Buffer.from(text, 'utf8').toString('base64url')
const H = b64u('{"alg":"HS256"}') // 20 characters
const P = b64u('{"sub":"1"}') // 15 characters
// 32 bytes, the size of an HS256 signature, so no row is about the signature's length by accident.
const SIGNATURE_TEXT = 'a 32-byte HMAC-SHA-256 signature'
const S = b64u(SIGNATURE_TEXT)

const d = (severity: Diagnostic['severity'], segment: Diagnostic['segment'], offset: number, length: number, code: string, message: string): Diagnostic =>
  ({ severity, segment, offset, length, code, message })

const BASE64_SAMPLE = Buffer.from('{"sub":"??>>"}').toString('base64') // contains '/', '+' and '='

const rows: [string, string, Diagnostic[]][] = [
  ['a single part', H, [
    d('error', 'token', 0, 20, 'SEGMENT_COUNT', "The token has no '.' separators, so it is a single part. A signed JWT has three base64url parts (header.payload.signature), an encrypted one five."),
  ]],
  ['two parts', `${H}.${P}`, [
    d('error', 'token', 0, 36, 'SEGMENT_COUNT', "The token has 2 parts separated by '.', but a signed JWT has 3 (header.payload.signature) and an encrypted one 5. The signature part is missing: the token may have been cut off while copying."),
  ]],
  ['four parts', `${H}.${P}.${S}.extra`, [
    d('error', 'token', 80, 6, 'SEGMENT_COUNT', "The token has 4 parts separated by '.', but a signed JWT has 3 (header.payload.signature) and an encrypted one 5. Only the first three parts were decoded."),
  ]],
  ['an empty header', `.${P}.${S}`, [
    d('error', 'header', 0, 1, 'EMPTY_SEGMENT', 'The header is empty: a JWT starts with a base64url-encoded JSON header such as {"alg":"HS256"}.'),
  ]],
  ['an empty payload', `${H}..${S}`, [
    d('warning', 'payload', 20, 1, 'EMPTY_SEGMENT', 'The payload is empty. That is only expected for a JWS with a detached payload (RFC 7515 Appendix F); a JWT carries its claims here.'),
  ]],
  ['an empty signature with alg HS256', `${H}.${P}.`, [
    d('warning', 'signature', 36, 1, 'EMPTY_SEGMENT', 'The signature is empty, so the token is not signed. Only "alg": "none" tokens have no signature, and verifiers must reject those unless they expect unsecured tokens.'),
  ]],
  ['an empty signature with alg none', `${b64u('{"alg":"none"}')}.${P}.`, []],
  ['a character outside base64url', `${H}.${P.slice(0, 4)}!${P.slice(4)}.${S}`, [
    d('error', 'payload', 25, 1, 'BASE64URL_INVALID_CHAR', "The payload contains '!', which is not a base64url character (only A–Z, a–z, 0–9, '-' and '_' are). It was skipped to decode the rest."),
  ]],
  ['several characters outside base64url', `${H}.${P}.${S.slice(0, 2)} \u00a0${S.slice(2)}`, [
    d('error', 'signature', 39, 1, 'BASE64URL_INVALID_CHAR', "The signature contains a space, which is not a base64url character (only A–Z, a–z, 0–9, '-' and '_' are). There is 1 more such character; all were skipped to decode the rest."),
  ]],
  ['base64 instead of base64url', `${H}.${BASE64_SAMPLE}.${S}`, [
    d('error', 'payload', 21 + BASE64_SAMPLE.search(/[+/=]/), 1, 'BASE64_NOT_BASE64URL', "The payload is base64, not base64url: it contains '+', '/' and '='. JWTs use base64url ('-' instead of '+', '_' instead of '/', no '=' padding). It was decoded anyway so you can see the content, but verifiers will reject the token."),
  ]],
  ['a length of 4n+1', `${H}.${P}.abcde`, [
    d('error', 'signature', 41, 1, 'BASE64URL_BAD_LENGTH', 'The signature has 5 base64url characters, one more than a multiple of 4, which no encoding produces: its last character was ignored. A character was probably added or lost while copying.'),
  ]],
  ['non-canonical trailing bits', `${H}.${P}.AB`, [
    d('error', 'signature', 38, 1, 'BASE64URL_NON_CANONICAL', "The last character of the signature, 'B', has unused bits set; the canonical encoding ends in 'A'. Most decoders ignore these bits, so differently written tokens carry the same bytes; JWT Lab never calls such a token verified."),
  ]],
  ['invalid UTF-8 in the header', `${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.${P}.${S}`, [
    d('error', 'header', 1, 2, 'INVALID_UTF8', 'The header is not valid UTF-8 text (byte 2, 0xFF, does not start a valid character), so it cannot be JSON.'),
  ]],
  ['a binary payload', `${H}.${Buffer.from([1, 2, 3, 0xc3, 0x28, 6]).toString('base64url')}.${S}`, [
    d('warning', 'payload', 25, 2, 'INVALID_UTF8', 'The payload is not UTF-8 text (byte 4, 0xC3, does not start a valid character), so it is shown as bytes. That is fine for a JWS with a binary payload, but a JWT carries a JSON object of claims.'),
  ]],
  ['a trailing comma in the header', `${b64u('{"alg":"HS256",}')}.${P}.${S}`, [
    // '}' is byte 15: bits 120–127 live in characters 20 and 21.
    d('error', 'header', 20, 2, 'INVALID_JSON', 'The header is not valid JSON: trailing commas are not allowed in JSON: remove the comma before the closing bracket (line 1, column 16).'),
  ]],
  ['invalid JSON after a multi-byte character', `${b64u('{"alg":"é",}')}.${P}.${S}`, [
    // '}' is UTF-16 offset 11 but byte 12 (é takes two bytes): characters 16 and 17.
    d('error', 'header', 16, 2, 'INVALID_JSON', 'The header is not valid JSON: trailing commas are not allowed in JSON: remove the comma before the closing bracket (line 1, column 12).'),
  ]],
  ['a truncated JSON payload', `${H}.${b64u('{"sub":1')}.${S}`, [
    // The error is at the end (byte 8 of 8): the last byte, 7, lives in characters 9 and 10.
    d('warning', 'payload', 30, 2, 'INVALID_JSON', "The payload is not valid JSON: expected ',' or '}' after the member (line 1, column 9)."),
  ]],
  ['a text payload', `${H}.${b64u('hello')}.${S}`, [
    d('info', 'payload', 21, 7, 'PAYLOAD_NOT_JSON', 'The payload is text, not JSON. That is allowed for a JWS, but a JWT carries a JSON object of claims.'),
  ]],
  ['a header that is an array', `${b64u('[1]')}.${P}.${S}`, [
    d('error', 'header', 0, 4, 'NOT_AN_OBJECT', 'The header must be a JSON object ({…}), but it is an array.'),
  ]],
  ['a payload that is a string', `${H}.${b64u('"str"')}.${S}`, [
    d('warning', 'payload', 21, 7, 'NOT_AN_OBJECT', "The payload is a string, not a JSON object: a JWT's claims must be an object ({…})."),
  ]],
  ['a payload that is a big number', `${H}.${b64u('12345678901234567890')}.${S}`, [
    d('warning', 'payload', 21, 27, 'NOT_AN_OBJECT', "The payload is the number 12345678901234567890, not a JSON object: a JWT's claims must be an object ({…})."),
  ]],
  ['a repeated header member', `${b64u('{"alg":"HS256","alg":"none"}')}.${P}.${S}`, [
    // The second "alg" is bytes 15–19: characters 20–26.
    d('warning', 'header', 20, 7, 'DUPLICATE_MEMBER', 'The header has the member "alg" more than once. Parsers disagree on which value wins (most take the last), so different systems may read this token differently.'),
  ]],
  ['a repeated nested payload member', `${H}.${b64u('{"cnf":{"k":1,"k":2}}')}.${S}`, [
    // The second "k" is bytes 14–16: characters 18–22 of the payload.
    d('warning', 'payload', 39, 5, 'DUPLICATE_MEMBER', 'The payload has the member "k" more than once inside "cnf". Parsers disagree on which value wins (most take the last), so different systems may read this token differently.'),
  ]],
  ['a header without alg', `${b64u('{"typ":"JWT"}')}.${P}.${S}`, [
    d('error', 'header', 0, 18, 'MISSING_ALG', 'The header has no "alg" member: every JWS header must name its signature algorithm (RFC 7515 §4.1.1), so the signature cannot be checked.'),
  ]],
  ['alg that is not a string', `${b64u('{"alg":256}')}.${P}.${S}`, [
    // 256 is bytes 7–9: characters 9–13.
    d('error', 'header', 9, 5, 'ALG_NOT_STRING', 'The header\'s "alg" must be a string such as "HS256", not the number 256.'),
  ]],
  ['an unknown alg', `${b64u('{"alg":"XYZ1"}')}.${P}.${S}`, [
    d('warning', 'header', 9, 9, 'UNKNOWN_ALG', 'The algorithm "XYZ1" is not one this app knows (HS256–HS512, RS256–RS512, PS256–PS512, ES256–ES512, ES256K, EdDSA, Ed25519, Ed448, ML-DSA-44/65/87, none), so the signature cannot be checked here.'),
  ]],
  ['a lower-case alg', `${b64u('{"alg":"hs256"}')}.${P}.${S}`, [
    d('warning', 'header', 9, 10, 'UNKNOWN_ALG', 'The algorithm "hs256" is not one this app knows (HS256–HS512, RS256–RS512, PS256–PS512, ES256–ES512, ES256K, EdDSA, Ed25519, Ed448, ML-DSA-44/65/87, none), so the signature cannot be checked here. Algorithm names are case-sensitive: did you mean "HS256"?'),
  ]],
  ['crit naming an extension the app does not understand', `${b64u('{"alg":"HS256","crit":["ext"],"ext":false}')}.${P}.${S}`, [
    // ["ext"] is bytes 22–28: characters 29–38.
    d('error', 'header', 29, 10, 'CRIT_UNKNOWN', 'The header marks "ext" as critical ("crit"), but this app does not understand that extension, so a conforming verifier must reject the token.'),
  ]],
  ['an unencoded payload (RFC 7797 b64 false, critical)', `${b64u('{"alg":"HS256","crit":["b64"],"b64":false}')}.$02 paid.${S}`, [
    // false is bytes 36–40: characters 48–54.
    d('info', 'header', 48, 7, 'PAYLOAD_UNENCODED', 'The header says "b64": false with "crit": ["b64"] (RFC 7797): the payload is the text as written, not base64url, and the signature covers it exactly as written.'),
  ]],
  ['b64 false that crit does not list', `${b64u('{"alg":"HS256","b64":false}')}.${P}.${S}`, [
    // false is bytes 21–25: characters 28–34.
    d('warning', 'header', 28, 7, 'B64_NOT_CRITICAL', 'The header has "b64": false, but "crit" does not list "b64", so verifiers ignore it and read the payload as base64url (RFC 7797 §6). Add "crit": ["b64"] if the payload is meant to be unencoded.'),
  ]],
  ['a critical b64 that is not a boolean', `${b64u('{"alg":"HS256","crit":["b64"],"b64":0}')}.${P}.${S}`, [
    // 0 is byte 36: characters 48–49.
    d('error', 'header', 48, 2, 'B64_INVALID', 'The header\'s "b64" must be true or false (RFC 7797 §3), not the number 0.'),
  ]],
  ['crit naming a parameter that is not there', `${b64u('{"alg":"HS256","crit":["foo"]}')}.${P}.${S}`, [
    d('error', 'header', 29, 10, 'CRIT_NOT_PRESENT', 'The header\'s "crit" lists "foo", but the header has no "foo" member, so verifiers must reject the token (RFC 7515 §4.1.11).'),
  ]],
  ['crit naming a registered parameter', `${b64u('{"alg":"HS256","crit":["alg"]}')}.${P}.${S}`, [
    d('error', 'header', 29, 10, 'CRIT_INVALID', 'The header\'s "crit" lists "alg", which the JOSE specifications define themselves; "crit" may only list extensions (RFC 7515 §4.1.11).'),
  ]],
  ['an empty crit', `${b64u('{"alg":"HS256","crit":[]}')}.${P}.${S}`, [
    d('error', 'header', 29, 3, 'CRIT_INVALID', 'The header\'s "crit" must be a non-empty array of header parameter names (RFC 7515 §4.1.11).'),
  ]],
  ['an unusual typ', `${b64u('{"alg":"HS256","typ":"foo"}')}.${P}.${S}`, [
    // "foo" is bytes 21–25: characters 28–34.
    d('info', 'header', 28, 7, 'TYP_UNUSUAL', 'The header\'s "typ" is "foo", which is not a common token type (such as JWT, at+jwt, dpop+jwt or secevent+jwt). That is allowed, but verifiers that check "typ" may reject the token.'),
  ]],
  ['typ that is not a string', `${b64u('{"alg":"HS256","typ":1}')}.${P}.${S}`, [
    d('warning', 'header', 28, 2, 'TYP_UNUSUAL', 'The header\'s "typ" should be a string such as "JWT", not the number 1.'),
  ]],
  ['typ application/at+JWT (media types compare case-insensitively)', `${b64u('{"alg":"HS256","typ":"application/at+JWT"}')}.${P}.${S}`, []],
  ['a JWE', `${b64u('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.AAAA.BBBB.CCCC.DDDD`, [
    d('info', 'token', 47, 19, 'JWE_NOT_DECRYPTED', 'This is an encrypted token (JWE): its header is shown, but the content stays encrypted. Paste the key into Decryption key to decrypt it there.'),
  ]],
  ['four parts whose header has enc (read as a JWE)', `${b64u('{"alg":"dir","enc":"A128GCM"}')}..AA.AA`, [
    d('error', 'token', 0, 46, 'SEGMENT_COUNT', "The token has 4 parts separated by '.', but a signed JWT has 3 (header.payload.signature) and an encrypted one 5. It was read as an encrypted token because its header has \"enc\"."),
    d('info', 'token', 40, 6, 'JWE_NOT_DECRYPTED', 'This is an encrypted token (JWE): its header is shown, but the content stays encrypted. Paste the key into Decryption key to decrypt it there.'),
  ]],
  ['a JWE without enc', `${b64u('{"alg":"dir"}')}..BBBB.CCCC.DDDD`, [
    d('error', 'header', 0, 18, 'MISSING_ENC', 'The header has no "enc" member: a JWE header must name its content-encryption algorithm (RFC 7516 §4.1.2).'),
    d('info', 'token', 19, 15, 'JWE_NOT_DECRYPTED', 'This is an encrypted token (JWE): its header is shown, but the content stays encrypted. Paste the key into Decryption key to decrypt it there.'),
  ]],
  ['a JWE with a signature alg and unknown enc', `${b64u('{"alg":"HS256","enc":"X"}')}..BBBB.CC!CC.DDDD`, [
    d('warning', 'header', 9, 10, 'UNKNOWN_ALG', 'The key-management algorithm "HS256" is not one the JWE specification registers (RFC 7518 §4.1).'),
    d('warning', 'header', 28, 4, 'UNKNOWN_ENC', 'The content encryption "X" is not one the JWE specification registers (A128CBC-HS256, A192CBC-HS384, A256CBC-HS512, A128GCM, A192GCM, A256GCM).'),
    d('info', 'token', 35, 16, 'JWE_NOT_DECRYPTED', 'This is an encrypted token (JWE): its header is shown, but the content stays encrypted. Paste the key into Decryption key to decrypt it there.'),
    d('error', 'ciphertext', 43, 1, 'BASE64URL_INVALID_CHAR', "The ciphertext contains '!', which is not a base64url character (only A–Z, a–z, 0–9, '-' and '_' are). It was skipped to decode the rest."),
  ]],
]

describe('decodeToken diagnostics', () => {
  it.each(rows)('reports %s', (_name, token, expected) => {
    expect(decodeToken(token).diagnostics).toEqual(expected)
  })

  it('returns nothing for an empty string', () => {
    expect(decodeToken('')).toEqual({ kind: 'unknown', token: '', header: null, payload: null, signature: null, alg: undefined, diagnostics: [] })
  })
})

describe('decodeToken decodes as far as possible', () => {
  it('shows header and payload when the signature is broken', () => {
    const decoded = decodeToken(`${H}.${P}.%%%`)
    expect(decoded.kind).toBe('jws')
    expect(decoded.header?.value).toEqual({ alg: 'HS256' })
    expect(decoded.payload?.value).toEqual({ sub: '1' })
    expect(decoded.signature).toEqual({ encoded: '%%%', start: 37, bytes: null })
    expect(decoded.diagnostics.map((x) => x.code)).toEqual(['BASE64URL_INVALID_CHAR'])
  })

  it('shows header and payload when the signature part is missing', () => {
    const decoded = decodeToken(`${H}.${P}`)
    expect(decoded.kind).toBe('unknown')
    expect(decoded.alg).toBe('HS256')
    expect(decoded.payload?.value).toEqual({ sub: '1' })
    expect(decoded.signature).toBeNull()
  })

  it('shows the payload and signature when the header is broken', () => {
    const decoded = decodeToken(`${b64u('{"alg":')}.${P}.${S}`)
    expect(decoded.header?.kind).toBe('text')
    expect(decoded.header?.text).toBe('{"alg":')
    expect(decoded.payload?.value).toEqual({ sub: '1' })
    expect(Buffer.from(decoded.signature?.bytes as Uint8Array).toString()).toBe(SIGNATURE_TEXT)
  })

  it('decodes base64 (not base64url) content so the user can read it', () => {
    const decoded = decodeToken(`${H}.${BASE64_SAMPLE}.${S}`)
    expect(decoded.payload?.value).toEqual({ sub: '??>>' })
  })

  it('shows the JWE protected header and no payload', () => {
    const decoded = decodeToken(`${b64u('{"alg":"RSA-OAEP","enc":"A256GCM","kid":"k1"}')}.AAAA.BBBB.CCCC.DDDD`)
    expect(decoded.kind).toBe('jwe')
    expect(decoded.alg).toBe('RSA-OAEP')
    expect(decoded.header?.value).toEqual({ alg: 'RSA-OAEP', enc: 'A256GCM', kid: 'k1' })
    expect(decoded.payload).toBeNull()
    expect(decoded.signature).toBeNull()
  })

  it('keeps big-integer digits through decode → compactJson → formatJson', () => {
    const payload = '{"id": 123456789012345678901234567890, "small": 1.10, "neg": -98765432109876543210}'
    const decoded = decodeToken(`${H}.${b64u(payload)}.${S}`)
    expect(decoded.payload?.value).toEqual({ id: 123456789012345678901234567890n, small: 1.1, neg: -98765432109876543210n })
    expect(decoded.payload?.members.map((m) => m.valueText)).toEqual(['123456789012345678901234567890', '1.10', '-98765432109876543210'])
    expect(compactJson(decoded.payload?.text as string)).toEqual({ ok: true, value: '{"id":123456789012345678901234567890,"small":1.10,"neg":-98765432109876543210}' })
    expect(formatJson(decoded.payload?.text as string)).toBe('{\n  "id": 123456789012345678901234567890,\n  "small": 1.10,\n  "neg": -98765432109876543210\n}')
  })
})

describe('decodeToken on the public vectors', () => {
  it.each(vectors.map((v) => [v.id, v] as const))('%s decodes to the expected header and payload', (_id, v) => {
    const decoded = decodeToken(v.token)
    expect(decoded.kind).toBe('jws')
    expect(decoded.alg).toBe(v.alg)
    expect(decoded.header?.text).toBe(v.expected.header_raw)
    expect(decoded.payload?.text).toBe(v.expected.payload_raw)
    expect(decoded.header?.value).toEqual(v.expected.header)
    if (v.expected.payload_is_json) {
      expect(decoded.payload?.kind).toBe('json')
      expect(decoded.payload?.value).toEqual(v.expected.payload)
      expect(decoded.diagnostics).toEqual([])
    } else {
      expect(decoded.payload?.kind).toBe('text')
      expect(decoded.payload?.text).toBe(v.expected.payload)
      expect(decoded.diagnostics.map((x) => x.code)).toEqual(['PAYLOAD_NOT_JSON'])
    }
    const [h, p, s] = v.token.split('.') as [string, string, string]
    expect(Buffer.from(decoded.signature?.bytes as Uint8Array).equals(Buffer.from(s, 'base64url'))).toBe(true)
    expect(decoded.header?.start).toBe(0)
    expect(decoded.payload?.start).toBe(h.length + 1)
    expect(decoded.signature?.start).toBe(h.length + p.length + 2)
  })

  it('RFC 7515 A.1 keeps its CR LF line breaks and lists members with their offsets in the decoded text', () => {
    const decoded = decodeToken(vectors[0]?.token as string)
    expect(decoded.header?.members).toEqual([
      { name: 'typ', start: 1, end: 12, valueStart: 7, valueEnd: 12, valueText: '"JWT"' },
      { name: 'alg', start: 16, end: 29, valueStart: 22, valueEnd: 29, valueText: '"HS256"' },
    ])
  })
})

function validDiagnostics(token: string): void {
  const decoded = decodeToken(token)
  expect(decoded.token).toBe(token)
  for (const diagnostic of decoded.diagnostics) {
    expect(diagnostic.offset).toBeGreaterThanOrEqual(0)
    expect(diagnostic.length).toBeGreaterThanOrEqual(0)
    expect(diagnostic.offset + diagnostic.length).toBeLessThanOrEqual(token.length)
    expect(diagnostic.code).toMatch(/^[A-Z0-9_]+$/)
    expect(diagnostic.message.length).toBeGreaterThan(0)
  }
}

describe('decodeToken never throws', () => {
  it('for arbitrary strings, with diagnostics inside the token', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'eyJAz09-_.+/= %\u00e9') })), validDiagnostics),
      { numRuns: NUM_RUNS },
    )
  })

  const mutation = fc.record({
    token: fc.constantFrom(...vectors.map((v) => v.token)),
    edits: fc.array(
      fc.tuple(
        fc.constantFrom('insert', 'delete', 'replace'),
        fc.nat(),
        fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), fc.string({ unit: fc.constantFrom(...'AQgw_-.+/=e'), minLength: 1, maxLength: 3 })),
      ),
      { minLength: 1, maxLength: 5 },
    ),
  }).map(({ token, edits }) => {
    let t = token
    for (const [kind, at, text] of edits) {
      const i = at % (t.length + 1)
      if (kind === 'insert') t = t.slice(0, i) + text + t.slice(i)
      else if (kind === 'delete') t = t.slice(0, i) + t.slice(i + text.length)
      else t = t.slice(0, i) + text + t.slice(i + text.length)
    }
    return t
  })

  it('for near-token mutations of the vectors', () => {
    fc.assert(fc.property(mutation, validDiagnostics), { numRuns: NUM_RUNS })
  })

  it('for base64url-encoded arbitrary JSON-ish and binary parts', () => {
    const part = fc.oneof(fc.json(), fc.string({ unit: 'binary' }), fc.uint8Array().map((b) => Buffer.from(b).toString('latin1')))
    fc.assert(
      fc.property(part, part, (h, p) => validDiagnostics(`${b64u(h)}.${b64u(p)}.${S}`)),
      { numRuns: NUM_RUNS },
    )
  })
})

describe('decodeToken is fast on hostile input', () => {
  const MB = 1_000_000
  let seed = 42
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed
  }
  const printable = Array.from({ length: MB }, () => String.fromCharCode(32 + (random() % 95))).join('')
  const base64ish = Array.from({ length: MB }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'[random() % 65]).join('')

  it.each([
    ['1 MB of printable garbage', printable],
    ['1 MB of base64url characters and dots', base64ish],
    ['1 MB of dots', '.'.repeat(MB)],
    ['1 MB of one base64url part', 'eyJ' + 'A'.repeat(MB)],
    ['deeply nested JSON', b64u('['.repeat(700_000))],
    ['a huge JSON string', `${b64u('{"a":"' + 'x'.repeat(700_000) + '"}')}.${P}.${S}`],
    ['a huge object with repeated names', `${b64u('{' + '"a":1,'.repeat(100_000) + '"a":2}')}.${P}.${S}`],
    ['JSON garbage with an error per character', b64u('{' + ':'.repeat(700_000))],
  ])('%s decodes without hanging', (_name, token) => {
    // CPU time, not wall time: the test machine may be busy with other work.
    const started = process.cpuUsage()
    const decoded = decodeToken(token)
    const used = process.cpuUsage(started)
    expect(decoded.token).toBe(token)
    // A hang or quadratic-time guard, not a speed target (speed is measured by `npm run bench`).
    expect((used.user + used.system) / 1000).toBeLessThan(5000)
  })
})
