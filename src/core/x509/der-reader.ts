/**
 * A small DER reader for X.509 certificates and the key structures inside pasted keys. Every reader
 * returns undefined on malformed input instead of throwing: certificates and keys arrive from
 * untrusted tokens and pastes. Nesting is bounded by the structures read (no recursion on the input's
 * own shape).
 */

/** One DER element: its tag and where its content lies in the buffer. */
export interface Der {
  readonly tag: number
  /** Offset of the tag byte. */
  readonly offset: number
  /** Offset of the first content byte. */
  readonly start: number
  /** Offset just past the content. */
  readonly end: number
}

/** DER tags read here. */
export const T = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8: 0x0c,
  PRINTABLE: 0x13,
  T61: 0x14,
  IA5: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  UNIVERSAL: 0x1c,
  BMP: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const

/** A context-specific constructed tag `[n]`. */
export const ctx = (n: number): number => 0xa0 | n

/** The element at `offset` (within `limit`), or undefined when the bytes are not DER there. */
export function element(bytes: Uint8Array, offset: number, limit = bytes.length): Der | undefined {
  if (offset + 2 > limit) return undefined
  const tag = bytes[offset] as number
  if ((tag & 0x1f) === 0x1f) return undefined
  const first = bytes[offset + 1] as number
  let start = offset + 2
  let length = first
  if (first & 0x80) {
    const count = first & 0x7f
    if (count === 0 || count > 3 || start + count > limit) return undefined
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[start + i] as number)
    start += count
  }
  const end = start + length
  return end > limit ? undefined : { tag, offset, start, end }
}

/** The children of a constructed element, or undefined when they do not tile its content exactly. */
export function children(bytes: Uint8Array, parent: Der | undefined, max = 10_000): Der[] | undefined {
  if (parent === undefined || (parent.tag & 0x20) === 0) return undefined
  const out: Der[] = []
  for (let offset = parent.start; offset < parent.end; ) {
    const child = element(bytes, offset, parent.end)
    if (child === undefined || out.length >= max) return undefined
    out.push(child)
    offset = child.end
  }
  return out
}

/** The content bytes of an element. */
export const content = (bytes: Uint8Array, e: Der): Uint8Array => bytes.subarray(e.start, e.end)

/** The whole encoding (tag, length, content) of an element. */
export const encoding = (bytes: Uint8Array, e: Der): Uint8Array => bytes.subarray(e.offset, e.end)

/** Dotted text of an OID element, or undefined when its encoding is broken. */
export function oidText(bytes: Uint8Array, e: Der | undefined): string | undefined {
  if (e === undefined || e.tag !== T.OID || e.end === e.start || e.end - e.start > 64) return undefined
  const parts: number[] = []
  let value = 0
  for (let i = e.start; i < e.end; i++) {
    const byte = bytes[i] as number
    value = value * 128 + (byte & 0x7f)
    if (byte & 0x80) continue
    if (parts.length === 0) {
      const head = value < 80 ? Math.floor(value / 40) : 2
      parts.push(head, value - head * 40)
    } else {
      parts.push(value)
    }
    value = 0
  }
  return (bytes[e.end - 1] as number) & 0x80 ? undefined : parts.join('.')
}

/** Colon-free lower-case hex of bytes. */
export function hex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}

/** A string value (UTF8String, PrintableString, IA5String, T61String, BMPString, UniversalString). */
export function stringValue(bytes: Uint8Array, e: Der): string {
  const raw = content(bytes, e)
  if (e.tag === T.BMP) {
    let out = ''
    for (let i = 0; i + 1 < raw.length; i += 2) out += String.fromCharCode(((raw[i] as number) << 8) | (raw[i + 1] as number))
    return out
  }
  if (e.tag === T.UNIVERSAL) {
    let out = ''
    for (let i = 0; i + 3 < raw.length; i += 4) {
      const cp = (((raw[i] as number) << 24) | ((raw[i + 1] as number) << 16) | ((raw[i + 2] as number) << 8) | (raw[i + 3] as number)) >>> 0
      out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd'
    }
    return out
  }
  if (e.tag === T.UTF8 || e.tag === T.PRINTABLE || e.tag === T.IA5 || e.tag === T.T61) return new TextDecoder().decode(raw)
  return `#${hex(encoding(bytes, e))}`
}

/** Seconds since the epoch of a UTCTime or GeneralizedTime (`Z` form, as RFC 5280 requires), or undefined. */
export function timeValue(bytes: Uint8Array, e: Der | undefined): number | undefined {
  if (e === undefined) return undefined
  const text = new TextDecoder().decode(content(bytes, e))
  const match = e.tag === T.UTC_TIME ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text) : e.tag === T.GENERALIZED_TIME ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text) : null
  if (match === null) return undefined
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number]
  // RFC 5280 §4.1.2.5.1: a two-digit year below 50 is 20YY, otherwise 19YY.
  const year = e.tag === T.UTC_TIME ? (y < 50 ? 2000 + y : 1900 + y) : y
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined
  return Date.UTC(year, mo - 1, d, h, mi, s) / 1000
}

/** Whether two byte arrays hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
