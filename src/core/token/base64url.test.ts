import fc from 'fast-check'
import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { byteRangeToEncodedRange, decodeSegment, encodedRangeToByteRange } from './base64url'

const NUM_RUNS = process.env.CI ? 10_000 : 1_000

/** Characters whose text differs between two encodings: the independent oracle for positions. */
function changedChars(a: string, b: string): number[] {
  const out: number[] = []
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push(i)
  return out
}

function changedBytes(a: Uint8Array, b: Uint8Array): number[] {
  const out: number[] = []
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push(i)
  return out
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

describe('byteRangeToEncodedRange', () => {
  it.each([
    // [byteStart, byteEnd, start, end]: byte 3k → chars 4k..4k+1, 3k+1 → 4k+1..4k+2, 3k+2 → 4k+2..4k+3
    [0, 1, 0, 2],
    [1, 2, 1, 3],
    [2, 3, 2, 4],
    [3, 4, 4, 6],
    [4, 5, 5, 7],
    [5, 6, 6, 8],
    [0, 3, 0, 4],
    [1, 3, 1, 4],
    [2, 4, 2, 6],
    [2, 5, 2, 7],
    [4, 6, 5, 8],
    [0, 0, 0, 0],
    [3, 3, 4, 4],
  ])('bytes [%i, %i) are characters [%i, %i)', (b0, b1, start, end) => {
    expect(byteRangeToEncodedRange(0, b0, b1)).toEqual({ start, end })
    expect(byteRangeToEncodedRange(100, b0, b1)).toEqual({ start: start + 100, end: end + 100 })
  })

  it('names exactly the characters that change when one byte changes, for every byte of every length up to 64', () => {
    for (let length = 1; length <= 64; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff)
      const base = Buffer.from(bytes).toString('base64url')
      for (let i = 0; i < length; i++) {
        const flipped = bytes.slice()
        flipped[i] = (flipped[i] as number) ^ 0xff
        const changed = changedChars(base, Buffer.from(flipped).toString('base64url'))
        const range = byteRangeToEncodedRange(7, i, i + 1)
        expect({ length, i, start: range.start - 7, end: range.end - 7 }).toEqual({ length, i, start: changed[0], end: (changed[changed.length - 1] as number) + 1 })
      }
    }
  })

  it('names the characters touched by any byte range (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (bytes, x, y) => {
        const b0 = x % bytes.length
        const b1 = b0 + 1 + (y % (bytes.length - b0))
        const flipped = bytes.map((v, i) => (i >= b0 && i < b1 ? v ^ 0xff : v))
        const changed = changedChars(Buffer.from(bytes).toString('base64url'), Buffer.from(flipped).toString('base64url'))
        expect(byteRangeToEncodedRange(0, b0, b1)).toEqual({ start: changed[0], end: (changed[changed.length - 1] as number) + 1 })
      }),
      { numRuns: NUM_RUNS },
    )
  })
})

describe('encodedRangeToByteRange', () => {
  it.each([
    [0, 1, 0, 1],
    [1, 2, 0, 2],
    [2, 3, 1, 3],
    [3, 4, 2, 3],
    [4, 5, 3, 4],
    [0, 4, 0, 3],
    [1, 3, 0, 3],
    [5, 7, 3, 6],
    [2, 2, 1, 1],
  ])('characters [%i, %i) carry bits of bytes [%i, %i)', (c0, c1, start, end) => {
    expect(encodedRangeToByteRange(0, c0, c1)).toEqual({ start, end })
    expect(encodedRangeToByteRange(50, c0 + 50, c1 + 50)).toEqual({ start, end })
  })

  it('names exactly the bytes that change when one character changes, for every character of every length up to 64', () => {
    for (let length = 1; length <= 64; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 53 + 5) & 0xff)
      const text = Buffer.from(bytes).toString('base64url')
      for (let c = 0; c < text.length; c++) {
        // XOR 63 flips all six bits; in the last character some are padding that Buffer ignores.
        const flippedChar = ALPHABET[ALPHABET.indexOf(text[c] as string) ^ 63] as string
        const changed = changedBytes(bytes, Buffer.from(text.slice(0, c) + flippedChar + text.slice(c + 1), 'base64url'))
        expect({ length, c, ...encodedRangeToByteRange(0, c, c + 1, length) }).toEqual({ length, c, start: changed[0], end: (changed[changed.length - 1] as number) + 1 })
      }
    }
  })

  it('is the inverse of byteRangeToEncodedRange on whole 3-byte groups', () => {
    for (let k = 0; k < 10; k++) {
      const chars = byteRangeToEncodedRange(3, 3 * k, 3 * k + 3)
      expect(chars).toEqual({ start: 3 + 4 * k, end: 3 + 4 * k + 4 })
      expect(encodedRangeToByteRange(3, chars.start, chars.end)).toEqual({ start: 3 * k, end: 3 * k + 3 })
    }
  })
})

describe('decodeSegment', () => {
  it('decodes base64url exactly like Buffer for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64url')
        const decoded = decodeSegment(text, 0, 'payload', 'payload')
        expect(decoded.diagnostics).toEqual([])
        expect(Buffer.from(decoded.bytes as Uint8Array).equals(Buffer.from(bytes))).toBe(true)
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('decodes standard base64 leniently (reporting it) to the same bytes as Buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64')
        const decoded = decodeSegment(text, 0, 'payload', 'payload')
        expect(Buffer.from(decoded.bytes as Uint8Array).equals(Buffer.from(bytes))).toBe(true)
        const codes = decoded.diagnostics.map((d) => d.code)
        expect(codes).toEqual(/[+/=]/.test(text) ? ['BASE64_NOT_BASE64URL'] : [])
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('locates bytes through skipped characters', () => {
    // "eyJ h" with a space: the space is skipped, positions after it shift by one.
    const decoded = decodeSegment('ab c', 10, 'header', 'header')
    expect(Array.from(decoded.bytes as Uint8Array)).toEqual(Array.from(Buffer.from('abc', 'base64url')))
    expect(decoded.locate(0, 1)).toEqual({ start: 10, end: 12 })
    expect(decoded.locate(1, 2)).toEqual({ start: 11, end: 14 })
  })

  it('returns null bytes when there is no base64url character at all', () => {
    const decoded = decodeSegment('%%%', 0, 'signature', 'signature')
    expect(decoded.bytes).toBeNull()
    expect(decoded.diagnostics.map((d) => d.code)).toEqual(['BASE64URL_INVALID_CHAR'])
  })
})
