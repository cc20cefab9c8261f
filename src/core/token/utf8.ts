/**
 * UTF-8 helpers for mapping positions between decoded JSON text and the bytes that encode it.
 */

/**
 * Index of the first byte of the first invalid UTF-8 sequence in `bytes`, or -1 when all of it is
 * valid UTF-8. Follows the WHATWG decoder (the rules `TextDecoder` with `fatal: true` applies):
 * overlong forms, surrogates and code points above U+10FFFF are invalid, and so is a sequence cut
 * off at the end.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let lower = 0x80
    let upper = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) lower = 0xa0
      if (b === 0xed) upper = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) lower = 0x90
      if (b === 0xf4) upper = 0x8f
    } else return i
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return i
      const c = bytes[i + k] as number
      const lo = k === 1 ? lower : 0x80
      const hi = k === 1 ? upper : 0xbf
      if (c < lo || c > hi) return i
    }
    i += need + 1
  }
  return -1
}

/**
 * The UTF-8 byte offset of the UTF-16 offset `offset` in `text` (clamped to the text). A surrogate
 * pair counts as one 4-byte character; a lone surrogate as 3 bytes (U+FFFD, as TextEncoder writes it).
 */
export function utf16OffsetToByteOffset(text: string, offset: number): number {
  const end = Math.max(0, Math.min(offset, text.length))
  let bytes = 0
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      // An offset between the two halves of a pair cannot be expressed in bytes; count the whole pair.
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/**
 * The UTF-16 offset in `text` of the character that contains UTF-8 byte `byteOffset` (the inverse of
 * {@link utf16OffsetToByteOffset}; a byte inside a multi-byte character maps to that character's
 * start). Offsets past the end give `text.length`.
 */
export function byteOffsetToUtf16Offset(text: string, byteOffset: number): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    let size: number
    let units = 1
    if (c < 0x80) size = 1
    else if (c < 0x800) size = 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      size = 4
      units = 2
    } else size = 3
    if (byteOffset < bytes + size) return i
    bytes += size
    i += units - 1
  }
  return text.length
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}
