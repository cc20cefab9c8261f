import { describe, expect, it } from 'vitest'
import type { SecretEncoding } from '../types'
import { decodeSecret, decodeStandardBase64 } from './secret'

const MB = 1_000_000
// Generous, for a loaded machine: `/=+$/` took minutes on a megabyte of "=" followed by one letter.
const HANG_GUARD = 30_000
const EMPTY = 'The key is empty. Paste an HMAC secret, a PEM key or certificate, a JWK or a JWKS.'

type Outcome = { readonly bytes: string } | { readonly code: string; readonly message: string }

function outcome(text: string, encoding: SecretEncoding): Outcome {
  const result = decodeSecret(text, encoding)
  return result.ok ? { bytes: Buffer.from(result.value).toString('hex') } : { code: result.error.code, message: result.error.message }
}

describe('decodeSecret', () => {
  it.each<[string, string, SecretEncoding, Outcome]>([
    ['base64', 'c2VjcmV0', 'base64', { bytes: Buffer.from('secret').toString('hex') }],
    ['padded base64 with line breaks', 'c2Vj\ncmV0\r\nMQ==', 'base64', { bytes: Buffer.from('secret1').toString('hex') }],
    ['base64url', '-_8', 'base64url', { bytes: 'fbff' }],
    ['hex with 0x', '0xDEADbeef', 'hex', { bytes: 'deadbeef' }],
    ['UTF-8 kept as typed', ' a b ', 'utf8', { bytes: Buffer.from(' a b ').toString('hex') }],
    ['only spaces', ' \n\t', 'base64', { code: 'KEY_EMPTY', message: EMPTY }],
    ['a base64url character in base64', 'ab-c', 'base64', { code: 'SECRET_BAD_BASE64', message: 'The secret is not base64: "-" at position 3 is not a base64 character. "-" belongs to base64url: choose that secret encoding.' }],
    ['an odd number of hex digits', 'abc', 'hex', { code: 'SECRET_BAD_HEX', message: 'The hex secret has an odd number of digits (3); every byte needs two. Add the missing digit, or choose another secret encoding.' }],
  ])('%s', (_name, text, encoding, expected) => {
    expect(outcome(text, encoding)).toEqual(expected)
  })
})

describe('decodeSecret on a megabyte of hostile text', () => {
  it.each<[string, () => string, SecretEncoding, Outcome]>([
    ['"=" then a letter (base64)', () => '='.repeat(MB) + 'A', 'base64', { code: 'SECRET_BAD_BASE64', message: 'The secret is not base64: "=" at position 1 is not a base64 character. Fix it, or choose another secret encoding.' }],
    ['"=" then a letter (base64url)', () => '='.repeat(MB) + 'A', 'base64url', { code: 'SECRET_BAD_BASE64URL', message: 'The secret is not base64url: "=" at position 1 is not a base64url character. Fix it, or choose another secret encoding.' }],
    ['a letter then "="', () => 'A' + '='.repeat(MB), 'base64url', { code: 'SECRET_BAD_BASE64URL', message: 'The base64url secret has 1 characters, which no byte string encodes to (one character too many or too few). Check that it was copied completely.' }],
    ['base64 then a megabyte of "="', () => 'QUJD' + '='.repeat(MB), 'base64', { bytes: '414243' }],
    ['"= " pairs', () => '= '.repeat(MB / 2) + 'QQ', 'base64', { code: 'SECRET_BAD_BASE64', message: 'The secret is not base64: "=" at position 1 is not a base64 character. Fix it, or choose another secret encoding.' }],
    ['spaces', () => ' '.repeat(MB), 'base64url', { code: 'KEY_EMPTY', message: EMPTY }],
    ['hex digits then a "g"', () => '0'.repeat(MB) + 'g', 'hex', { code: 'SECRET_BAD_HEX', message: 'The secret is not hex: "g" at position 1000001 is not a hex digit (0-9, a-f). Fix it, or choose another secret encoding.' }],
    ['base64url wrapped every character', () => 'A\n'.repeat(MB / 2) + '-_', 'base64url', { bytes: '00'.repeat(375_000) + 'fb' }],
    ['"-_" in base64', () => '-_'.repeat(MB / 2), 'base64', { code: 'SECRET_BAD_BASE64', message: 'The secret is not base64: "-" at position 1 is not a base64 character. "-" belongs to base64url: choose that secret encoding.' }],
  ])('%s', (_name, make, encoding, expected) => {
    expect(outcome(make(), encoding)).toEqual(expected)
  }, HANG_GUARD)

  it('keeps a megabyte UTF-8 secret of "=" as it is', () => {
    const result = decodeSecret('='.repeat(MB), 'utf8')
    if (!result.ok) throw new Error(result.error.message)
    // Compared as one buffer: toEqual walks a megabyte element by element for seconds.
    expect(result.value).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(result.value).equals(Buffer.alloc(MB, 0x3d))).toBe(true)
  }, HANG_GUARD)

  it('refuses a megabyte of "=" then a letter as standard base64', () => {
    expect(decodeStandardBase64('='.repeat(MB) + 'A')).toBeUndefined()
  }, HANG_GUARD)
})
