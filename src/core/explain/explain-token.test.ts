import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/jws-valid.json'
import { parsedKeyFromJwk, parsedSecret } from '../keys/jwk-key'
import { decodeToken } from '../token/decode'
import type { ParsedKey } from '../types'
import { explainToken } from './explain-token'
import type { ExplainStep } from './types'

type Vector = { id: string; token: string; key: unknown; private_key?: unknown }
const vector = (id: string) => (vectors as Vector[]).find((v) => v.id === id) as Vector

async function jwkKey(jwk: unknown): Promise<ParsedKey> {
  const r = await parsedKeyFromJwk(jwk)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

async function steps(token: string, key: ParsedKey | null): Promise<ExplainStep[]> {
  const r = await explainToken(decodeToken(token), key)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const step = (list: ExplainStep[], id: ExplainStep['id']) => list.find((s) => s.id === id) as ExplainStep
const value = (s: ExplainStep, label: string) => s.values.find((v) => v.label === label)?.value

/** Hex in 3-byte groups, computed with Buffer for comparison. */
const hexGroups = (bytes: Buffer) => (bytes.toString('hex').match(/.{1,6}/g) ?? []).join(' ')

const A1 = vector('rfc7515-A.1-HS256')
// RFC 7515 Appendix A.1: the signing input, verbatim.
const A1_SIGNING_INPUT = 'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ'
// RFC 7515 Appendix A.1: the octets of the JWS Protected Header.
const A1_HEADER_OCTETS = [123, 34, 116, 121, 112, 34, 58, 34, 74, 87, 84, 34, 44, 13, 10, 32, 34, 97, 108, 103, 34, 58, 34, 72, 83, 50, 53, 54, 34, 125]

describe('explainToken', () => {
  it('walks through RFC 7515 A.1 (HS256) in order, with the real values', async () => {
    const list = await steps(A1.token, await jwkKey(A1.key))
    expect(list.map((s) => s.id)).toEqual([
      'header-json', 'header-bytes', 'header-base64url', 'payload-json', 'payload-bytes', 'payload-base64url',
      'signing-input', 'signature-computation', 'signature-bytes', 'signature-base64url', 'token', 'recompute',
    ])
    expect(value(step(list, 'header-json'), 'Header text')).toBe('{"typ":"JWT",\r\n "alg":"HS256"}')
    expect(step(list, 'header-json').explanation).toContain('This text contains line breaks, and they are part of what is signed')
    expect(value(step(list, 'header-bytes'), 'Bytes (hex, 3-byte groups)')).toBe(hexGroups(Buffer.from(A1_HEADER_OCTETS)))
    expect(value(step(list, 'header-bytes'), 'Byte count')).toBe('30')
    expect(value(step(list, 'header-base64url'), 'base64url')).toBe('eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9')
    expect(step(list, 'header-base64url').groups?.map((g) => g.chars).join('')).toBe('eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9')
    expect(value(step(list, 'signing-input'), 'Signing input')).toBe(A1_SIGNING_INPUT)
    expect(value(step(list, 'signature-computation'), 'Formula')).toBe('HMAC-SHA-256(secret, ASCII(signing input))')
    expect(value(step(list, 'signature-computation'), 'Secret')).toBe('64 bytes (512 bits)')
    expect(value(step(list, 'signature-base64url'), 'base64url')).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')
    expect(value(step(list, 'token'), 'Token')).toBe(A1.token)
    const recompute = step(list, 'recompute')
    expect(recompute.verdict).toBe('pass')
    expect(value(recompute, 'Recomputed signature')).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')
    expect(value(recompute, 'Result')).toBe('Equal')
  })

  it('explains the missing padding for each remainder', async () => {
    const list = await steps(A1.token, null)
    // 30 header bytes: a multiple of three. 70 payload bytes: one left over. 32 signature bytes: two left over.
    expect(step(list, 'header-base64url').explanation).toContain('30 bytes make 10 full groups of three, so every group gives exactly four characters and even standard base64 would add no "=" padding.')
    expect(step(list, 'payload-base64url').explanation).toContain('70 bytes make 23 full groups of three and a final group of 1 byte (8 bits). That group is filled with 4 zero bits to make 2 characters. Standard base64 would append "=="')
    expect(step(list, 'signature-base64url').explanation).toContain('32 bytes make 10 full groups of three and a final group of 2 bytes (16 bits). That group is filled with 2 zero bits to make 3 characters. Standard base64 would append "="')
    const payloadBytes = Buffer.from(A1_SIGNING_INPUT.split('.')[1] as string, 'base64url')
    expect(value(step(list, 'payload-base64url'), 'Standard base64 (for comparison)')).toBe(payloadBytes.toString('base64'))
    expect(step(list, 'payload-base64url').groups?.at(-1)).toMatchObject({ index: 23, chars: payloadBytes.subarray(69).toString('base64url'), padding: '==' })
  })

  it('shows a different recomputed HMAC for a wrong secret or a changed payload', async () => {
    const wrong = await steps(A1.token, await parsedSecret(new TextEncoder().encode('not the secret, but 32 bytes long')))
    expect(step(wrong, 'recompute').verdict).toBe('fail')
    expect(value(step(wrong, 'recompute'), 'Result')).toBe('Different')
    const [h, , s] = A1.token.split('.')
    const changed = `${h}.${Buffer.from('{"iss":"joe","admin":true}').toString('base64url')}.${s}`
    const list = await steps(changed, await jwkKey(A1.key))
    expect(step(list, 'recompute').verdict).toBe('fail')
  })

  it('skips the check without a key and says what to do', async () => {
    const list = await steps(A1.token, null)
    expect(value(step(list, 'signature-computation'), 'Secret')).toBe('not given: paste the secret to recompute the signature')
    expect(step(list, 'recompute')).toEqual({ id: 'recompute', title: 'Check with your key', explanation: 'Paste the key (the secret, or a public or private key) to recompute or verify the signature here.', values: [], verdict: 'skip' })
  })

  it('RS256 (RFC 7515 A.2): shows the SHA-256 of the signing input and verifies with the public key', async () => {
    const A2 = vector('rfc7515-A.2-RS256')
    const list = await steps(A2.token, await jwkKey(A2.key))
    const signingInput = A2.token.slice(0, A2.token.lastIndexOf('.'))
    expect(value(step(list, 'signature-computation'), 'SHA-256(signing input)')).toBe(createHash('sha256').update(signingInput).digest('hex'))
    expect(value(step(list, 'signature-computation'), 'Output')).toBe('256 bytes (the size of the 2048-bit modulus)')
    const recompute = step(list, 'recompute')
    expect(recompute.verdict).toBe('pass')
    expect(recompute.explanation).toBe('Recomputing the RS256 signature needs the private key; with the public key given, the signature is verified instead. It verifies: the key matches and the header and payload are exactly what was signed.')
  })

  it('RS256 with the private key: PKCS#1 v1.5 is deterministic, so the recomputed signature equals', async () => {
    const A2 = vector('rfc7515-A.2-RS256')
    const recompute = step(await steps(A2.token, await jwkKey(A2.private_key)), 'recompute')
    expect(recompute.verdict).toBe('pass')
    expect(value(recompute, 'Recomputed signature')).toBe(A2.token.split('.')[2])
  })

  it('EdDSA (RFC 8037 A.4): signs the input itself; the recomputed signature equals', async () => {
    const A4 = vector('rfc8037-A.4-EdDSA')
    const list = await steps(A4.token, await jwkKey(A4.private_key))
    expect(step(list, 'payload-json').title).toBe('Payload text')
    expect(value(step(list, 'payload-json'), 'Payload text')).toBe('Example of Ed25519 signing')
    expect(value(step(list, 'signature-computation'), 'Input')).toBe(`the ${A4.token.lastIndexOf('.')} bytes of the signing input itself (no separate hash)`)
    expect(step(list, 'recompute').verdict).toBe('pass')
    expect(value(step(list, 'recompute'), 'Recomputed signature')).toBe(A4.token.split('.')[2])
  })

  it.each([['rfc7515-A.3-ES256', 'a random nonce k'], ['jwtio-PS256', 'a random salt']])('%s is randomised: it is verified, not recomputed', async (id, what) => {
    const v = vector(id)
    const list = await steps(v.token, await jwkKey(v.private_key))
    const recompute = step(list, 'recompute')
    expect(recompute.verdict).toBe('pass')
    expect(recompute.title).toBe('Verify the signature')
    expect(recompute.explanation).toContain(`is randomised (${what} goes into every signature)`)
    const signingInput = v.token.slice(0, v.token.lastIndexOf('.'))
    expect(value(step(list, 'signature-computation'), 'SHA-256(signing input)')).toBe(createHash('sha256').update(signingInput).digest('hex'))
  })

  it('splits an ES256 signature into r and s', async () => {
    const v = vector('rfc7515-A.3-ES256')
    const sig = Buffer.from(v.token.split('.')[2] as string, 'base64url')
    const list = await steps(v.token, null)
    expect(value(step(list, 'signature-bytes'), 'r')).toBe(sig.subarray(0, 32).toString('hex'))
    expect(value(step(list, 'signature-bytes'), 's')).toBe(sig.subarray(32).toString('hex'))
  })

  it('refuses an HMAC check with a public key, showing why', async () => {
    const list = await steps(A1.token, await jwkKey(vector('rfc7515-A.2-RS256').key))
    const recompute = step(list, 'recompute')
    expect(recompute.verdict).toBe('skip')
    expect(recompute.explanation).toMatch(/^The key cannot be used for HS256: The key is an RSA public key \(2048 bits\), but HS256 needs a shared secret\./)
  })

  it('explains "none"', async () => {
    const token = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`
    const list = await steps(token, null)
    expect(step(list, 'signature-computation').title).toBe('No signature (alg "none")')
    expect(step(list, 'signature-bytes').explanation).toBe('With "none" there is no signature: zero bytes.')
    expect(value(step(list, 'signature-base64url'), 'base64url')).toBe('(empty)')
    expect(step(list, 'recompute').verdict).toBe('skip')
  })

  it('keeps a megabyte token’s walkthrough small and says what was cut', async () => {
    const big = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify({ data: 'x'.repeat(1_000_000) })).toString('base64url')}.${'A'.repeat(43)}`
    const list = await steps(big, null)
    expect(JSON.stringify(list).length).toBeLessThan(60_000)
    expect(value(step(list, 'payload-bytes'), 'Bytes (hex, 3-byte groups)')).toMatch(/ … \(999627 more bytes\)$/)
    expect(step(list, 'payload-bytes').explanation).toContain('Only the first 384 bytes are listed.')
    expect(step(list, 'payload-base64url').groups).toHaveLength(24)
    expect(step(list, 'payload-base64url').explanation).toContain('The table shows the first 23 of 333337 groups and the final one.')
    expect(value(step(list, 'signing-input'), 'Signing input')).toMatch(/… \(\d+ more characters\)$/)
  })

  it.each([
    ['a JWE whose header is not base64url', '!!!!.a.b.c.d', 'EXPLAIN_JWE', 'This encrypted token (JWE) has no readable protected header or not five parts, so its structure cannot be shown. Copy the token again, completely.'],
    ['two parts', 'eyJhbGciOiJIUzI1NiJ9.e30', 'EXPLAIN_NOT_JWS', 'The walkthrough needs a signed token of three parts separated by dots (header.payload.signature). Paste a complete token.'],
    ['a header that is not base64url', '%%%.e30.', 'EXPLAIN_UNDECODABLE', 'The header is not base64url, so there are no bytes to explain. Copy the token again, completely.'],
  ])('refuses %s', async (_name, token, code, message) => {
    expect(await explainToken(decodeToken(token), null)).toEqual({ ok: false, error: { code, message } })
  })
})
