import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CandidateBatch } from './candidate-batch'
import { findLineStart, LineSplitter, streamLines } from './line-splitter'

const enc = new TextEncoder()
const dec = new TextDecoder()

function linesOf(batch: CandidateBatch): string[] {
  const out: string[] = []
  for (let i = 0; i < batch.count; i++) out.push(dec.decode(batch.bytes.subarray(batch.offsets[i]!, batch.offsets[i + 1]!)))
  return out
}

/** Feeds `bytes` cut at `cuts` into a splitter and collects every line. */
function split(bytes: Uint8Array, cuts: number[], maxLineBytes?: number): { lines: string[]; skipped: number } {
  const splitter = new LineSplitter({ maxLineBytes })
  const lines: string[] = []
  let prev = 0
  for (const cut of [...cuts, bytes.length]) {
    lines.push(...linesOf(splitter.push(bytes.subarray(prev, cut))))
    prev = cut
  }
  lines.push(...linesOf(splitter.end()))
  return { lines, skipped: splitter.skippedLines }
}

/** The expected lines, computed on the whole text with plain string operations. */
function expectedLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).filter((l) => l !== '')
}

describe('LineSplitter', () => {
  const text = 'alpha\r\nbäta\r\n\r\ngamma 🔑\ndelta'
  const bytes = enc.encode(text)
  const crlf = text.indexOf('\r\n') + 1 // between the CR and the LF of the first line
  const aUmlaut = enc.encode('alpha\r\nb').length + 1 // inside the two bytes of "ä"
  const key = enc.encode('alpha\r\nbäta\r\n\r\ngamma ').length + 2 // inside the four bytes of 🔑

  it.each([
    ['one chunk', []],
    ['CR and LF in different chunks', [crlf]],
    ['a two-byte character split', [aUmlaut]],
    ['a four-byte character split twice', [key, key + 1]],
    ['every byte its own chunk', Array.from({ length: bytes.length - 1 }, (_, i) => i + 1)],
  ])('%s', (_label, cuts) => {
    expect(split(bytes, cuts as number[]).lines).toEqual(['alpha', 'bäta', 'gamma 🔑', 'delta'])
  })

  it('skips lines longer than the limit, also when they span chunks, and counts them', () => {
    const long = 'x'.repeat(20)
    const input = enc.encode(`ok\n${long}\r\nfine\n${long}`)
    expect(split(input, [5, 9, 14])).toEqual({ lines: ['ok', long, 'fine', long], skipped: 0 })
    expect(split(input, [5, 9, 14], 10)).toEqual({ lines: ['ok', 'fine'], skipped: 2 })
    expect(split(enc.encode('abc\r\n'), [], 3)).toEqual({ lines: ['abc'], skipped: 0 })
  })

  it('keeps raw bytes that are not UTF-8', () => {
    const splitter = new LineSplitter()
    const batch = splitter.push(Uint8Array.from([0xe9, 0x74, 0xe9, 0x0a, 0x41, 0x0a]))
    expect(batch.count).toBe(2)
    expect([...batch.bytes.subarray(batch.offsets[0]!, batch.offsets[1]!)]).toEqual([0xe9, 0x74, 0xe9])
  })

  it('matches a whole-text split for any text and any chunking', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', 'é', '€', '𝄞', '\r', '\n', '\r\n'), maxLength: 12 })
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 10 }), (parts, rawCuts) => {
        const t = parts.join('\n')
        const b = enc.encode(t)
        const cuts = [...new Set(rawCuts.map((c) => c % (b.length + 1)))].sort((x, y) => x - y)
        expect(split(b, cuts).lines).toEqual(expectedLines(t))
      }),
      { numRuns: 500 },
    )
  })
})

describe('streamLines', () => {
  it('streams 64 MB of lines with bounded memory', async () => {
    const line = enc.encode('password123\r\n') // 13 bytes
    const chunk = new Uint8Array(64 * 1024 - ((64 * 1024) % line.length))
    for (let i = 0; i < chunk.length; i += line.length) chunk.set(line, i)
    const chunks = Math.ceil((64 * 1024 * 1024) / chunk.length)
    let sent = 0
    // highWaterMark 0: a chunk is produced only when the consumer asks, so nothing piles up and the
    // same buffer can be reused — any growth in memory would come from the splitter itself.
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < chunks) controller.enqueue(chunk)
        else controller.close()
      },
    }, { highWaterMark: 0 })
    const before = process.memoryUsage().arrayBuffers
    let peak = 0
    let lines = 0
    let bytesRead = 0
    for await (const batch of streamLines(stream)) {
      lines += batch.count
      bytesRead = batch.bytesRead
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - before)
    }
    expect(bytesRead).toBe(chunks * chunk.length)
    expect(lines).toBe((chunks * chunk.length) / line.length)
    expect(peak).toBeLessThan(8 * 1024 * 1024)
  })

  it('reads each line of a Blob exactly once across adjacent byte ranges', async () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}-${'é'.repeat(i % 7)}`)
    const text = `${words.join('\r\n')}\n`
    const blob = new Blob([text])
    for (const parts of [1, 2, 3, 7, 64]) {
      const seen: string[] = []
      for (let k = 0; k < parts; k++) {
        const start = Math.floor((blob.size * k) / parts)
        const end = Math.floor((blob.size * (k + 1)) / parts)
        for await (const batch of streamLines(blob, { start, end })) seen.push(...linesOf(batch))
      }
      expect(seen).toEqual(words)
    }
  })

  it('finds line starts exactly at, inside and past a line', async () => {
    const blob = new Blob(['ab\ncd\n\nef'])
    const starts = await Promise.all([0, 1, 3, 4, 6, 7, 8, 9, 20].map((p) => findLineStart(blob, p)))
    expect(starts).toEqual([0, 3, 3, 6, 6, 7, 9, 9, 9])
  })
})
