/**
 * The cracker on WebAssembly SIMD: four HMAC-SHA-256 candidates per vector (two for SHA-384/512),
 * compared with the target inside the module. Loaded on demand (see `engine.ts`): the module's
 * bytes are part of this file's chunk only.
 */
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js'
import { err, ok, type Result } from '../result'
import { CandidateBatchBuilder, encodeUtf8Into, type CandidateBatch } from './candidate-batch'
import { createCracker, type Cracker, type CrackTarget } from './cracker'
import { loadWords, padAfterKeyBlock } from './hmac-engine'
import { hmacSimdWasmBase64 } from './hmac-simd-wasm'
import { sha256ScheduleKW } from './sha256'
import { sha512ScheduleKW } from './sha512'

/** Error codes of {@link createWasmCracker}. */
export type WasmCrackerErrorCode = 'NOT_HMAC' | 'TOKEN_MALFORMED' | 'WASM_UNAVAILABLE'

interface HmacSimdExports {
  readonly memory: WebAssembly.Memory
  hs256(kw: number, blocks: number, count: number, offs: number, base: number): number
  hs512(kw: number, blocks: number, count: number, offs: number, base: number, words: number): number
}

/** Where the module expects the target MAC and where the schedule table starts (see the generator). */
const TARGET_PTR = 1024
const TABLE_PTR = 2048

let compiled: Promise<WebAssembly.Module> | null = null

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

/** Compiles the module once per thread; a failure (no WebAssembly, no SIMD, a CSP refusal) is kept too. */
function compileModule(): Promise<WebAssembly.Module> {
  compiled ??= (async () => {
    if (typeof WebAssembly === 'undefined') throw new Error('this browser has no WebAssembly')
    return WebAssembly.compile(decodeBase64(hmacSimdWasmBase64))
  })()
  return compiled
}

const align16 = (n: number): number => (n + 15) & ~15

/**
 * Creates a {@link Cracker} for `target` running on the WebAssembly SIMD module. Resolves to
 * `WASM_UNAVAILABLE` (with the engine's reason) when the module cannot be compiled here, so the
 * caller can fall back to the JavaScript engine; token errors are those of `createCracker`.
 */
export async function createWasmCracker(target: CrackTarget): Promise<Result<Cracker, WasmCrackerErrorCode>> {
  // The JavaScript cracker validates the target and stays the reference for single keys.
  const checked = createCracker(target)
  if (!checked.ok) return checked
  let instance: WebAssembly.Instance
  try {
    instance = await WebAssembly.instantiate(await compileModule())
  } catch (e) {
    const reason = e instanceof Error && e.message ? e.message : String(e)
    return err('WASM_UNAVAILABLE', `WebAssembly SIMD is not available here (${reason}).`)
  }
  const wasm = instance.exports as unknown as HmacSimdExports
  const alg = target.alg
  const wide = alg !== 'HS256'
  const blockBytes = wide ? 128 : 64
  const macWords = alg === 'HS256' ? 8 : alg === 'HS384' ? 6 : 8

  const message = new Uint8Array(target.signingInput.length * 3)
  const padded = padAfterKeyBlock(message.subarray(0, encodeUtf8Into(target.signingInput, message, 0)), blockBytes)
  const blocks = padded.length / blockBytes
  // K + W of every message block, as the module reads it: one native word per round.
  const table = new Int32Array(blocks * (wide ? 160 : 64))
  const w = new Int32Array(wide ? 160 : 64)
  for (let b = 0; b < blocks; b++) {
    if (wide) {
      loadWords(padded, b * 128, padded.length, w, 0, 32)
      sha512ScheduleKW(w, table, b * 160)
    } else {
      loadWords(padded, b * 64, padded.length, w, 0, 16)
      sha256ScheduleKW(w, table, b * 64)
    }
  }
  if (wide) {
    // The JavaScript schedule keeps 64-bit words as (hi, lo); memory holds them little-endian.
    for (let i = 0; i < table.length; i += 2) {
      const hi = table[i]!
      table[i] = table[i + 1]!
      table[i + 1] = hi
    }
  }
  const candidatesPtr = align16(TABLE_PTR + table.byteLength)
  let memory = new Uint8Array(wasm.memory.buffer)
  let words = new Int32Array(wasm.memory.buffer)
  const ensure = (bytes: number): void => {
    if (bytes <= wasm.memory.buffer.byteLength) return
    wasm.memory.grow(Math.ceil((bytes - wasm.memory.buffer.byteLength) / 65536))
    memory = new Uint8Array(wasm.memory.buffer)
    words = new Int32Array(wasm.memory.buffer)
  }
  ensure(candidatesPtr)
  words.set(table, TABLE_PTR >> 2)
  const sig = target.signature
  const be = (i: number): number => (sig[i]! << 24) | (sig[i + 1]! << 16) | (sig[i + 2]! << 8) | sig[i + 3]!
  if (wide) {
    for (let k = 0; k < macWords; k++) {
      words[(TARGET_PTR >> 2) + 2 * k] = be(8 * k + 4)
      words[(TARGET_PTR >> 2) + 2 * k + 1] = be(8 * k)
    }
  } else {
    for (let k = 0; k < 8; k++) words[(TARGET_PTR >> 2) + k] = be(4 * k)
  }

  const hashLongKey = alg === 'HS256' ? sha256 : alg === 'HS384' ? sha384 : sha512
  const rewritten = new CandidateBatchBuilder()

  /** Runs the module over candidates `[from, to)` of `batch`, none longer than a block. */
  const run = (batch: CandidateBatch, from: number, to: number): number => {
    const { bytes, offsets } = batch
    const n = to - from
    const offsPtr = candidatesPtr
    const bytesPtr = align16(offsPtr + 4 * (n + 1))
    const first = offsets[from]!
    ensure(bytesPtr + (offsets[to]! - first))
    words.set(offsets.subarray(from, to + 1), offsPtr >> 2)
    memory.set(bytes.subarray(first, offsets[to]!), bytesPtr)
    // Offsets stay as the batch has them; `base` moves them onto the copied bytes.
    const base = bytesPtr - first
    const hit = wide ? wasm.hs512(TABLE_PTR, blocks, n, offsPtr, base, macWords) : wasm.hs256(TABLE_PTR, blocks, n, offsPtr, base)
    return hit < 0 ? -1 : from + hit
  }

  const tryPacked = (batch: CandidateBatch, from = 0, to = batch.count): number => {
    const start = Math.max(0, from)
    const stop = Math.min(to, batch.count)
    if (stop <= start) return -1
    const { bytes, offsets } = batch
    let long = false
    for (let i = start; i < stop; i++) {
      if (offsets[i + 1]! - offsets[i]! > blockBytes) {
        long = true
        break
      }
    }
    if (!long) return run(batch, start, stop)
    // RFC 2104: a key longer than the hash's block is replaced by its digest; same index, same answer.
    rewritten.reset()
    for (let i = start; i < stop; i++) {
      const a = offsets[i]!, b = offsets[i + 1]!
      if (b - a > blockBytes) {
        const digest = hashLongKey(bytes.subarray(a, b))
        rewritten.addBytes(digest, 0, digest.length)
      } else {
        rewritten.addBytes(bytes, a, b)
      }
    }
    const hit = run(rewritten.batch(), 0, stop - start)
    return hit < 0 ? -1 : start + hit
  }

  const single = new CandidateBatchBuilder()
  return ok({
    alg,
    signingInput: target.signingInput,
    tryKey(key) {
      single.reset()
      single.addBytes(key, 0, key.length)
      return tryPacked(single.batch()) === 0
    },
    tryBatch(candidates) {
      single.reset()
      for (const c of candidates) single.addString(c)
      return tryPacked(single.batch())
    },
    tryPacked,
  })
}
