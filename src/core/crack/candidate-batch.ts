/**
 * Candidates travel as packed UTF-8 bytes rather than strings: lines read from a word list are
 * tried exactly as stored (even when they are not valid UTF-8), and the hot loop never converts
 * or allocates per candidate.
 */

/** Candidates packed into one byte array: candidate `i` is `bytes[offsets[i] .. offsets[i + 1])`. */
export interface CandidateBatch {
  readonly bytes: Uint8Array
  /** `count + 1` ascending offsets into `bytes`. */
  readonly offsets: Int32Array
  readonly count: number
}

/**
 * Writes the UTF-8 encoding of `text` into `out` at `pos` (lone surrogates become U+FFFD, as with
 * TextEncoder) and returns the position after it. `out` must have room for `3 * text.length` bytes.
 */
export function encodeUtf8Into(text: string, out: Uint8Array, pos: number): number {
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i)
    if (c < 0x80) {
      out[pos++] = c
    } else if (c < 0x800) {
      out[pos++] = 0xc0 | (c >> 6)
      out[pos++] = 0x80 | (c & 63)
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00)
          i++
          out[pos++] = 0xf0 | (c >> 18)
          out[pos++] = 0x80 | ((c >> 12) & 63)
          out[pos++] = 0x80 | ((c >> 6) & 63)
          out[pos++] = 0x80 | (c & 63)
          continue
        }
        c = 0xfffd
      }
      out[pos++] = 0xe0 | (c >> 12)
      out[pos++] = 0x80 | ((c >> 6) & 63)
      out[pos++] = 0x80 | (c & 63)
    }
  }
  return pos
}

/**
 * Accumulates candidates into reusable buffers. {@link CandidateBatchBuilder.batch} returns views
 * that stay valid until the next {@link CandidateBatchBuilder.reset}; buffers only ever grow, so a
 * long run settles at a fixed footprint.
 */
export class CandidateBatchBuilder {
  private bytes: Uint8Array
  private offsets: Int32Array
  private size = 0
  private n = 0

  constructor(byteCapacity = 1 << 16, countCapacity = 1 << 12) {
    this.bytes = new Uint8Array(byteCapacity)
    this.offsets = new Int32Array(countCapacity + 1)
  }

  /** Number of candidates added since the last reset. */
  get count(): number {
    return this.n
  }

  /** Bytes currently reserved by the builder (for memory accounting). */
  get capacity(): number {
    return this.bytes.byteLength + this.offsets.byteLength
  }

  /** Forgets all candidates, keeping the buffers. */
  reset(): void {
    this.size = 0
    this.n = 0
  }

  private reserve(extraBytes: number): void {
    if (this.size + extraBytes > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.size + extraBytes))
      grown.set(this.bytes.subarray(0, this.size))
      this.bytes = grown
    }
    if (this.n + 2 > this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2)
      grown.set(this.offsets.subarray(0, this.n + 1))
      this.offsets = grown
    }
  }

  /** Adds `src[start..end)` as one candidate. */
  addBytes(src: Uint8Array, start: number, end: number): void {
    this.reserve(end - start)
    this.bytes.set(src.subarray(start, end), this.size)
    this.size += end - start
    this.offsets[++this.n] = this.size
  }

  /** Adds the concatenation of `src[start..end)` and `suffix` as one candidate. */
  addBytesWithSuffix(src: Uint8Array, start: number, end: number, suffix: Uint8Array): void {
    const len = end - start
    this.reserve(len + suffix.length)
    const bytes = this.bytes
    let p = this.size
    for (let i = start; i < end; i++) bytes[p++] = src[i]!
    for (let i = 0; i < suffix.length; i++) bytes[p++] = suffix[i]!
    this.size = p
    this.offsets[++this.n] = p
  }

  /** Adds the UTF-8 encoding of `text` as one candidate. */
  addString(text: string): void {
    this.reserve(text.length * 3)
    this.size = encodeUtf8Into(text, this.bytes, this.size)
    this.offsets[++this.n] = this.size
  }

  /** The candidates added so far, as views into the builder's buffers. */
  batch(): CandidateBatch {
    return { bytes: this.bytes, offsets: this.offsets, count: this.n }
  }
}
