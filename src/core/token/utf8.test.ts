import fc from 'fast-check'
import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { byteOffsetToUtf16Offset, firstInvalidUtf8, utf16OffsetToByteOffset } from './utf8'

const NUM_RUNS = process.env.CI ? 10_000 : 1_000

function fatalDecodes(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x61, 0x62], -1],
    [[0xc3, 0xa9], -1],
    [[0xf0, 0x9f, 0x98, 0x80], -1],
    [[0x61, 0x80], 1],
    [[0xc0, 0xaf], 0],
    [[0xe0, 0x80, 0xaf], 0],
    [[0xed, 0xa0, 0x80], 0],
    [[0xf4, 0x90, 0x80, 0x80], 0],
    [[0x61, 0xe2, 0x82], 1],
    [[0xff], 0],
    [[0x7b, 0x22, 0xc3, 0x28], 2],
  ])('%j → %i', (bytes, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected)
    expect(fatalDecodes(Uint8Array.from(bytes))).toBe(expected === -1)
  })

  it('agrees with TextDecoder fatal, and everything before the reported byte is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 20 }), fc.string({ unit: 'grapheme' }).map((s) => new TextEncoder().encode(s))), (bytes) => {
        const at = firstInvalidUtf8(bytes)
        expect(at === -1).toBe(fatalDecodes(bytes))
        if (at >= 0) expect(fatalDecodes(bytes.subarray(0, at))).toBe(true)
      }),
      { numRuns: NUM_RUNS },
    )
  })
})

describe('UTF-16 ↔ byte offsets', () => {
  it.each([
    ['abc', 2, 2],
    ['é', 1, 2],
    ['a€b', 2, 4],
    ['😀x', 2, 4],
    ['😀x', 3, 5],
    ['x', 5, 1],
  ])('%j at %i is byte %i', (text, offset, bytes) => {
    expect(utf16OffsetToByteOffset(text, offset)).toBe(bytes)
  })

  it('matches Buffer.byteLength of the prefix at every character boundary, and inverts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        for (let i = 0; i <= text.length; i++) {
          const code = text.charCodeAt(i - 1)
          if (code >= 0xd800 && code <= 0xdbff) continue // between the halves of a pair
          const bytes = utf16OffsetToByteOffset(text, i)
          expect(bytes).toBe(Buffer.byteLength(text.slice(0, i), 'utf8'))
          expect(byteOffsetToUtf16Offset(text, bytes)).toBe(i)
        }
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('maps a byte inside a multi-byte character to that character', () => {
    expect(byteOffsetToUtf16Offset('a😀b', 3)).toBe(1)
    expect(byteOffsetToUtf16Offset('a😀b', 5)).toBe(3)
    expect(byteOffsetToUtf16Offset('aé', 2)).toBe(1)
  })
})
