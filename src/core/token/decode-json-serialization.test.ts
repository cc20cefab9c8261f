import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { decodeToken } from './decode'

const b64u = (s: string) => Buffer.from(s).toString('base64url')
const protectedHeader = b64u('{"alg":"ES256"}')
const payload = b64u('{"iss":"joe"}')
const REST = 'The JWS JSON serialization panel shows each signature with its headers and checks it on its own; the compact form joins the base64url members with dots: protected.payload.signature.'

describe('decodeToken: a JWS in JSON serialization', () => {
  it.each([
    [
      'flattened',
      JSON.stringify({ payload, protected: protectedHeader, signature: 'c2ln' }),
      `This is a JWS in JSON serialization (RFC 7515 §7.2), flattened syntax: the header, payload and signature are JSON members, not '.'-separated parts. ${REST}`,
    ],
    [
      'general with two signatures',
      JSON.stringify({ payload, signatures: [{ protected: protectedHeader, signature: 'c2ln' }, { protected: protectedHeader, signature: 'c2ln' }] }, null, 2),
      `This is a JWS in JSON serialization (RFC 7515 §7.2), general syntax with 2 signatures: the header, payload and signatures are JSON members, not '.'-separated parts. ${REST} Take "protected" and "signature" from one entry of "signatures".`,
    ],
    [
      'general with one signature',
      JSON.stringify({ payload, signatures: [{ protected: protectedHeader, signature: 'c2ln' }] }),
      `This is a JWS in JSON serialization (RFC 7515 §7.2), general syntax with 1 signature: the header, payload and signatures are JSON members, not '.'-separated parts. ${REST} Take "protected" and "signature" from one entry of "signatures".`,
    ],
  ])('%s is named', (_name, text, message) => {
    const first = decodeToken(text).diagnostics[0]
    expect(first).toEqual({ severity: 'error', segment: 'token', offset: 0, length: text.length, code: 'JSON_SERIALIZATION', message })
  })

  it.each([
    ['JSON without a payload', '{"signature":"c2ln"}'],
    ['JSON with a payload but no signature', `{"payload":"${payload}"}`],
    ['broken JSON', '{"payload":'],
    ['a plain word', 'hello'],
  ])('%s keeps the part-count message', (_name, text) => {
    expect(decodeToken(text).diagnostics[0]?.code).toBe('SEGMENT_COUNT')
  })
})

describe('the compact verdict of a JSON-serialized JWS', () => {
  it('points at the per-signature verdicts instead of calling the text malformed', async () => {
    const { verifyToken } = await import('./verify')
    const text = JSON.stringify({ payload: 'eyJzdWIiOiIxIn0', protected: 'eyJhbGciOiJIUzI1NiJ9', signature: 'c2ln' })
    const result = await verifyToken(decodeToken(text), null)
    expect(result).toEqual({
      ok: false,
      error: { code: 'TOKEN_MALFORMED', message: 'This is a JWS in JSON serialization: each of its signatures has its own verdict under "JWS JSON serialization".' },
    })
  })
})

describe('decodeToken: dots inside the members of a JSON serialization', () => {
  // Two dots would make three "parts" and four would make five: the text must still read as JSON, not as a compact token.
  it.each([
    ['a flattened JWS whose kid has two dots', JSON.stringify({ payload, protected: protectedHeader, header: { kid: 'key.v1.prod' }, signature: 'c2ln' }), 'JSON_SERIALIZATION'],
    ['a general JWS whose kid has one dot', JSON.stringify({ payload, signatures: [{ protected: protectedHeader, header: { kid: 'a.b' }, signature: 'c2ln' }] }), 'JSON_SERIALIZATION'],
    [
      "a general JWE with RFC 7520 §5.13's kid (four dots in all)",
      JSON.stringify({ protected: b64u('{"enc":"A128CBC-HS256"}'), unprotected: { cty: 'text/plain' }, recipients: [{ header: { alg: 'RSA1_5', kid: 'frodo.baggins@hobbiton.example' } }, { header: { alg: 'ECDH-ES+A256KW', kid: 'peregrin.took@tuckborough.example' } }], iv: 'aXY', ciphertext: 'Y3Q', tag: 'dGFn' }),
      'JWE_JSON_SERIALIZATION',
    ],
  ])('%s', (_name, text, code) => {
    const decoded = decodeToken(text)
    expect(decoded.kind).toBe('unknown')
    expect(decoded.diagnostics[0]?.code).toBe(code)
    expect(decoded.diagnostics.some((d) => d.code === 'SEGMENT_COUNT')).toBe(false)
  })

  it('a compact token after a JSON-looking word is still split on its dots', () => {
    const compact = `${protectedHeader}.${payload}.c2ln`
    expect(decodeToken(compact).kind).toBe('jws')
    expect(decodeToken('{"a":1}.b.c').diagnostics.some((d) => d.code === 'JSON_SERIALIZATION')).toBe(false)
  })
})
