// Core verify throughput for the algorithms WebCrypto lacks (ES256K, Ed448, EdDSA with an Ed448
// key: @noble/curves; ML-DSA-44/65/87: @noble/post-quantum), beside a reference verifying the same
// token: node:crypto (OpenSSL) for the curves, liboqs for ML-DSA (OpenSSL 3.0 has none).
// Prints a JSON array on stdout. Run: npx tsx scripts/bench/curves-verify.ts
import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto'
import { createMLDSA44, createMLDSA65, createMLDSA87 } from '@oqs/liboqs-js/sig'
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
  /** What the reference column ran. */
  reference: 'node:crypto' | 'liboqs'
}

/** An ML-DSA token and key signed by liboqs, with liboqs's own verify as the reference. */
async function mlDsaCase(alg: 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87') {
  const oqs = await (alg === 'ML-DSA-44' ? createMLDSA44() : alg === 'ML-DSA-65' ? createMLDSA65() : createMLDSA87())
  const pair = oqs.generateKeyPair()
  const input = `${b64u(JSON.stringify({ alg, typ: 'JWT' }))}.${b64u(JSON.stringify({ sub: '1234567890', name: 'Bench', iat: 1_700_000_000 }))}`
  const data = new Uint8Array(Buffer.from(input))
  const sig = oqs.sign(data, pair.secretKey)
  return {
    label: alg,
    text: `${input}.${b64u(Buffer.from(sig))}`,
    jwk: JSON.stringify({ kty: 'AKP', alg, pub: b64u(Buffer.from(pair.publicKey)) }),
    reference: () => oqs.verify(data, sig, pair.publicKey),
  }
}

async function main() {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5)
  const ms = Number(process.env.BENCH_MS ?? 400)
  const cases: Case[] = [
    { alg: 'ES256K', label: 'ES256K', pair: generateKeyPairSync('ec', { namedCurve: 'secp256k1' }) },
    { alg: 'Ed448', label: 'Ed448', pair: generateKeyPairSync('ed448') },
    { alg: 'EdDSA', label: 'EdDSA (Ed448 key)', pair: generateKeyPairSync('ed448') },
  ]
  const all = [
    ...cases.map((c) => {
      const text = token(c)
      const [h, p, s] = text.split('.') as [string, string, string]
      const data = Buffer.from(`${h}.${p}`)
      const sig = Buffer.from(s, 'base64url')
      const reference = c.alg === 'ES256K'
        ? () => nodeVerify('sha256', data, { key: c.pair.publicKey, dsaEncoding: 'ieee-p1363' }, sig)
        : () => nodeVerify(null, data, c.pair.publicKey, sig)
      return { label: c.label, text, jwk: JSON.stringify(c.pair.publicKey.export({ format: 'jwk' })), reference, by: 'node:crypto' as const }
    }),
    ...(await Promise.all((['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'] as const).map(async (alg) => ({ ...(await mlDsaCase(alg)), by: 'liboqs' as const })))),
  ]
  const out: CurveVerifyFigure[] = []
  for (const c of all) {
    const decoded = decodeToken(c.text)
    const keys = await parseKey(c.jwk, { encoding: 'utf8' })
    if (!keys.ok) throw new Error(`bench key did not parse: ${keys.error.message}`)
    const check = await verifyToken(decoded, keys.value)
    if (!check.ok || !check.value.valid) throw new Error(`bench token did not verify for ${c.label}`)
    const node = c.reference
    const core: number[] = []
    const reference: number[] = []
    // Interleaved rounds so drift in machine load hits both sides alike.
    for (let r = 0; r < rounds; r++) {
      reference.push(await opsPerSecond(node, ms))
      core.push(await opsPerSecond(() => verifyToken(decoded, keys.value), ms))
    }
    out.push({ alg: c.label, coreOpsPerSecond: summarize(core), nodeOpsPerSecond: summarize(reference), reference: c.by })
  }
  process.stdout.write(JSON.stringify(out))
}

await main()
