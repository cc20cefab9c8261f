/**
 * What "canonical base64url" means for a JOSE segment (RFC 7515 §2, RFC 4648 §5 without padding),
 * judged from the text alone. The verifier, the decoder's diagnostics and the lint all ask this one
 * question, so they cannot disagree about a token.
 */

/** The ways a segment's text can differ from canonical base64url, worst first. */
export type Base64urlProblemCode = 'PADDED' | 'BASE64_ALPHABET' | 'INVALID_CHAR' | 'BAD_LENGTH' | 'NON_CANONICAL'

/** One segment's encoding problem. */
export interface Base64urlProblem {
  readonly code: Base64urlProblemCode
  /** A predicate for a sentence about the segment, e.g. `has = padding, which base64url in JOSE omits`. */
  readonly phrase: string
  /**
   * Whether the verdict refuses it. Every problem is refused, unused trailing bits too: many decoders
   * ignore them, but then one signature can be written several ways (a replay cache keyed by the token
   * text is fooled), and no JOSE encoder ever writes them.
   */
  readonly rejected: boolean
}

const VALUE = (() => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const table = new Int8Array(128).fill(-1)
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i
  return table
})()

/**
 * The first problem of a segment's text as base64url, or undefined when it is canonical. One pass
 * over the text (linear; no regular expression).
 */
export function base64urlTextProblem(text: string): Base64urlProblem | undefined {
  let padded = false
  let base64 = false
  let invalid = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x3d) padded = true
    else if (c === 0x2b || c === 0x2f) base64 = true
    else if (c >= 128 || (VALUE[c] as number) < 0) invalid = true
  }
  if (padded) return { code: 'PADDED', phrase: 'has = padding, which base64url in JOSE omits', rejected: true }
  if (base64) return { code: 'BASE64_ALPHABET', phrase: 'uses + or /, characters of standard base64 instead of base64url', rejected: true }
  if (invalid) return { code: 'INVALID_CHAR', phrase: 'contains characters outside the base64url alphabet', rejected: true }
  if (text.length % 4 === 1) return { code: 'BAD_LENGTH', phrase: `has a length (${text.length}) that no byte string encodes to`, rejected: true }
  const last = text.length > 0 ? (VALUE[text.charCodeAt(text.length - 1)] as number) : 0
  // The last character of a 2- or 3-character group carries 4 or 2 unused bits, which must be zero.
  const unused = text.length % 4 === 2 ? 0b1111 : text.length % 4 === 3 ? 0b11 : 0
  if ((last & unused) !== 0) return { code: 'NON_CANONICAL', phrase: 'ends in a character whose unused low bits are not zero', rejected: true }
  return undefined
}
