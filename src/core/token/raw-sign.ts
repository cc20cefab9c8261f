import { algorithmSpec, type HashName, type KeyHandle } from '../keys'
import { base64urlEncode } from './base64url-codec'

/**
 * Signing primitives for crafted tokens. The regular signer refuses exactly what attacks need (an
 * empty HMAC secret, a public key's text used as a secret), so the lab signs raw bytes itself.
 */

/** Hash functions of the HMAC algorithms. */
export type HmacHash = HashName

const UTF8 = new TextEncoder()

/** Block sizes in bytes (RFC 2104 §2: B = 64 for SHA-256, 128 for SHA-384/512). */
const BLOCK: Readonly<Record<HmacHash, number>> = { 'SHA-256': 64, 'SHA-384': 128, 'SHA-512': 128 }

/** UTF-8 bytes of a text. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return UTF8.encode(text)
}

/**
 * HMAC of `data` under any key bytes, the empty key included. WebCrypto refuses zero-length HMAC
 * keys, but HMAC pads a short key with zero bytes up to the block size (RFC 2104 §2), so a block of
 * zeros is the very same key.
 */
export async function hmac(hash: HmacHash, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const material = key.length === 0 ? new Uint8Array(BLOCK[hash]) : Uint8Array.from(key)
  const cryptoKey = await crypto.subtle.importKey('raw', material, { name: 'HMAC', hash }, false, ['sign'])
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, Uint8Array.from(data)))
}

/** Compares two byte strings in time that depends only on their lengths. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number)
  return diff === 0
}

/** `base64url(header).base64url(payload)`: the JWS signing input of two compact JSON texts. */
export function signingInput(headerText: string, payloadText: string): string {
  return `${base64urlEncode(headerText)}.${base64urlEncode(payloadText)}`
}

/** A compact JWS of `header` and `payload` (compact JSON texts) signed with HMAC under `key`. */
export async function hmacToken(hash: HmacHash, key: Uint8Array, headerText: string, payloadText: string): Promise<string> {
  const input = signingInput(headerText, payloadText)
  return `${input}.${base64urlEncode(await hmac(hash, key, utf8(input)))}`
}

/** The asymmetric algorithms the labs sign crafted tokens and certificates with. */
export type LabAlgorithm = 'RS256' | 'ES256'

/** A signature over raw bytes with a private key of a lab algorithm, made by the algorithm's implementation. */
export async function rawSignature(alg: LabAlgorithm, key: KeyHandle, data: Uint8Array): Promise<Uint8Array> {
  const spec = algorithmSpec(alg)
  if (spec === undefined) throw new TypeError(`${alg} is not in the algorithm registry`)
  return spec.implementation.sign(key, data)
}

/** A compact JWS signed with an RS256 or ES256 private key (ECDSA signatures come out as r‖s, as JWS wants). */
export async function asymmetricToken(alg: LabAlgorithm, key: KeyHandle, headerText: string, payloadText: string): Promise<string> {
  const input = signingInput(headerText, payloadText)
  return `${input}.${base64urlEncode(await rawSignature(alg, key, utf8(input)))}`
}
