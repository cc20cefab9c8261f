import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeToken } from './decode'
import { verifyingEncodings } from './verifying-encodings'

const b64u = (text: string) => Buffer.from(text).toString('base64url')

/** An HS* token signed by node:crypto with the secret's bytes, independent of the code under test. */
function hsToken(hash: 'sha256' | 'sha384' | 'sha512', secret: Buffer): string {
  const alg = { sha256: 'HS256', sha384: 'HS384', sha512: 'HS512' }[hash]
  const input = `${b64u(JSON.stringify({ alg, typ: 'JWT' }))}.${b64u(JSON.stringify({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }))}`
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`
}

const text = 'your-256-bit-secret'
const bytes = Buffer.from('3q2-7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs', 'base64url')

describe('verifyingEncodings', () => {
  it.each([
    { name: 'a text secret verifies only as UTF-8', token: hsToken('sha256', Buffer.from(text, 'utf8')), key: text, expected: ['utf8'] },
    { name: 'HS384 with a text secret', token: hsToken('sha384', Buffer.from(text, 'utf8')), key: text, expected: ['utf8'] },
    { name: 'HS512 with a text secret', token: hsToken('sha512', Buffer.from(text, 'utf8')), key: text, expected: ['utf8'] },
    { name: 'base64url bytes verify as base64url', token: hsToken('sha256', bytes), key: bytes.toString('base64url'), expected: ['base64url'] },
    { name: 'base64 bytes verify as base64', token: hsToken('sha256', bytes), key: bytes.toString('base64'), expected: ['base64'] },
    { name: 'hex bytes verify as hex', token: hsToken('sha256', bytes), key: bytes.toString('hex'), expected: ['hex'] },
    { name: 'a wrong secret verifies under no encoding', token: hsToken('sha256', Buffer.from(text, 'utf8')), key: 'not-the-secret', expected: [] },
    { name: 'an empty key', token: hsToken('sha256', Buffer.from(text, 'utf8')), key: '   ', expected: [] },
  ])('$name', async ({ token, key, expected }) => {
    expect(await verifyingEncodings(decodeToken(token), key)).toEqual(expected)
  })

  it('text that base64url and base64 read alike verifies under both', async () => {
    const key = 'abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd'
    const token = hsToken('sha256', Buffer.from(key, 'base64'))
    expect(await verifyingEncodings(decodeToken(token), key)).toEqual(['base64url', 'base64'])
  })

  it('is empty for a token that is not HMAC-signed', async () => {
    const input = `${b64u(JSON.stringify({ alg: 'RS256' }))}.${b64u('{}')}`
    expect(await verifyingEncodings(decodeToken(`${input}.c2ln`), text)).toEqual([])
  })

  it('is empty for a malformed token', async () => {
    expect(await verifyingEncodings(decodeToken('not a token'), text)).toEqual([])
  })
})
