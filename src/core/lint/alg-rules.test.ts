import { generateKeyPairSync, sign as nodeSign } from 'node:crypto'
import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { parseKey } from '../keys'
import { decodeToken } from '../token'
import type { KeyInput } from '../types'
import { eddsaDeprecatedRule, es256kHighSRule, keyAlgMismatchRule } from './alg-rules'
import { resolveLintContext } from './index'

const b64u = (data: string | Uint8Array) => Buffer.from(data).toString('base64url')
/** The order n of secp256k1 (SEC 2 §2.4.1). */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const context = (keys: KeyInput | null = null) => resolveLintContext({ keys, now: 1767225600 })

async function keyInput(text: string): Promise<KeyInput> {
  const parsed = await parseKey(text, { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

/** An ES256K token signed by node:crypto, with s moved to the upper or lower half of n. */
function es256kToken(half: 'high' | 'low'): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' })
  const input = `${b64u('{"alg":"ES256K"}')}.${b64u('{"sub":"x"}')}`
  const sig = nodeSign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' })
  const s = BigInt(`0x${sig.subarray(32).toString('hex')}`)
  const isHigh = s > N / 2n
  const wanted = (half === 'high') === isHigh ? s : N - s
  return `${input}.${b64u(Buffer.concat([sig.subarray(0, 32), Buffer.from(wanted.toString(16).padStart(64, '0'), 'hex')]))}`
}

describe('es256kHighSRule', () => {
  it('an ES256K signature with s above n/2 is an info finding on the S half of the signature', () => {
    const token = es256kToken('high')
    const decoded = decodeToken(token)
    const findings = es256kHighSRule(decoded, context())
    const signatureStart = token.lastIndexOf('.') + 1
    expect(findings.map((f) => [f.id, f.severity, f.segment, f.offset, f.length])).toEqual([['es256k-high-s', 'info', 'signature', signatureStart + 42, 44]])
    expect(findings[0]?.explanation).toBe(
      "The signature's s is above half the curve order n. JOSE does not require low-S (RFC 8812), so the signature is checked here as usual and OpenSSL-based " +
      "verifiers accept it; but verifiers that require low-S, as Bitcoin's libsecp256k1 and atproto do, reject it. " +
      'Whenever (r, s) is valid, (r, n − s) is valid too, so a signature can be changed without the key (malleability).',
    )
  })

  it.each<[string, () => string]>([
    ['a low-S ES256K signature', () => es256kToken('low')],
    ['an s of n or more (no valid signature)', () => `${b64u('{"alg":"ES256K"}')}.${b64u('{}')}.${b64u(new Uint8Array(64).fill(0xff))}`],
    ['an ES256 token with a high s', () => `${b64u('{"alg":"ES256"}')}.${b64u('{}')}.${b64u(new Uint8Array(64).fill(0x80))}`],
    ['a 63-byte ES256K signature', () => `${b64u('{"alg":"ES256K"}')}.${b64u('{}')}.${b64u(new Uint8Array(63).fill(0x80))}`],
  ])('says nothing for %s', (_name, token) => {
    expect(es256kHighSRule(decodeToken(token()), context())).toEqual([])
  })
})

describe('eddsaDeprecatedRule', () => {
  const eddsa = decodeToken(`${b64u('{"alg":"EdDSA"}')}.${b64u('{}')}.${b64u(new Uint8Array(64))}`)

  it.each<[string, () => Promise<KeyInput | null>, string]>([
    ['no key', async () => null, 'Sign new tokens with alg "Ed25519" (or "Ed448" for an Ed448 key); verifiers that move to the new names should accept "EdDSA" until the issuers have switched.'],
    ['an Ed448 key', async () => keyInput(generateKeyPairSync('ed448').publicKey.export({ type: 'spki', format: 'pem' }) as string),
      'Sign new tokens with alg "Ed448", as the key given is Ed448; verifiers that move to the new names should accept "EdDSA" until the issuers have switched.'],
    ['an Ed25519 key', async () => keyInput(generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string),
      'Sign new tokens with alg "Ed25519", as the key given is Ed25519; verifiers that move to the new names should accept "EdDSA" until the issuers have switched.'],
  ])('EdDSA with %s is an info finding naming the fully-specified algorithm', async (_name, keys, fix) => {
    const findings = eddsaDeprecatedRule(eddsa, context(await keys()))
    expect(findings.map((f) => [f.id, f.severity, f.title, f.reference, f.fix])).toEqual([['alg-eddsa-deprecated', 'info', 'alg "EdDSA" is deprecated (RFC 9864)', 'RFC 9864; RFC 8037 §3.1', fix]])
  })

  it.each(['Ed25519', 'Ed448', 'ES256K'])('says nothing for %s', (alg) => {
    expect(eddsaDeprecatedRule(decodeToken(`${b64u(JSON.stringify({ alg }))}.${b64u('{}')}.${b64u(new Uint8Array(64))}`), context())).toEqual([])
  })
})

describe('keyAlgMismatchRule knows ES256K and Ed448', () => {
  it.each<[string, string, () => string, string | undefined]>([
    ['ES256K with a P-256 key', 'ES256K', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }) as string,
      'The token says ES256K, which needs an EC key on secp256k1, but the key given is an EC public key on P-256. The signature cannot be checked with this key.'],
    ['ES256K with a secp256k1 key', 'ES256K', () => generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey.export({ type: 'spki', format: 'pem' }) as string, undefined],
    ['Ed448 with an Ed25519 key', 'Ed448', () => generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string,
      'The token says Ed448, which needs an Ed448 key, but the key given is an OKP public key on Ed25519. The signature cannot be checked with this key.'],
    ['EdDSA with an Ed448 key', 'EdDSA', () => generateKeyPairSync('ed448').publicKey.export({ type: 'spki', format: 'pem' }) as string, undefined],
  ])('%s', async (_name, alg, key, explanation) => {
    const decoded = decodeToken(`${b64u(JSON.stringify({ alg }))}.${b64u('{}')}.${b64u(new Uint8Array(64))}`)
    const findings = keyAlgMismatchRule(decoded, context(await keyInput(key())))
    expect(findings.map((f) => f.explanation)).toEqual(explanation === undefined ? [] : [explanation])
  })
})
