import { describe, expect, it } from 'vitest'
import { rowText, visualRows } from './visual-rows'

const rows = (text: string, width: number) => {
  const starts = visualRows(text, width)
  return Array.from(starts, (_, i) => rowText(text, starts, i))
}

describe('visualRows', () => {
  it('cuts at newlines and keeps empty lines', () => {
    expect(rows('a\n\nbc\n', 10)).toEqual(['a', '', 'bc', ''])
  })

  it('cuts a long line into rows of the width', () => {
    expect(rows('abcdefgh', 3)).toEqual(['abc', 'def', 'gh'])
    expect(rows('abcdef\nxy', 3)).toEqual(['abc', 'def', 'xy'])
  })

  it('gives one empty row for an empty text', () => {
    expect(rows('', 5)).toEqual([''])
  })

  it('joins back to the text for any width (rows of a line concatenate, lines join with newlines)', () => {
    const text = Array.from({ length: 200 }, (_, i) => 'x'.repeat((i * 37) % 23)).join('\n')
    for (const width of [1, 2, 7, 22, 1000]) {
      const starts = visualRows(text, width)
      let rebuilt = ''
      for (let i = 0; i < starts.length; i++) {
        rebuilt += rowText(text, starts, i)
        const next = i + 1 < starts.length ? (starts[i + 1] as number) : text.length
        // A row that ends its line is followed by that line's newline.
        if (next > (starts[i] as number) && text.charCodeAt(next - 1) === 0x0a) rebuilt += '\n'
      }
      expect(rebuilt).toBe(text)
      for (let i = 0; i < starts.length; i++) expect(rowText(text, starts, i).length).toBeLessThanOrEqual(width)
    }
  })

  it('is linear: a megabyte of short lines and one megabyte line both finish', () => {
    expect(visualRows('ab\n'.repeat(350_000), 160).length).toBe(350_001)
    expect(visualRows('z'.repeat(1_000_000), 160).length).toBe(6250)
  })
})
