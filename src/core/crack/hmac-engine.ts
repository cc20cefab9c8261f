/**
 * HMAC (RFC 2104) over one fixed message with a changing key, built for trying millions of keys.
 * The message (a token's signing input) never changes, so its blocks — which in the inner hash
 * follow the key block — are padded and their message schedules computed once. Per key only the
 * key blocks and the outer digest block need a schedule; nothing is allocated per key.
 */
import { SHA256_IV, sha256CompressKW, sha256CompressW, sha256ScheduleKW } from './sha256'
import { SHA384_IV, SHA512_IV, sha512CompressKW, sha512ScheduleKW } from './sha512'

/** The HMAC JWS algorithms the cracker supports. */
export type HmacAlgorithm = 'HS256' | 'HS384' | 'HS512'

/** An HMAC whose message is fixed at creation; only the key changes between computations. */
export interface FixedMessageHmac {
  readonly alg: HmacAlgorithm
  /** MAC length in bytes (32, 48 or 64). */
  readonly macLength: number
  /** The MAC of the last {@link FixedMessageHmac.compute} call as big-endian 32-bit words. */
  readonly mac: Int32Array
  /** Computes the MAC keyed with `key[start..end)`; the result lands in `mac`. */
  compute(key: Uint8Array, start: number, end: number): void
}

const IPAD = 0x36363636
const OPAD = 0x5c5c5c5c

/** Reads `n` big-endian words from `src[p..end)` into `w[off..]`, zero-filling past `end`. */
export function loadWords(src: Uint8Array, p: number, end: number, w: Int32Array, off: number, n: number): void {
  for (let j = 0; j < n; j++, p += 4) {
    if (p + 4 <= end) {
      w[off + j] = (src[p]! << 24) | (src[p + 1]! << 16) | (src[p + 2]! << 8) | src[p + 3]!
    } else if (p >= end) {
      w[off + j] = 0
    } else {
      let x = 0
      for (let k = 0; k < 4 && p + k < end; k++) x |= src[p + k]! << (24 - 8 * k)
      w[off + j] = x
    }
  }
}

/** Pads `message` as the tail of a hash input that starts with one `blockBytes` key block. */
export function padAfterKeyBlock(message: Uint8Array, blockBytes: number): Uint8Array {
  const lengthBytes = blockBytes === 64 ? 8 : 16
  const size = Math.ceil((message.length + 1 + lengthBytes) / blockBytes) * blockBytes
  const out = new Uint8Array(size)
  out.set(message)
  out[message.length] = 0x80
  const bits = (blockBytes + message.length) * 8
  // Bit lengths stay far below 2^53, so two 32-bit halves suffice for the length field.
  const view = new DataView(out.buffer)
  view.setUint32(size - 8, Math.floor(bits / 4294967296))
  view.setUint32(size - 4, bits >>> 0)
  return out
}

class Sha256FixedHmac implements FixedMessageHmac {
  readonly alg: HmacAlgorithm = 'HS256'
  readonly macLength = 32
  readonly mac = new Int32Array(8)
  private readonly st = new Int32Array(8)
  private readonly w = new Int32Array(64)
  private readonly key = new Int32Array(16)
  private readonly inner = new Int32Array(8)
  private readonly kw: Int32Array
  private readonly blocks: number

  constructor(message: Uint8Array) {
    const padded = padAfterKeyBlock(message, 64)
    this.blocks = padded.length / 64
    this.kw = new Int32Array(this.blocks * 64)
    for (let b = 0; b < this.blocks; b++) {
      loadWords(padded, b * 64, padded.length, this.w, 0, 16)
      sha256ScheduleKW(this.w, this.kw, b * 64)
    }
  }

  /** Plain SHA-256 of `src[start..end)` into `out[0..7]` (RFC 2104: long keys are hashed first). */
  private hashKey(src: Uint8Array, start: number, end: number, out: Int32Array): void {
    const st = this.st, w = this.w
    st.set(SHA256_IV)
    let p = start
    for (; end - p >= 64; p += 64) {
      loadWords(src, p, end, w, 0, 16)
      sha256CompressW(st, w)
    }
    const rem = end - p
    loadWords(src, p, end, w, 0, 16)
    w[rem >> 2] = w[rem >> 2]! | (0x80 << (24 - 8 * (rem & 3)))
    if (rem >= 56) {
      sha256CompressW(st, w)
      w.fill(0)
    }
    const bits = (end - start) * 8
    w[14] = Math.floor(bits / 4294967296)
    w[15] = bits | 0
    sha256CompressW(st, w)
    out.set(st)
  }

  compute(src: Uint8Array, start: number, end: number): void {
    const key = this.key, w = this.w, st = this.st, kw = this.kw
    if (end - start > 64) {
      this.hashKey(src, start, end, key)
      key.fill(0, 8)
    } else {
      loadWords(src, start, end, key, 0, 16)
    }
    for (let j = 0; j < 16; j++) w[j] = key[j]! ^ IPAD
    st.set(SHA256_IV)
    sha256CompressW(st, w)
    for (let off = 0, stop = this.blocks * 64; off < stop; off += 64) sha256CompressKW(st, kw, off)
    this.inner.set(st)
    for (let j = 0; j < 16; j++) w[j] = key[j]! ^ OPAD
    st.set(SHA256_IV)
    sha256CompressW(st, w)
    w.set(this.inner)
    w[8] = 0x80000000 | 0
    w.fill(0, 9, 15)
    w[15] = (64 + 32) * 8
    sha256CompressW(st, w)
    this.mac.set(st)
  }
}

class Sha512FixedHmac implements FixedMessageHmac {
  readonly alg: HmacAlgorithm
  readonly macLength: number
  readonly mac: Int32Array
  private readonly iv: Int32Array
  private readonly words: number
  private readonly st = new Int32Array(16)
  private readonly w = new Int32Array(160)
  private readonly scratch = new Int32Array(160)
  private readonly key = new Int32Array(32)
  private readonly inner = new Int32Array(16)
  private readonly kw: Int32Array
  private readonly blocks: number

  constructor(alg: 'HS384' | 'HS512', message: Uint8Array) {
    this.alg = alg
    this.macLength = alg === 'HS384' ? 48 : 64
    this.words = this.macLength / 4
    this.mac = new Int32Array(this.words)
    this.iv = alg === 'HS384' ? SHA384_IV : SHA512_IV
    const padded = padAfterKeyBlock(message, 128)
    this.blocks = padded.length / 128
    this.kw = new Int32Array(this.blocks * 160)
    for (let b = 0; b < this.blocks; b++) {
      loadWords(padded, b * 128, padded.length, this.w, 0, 32)
      sha512ScheduleKW(this.w, this.kw, b * 160)
    }
  }

  /** Compresses the block words in `w[0..31]` into `st`. */
  private compressBlock(): void {
    sha512ScheduleKW(this.w, this.scratch, 0)
    sha512CompressKW(this.st, this.scratch, 0)
  }

  /** Plain SHA-384/512 of `src[start..end)` into `out[0..words)`. */
  private hashKey(src: Uint8Array, start: number, end: number, out: Int32Array): void {
    const w = this.w
    this.st.set(this.iv)
    let p = start
    for (; end - p >= 128; p += 128) {
      loadWords(src, p, end, w, 0, 32)
      this.compressBlock()
    }
    const rem = end - p
    loadWords(src, p, end, w, 0, 32)
    w[rem >> 2] = w[rem >> 2]! | (0x80 << (24 - 8 * (rem & 3)))
    if (rem >= 112) {
      this.compressBlock()
      w.fill(0, 0, 32)
    }
    const bits = (end - start) * 8
    w[28] = 0
    w[29] = 0
    w[30] = Math.floor(bits / 4294967296)
    w[31] = bits | 0
    this.compressBlock()
    out.set(this.st.subarray(0, this.words))
  }

  compute(src: Uint8Array, start: number, end: number): void {
    const key = this.key, w = this.w, st = this.st, kw = this.kw, words = this.words
    if (end - start > 128) {
      this.hashKey(src, start, end, key)
      key.fill(0, words)
    } else {
      loadWords(src, start, end, key, 0, 32)
    }
    for (let j = 0; j < 32; j++) w[j] = key[j]! ^ IPAD
    st.set(this.iv)
    this.compressBlock()
    for (let off = 0, stop = this.blocks * 160; off < stop; off += 160) sha512CompressKW(st, kw, off)
    this.inner.set(st)
    for (let j = 0; j < 32; j++) w[j] = key[j]! ^ OPAD
    st.set(this.iv)
    this.compressBlock()
    for (let j = 0; j < words; j++) w[j] = this.inner[j]!
    w[words] = 0x80000000 | 0
    w.fill(0, words + 1, 31)
    w[31] = (128 + this.macLength) * 8
    this.compressBlock()
    for (let j = 0; j < words; j++) this.mac[j] = st[j]!
  }
}

/**
 * Creates an HMAC engine for `alg` whose message is fixed to `message`.
 * The engine keeps preallocated state: use one engine per thread of work.
 */
export function createFixedMessageHmac(alg: HmacAlgorithm, message: Uint8Array): FixedMessageHmac {
  return alg === 'HS256' ? new Sha256FixedHmac(message) : new Sha512FixedHmac(alg, message)
}

/** Copies the big-endian words of `mac` into a new byte array of `length` bytes. */
export function macWordsToBytes(mac: Int32Array, length: number): Uint8Array {
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++) out[i] = (mac[i >> 2]! >>> (24 - 8 * (i & 3))) & 0xff
  return out
}
