/**
 * Measures the secret cracker in Node: candidates per second per core for HS256/384/512 with a
 * 200-byte signing input, for the JavaScript engine and the WebAssembly SIMD engine, next to
 * node:crypto createHmac called once per candidate.
 * Each algorithm takes about 2 s: the three loops alternate in ROUNDS slices of BENCH_CRACK_MS
 * (default 140 ms) and each figure is the median of its slices, so a shared machine's load swings
 * hit all alike.
 * Run: npx tsx scripts/bench/crack-node.ts  → prints a JSON array on stdout.
 */
import { createHmac } from 'node:crypto'
import { CandidateBatchBuilder, createCracker, createFastestCracker, type HmacAlgorithm } from '../../src/core'

const SLICE_MS = Number(process.env.BENCH_CRACK_MS ?? 140)
const ROUNDS = 5
const HASH: Record<HmacAlgorithm, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }

function signingInput(alg: HmacAlgorithm): string {
  const header = Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url')
  let payload = ''
  for (let pad = 0; `${header}.${payload}`.length < 200; pad++) {
    payload = Buffer.from(JSON.stringify({ sub: '1234567890', name: 'Bench', iat: 1516239022, pad: 'x'.repeat(pad) })).toString('base64url')
  }
  return `${header}.${payload}`.slice(0, 200)
}

/** Realistic, never-matching candidates: short words with digits, as a word list would hold. */
const words = Array.from({ length: 8192 }, (_, i) => `candidate${i}${'!'.repeat(i % 3)}`)
const keys = words.map((w) => Buffer.from(w))
/** Candidates per timed call: small, so slices end close to their nominal length. */
const CHUNK = 1024

/** Candidates per second of `run` (which returns how many it tried) over one slice. */
function rate(run: () => number): number {
  let tested = 0
  const start = performance.now()
  for (;;) {
    const elapsed = performance.now() - start
    if (elapsed >= SLICE_MS) return (tested * 1000) / elapsed
    tested += run()
  }
}

const median = (xs: number[]): number => Math.round([...xs].sort((a, b) => a - b)[xs.length >> 1]!)

/**
 * Medians of each of `runs` over interleaved slices, after a warm-up slice of each (the JIT, and the
 * optimizing tier of WebAssembly, which takes over from the baseline compiler once code is hot).
 */
function measureInterleaved(runs: readonly (() => number)[]): number[] {
  for (const run of runs) rate(run)
  const rates = runs.map((): number[] => [])
  for (let i = 0; i < ROUNDS; i++) runs.forEach((run, k) => rates[k]!.push(rate(run)))
  return rates.map(median)
}

const results = []
for (const alg of ['HS256', 'HS384', 'HS512'] as const) {
  const input = signingInput(alg)
  const signature = new Uint8Array(createHmac(HASH[alg], 'the real secret').update(input).digest())
  const cracker = createCracker({ signingInput: input, signature, alg })
  if (!cracker.ok) throw new Error(cracker.error.message)
  const simd = await createFastestCracker({ signingInput: input, signature, alg })
  if (!simd.ok) throw new Error(simd.error.message)
  if (simd.value.engine !== 'wasm-simd') throw new Error(`no WebAssembly SIMD here: ${simd.value.fallbackReason}`)
  const wasm = simd.value.cracker
  const builder = new CandidateBatchBuilder()
  for (const w of words) builder.addString(w)
  const batch = builder.batch()
  const expected = Buffer.from(signature)
  let from = 0
  let wasmFrom = 0
  let next = 0
  const [candidatesPerSecond, wasmSimdCandidatesPerSecond, nodeCreateHmacPerSecond] = measureInterleaved([
    () => {
      from = (from + CHUNK) % batch.count
      if (cracker.value.tryPacked(batch, from, from + CHUNK) !== -1) throw new Error('unexpected match')
      return CHUNK
    },
    () => {
      wasmFrom = (wasmFrom + CHUNK) % batch.count
      if (wasm.tryPacked(batch, wasmFrom, wasmFrom + CHUNK) !== -1) throw new Error('unexpected match')
      return CHUNK
    },
    () => {
      next = (next + CHUNK) % keys.length
      for (let i = next; i < next + CHUNK; i++) if (createHmac(HASH[alg], keys[i]!).update(input).digest().equals(expected)) throw new Error('unexpected match')
      return CHUNK
    },
  ])
  results.push({ alg, signingInputBytes: input.length, candidatesPerSecond, wasmSimdCandidatesPerSecond, nodeCreateHmacPerSecond })
}
console.log(JSON.stringify(results, null, 2))
