// Core verify throughput for the algorithms WebCrypto lacks (ES256K, Ed448, EdDSA with an Ed448
// key; @noble/curves in the core), beside node:crypto (OpenSSL) verifying the same token.
// Prints a JSON array on stdout. Run: npx tsx scripts/bench/curves-verify.ts
import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto'
import { decodeToken, parseKey, verifyToken } from '../../src/core'
import { summarize, type Summary } from './stats'

const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url')

interface Case {
  readonly alg: 'ES256K' | 'Ed448' | 'EdDSA'
  readonly label: string
  readonly pair: { publicKey: KeyObject; privateKey: KeyObject }
}

function token(c: Case): string {
  const input = `${b64u(JSON.stringify({ alg: c.alg, typ: 'JWT' }))}.${b64u(JSON.stringify({ sub: '1234567890', name: 'Bench', iat: 1_700_000_000 }))}`
  const sig = c.alg === 'ES256K' ? nodeSign('sha256', Buffer.from(input), { key: c.pair.privateKey, dsaEncoding: 'ieee-p1363' }) : nodeSign(null, Buffer.from(input), c.pair.privateKey)
  return `${input}.${b64u(sig)}`
}

/** Runs `op` in batches for `ms` milliseconds and returns operations per second. */
async function opsPerSecond(op: () => unknown, ms: number): Promise<number> {
  let n = 0
  const start = performance.now()
  let now = start
  while (now - start < ms) {
    for (let i = 0; i < 10; i++) await op()
    n += 10
    now = performance.now()
  }
  return (n * 1000) / (now - start)
}

export interface CurveVerifyFigure {
  alg: string
  coreOpsPerSecond: Summary
  nodeOpsPerSecond: Summary
}

async function main() {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5)
  const ms = Number(process.env.BENCH_MS ?? 400)
  const cases: Case[] = [
    { alg: 'ES256K', label: 'ES256K', pair: generateKeyPairSync('ec', { namedCurve: 'secp256k1' }) },
    { alg: 'Ed448', label: 'Ed448', pair: generateKeyPairSync('ed448') },
    { alg: 'EdDSA', label: 'EdDSA (Ed448 key)', pair: generateKeyPairSync('ed448') },
  ]
  const out: CurveVerifyFigure[] = []
  for (const c of cases) {
    const text = token(c)
    const decoded = decodeToken(text)
    const keys = await parseKey(JSON.stringify(c.pair.publicKey.export({ format: 'jwk' })), { encoding: 'utf8' })
    if (!keys.ok) throw new Error(`bench key did not parse: ${keys.error.message}`)
    const check = await verifyToken(decoded, keys.value)
    if (!check.ok || !check.value.valid) throw new Error(`bench token did not verify for ${c.label}`)
    const [h, p, s] = text.split('.') as [string, string, string]
    const data = Buffer.from(`${h}.${p}`)
    const sig = Buffer.from(s, 'base64url')
    const node = c.alg === 'ES256K'
      ? () => nodeVerify('sha256', data, { key: c.pair.publicKey, dsaEncoding: 'ieee-p1363' }, sig)
      : () => nodeVerify(null, data, c.pair.publicKey, sig)
    const core: number[] = []
    const reference: number[] = []
    // Interleaved rounds so drift in machine load hits both sides alike.
    for (let r = 0; r < rounds; r++) {
      reference.push(await opsPerSecond(node, ms))
      core.push(await opsPerSecond(() => verifyToken(decoded, keys.value), ms))
    }
    out.push({ alg: c.label, coreOpsPerSecond: summarize(core), nodeOpsPerSecond: summarize(reference) })
  }
  process.stdout.write(JSON.stringify(out))
}

await main()
