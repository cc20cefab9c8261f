/** One 3-byte group of base64url encoding and the characters it becomes. */
export interface Base64Group {
  /** Position of the group (0-based): group i encodes bytes 3i … 3i+2. */
  readonly index: number
  /** The group's 1–3 bytes as hex, separated by spaces, e.g. `7b 22 74`. */
  readonly bytesHex: string
  /** The group's bits split into 6-bit chunks, fill bits included, e.g. `011110 110010 001001 110100`. */
  readonly bits: string
  /** How many zero bits were appended to complete the last chunk: 0 for a full group, 4 or 2 otherwise. */
  readonly fillBits: number
  /** Each chunk's value 0–63, the index of its character in the base64url alphabet. */
  readonly values: readonly number[]
  /** The base64url characters of the group: 4 for a full group, 2 or 3 for a final partial one. */
  readonly chars: string
  /** What standard base64 appends after this group (`=` or `==`), which base64url leaves out. */
  readonly padding: '' | '=' | '=='
}

/** A byte string's 3 → 4 group table, capped in size. */
export interface Base64GroupTable {
  /**
   * The groups shown. When the input has more than the limit, these are the first `limit − 1`
   * groups followed by the final group (so the padding case is always visible); see `omitted`.
   */
  readonly groups: readonly Base64Group[]
  /** How many groups the whole input has. */
  readonly total: number
  /** How many groups were left out between the shown ones (0 when all are shown). */
  readonly omitted: number
}

/** The base64url alphabet (RFC 4648 §5): base64's with `-` and `_` instead of `+` and `/`. */
const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Default number of groups in a table: enough to see the pattern, small enough to read. */
const DEFAULT_GROUP_LIMIT = 24

const hex2 = (b: number) => b.toString(16).padStart(2, '0')

/** Group `index` of `bytes` (which must exist). */
function base64Group(bytes: Uint8Array, index: number): Base64Group {
  const chunk = bytes.subarray(index * 3, index * 3 + 3)
  const n = chunk.length
  let bits = ''
  for (const b of chunk) bits += b.toString(2).padStart(8, '0')
  const charCount = n === 3 ? 4 : n + 1
  const fillBits = charCount * 6 - n * 8
  bits += '0'.repeat(fillBits)
  const values: number[] = []
  const sextets: string[] = []
  for (let i = 0; i < charCount; i++) {
    const sextet = bits.slice(i * 6, i * 6 + 6)
    sextets.push(sextet)
    values.push(parseInt(sextet, 2))
  }
  return {
    index,
    bytesHex: Array.from(chunk, hex2).join(' '),
    bits: sextets.join(' '),
    fillBits,
    values,
    chars: values.map((v) => BASE64URL_ALPHABET[v]).join(''),
    padding: n === 1 ? '==' : n === 2 ? '=' : '',
  }
}

/**
 * The 3-byte → 4-character table of base64url (RFC 4648 §5, without padding as RFC 7515 §2 requires):
 * every 3 bytes (24 bits) become four 6-bit values, each one character; a final group of 1 or 2
 * bytes is filled with zero bits to 2 or 3 characters, where standard base64 would add `==` or `=`.
 * At most `limit` groups are returned (the last one always among them).
 */
export function base64urlGroups(bytes: Uint8Array, limit = DEFAULT_GROUP_LIMIT): Base64GroupTable {
  const total = Math.ceil(bytes.length / 3)
  const shown = Math.max(1, Math.floor(limit))
  if (total <= shown) {
    return { groups: Array.from({ length: total }, (_, i) => base64Group(bytes, i)), total, omitted: 0 }
  }
  const groups = Array.from({ length: shown - 1 }, (_, i) => base64Group(bytes, i))
  groups.push(base64Group(bytes, total - 1))
  return { groups, total, omitted: total - shown }
}
