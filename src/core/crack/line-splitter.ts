/**
 * Incremental line splitting for word lists of any size. Lines are cut at LF bytes: in UTF-8 a
 * 0x0A byte never occurs inside a multi-byte character, so a character split across two chunks
 * simply stays in the carried-over tail and is never decoded half-way. A CR before the LF (CRLF
 * files) is dropped even when the two arrive in different chunks.
 */
import { CandidateBatchBuilder, type CandidateBatch } from './candidate-batch'

/** Longest line kept by default; longer lines are skipped so a file without newlines cannot fill memory. */
const DEFAULT_MAX_LINE_BYTES = 4096

/** Options of {@link LineSplitter}. */
export interface LineSplitterOptions {
  /** Lines longer than this many bytes are skipped and counted in `skippedLines`. */
  readonly maxLineBytes?: number
}

/**
 * Splits a byte stream into lines chunk by chunk. Empty lines are skipped. Each returned batch is
 * a view that stays valid only until the next `push` or `end`.
 */
export class LineSplitter {
  private readonly builder = new CandidateBatchBuilder()
  private readonly maxLineBytes: number
  private carry: Uint8Array
  private carryLength = 0
  private carryTooLong = false
  /** Lines skipped because they exceeded the maximum length. */
  skippedLines = 0

  constructor(options: LineSplitterOptions = {}) {
    this.maxLineBytes = Math.max(1, options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES)
    this.carry = new Uint8Array(Math.min(256, this.maxLineBytes + 1))
  }

  /** Bytes held by the splitter's buffers: bounded by the chunk size and the maximum line length. */
  get retainedBytes(): number {
    return this.carry.byteLength + this.builder.capacity
  }

  /** Feeds the next chunk; returns the lines it completed. */
  push(chunk: Uint8Array): CandidateBatch {
    this.builder.reset()
    let s = 0
    for (;;) {
      const nl = chunk.indexOf(10, s)
      if (nl < 0) break
      if (this.carryLength > 0 || this.carryTooLong) {
        this.appendCarry(chunk, s, nl)
        this.emitCarry()
      } else {
        this.emit(chunk, s, nl)
      }
      s = nl + 1
    }
    this.appendCarry(chunk, s, chunk.length)
    return this.builder.batch()
  }

  /** Ends the input; returns the last line when the input did not end with a newline. */
  end(): CandidateBatch {
    this.builder.reset()
    this.emitCarry()
    return this.builder.batch()
  }

  private emit(src: Uint8Array, start: number, end: number): void {
    if (end > start && src[end - 1] === 13) end--
    if (end === start) return
    if (end - start > this.maxLineBytes) {
      this.skippedLines++
      return
    }
    this.builder.addBytes(src, start, end)
  }

  private appendCarry(src: Uint8Array, start: number, end: number): void {
    const len = end - start
    if (len === 0 || this.carryTooLong) return
    // One byte of slack keeps a trailing CR of a maximum-length line.
    if (this.carryLength + len > this.maxLineBytes + 1) {
      this.carryTooLong = true
      this.carryLength = 0
      return
    }
    if (this.carryLength + len > this.carry.length) {
      const grown = new Uint8Array(Math.min(this.maxLineBytes + 1, Math.max(this.carry.length * 2, this.carryLength + len)))
      grown.set(this.carry.subarray(0, this.carryLength))
      this.carry = grown
    }
    this.carry.set(src.subarray(start, end), this.carryLength)
    this.carryLength += len
  }

  private emitCarry(): void {
    if (this.carryTooLong) this.skippedLines++
    else this.emit(this.carry, 0, this.carryLength)
    this.carryLength = 0
    this.carryTooLong = false
  }
}

/** A batch of lines plus how far into the source reading has got. */
export interface LineBatch extends CandidateBatch {
  /** Bytes of the source consumed so far (including this batch's chunk). */
  readonly bytesRead: number
}

/** Options of {@link streamLines}. */
export interface StreamLinesOptions extends LineSplitterOptions {
  /**
   * For a Blob: read only the lines whose first byte lies in `[start, end)`. Workers given adjacent
   * ranges of one file together read every line exactly once.
   */
  readonly start?: number
  readonly end?: number
}

/**
 * Where the first line starting at or after byte `pos` begins (`blob.size` if none does). Reads
 * forward in small windows from `pos - 1` until it meets a newline.
 */
export async function findLineStart(blob: Blob, pos: number): Promise<number> {
  if (pos <= 0) return 0
  if (pos >= blob.size) return blob.size
  const WINDOW = 1 << 16
  for (let at = pos - 1; at < blob.size; at += WINDOW) {
    const bytes = new Uint8Array(await blob.slice(at, Math.min(blob.size, at + WINDOW)).arrayBuffer())
    const nl = bytes.indexOf(10)
    if (nl >= 0) return at + nl + 1
  }
  return blob.size
}

/**
 * Reads a word list incrementally and yields its lines in batches, holding only one chunk and one
 * partial line at a time — a 100 MB list never sits in memory whole. Read errors are rethrown
 * as they come from the stream.
 */
export async function* streamLines(
  source: ReadableStream<Uint8Array> | Blob,
  options: StreamLinesOptions = {},
): AsyncGenerator<LineBatch, void, undefined> {
  let stream: ReadableStream<Uint8Array>
  if (source instanceof Blob) {
    const start = await findLineStart(source, options.start ?? 0)
    const end = options.end === undefined ? source.size : await findLineStart(source, options.end)
    stream = source.slice(start, Math.max(start, end)).stream()
  } else {
    stream = source
  }
  const splitter = new LineSplitter(options)
  const reader = stream.getReader()
  let bytesRead = 0
  let finished = false
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) {
        finished = true
        break
      }
      bytesRead += value.length
      const batch = splitter.push(value)
      if (batch.count > 0) yield { ...batch, bytesRead }
    }
    const last = splitter.end()
    if (last.count > 0) yield { ...last, bytesRead }
  } finally {
    // A consumer that stops early (secret found, cancelled) should not leave the file being read.
    if (!finished) await reader.cancel().catch(() => undefined)
    reader.releaseLock()
  }
}
