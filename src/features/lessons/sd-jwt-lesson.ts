import { base64urlDecode, base64urlEncode } from '../../core'

/** The lesson credential: who the holder is, with an always-visible issuer and issue time. */
export const SD_JWT_LESSON_CLAIMS = JSON.stringify({
  iss: 'https://issuer.example.com',
  iat: 1767225600,
  given_name: 'Ada',
  family_name: 'Lovelace',
  birthdate: '1815-12-10',
  email: 'ada@example.com',
})

/** The claims the issuer makes selectively disclosable. */
export const SD_JWT_LESSON_DISCLOSABLE = ['/given_name', '/family_name', '/birthdate', '/email'] as const

/** The claims the holder reveals to the verifier (the others stay digests). */
export const SD_JWT_LESSON_REVEALED = ['given_name', 'birthdate'] as const

/** The verifier the lesson presents to, and the nonce it asked for. */
export const SD_JWT_LESSON_AUDIENCE = 'https://verifier.example.org'
export const SD_JWT_LESSON_NONCE = 'lesson-nonce-1234'

/**
 * The SD-JWT with disclosure `index` (0-based) carrying `value` instead of its own, salt and claim
 * name kept: what a holder who edits a disclosed claim sends. Null when the text has no such
 * disclosure or it is not `[salt, name, value]` JSON.
 */
export function withDisclosureValue(sdJwt: string, index: number, value: string): string | null {
  const parts = sdJwt.split('~')
  // Part 0 is the issuer JWT, the last part the KB-JWT (or empty): disclosures sit between.
  if (index < 0 || index + 1 >= parts.length - 1) return null
  const bytes = base64urlDecode(parts[index + 1] ?? '')
  if (bytes === undefined) return null
  let decoded: unknown
  try {
    decoded = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return null
  }
  if (!Array.isArray(decoded) || decoded.length !== 3 || typeof decoded[0] !== 'string' || typeof decoded[1] !== 'string') return null
  parts[index + 1] = base64urlEncode(JSON.stringify([decoded[0], decoded[1], value]))
  return parts.join('~')
}

/** The claim name of each disclosure of a compact SD-JWT, in order; null for one that is not `[salt, name, value]`. */
export function disclosureNames(sdJwt: string): (string | null)[] {
  const parts = sdJwt.split('~')
  return parts.slice(1, -1).map((text) => {
    const bytes = base64urlDecode(text)
    if (bytes === undefined) return null
    try {
      const decoded: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
      return Array.isArray(decoded) && decoded.length === 3 && typeof decoded[1] === 'string' ? decoded[1] : null
    } catch {
      return null
    }
  })
}
