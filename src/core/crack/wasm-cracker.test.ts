import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CandidateBatchBuilder } from './candidate-batch'
import type { Cracker, HmacAlgorithm } from './cracker'
import { createFastestCracker } from './engine'
import { createWasmCracker } from './wasm-cracker'

const HASH: Record<HmacAlgorithm, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }
const ALGS: HmacAlgorithm[] = ['HS256', 'HS384', 'HS512']

const mac = (alg: HmacAlgorithm, key: Uint8Array, message: string): Buffer => createHmac(HASH[alg], key).update(message, 'utf8').digest()

async function wasmCracker(alg: HmacAlgorithm, message: string, secret: Uint8Array): Promise<Cracker> {
  const cracker = await createWasmCracker({ signingInput: message, signature: new Uint8Array(mac(alg, secret, message)), alg })
  if (!cracker.ok) throw new Error(cracker.error.message)
  return cracker.value
}

function pack(candidates: readonly Uint8Array[]) {
  const builder = new CandidateBatchBuilder(16, 4)
  for (const c of candidates) builder.addBytes(c, 0, c.length)
  return builder.batch()
}

/** What node:crypto says: the first candidate in [from, to) whose HMAC is the signature, or -1. */
function expected(alg: HmacAlgorithm, message: string, signature: Buffer, candidates: readonly Uint8Array[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (mac(alg, candidates[i]!, message).equals(signature)) return i
  return -1
}

describe.each(ALGS)('%s WebAssembly SIMD cracker', (alg) => {
  it('finds exactly what node:crypto createHmac finds, for random secrets, messages, candidate counts and ranges', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Messages across block boundaries (the padding of one or more message blocks), some non-ASCII.
        fc.string({ unit: 'binary', maxLength: 400 }),
        // Keys up to 300 bytes: longer than a block, HMAC hashes them first.
        fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 23 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        async (message, candidates, pick, a, b, plant) => {
          const secret = plant ? candidates[pick % candidates.length]! : new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])
          const signature = mac(alg, secret, message)
          const cracker = await wasmCracker(alg, message, secret)
          const from = a % (candidates.length + 1)
          const to = from + (b % (candidates.length - from + 1))
          expect(cracker.tryPacked(pack(candidates), from, to)).toBe(expected(alg, message, signature, candidates, from, to))
        },
      ),
      { numRuns: 150 },
    )
  })

  it('finds the secret in every lane: each position of counts 1 to 9', async () => {
    const message = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsYW5lcyJ9'
    for (let count = 1; count <= 9; count++) {
      for (let at = 0; at < count; at++) {
        const candidates = Array.from({ length: count }, (_, i) => new TextEncoder().encode(`guess-${i}`))
        const cracker = await wasmCracker(alg, message, candidates[at]!)
        expect(cracker.tryPacked(pack(candidates)), `count ${count}, secret at ${at}`).toBe(at)
        // The lanes past the last candidate repeat it; they must never report a hit of their own.
        expect(cracker.tryPacked(pack(candidates), 0, at)).toBe(-1)
      }
    }
  })

  it('handles the empty secret and keys around the block size (hashed first when longer)', async () => {
    const block = alg === 'HS256' ? 64 : 128
    const message = 'x'.repeat(3 * block + 7)
    for (const length of [0, 1, block - 1, block, block + 1, 2 * block + 3]) {
      const secret = new Uint8Array(length).map((_, i) => (i * 37 + length) & 0xff)
      const cracker = await wasmCracker(alg, message, secret)
      const decoys = [new Uint8Array(0), secret.subarray(0, Math.max(0, length - 1)), new Uint8Array(length).fill(1)]
      const candidates = [...decoys.filter((d) => !mac(alg, d, message).equals(mac(alg, secret, message))), secret]
      expect(cracker.tryPacked(pack(candidates)), `${length}-byte key`).toBe(candidates.length - 1)
      expect(cracker.tryKey(secret)).toBe(true)
    }
  })

  it('tries strings as UTF-8, like the JavaScript engine', async () => {
    const cracker = await wasmCracker(alg, 'héader.päyload', new TextEncoder().encode('sécret-🔑'))
    expect(cracker.tryBatch(['secret', 'sécret', 'sécret-🔑', 'x'])).toBe(2)
  })

  it('grows its memory past its first page for a long signing input and a batch of long candidates', async () => {
    const message = 'a'.repeat(1 << 16)
    const secret = new Uint8Array(200).fill(7)
    const cracker = await wasmCracker(alg, message, secret)
    const candidates = Array.from({ length: 700 }, (_, i) => new Uint8Array(100 + (i % 90)).fill(i & 0xff))
    candidates.push(secret)
    expect(cracker.tryPacked(pack(candidates))).toBe(700)
  })
})

describe('createFastestCracker', () => {
  const target = { signingInput: 'a.b', signature: new Uint8Array(mac('HS256', new TextEncoder().encode('k'), 'a.b')), alg: 'HS256' as const }

  it('runs WebAssembly SIMD in Node', async () => {
    const chosen = await createFastestCracker(target)
    expect(chosen.ok && chosen.value.engine).toBe('wasm-simd')
    expect(chosen.ok && chosen.value.cracker.tryBatch(['j', 'k'])).toBe(1)
  })

  it('falls back to the JavaScript engine, with the reason, when SIMD is turned off', async () => {
    const chosen = await createFastestCracker(target, { wasm: false })
    expect(chosen.ok && chosen.value.engine).toBe('js')
    expect(chosen.ok && chosen.value.fallbackReason).toBe('WebAssembly SIMD was turned off for this run.')
    expect(chosen.ok && chosen.value.cracker.tryBatch(['j', 'k'])).toBe(1)
  })

  it('asked for the GPU without one, runs WebAssembly SIMD and says why', async () => {
    const none = await createFastestCracker(target, { gpu: null })
    expect(none.ok && [none.value.engine, none.value.fallbackReason]).toEqual(['wasm-simd', 'This browser has no WebGPU.'])
    const noAdapter = await createFastestCracker(target, { gpu: { requestAdapter: () => Promise.resolve(null) } })
    expect(noAdapter.ok && [noAdapter.value.engine, noAdapter.value.fallbackReason])
      .toEqual(['wasm-simd', 'WebGPU could not start (the browser offers no WebGPU adapter here).'])
    const hs384 = { signingInput: 'a.b', signature: new Uint8Array(mac('HS384', new Uint8Array(1), 'a.b')), alg: 'HS384' as const }
    const wide = await createFastestCracker(hs384, { gpu: null, wasm: false })
    expect(wide.ok && [wide.value.engine, wide.value.fallbackReason])
      .toEqual(['js', 'The GPU path computes HS256 only; this token is HS384. WebAssembly SIMD was turned off for this run.'])
    expect(wide.ok && wide.value.cracker.tryKey(new Uint8Array(1))).toBe(true)
  })

  it('passes token errors through', async () => {
    const chosen = await createFastestCracker({ ...target, signature: new Uint8Array(5) })
    expect(chosen.ok ? null : chosen.error.code).toBe('TOKEN_MALFORMED')
  })
})
