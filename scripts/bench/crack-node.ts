/**
 * Measures the secret cracker in Node: candidates per second per core for HS256/384/512 with a
 * 200-byte signing input, next to node:crypto createHmac called once per candidate.
 * Each algorithm takes about 1.5 s (two timed runs of BENCH_CRACK_MS, default 700 ms, plus warm-up).
 * Run: npx tsx scripts/bench/crack-node.ts  → prints a JSON array on stdout.
 */
import { createHmac } from 'node:crypto'
import { CandidateBatchBuilder, createCracker, type HmacAlgorithm } from '../../src/core'

const DURATION_MS = Number(process.env.BENCH_CRACK_MS ?? 700)
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

function measure(run: () => number): number {
  run() // warm-up: let the JIT settle before timing
  let tested = 0
  const start = performance.now()
  for (;;) {
    const elapsed = performance.now() - start
    if (elapsed >= DURATION_MS) return Math.round((tested * 1000) / elapsed)
    tested += run()
  }
}

const results = []
for (const alg of ['HS256', 'HS384', 'HS512'] as const) {
  const input = signingInput(alg)
  const signature = new Uint8Array(createHmac(HASH[alg], 'the real secret').update(input).digest())
  const cracker = createCracker({ signingInput: input, signature, alg })
  if (!cracker.ok) throw new Error(cracker.error.message)
  const builder = new CandidateBatchBuilder()
  for (const w of words) builder.addString(w)
  const batch = builder.batch()
  const candidatesPerSecond = measure(() => {
    if (cracker.value.tryPacked(batch) !== -1) throw new Error('unexpected match')
    return batch.count
  })
  const expected = Buffer.from(signature)
  const nodeCreateHmacPerSecond = measure(() => {
    for (const key of keys) if (createHmac(HASH[alg], key).update(input).digest().equals(expected)) throw new Error('unexpected match')
    return keys.length
  })
  results.push({ alg, signingInputBytes: input.length, candidatesPerSecond, nodeCreateHmacPerSecond })
}
console.log(JSON.stringify(results, null, 2))
