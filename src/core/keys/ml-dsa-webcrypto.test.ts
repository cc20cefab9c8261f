// Where the engine's WebCrypto has ML-DSA (the WICG "Modern Algorithms" names), the core uses it:
// keys are imported as "raw-public" / "raw-seed" with { name: "ML-DSA-NN" }, and sign/verify go
// through crypto.subtle. No engine available to these tests ships ML-DSA, so a stand-in WebCrypto
// (answering with liboqs for verify and @noble/post-quantum for sign) checks the calling contract;
// without the stand-in, the same tests run on @noble/post-quantum (ml-dsa.test.ts).
import { readFileSync } from 'node:fs'
import { Buffer } from 'node:buffer'
import { createMLDSA44 } from '@oqs/liboqs-js/sig'
import { ml_dsa44 } from '@noble/post-quantum/ml-dsa.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { decodeToken } from '../token/decode'
import { signToken } from '../token/sign'
import { verifyToken } from '../token/verify'
import { parseKey } from './parse'

const RFC9964 = JSON.parse(readFileSync(new URL('../../../test/fixtures/vectors/rfc9964-ml-dsa-44.json', import.meta.url), 'utf8')) as { jwk: Record<string, string>; compact: string }
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'))

/** A stand-in for an engine with ML-DSA-44 in WebCrypto; records every call it answers. */
async function installStandIn() {
  const subtle = crypto.subtle
  const original = { importKey: subtle.importKey.bind(subtle), sign: subtle.sign.bind(subtle), verify: subtle.verify.bind(subtle) }
  const material = new Map<CryptoKey, { format: string; bytes: Uint8Array }>()
  const calls: string[] = []
  const oqs = await createMLDSA44()
  vi.spyOn(subtle, 'importKey').mockImplementation((async (format: string, data: BufferSource, algorithm: AlgorithmIdentifier, extractable: boolean, usages: KeyUsage[]) => {
    const name = typeof algorithm === 'string' ? algorithm : algorithm.name
    if (name !== 'ML-DSA-44') return original.importKey(format as 'raw', data, algorithm, extractable, usages)
    calls.push(`importKey ${format} ${name} ${usages.join(',')}`)
    // A real CryptoKey object stands for the ML-DSA key; its material is kept beside it.
    const handle = (await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])) as CryptoKey
    material.set(handle, { format, bytes: new Uint8Array(data as Uint8Array) })
    return handle
  }) as typeof subtle.importKey)
  vi.spyOn(subtle, 'sign').mockImplementation((async (algorithm: AlgorithmIdentifier, key: CryptoKey, data: BufferSource) => {
    const name = typeof algorithm === 'string' ? algorithm : algorithm.name
    const held = material.get(key)
    if (name !== 'ML-DSA-44' || held === undefined) return original.sign(algorithm, key, data)
    calls.push(`sign ${name}`)
    return ml_dsa44.sign(new Uint8Array(data as Uint8Array), ml_dsa44.keygen(held.bytes).secretKey).buffer
  }) as typeof subtle.sign)
  vi.spyOn(subtle, 'verify').mockImplementation((async (algorithm: AlgorithmIdentifier, key: CryptoKey, signature: BufferSource, data: BufferSource) => {
    const name = typeof algorithm === 'string' ? algorithm : algorithm.name
    const held = material.get(key)
    if (name !== 'ML-DSA-44' || held === undefined) return original.verify(algorithm, key, signature, data)
    calls.push(`verify ${name}`)
    return oqs.verify(new Uint8Array(data as Uint8Array), new Uint8Array(signature as Uint8Array), held.bytes)
  }) as typeof subtle.verify)
  return calls
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('ML-DSA through an engine that has it in WebCrypto', () => {
  it('the RFC 9964 example verifies through crypto.subtle with the raw public key', async () => {
    const calls = await installStandIn()
    const { priv: _priv, ...publicJwk } = RFC9964.jwk
    const keys = await parseKey(JSON.stringify(publicJwk), { encoding: 'utf8' })
    if (!keys.ok) throw new Error(keys.error.message)
    expect(await verifyToken(decodeToken(RFC9964.compact), keys.value)).toMatchObject({ ok: true, value: { valid: true, alg: 'ML-DSA-44' } })
    expect(calls).toEqual(['importKey raw-public ML-DSA-44 verify', 'verify ML-DSA-44'])
  })

  it('signing imports the 32-byte seed as raw-seed, and liboqs accepts the signature', async () => {
    const calls = await installStandIn()
    const keys = await parseKey(JSON.stringify(RFC9964.jwk), { encoding: 'utf8' })
    if (!keys.ok) throw new Error(keys.error.message)
    const signed = await signToken({ header: '{"alg":"ML-DSA-44"}', payload: '{"sub":"webcrypto"}', alg: 'ML-DSA-44', key: keys.value.keys[0]! })
    if (!signed.ok) throw new Error(signed.error.message)
    expect(calls).toEqual(['importKey raw-seed ML-DSA-44 sign', 'sign ML-DSA-44'])
    const [h, p, s] = signed.value.token.split('.') as [string, string, string]
    const oqs = await createMLDSA44()
    expect(oqs.verify(new Uint8Array(Buffer.from(`${h}.${p}`)), bytes(s), bytes(RFC9964.jwk.pub as string))).toBe(true)
    oqs.destroy()
  })
})
