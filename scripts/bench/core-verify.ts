// Core verify throughput against raw WebCrypto `subtle.verify`, in the same Node process.
// Prints one JSON object per algorithm on stdout. Run: npx tsx scripts/bench/core-verify.ts
import { createHmac, generateKeyPairSync, randomBytes, sign as nodeSign, type KeyObject } from 'node:crypto'
import { decodeToken, parseKey, verifyToken } from '../../src/core'
import { summarize, type Summary } from './stats'

const subtle = globalThis.crypto.subtle
const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url')

interface Case {
  alg: 'HS256' | 'RS256' | 'ES256' | 'EdDSA'
  token: string
  keyText: string
  encoding: 'utf8' | 'base64url'
  raw: { algorithm: AlgorithmIdentifier | EcdsaParams; importJwk: JsonWebKey; importAlg: AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams | HmacImportParams }
}

function makeToken(alg: Case['alg'], signer: (input: Buffer) => Buffer): string {
  const header = b64u(JSON.stringify({ alg, typ: 'JWT' }))
  const payload = b64u(JSON.stringify({ sub: '1234567890', name: 'Bench', iat: 1_700_000_000, scope: 'read write' }))
  const input = `${header}.${payload}`
  return `${input}.${b64u(signer(Buffer.from(input)))}`
}

function cases(): Case[] {
  const secret = randomBytes(32)
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const ed = generateKeyPairSync('ed25519')
  const jwk = (k: KeyObject) => k.export({ format: 'jwk' }) as JsonWebKey
  return [
    {
      alg: 'HS256',
      token: makeToken('HS256', (i) => createHmac('sha256', secret).update(i).digest()),
      keyText: b64u(secret),
      encoding: 'base64url',
      raw: { algorithm: 'HMAC', importJwk: { kty: 'oct', k: b64u(secret) }, importAlg: { name: 'HMAC', hash: 'SHA-256' } },
    },
    {
      alg: 'RS256',
      token: makeToken('RS256', (i) => nodeSign('sha256', i, rsa.privateKey)),
      keyText: JSON.stringify(jwk(rsa.publicKey)),
      encoding: 'utf8',
      raw: { algorithm: 'RSASSA-PKCS1-v1_5', importJwk: jwk(rsa.publicKey), importAlg: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } },
    },
    {
      alg: 'ES256',
      token: makeToken('ES256', (i) => nodeSign('sha256', i, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' })),
      keyText: JSON.stringify(jwk(ec.publicKey)),
      encoding: 'utf8',
      raw: { algorithm: { name: 'ECDSA', hash: 'SHA-256' }, importJwk: jwk(ec.publicKey), importAlg: { name: 'ECDSA', namedCurve: 'P-256' } },
    },
    {
      alg: 'EdDSA',
      token: makeToken('EdDSA', (i) => nodeSign(null, i, ed.privateKey)),
      keyText: JSON.stringify(jwk(ed.publicKey)),
      encoding: 'utf8',
      raw: { algorithm: 'Ed25519', importJwk: jwk(ed.publicKey), importAlg: 'Ed25519' },
    },
  ]
}

/** Runs `op` in batches for `ms` milliseconds and returns operations per second. */
async function opsPerSecond(op: () => Promise<unknown>, ms: number): Promise<number> {
  let n = 0
  const start = performance.now()
  let now = start
  while (now - start < ms) {
    for (let i = 0; i < 20; i++) await op()
    n += 20
    now = performance.now()
  }
  return (n * 1000) / (now - start)
}

export interface VerifyFigure {
  alg: string
  coreOpsPerSecond: Summary
  rawOpsPerSecond: Summary
  ratio: number
}

async function main() {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5)
  const ms = Number(process.env.BENCH_MS ?? 400)
  const out: VerifyFigure[] = []
  for (const c of cases()) {
    const decoded = decodeToken(c.token)
    const keys = await parseKey(c.keyText, { encoding: c.encoding })
    if (!keys.ok) throw new Error(`bench key did not parse: ${keys.error.message}`)
    const check = await verifyToken(decoded, keys.value)
    if (!check.ok || !check.value.valid) throw new Error(`bench token did not verify for ${c.alg}`)
    const rawKey = await subtle.importKey('jwk', c.raw.importJwk, c.raw.importAlg, false, ['verify'])
    const [h, p, s] = c.token.split('.') as [string, string, string]
    const data = new TextEncoder().encode(`${h}.${p}`)
    const sig = Buffer.from(s, 'base64url')
    const core: number[] = []
    const raw: number[] = []
    // Interleaved rounds so drift in machine load hits both sides alike.
    for (let r = 0; r < rounds; r++) {
      raw.push(await opsPerSecond(() => subtle.verify(c.raw.algorithm, rawKey, sig, data), ms))
      core.push(await opsPerSecond(() => verifyToken(decoded, keys.value), ms))
    }
    const coreS = summarize(core)
    const rawS = summarize(raw)
    out.push({ alg: c.alg, coreOpsPerSecond: coreS, rawOpsPerSecond: rawS, ratio: coreS.median / rawS.median })
  }
  process.stdout.write(JSON.stringify(out))
}

await main()
