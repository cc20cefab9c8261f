import type { Diagnostic, SegmentName } from '../types'

/** A half-open range `[start, end)`. */
export interface OffsetRange {
  readonly start: number
  readonly end: number
}

/**
 * The UTF-16 range, in the token string, of the base64url characters that encode bytes
 * `[byteStart, byteEnd)` of a segment starting at `segmentStart`. Each character carries 6 bits, so
 * byte i spans characters ⌊8i/6⌋ … ⌊(8i+7)/6⌋: byte 3k is in characters 4k and 4k+1, byte 3k+1 in
 * 4k+1 and 4k+2, byte 3k+2 in 4k+2 and 4k+3. An empty byte range gives an empty range at the
 * character holding the first bit of `byteStart`.
 */
export function byteRangeToEncodedRange(segmentStart: number, byteStart: number, byteEnd: number): OffsetRange {
  const b0 = Math.max(0, Math.floor(byteStart))
  const b1 = Math.max(b0, Math.floor(byteEnd))
  const start = Math.floor((8 * b0) / 6)
  if (b1 === b0) return { start: segmentStart + start, end: segmentStart + start }
  return { start: segmentStart + start, end: segmentStart + Math.floor((8 * b1 - 1) / 6) + 1 }
}

/**
 * The inverse of {@link byteRangeToEncodedRange}: the byte range (relative to the segment's decoded
 * bytes) that token characters `[charStart, charEnd)` of a segment starting at `segmentStart` carry
 * bits of. Pass `byteLength` to drop the padding bits of a segment's last character: they belong to
 * no byte.
 */
export function encodedRangeToByteRange(segmentStart: number, charStart: number, charEnd: number, byteLength = Infinity): OffsetRange {
  const c0 = Math.max(0, Math.floor(charStart - segmentStart))
  const c1 = Math.max(c0, Math.floor(charEnd - segmentStart))
  const start = Math.min(Math.floor((6 * c0) / 8), byteLength)
  if (c1 === c0) return { start, end: start }
  return { start, end: Math.min(Math.floor((6 * c1 - 1) / 8) + 1, byteLength) }
}

/** A segment decoded as far as possible, with its encoding problems. */
export interface SegmentDecoding {
  /** The decoded bytes, or null when the segment holds no base64url character at all. */
  readonly bytes: Uint8Array | null
  readonly diagnostics: readonly Diagnostic[]
  /**
   * Maps a byte range of `bytes` to the token's UTF-16 range of the characters encoding it, even
   * when invalid characters were skipped while decoding.
   */
  readonly locate: (byteStart: number, byteEnd: number) => OffsetRange
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Character code → 6-bit value; base64's `+` and `/` are accepted leniently (and reported). */
const VALUES = (() => {
  const table = new Int8Array(128).fill(-1)
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i
  table[0x2b] = 62
  table[0x2f] = 63
  return table
})()

/**
 * Decodes one base64url segment of a token leniently, reporting every deviation from the strict
 * encoding of RFC 7515 §2 as a diagnostic with token offsets: characters outside base64url (skipped),
 * base64 `+ / =` (decoded as if base64url, so the content stays visible), a length of 4n+1 (the lone
 * last character is dropped) and non-zero unused bits in the last character. Linear time.
 */
export function decodeSegment(text: string, segmentStart: number, segment: SegmentName, label: string): SegmentDecoding {
  const diagnostics: Diagnostic[] = []
  const values = new Uint8Array(text.length)
  // positions[j] = index in `text` of the j-th kept character; only consulted when some were skipped.
  const positions = new Int32Array(text.length)
  let kept = 0
  let invalidCount = 0
  let firstInvalid = -1
  let firstBase64 = -1
  const base64Chars = new Set<string>()
  let paddingStart = text.length
  while (paddingStart > 0 && text.charCodeAt(paddingStart - 1) === 0x3d) paddingStart--

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (i >= paddingStart) {
      if (firstBase64 < 0) firstBase64 = i
      base64Chars.add('=')
      break
    }
    const v = c < 128 ? (VALUES[c] as number) : -1
    if (v < 0) {
      invalidCount++
      if (firstInvalid < 0) firstInvalid = i
      continue
    }
    if (c === 0x2b || c === 0x2f) {
      if (firstBase64 < 0) firstBase64 = i
      base64Chars.add(c === 0x2b ? '+' : '/')
    }
    values[kept] = v
    positions[kept] = i
    kept++
  }

  if (firstInvalid >= 0) {
    const width = isHighSurrogate(text.charCodeAt(firstInvalid)) && firstInvalid + 1 < text.length ? 2 : 1
    const others = invalidCount - 1
    const rest = others === 0
      ? 'It was skipped to decode the rest.'
      : `There ${others === 1 ? 'is 1 more such character' : `are ${others} more such characters`}; all were skipped to decode the rest.`
    diagnostics.push({
      severity: 'error',
      segment,
      offset: segmentStart + firstInvalid,
      length: width,
      code: 'BASE64URL_INVALID_CHAR',
      message: `The ${label} contains ${describeChar(text, firstInvalid)}, which is not a base64url character (only A–Z, a–z, 0–9, '-' and '_' are). ${rest}`,
    })
  }
  if (firstBase64 >= 0) {
    const found = ['+', '/', '='].filter((c) => base64Chars.has(c)).map((c) => `'${c}'`)
    diagnostics.push({
      severity: 'error',
      segment,
      offset: segmentStart + firstBase64,
      length: 1,
      code: 'BASE64_NOT_BASE64URL',
      message: `The ${label} is base64, not base64url: it contains ${joinWords(found)}. JWTs use base64url ('-' instead of '+', '_' instead of '/', no '=' padding). It was decoded anyway so you can see the content, but verifiers will reject the token.`,
    })
  }

  let usable = kept
  if (kept % 4 === 1) {
    usable = kept - 1
    diagnostics.push({
      severity: 'error',
      segment,
      offset: segmentStart + (positions[kept - 1] as number),
      length: 1,
      code: 'BASE64URL_BAD_LENGTH',
      message: `The ${label} has ${kept} base64url character${kept === 1 ? '' : 's'}, one more than a multiple of 4, which no encoding produces: its last character was ignored. A character was probably added or lost while copying.`,
    })
  } else if (kept % 4 !== 0) {
    const last = values[kept - 1] as number
    const unused = kept % 4 === 2 ? 0x0f : 0x03
    if ((last & unused) !== 0) {
      const at = positions[kept - 1] as number
      diagnostics.push({
        severity: 'error',
        segment,
        offset: segmentStart + at,
        length: 1,
        code: 'BASE64URL_NON_CANONICAL',
        message: `The last character of the ${label}, '${text[at]}', has unused bits set; the canonical encoding ends in '${ALPHABET[last & ~unused]}'. Most decoders ignore these bits, so differently written tokens carry the same bytes; JWT Lab never calls such a token verified.`,
      })
    }
  }

  const bytes = kept === 0 && text.length > 0 ? null : toBytes(values, usable)
  const skipped = kept !== text.length
  const locate = (byteStart: number, byteEnd: number): OffsetRange => {
    if (!skipped) return byteRangeToEncodedRange(segmentStart, byteStart, byteEnd)
    const r = byteRangeToEncodedRange(0, byteStart, byteEnd)
    if (kept === 0) return { start: segmentStart, end: segmentStart }
    const first = positions[Math.min(r.start, kept - 1)] as number
    if (r.end === r.start) return { start: segmentStart + first, end: segmentStart + first }
    const last = positions[Math.min(r.end, kept) - 1] as number
    return { start: segmentStart + first, end: segmentStart + last + 1 }
  }
  return { bytes, diagnostics, locate }
}

function toBytes(values: Uint8Array, count: number): Uint8Array {
  const out = new Uint8Array(Math.floor((count * 3) / 4))
  let o = 0
  let i = 0
  for (; i + 4 <= count; i += 4) {
    const n = ((values[i] as number) << 18) | ((values[i + 1] as number) << 12) | ((values[i + 2] as number) << 6) | (values[i + 3] as number)
    out[o++] = n >> 16
    out[o++] = (n >> 8) & 0xff
    out[o++] = n & 0xff
  }
  const rest = count - i
  if (rest >= 2) {
    const n = ((values[i] as number) << 18) | ((values[i + 1] as number) << 12) | (rest === 3 ? (values[i + 2] as number) << 6 : 0)
    out[o++] = n >> 16
    if (rest === 3) out[o] = (n >> 8) & 0xff
  }
  return out
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff
}

const NAMED: Readonly<Record<number, string>> = {
  0x20: 'a space',
  0x09: 'a tab',
  0x0a: 'a line break',
  0x0d: 'a line break',
  0x22: "a double quote '\"'",
  0x27: "a single quote \"'\"",
}

/** A character for a message, e.g. `'%'`, `a space` or `U+00A0`. */
function describeChar(text: string, index: number): string {
  const c = text.charCodeAt(index)
  const named = NAMED[c]
  if (named !== undefined) return named
  const cp = text.codePointAt(index) ?? c
  if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad || (c >= 0x2000 && c <= 0x200f) || c === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff)) {
    return `the invisible character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
  }
  return `'${String.fromCodePoint(cp)}'`
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}
