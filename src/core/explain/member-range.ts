import { byteOffsetToUtf16Offset, byteRangeToEncodedRange, encodedRangeToByteRange, utf16OffsetToByteOffset, type OffsetRange } from '../token'
import type { DecodedPart, JsonMember } from '../types'

/**
 * Characters whose positions map one to one onto base64 sextets. Decoding skips anything else, so
 * after a skipped character the simple 4-characters-per-3-bytes arithmetic no longer holds.
 */
const ONE_TO_ONE = /^[A-Za-z0-9_\-+/]*=*$/

/** The member list of a part whose text positions can be mapped onto token characters, or null. */
function mappable(part: DecodedPart): { readonly text: string; readonly members: readonly JsonMember[] } | null {
  if (part.text === null || part.bytes === null || part.members.length === 0) return null
  if (!ONE_TO_ONE.test(part.encoded)) return null
  return { text: part.text, members: part.members }
}

/** A member's UTF-8 byte range in its part's decoded bytes. */
function memberBytes(text: string, member: JsonMember): OffsetRange {
  return { start: utf16OffsetToByteOffset(text, member.start), end: utf16OffsetToByteOffset(text, member.end) }
}

/**
 * The token characters (UTF-16 range in the compact token) that encode top-level member `index` of
 * a decoded header or payload: from the opening quote of its name to the end of its value. Text
 * offsets become UTF-8 byte offsets, and bytes become base64url characters four per three bytes, so
 * a member that starts or ends inside a 3-byte group includes the character it shares with its
 * neighbour (that character carries bits of both). Null when the index is out of range, the part is
 * not JSON text, or its base64url holds characters that decoding skipped (positions would drift).
 */
export function memberEncodedRange(part: DecodedPart, index: number): OffsetRange | null {
  const source = mappable(part)
  const member = source?.members[index]
  if (source === null || member === undefined) return null
  const bytes = memberBytes(source.text, member)
  return byteRangeToEncodedRange(part.start, bytes.start, bytes.end)
}

/**
 * The index of the top-level member whose encoding includes the token character at `tokenOffset`
 * (the inverse of {@link memberEncodedRange}), or null when that character encodes only separators
 * or whitespace, lies outside the part, or the part cannot be mapped. Members are separated by at
 * least one byte, so no character belongs to two of them.
 */
export function memberAtEncodedOffset(part: DecodedPart, tokenOffset: number): number | null {
  const source = mappable(part)
  if (source === null || part.bytes === null) return null
  const relative = tokenOffset - part.start
  if (!Number.isInteger(tokenOffset) || relative < 0 || relative >= part.encoded.length) return null
  const bytes = encodedRangeToByteRange(part.start, tokenOffset, tokenOffset + 1, part.bytes.length)
  if (bytes.end <= bytes.start) return null
  // A character carries bits of one or two bytes; each byte lies inside exactly one text character.
  const first = memberAtTextOffset(source.members, byteOffsetToUtf16Offset(source.text, bytes.start))
  if (first !== null) return first
  return memberAtTextOffset(source.members, byteOffsetToUtf16Offset(source.text, bytes.end - 1))
}

/**
 * The index of the top-level member whose text (name through value) contains UTF-16 offset
 * `offset`, or null. Used with the members of the pretty-printed text shown in an editor: it lists
 * the same members in the same order as the token's own text, so the index carries over.
 */
export function memberAtTextOffset(members: readonly JsonMember[], offset: number): number | null {
  let lo = 0
  let hi = members.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const m = members[mid] as JsonMember
    if (offset < m.start) hi = mid - 1
    else if (offset >= m.end) lo = mid + 1
    else return mid
  }
  return null
}
