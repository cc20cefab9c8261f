import { describe, expect, it } from 'vitest'
import { decodeToken } from '../token/decode'
import { formatJson, parseJsonText } from '../token/json'
import type { DecodedPart } from '../types'
import { memberAtEncodedOffset, memberAtTextOffset, memberEncodedRange } from './member-range'

const HEADER = '{"alg":"HS256","typ":"JWT"}'
const b64u = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

function payloadOf(token: string): DecodedPart {
  const part = decodeToken(token).payload
  if (part === null) throw new Error('no payload')
  return part
}

/**
 * The token characters that encode bytes [byteStart, byteEnd) of `text`, found without any offset
 * arithmetic: flip every bit of each byte in turn and see which characters of Buffer's base64url change.
 */
function charsEncoding(text: string, byteStart: number, byteEnd: number): Set<number> {
  const bytes = Buffer.from(text, 'utf8')
  const original = bytes.toString('base64url')
  const changed = new Set<number>()
  for (let b = byteStart; b < byteEnd; b++) {
    const flipped = Buffer.from(bytes)
    flipped[b] = (flipped[b] as number) ^ 0xff
    const encoded = flipped.toString('base64url')
    for (let c = 0; c < original.length; c++) if (encoded[c] !== original[c]) changed.add(c)
  }
  return changed
}

/** A contiguous set as a half-open range (fails the test when the set has holes). */
function asRange(set: Set<number>, shift: number): { start: number; end: number } {
  const sorted = [...set].sort((a, b) => a - b)
  const start = sorted[0] as number
  const end = (sorted[sorted.length - 1] as number) + 1
  expect(sorted).toEqual(Array.from({ length: end - start }, (_, i) => start + i))
  return { start: start + shift, end: end + shift }
}

/** Name → [start, end) UTF-8 byte range of `"name":value` in `text`, found by searching the text. */
function memberByteRange(text: string, name: string, value: unknown): { start: number; end: number } {
  const written = `${JSON.stringify(name)}:${JSON.stringify(value)}`
  const at = text.indexOf(written)
  expect(at).toBeGreaterThanOrEqual(0)
  return { start: Buffer.byteLength(text.slice(0, at)), end: Buffer.byteLength(text.slice(0, at + written.length)) }
}

// Padding before the member and value lengths chosen so the member's first and last byte fall on
// every position within a 3-byte group, with 1-, 2-, 3- and 4-byte UTF-8 characters on the way.
const PADS = ['', 'a', 'aa', 'é', '€', '😀', 'aé', 'a€']
const VALUES = ['', 'x', 'xy', 'é', '😀', '€x', 'a😀b']

const cases = PADS.flatMap((pad) => VALUES.map((value) => ({ pad, value })))

describe('memberEncodedRange', () => {
  it('covers every start and end position modulo 3', () => {
    const seen = new Set<string>()
    for (const { pad, value } of cases) {
      const text = JSON.stringify({ p: pad, m: value, n: 1 })
      const r = memberByteRange(text, 'm', value)
      seen.add(`${r.start % 3}/${r.end % 3}`)
    }
    expect([...seen].sort()).toEqual(['0/0', '0/1', '0/2', '1/0', '1/1', '1/2', '2/0', '2/1', '2/2'])
  })

  it.each(cases)('maps every payload member to exactly the characters encoding it (pad $pad, value $value)', ({ pad, value }) => {
    const payload = { p: pad, m: value, n: 1 }
    const text = JSON.stringify(payload)
    const token = `${b64u(HEADER)}.${b64u(text)}.c2ln`
    const part = payloadOf(token)
    const payloadStart = b64u(HEADER).length + 1
    expect(part.members.map((m) => m.name)).toEqual(['p', 'm', 'n'])
    Object.entries(payload).forEach(([name, v], index) => {
      const bytes = memberByteRange(text, name, v)
      const expected = asRange(charsEncoding(text, bytes.start, bytes.end), payloadStart)
      expect(memberEncodedRange(part, index)).toEqual(expected)
      // And the highlighted characters of the token really are that substring.
      const range = memberEncodedRange(part, index) as { start: number; end: number }
      expect(token.slice(range.start, range.end)).toBe(b64u(text).slice(expected.start - payloadStart, expected.end - payloadStart))
    })
  })

  it('maps header members too, relative to the start of the token', () => {
    const token = `${b64u(HEADER)}.${b64u('{}')}.`
    const header = decodeToken(token).header as DecodedPart
    expect(memberEncodedRange(header, 0)).toEqual(asRange(charsEncoding(HEADER, 1, 14), 0))
    expect(memberEncodedRange(header, 1)).toEqual(asRange(charsEncoding(HEADER, 15, 26), 0))
  })

  it('keeps repeated names apart by position', () => {
    const text = '{"a":1,"a":22}'
    const part = payloadOf(`${b64u(HEADER)}.${b64u(text)}.`)
    const start = b64u(HEADER).length + 1
    expect(memberEncodedRange(part, 0)).toEqual(asRange(charsEncoding(text, 1, 6), start))
    expect(memberEncodedRange(part, 1)).toEqual(asRange(charsEncoding(text, 7, 13), start))
  })

  it.each([
    ['an index past the end', `${b64u(HEADER)}.${b64u('{"a":1}')}.`, 1],
    ['a negative index', `${b64u(HEADER)}.${b64u('{"a":1}')}.`, -1],
    ['a payload that is not JSON', `${b64u(HEADER)}.${b64u('hello')}.`, 0],
    ['a JSON array', `${b64u(HEADER)}.${b64u('[1,2]')}.`, 0],
    ['base64url with a skipped character', `${b64u(HEADER)}.${b64u('{"a":1}').slice(0, 4)}%${b64u('{"a":1}').slice(4)}.`, 0],
  ])('gives null for %s', (_name, token, index) => {
    expect(memberEncodedRange(payloadOf(token), index)).toBeNull()
  })
})

describe('memberAtEncodedOffset', () => {
  it.each(cases)('finds the member of every payload character (pad $pad, value $value)', ({ pad, value }) => {
    const payload = { p: pad, m: value, n: 1 }
    const text = JSON.stringify(payload)
    const token = `${b64u(HEADER)}.${b64u(text)}.c2ln`
    const part = payloadOf(token)
    const payloadStart = b64u(HEADER).length + 1
    const owner = new Map<number, number>()
    Object.entries(payload).forEach(([name, v], index) => {
      const bytes = memberByteRange(text, name, v)
      for (const c of charsEncoding(text, bytes.start, bytes.end)) {
        expect(owner.has(c)).toBe(false)
        owner.set(c, index)
      }
    })
    for (let c = 0; c < b64u(text).length; c++) {
      expect([c, memberAtEncodedOffset(part, payloadStart + c)]).toEqual([c, owner.get(c) ?? null])
    }
  })

  it('gives null outside the part and for the dots around it', () => {
    const token = `${b64u(HEADER)}.${b64u('{"a":1}')}.c2ln`
    const part = payloadOf(token)
    const start = b64u(HEADER).length + 1
    expect(memberAtEncodedOffset(part, start - 1)).toBeNull()
    expect(memberAtEncodedOffset(part, start + b64u('{"a":1}').length)).toBeNull()
    expect(memberAtEncodedOffset(part, 0)).toBeNull()
    expect(memberAtEncodedOffset(part, 1.5)).toBeNull()
    expect(memberAtEncodedOffset(part, start + 1)).toBe(0)
  })
})

describe('memberAtTextOffset', () => {
  it('finds members of the pretty-printed text in the same order as the compact text', () => {
    const compact = '{"sub":"1","name":"Ada","admin":false}'
    const pretty = formatJson(compact)
    expect(pretty).toBe('{\n  "sub": "1",\n  "name": "Ada",\n  "admin": false\n}')
    const members = parseJsonText(pretty).members
    expect(members.map((m) => m.name)).toEqual(parseJsonText(compact).members.map((m) => m.name))
    const at = (needle: string) => memberAtTextOffset(members, pretty.indexOf(needle))
    expect(at('"sub"')).toBe(0)
    expect(at('"1"')).toBe(0)
    expect(at('Ada')).toBe(1)
    expect(at('false')).toBe(2)
    expect(at('{')).toBeNull()
    expect(memberAtTextOffset(members, pretty.indexOf(',\n  "name"'))).toBeNull()
    expect(memberAtTextOffset(members, pretty.length - 1)).toBeNull()
    expect(memberAtTextOffset([], 3)).toBeNull()
  })
})
