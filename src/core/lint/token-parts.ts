/**
 * Small readers shared by the lint rules: typed access to header and payload members, and the
 * mapping from JSON text positions back to characters of the compact token.
 */
import type { DecodedPart, DecodedToken, JsonMember, JsonValue, SegmentName } from '../types'
import type { Finding } from './types'

/** A JSON object as decoded by the core. */
export type JsonObject = { readonly [name: string]: JsonValue }

/** Where in the token a finding points. */
export type Location = Pick<Finding, 'segment' | 'offset' | 'length'>

/** The value as an object, or undefined for arrays, primitives and absent values. */
export function asObject(value: JsonValue | undefined): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined
}

/** The header as a JSON object, if it is one. */
export function headerObject(token: DecodedToken): JsonObject | undefined {
  return token.header?.kind === 'json' ? asObject(token.header.value) : undefined
}

/** The payload as a JSON object, if it is one (never for JWE). */
export function payloadObject(token: DecodedToken): JsonObject | undefined {
  return token.payload?.kind === 'json' ? asObject(token.payload.value) : undefined
}

/** Own-property read, so names such as `constructor` never reach the prototype. */
export function member(object: JsonObject | undefined, name: string): JsonValue | undefined {
  return object !== undefined && Object.prototype.hasOwnProperty.call(object, name) ? object[name] : undefined
}

/** A NumericDate claim as a number, or undefined when absent or not numeric. */
export function numericMember(object: JsonObject | undefined, name: string): number | undefined {
  const value = member(object, name)
  if (typeof value === 'bigint') return Number(value)
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** Length in bytes of the UTF-8 encoding of `text` (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/**
 * The token characters that encode bytes `[byteStart, byteEnd)` of a base64url segment: byte i
 * starts at bit 8i, which lies in character ⌊8i/6⌋.
 */
export function byteRangeLocation(segment: SegmentName, start: number, encodedLength: number, byteStart: number, byteEnd: number): Location {
  const from = Math.min(Math.floor((byteStart * 4) / 3), encodedLength)
  const to = Math.min(Math.ceil((byteEnd * 4) / 3), encodedLength)
  return { segment, offset: start + from, length: Math.max(to - from, 0) }
}

/** The whole segment of a decoded part. */
export function partLocation(part: DecodedPart, segment: SegmentName): Location {
  return { segment, offset: part.start, length: part.encoded.length }
}

/** The last member of that name: the one whose value `JSON.parse` (and so the core) keeps. */
export function lastMember(part: DecodedPart | null, name: string): JsonMember | undefined {
  if (part === null) return undefined
  for (let i = part.members.length - 1; i >= 0; i--) {
    const m = part.members[i]
    if (m !== undefined && m.name === name) return m
  }
  return undefined
}

/** The token characters that encode one JSON member of the header or payload. */
export function memberRangeLocation(part: DecodedPart, segment: SegmentName, m: JsonMember): Location {
  const text = part.text ?? ''
  const byteStart = utf8Length(text.slice(0, m.start))
  const byteEnd = byteStart + utf8Length(text.slice(m.start, m.end))
  return byteRangeLocation(segment, part.start, part.encoded.length, byteStart, byteEnd)
}

/** Location of a named header or payload member, falling back to the whole part. */
export function memberLocation(token: DecodedToken, where: 'header' | 'payload', name: string): Location {
  const part = where === 'header' ? token.header : token.payload
  if (part === null) return {}
  const m = lastMember(part, name)
  return m === undefined ? partLocation(part, where) : memberRangeLocation(part, where, m)
}

/** Short display form of a string value for messages. */
export function quote(text: string, max = 60): string {
  const shown = text.length > max ? `${text.slice(0, max - 3)}...` : text
  return JSON.stringify(shown)
}

/** Compact JSON of a value for messages (big integers as digits), cut to `max` characters. */
export function showJson(value: JsonValue, max = 60): string {
  let text: string
  try {
    text = typeof value === 'bigint' ? value.toString()
      : JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))
  } catch {
    // Only pathologically deep values overflow the stack.
    text = Array.isArray(value) ? '[...]' : '{...}'
  }
  return text.length > max ? `${text.slice(0, max - 3)}...` : text
}

/**
 * `a, b, c and 4 more`: a list for messages that stays short whatever the input. `total` is how many
 * items there are when only the first ones were passed (so that only those need to be built).
 */
export function listOf(items: readonly string[], max = 5, total = items.length): string {
  const shown = items.slice(0, max).join(', ')
  return total > max ? `${shown} and ${total - max} more` : shown
}
