import { err, ok, type Result } from '../result'
import type { SecretEncoding } from '../types'

/** Error codes of {@link decodeSecret}. */
export type SecretErrorCode = 'KEY_EMPTY' | 'SECRET_BAD_HEX' | 'SECRET_BAD_BASE64' | 'SECRET_BAD_BASE64URL'

/**
 * The bytes of an HMAC secret typed as text. `utf8` takes the text exactly as given (spaces
 * included); the other encodings ignore whitespace and line breaks, which copying often adds.
 */
export function decodeSecret(text: string, encoding: SecretEncoding): Result<Uint8Array, SecretErrorCode> {
  if (encoding === 'utf8') {
    if (text.length === 0) return err('KEY_EMPTY', EMPTY)
    return ok(new TextEncoder().encode(text))
  }
  const compact = text.replace(/\s+/g, '')
  if (compact.length === 0) return err('KEY_EMPTY', EMPTY)
  if (encoding === 'hex') return decodeHex(compact)
  return decodeBase64(compact, encoding)
}

const EMPTY = 'The key is empty. Paste an HMAC secret, a PEM key or certificate, a JWK or a JWKS.'

function decodeHex(text: string): Result<Uint8Array, SecretErrorCode> {
  const digits = /^0x/i.test(text) ? text.slice(2) : text
  const bad = digits.search(/[^0-9a-fA-F]/)
  if (bad >= 0) {
    return err('SECRET_BAD_HEX', `The secret is not hex: "${digits[bad]}" at position ${bad + 1} is not a hex digit (0-9, a-f). Fix it, or choose another secret encoding.`)
  }
  if (digits.length === 0) return err('KEY_EMPTY', EMPTY)
  if (digits.length % 2 === 1) {
    return err('SECRET_BAD_HEX', `The hex secret has an odd number of digits (${digits.length}); every byte needs two. Add the missing digit, or choose another secret encoding.`)
  }
  const out = new Uint8Array(digits.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16)
  return ok(out)
}

function decodeBase64(text: string, encoding: 'base64' | 'base64url'): Result<Uint8Array, SecretErrorCode> {
  const code = encoding === 'base64' ? 'SECRET_BAD_BASE64' : 'SECRET_BAD_BASE64URL'
  const body = withoutTrailingPadding(text)
  const alphabet = encoding === 'base64' ? /[^A-Za-z0-9+/]/ : /[^A-Za-z0-9_-]/
  const bad = body.search(alphabet)
  if (bad >= 0) {
    const char = body[bad] as string
    const other = encoding === 'base64' ? '-_'.includes(char) : '+/'.includes(char)
    const hint = other
      ? ` "${char}" belongs to ${encoding === 'base64' ? 'base64url' : 'base64'}: choose that secret encoding.`
      : ' Fix it, or choose another secret encoding.'
    return err(code, `The secret is not ${encoding}: "${char}" at position ${bad + 1} is not a ${encoding} character.${hint}`)
  }
  if (body.length % 4 === 1) {
    return err(code, `The ${encoding} secret has ${body.length} characters, which no byte string encodes to (one character too many or too few). Check that it was copied completely.`)
  }
  const standard = encoding === 'base64' ? body : body.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(standard + '='.repeat((4 - (standard.length % 4)) % 4))
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return ok(out)
}

/**
 * `text` without its trailing `=` signs. A scan from the end, not `/=+$/`: that pattern retries from
 * every `=` of a run that is followed by something else, which is quadratic in the run's length.
 */
function withoutTrailingPadding(text: string): string {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--
  return text.slice(0, end)
}

/** Decodes standard base64 (whitespace ignored), or undefined when it is not base64. */
export function decodeStandardBase64(text: string): Uint8Array | undefined {
  const result = decodeBase64(text.replace(/\s+/g, ''), 'base64')
  return result.ok ? result.value : undefined
}
