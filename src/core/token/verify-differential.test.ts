import { createHmac, createPrivateKey, createPublicKey, sign as nodeSign } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { beforeAll, describe, expect, it } from 'vitest'
import { STEP_KINDS } from '../../../test/differential/cases'
import { JUSTIFIED } from '../../../test/differential/classes'
import { emsaPkcs1, smallOrderForgery } from '../../../test/differential/forge'
import { ALGS } from '../../../test/differential/keys'
import { CoreVerifier, joseVerify } from '../../../test/differential/oracles'
import { runShard, type ShardOptions, type ShardResult } from '../../../test/differential/run'
import { Tally } from '../../../test/differential/tally'
import type { SecretEncoding } from '../types'

/**
 * Differential test of verification (issue 9, item 6): random mutations of valid tokens over every
 * algorithm, verified by the core and by jose's compactVerify with the same key material. Whenever
 * the core says "verified", jose must accept; where jose accepts and the core does not, the case
 * must fall into a justified class (test/differential/classes.ts). Reproduce a run with
 * DIFFERENTIAL_SEED and DIFFERENTIAL_RUNS; DIFFERENTIAL_REPORT=<file> writes a Markdown report.
 * ECDSA and RSA-PSS signatures are randomized, so their bytes differ between runs: every failure
 * message prints the exact token and key text of its smallest example.
 */
const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20_250_609)
const RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 100_000)
/** Verifications in flight per thread. */
const CONCURRENCY = 16
/**
 * Node 20 runs much of WebCrypto's work on the calling thread, so the cases are split across worker
 * threads, one per core (at most two); DIFFERENTIAL_WORKERS=0 runs them in this thread instead.
 */
const WORKERS = Number(process.env.DIFFERENTIAL_WORKERS ?? Math.min(2, availableParallelism()))

/** Runs the shards in worker threads and collects their tallies. */
async function inWorkers(count: number): Promise<ShardResult[]> {
  const workers: Worker[] = []
  try {
    return await Promise.all(
      Array.from({ length: count }, (_, shard) => {
        const options: ShardOptions = { seed: SEED, runs: RUNS, shard, shards: count, concurrency: CONCURRENCY }
        const worker = new Worker(new URL('../../../test/differential/worker-entry.mjs', import.meta.url), { workerData: options })
        workers.push(worker)
        return new Promise<ShardResult>((resolve, reject) => {
          worker.once('message', resolve)
          worker.once('error', reject)
          worker.once('exit', (code) => reject(new Error(`differential worker ${shard} exited with code ${code} before reporting`)))
        })
      }),
    )
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
}

describe(`differential verification against jose (seed ${SEED}, ${RUNS} cases)`, () => {
  const tally = new Tally()
  let elapsed = 0
  let parsedKeys = 0

  beforeAll(async () => {
    const started = performance.now()
    const shards = WORKERS === 0 ? [await runShard({ seed: SEED, runs: RUNS, shard: 0, shards: 1, concurrency: CONCURRENCY })] : await inWorkers(WORKERS)
    for (const shard of shards) {
      tally.merge(shard.tally)
      parsedKeys += shard.parsedKeys
    }
    elapsed = performance.now() - started
    const report = process.env.DIFFERENTIAL_REPORT
    if (report !== undefined && report !== '') writeFileSync(report, tally.markdown(SEED, elapsed, parsedKeys))
    // 30–40 s on an idle two-core machine, two minutes when other jobs load both cores.
  }, 300_000)

  it('runs every case over every algorithm, and both verifiers accept genuine tokens of each', () => {
    expect(tally.total).toBe(RUNS)
    for (const alg of ALGS) {
      const seen = tally.perAlg.get(alg)
      // P-384 and P-521 are drawn less often (they verify slowly), the others about 7% each.
      expect(seen?.cases ?? 0, `${alg} cases`).toBeGreaterThan(RUNS / 100)
      expect(seen?.bothAccept ?? 0, `${alg}: tokens both verifiers accept (seed ${SEED})`).toBeGreaterThan(RUNS / 500)
    }
  })

  it('makes every kind of mutation', () => {
    // About 1,300 of each per 100,000 cases; the rarest (EdDSA's S + L) about 300.
    for (const kind of STEP_KINDS) expect(tally.perStep.get(kind) ?? 0, `${kind} (seed ${SEED})`).toBeGreaterThanOrEqual(Math.floor(RUNS / 2000))
  })

  it('builds genuine or correctly forged tokens (jose accepts every untampered one)', () => {
    expect(tally.harness.size, tally.describe(tally.harness, SEED)).toBe(0)
  })

  it('never throws', () => {
    expect(tally.threw.size, tally.describe(tally.threw, SEED)).toBe(0)
  })

  it('says "verified" only where jose accepts too', () => {
    expect(tally.forward.size, tally.describe(tally.forward, SEED)).toBe(0)
  })

  it('never verifies a key pasted as an HMAC secret, a degenerate key or non-canonical segment text', () => {
    expect(tally.mustRefuse.size, tally.describe(tally.mustRefuse, SEED)).toBe(0)
  })

  it('refuses what jose accepts only for a justified reason', () => {
    expect(tally.unjustified.size, tally.describe(tally.unjustified, SEED)).toBe(0)
  })

  it('meets every justified class, so none of them is a dead allowance', () => {
    for (const k of JUSTIFIED) expect(tally.justified.get(k.id)?.count ?? 0, `${k.id} (seed ${SEED})`).toBeGreaterThan(0)
  })

  it('refuses key material pasted as an HMAC secret because it is a key', () => {
    // KEY_ALG_MISMATCH at verification, or an error from parseKey that says what the text is.
    expect(tally.confusionReason.size, tally.describe(tally.confusionReason, SEED)).toBe(0)
  })
})

/** One crafted case per item of issue 9 (1–5), so that a regression names itself. */
describe('crafted cases, one per strictness rule', () => {
  const fixture = (file: string) => readFileSync(new URL(`../../../test/fixtures/keys/${file}`, import.meta.url), 'utf8')
  const b64u = (data: string | Uint8Array) => Buffer.from(data).toString('base64url')
  const payload = b64u('{"sub":"admin","admin":true}')
  const rsaPem = fixture('rsa-2048-spki.pem')
  const rsaDer = new Uint8Array(createPublicKey(rsaPem).export({ type: 'spki', format: 'der' }))
  const rsaJwk = createPublicKey(rsaPem).export({ format: 'jwk' })
  const ecPrivate = createPrivateKey(fixture('ec-p256-pkcs8.pem'))
  const ecJwk = createPublicKey(ecPrivate).export({ format: 'jwk' })

  const hs = (hash: string, header: object, secret: Uint8Array | string, mangle = (s: string) => s) => {
    const h = b64u(JSON.stringify(header))
    return `${h}.${payload}.${mangle(b64u(createHmac(hash, secret).update(`${h}.${payload}`).digest()))}`
  }
  const hs256 = (header: object, secret: Uint8Array | string, mangle?: (s: string) => string) => hs('sha256', header, secret, mangle)
  const es256 = () => {
    const h = b64u('{"alg":"ES256"}')
    return `${h}.${payload}.${b64u(nodeSign('sha256', Buffer.from(`${h}.${payload}`), { key: ecPrivate, dsaEncoding: 'ieee-p1363' }))}`
  }
  const forged = (alg: string, sign: (input: Uint8Array) => Uint8Array) => {
    const h = b64u(JSON.stringify({ alg }))
    return `${h}.${payload}.${b64u(sign(new TextEncoder().encode(`${h}.${payload}`)))}`
  }
  const secret = 'a-long-enough-shared-secret-for-hs256-0123456789'
  const small = createPrivateKey(readFileSync(new URL('../../../test/differential/keys/rsa-512-pkcs8.pem', import.meta.url), 'utf8'))
  const identity = 'AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
  const strict = { verdict: 'invalid', matchesAsWritten: true }
  const verifyRefused = (code: string) => ({ verdict: 'refused', stage: 'verify', code })
  const parseRefused = (code: string) => ({ verdict: 'refused', stage: 'parse', code })

  const cases: [string, () => string, string, SecretEncoding, Record<string, unknown>][] = [
    ['control: a genuine HS256 token verifies', () => hs256({ alg: 'HS256' }, secret), secret, 'utf8', { verdict: 'valid' }],
    ['item 1: a PEM body without armour, one line, as an HS256 secret', () => hs256({ alg: 'HS256' }, rsaPem.replace(/-----[^-]+-----|\s/g, '')), rsaPem.replace(/-----[^-]+-----|\s/g, ''), 'utf8', verifyRefused('KEY_ALG_MISMATCH')],
    ['item 1: SPKI DER bytes as a hex secret', () => hs256({ alg: 'HS256' }, rsaDer), Buffer.from(rsaDer).toString('hex'), 'hex', verifyRefused('KEY_ALG_MISMATCH')],
    ['item 1: SPKI DER bytes as a base64 secret', () => hs256({ alg: 'HS256' }, rsaDer), Buffer.from(rsaDer).toString('base64'), 'base64', verifyRefused('KEY_ALG_MISMATCH')],
    ['item 2: crit ["x"] with "x" present', () => hs256({ alg: 'HS256', crit: ['x'], x: 1 }, secret), secret, 'utf8', strict],
    ['item 2: crit [] (empty)', () => hs256({ alg: 'HS256', crit: [] }, secret), secret, 'utf8', strict],
    ['item 2: crit ["alg"]', () => hs256({ alg: 'HS256', crit: ['alg'] }, secret), secret, 'utf8', strict],
    ['item 3: signature with "=" padding', () => hs256({ alg: 'HS256' }, secret, (s) => `${s}=`), secret, 'utf8', strict],
    ['item 3: a line break inside the signature', () => hs256({ alg: 'HS256' }, secret, (s) => `${s.slice(0, 20)}\n${s.slice(20)}`), secret, 'utf8', strict],
    ['item 3: "-" and "_" written as "+" and "/"', () => {
      for (let i = 0; ; i++) {
        const token = hs256({ alg: 'HS256', n: i }, secret)
        if (/[-_]/.test(token.split('.')[2] as string)) return token.slice(0, token.lastIndexOf('.')) + token.slice(token.lastIndexOf('.')).replace(/-/g, '+').replace(/_/g, '/')
      }
    }, secret, 'utf8', strict],
    // 64 characters plus one: a length of 4n + 1, whose last character a lenient decoder drops.
    ['item 3: one stray character after an HS384 signature', () => hs('sha384', { alg: 'HS384' }, secret, (s) => `${s}A`), secret, 'utf8', strict],
    ['item 4: Ed25519 identity key, R = identity, S = 0', () => forged('EdDSA', (input) => smallOrderForgery(Buffer.from(identity, 'base64url'), input) as Uint8Array), JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: identity }), 'utf8', parseRefused('KEY_WEAK')],
    ['item 4: RSA e = 1, the padded message as its own signature', () => forged('RS256', (input) => emsaPkcs1(input, 'sha256', 256)), JSON.stringify({ ...rsaJwk, e: 'AQ' }), 'utf8', parseRefused('KEY_WEAK')],
    ['item 4: a genuine signature under a 512-bit RSA key', () => forged('RS256', (input) => new Uint8Array(nodeSign('sha256', input, small))), createPublicKey(small).export({ type: 'spki', format: 'pem' }) as string, 'utf8', verifyRefused('KEY_WEAK')],
    ['item 5: a JWK whose key_ops is ["sign"]', es256, JSON.stringify({ ...ecJwk, key_ops: ['sign'] }), 'utf8', verifyRefused('KEY_USE_MISMATCH')],
    ['item 5: a JWK whose use is "enc"', es256, JSON.stringify({ ...ecJwk, use: 'enc' }), 'utf8', verifyRefused('KEY_USE_MISMATCH')],
  ]

  it.each(cases)('%s', async (_name, token, keyText, encoding, expected) => {
    expect(await new CoreVerifier().run(token(), keyText, encoding)).toMatchObject(expected)
  })

  it('the item 1 and item 4 tokens are real forgeries: jose accepts them with the raw key material', async () => {
    const token = (name: string) => (cases.find(([n]) => n.startsWith(name)) as (typeof cases)[number])[1]()
    expect(await joseVerify(token('item 1: SPKI DER bytes as a hex secret'), rsaDer)).toEqual({ accepted: true })
    expect(await joseVerify(token('item 4: Ed25519 identity key'), { kty: 'OKP', crv: 'Ed25519', x: identity })).toEqual({ accepted: true })
    expect(await joseVerify(token('item 4: RSA e = 1'), { ...rsaJwk, e: 'AQ' })).toEqual({ accepted: true })
  })
})
