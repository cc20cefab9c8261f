import type { AlgorithmSpec, KeyHandle } from '../keys'
import type { ParsedKey } from '../types'
import { base64urlEncode } from './base64url-codec'

/**
 * Salt lengths other than the hash size that some libraries use for RSA-PSS: none at all, SHA-1's
 * 20 bytes, and the maximum the key allows (computed per key). Only tried after the standard one failed.
 */
const OTHER_PSS_SALTS = [0, 20] as const

/**
 * The salt length, other than RFC 7518 §3.5's (the hash size), under which a PS* signature verifies,
 * or undefined. The caller has already found the standard salt length failing; a match here is a
 * hint only, never a verified token. Never throws.
 */
export async function nonStandardPssSalt(spec: AlgorithmSpec, key: ParsedKey, handle: KeyHandle, sig: Uint8Array, data: Uint8Array): Promise<number | undefined> {
  if (spec.family !== 'PS' || !isCryptoKey(handle)) return undefined
  const hashBytes = spec.hashBytes ?? 0
  // RFC 8017 §9.1.1: emLen = ceil((modBits - 1) / 8), and the salt is at most emLen - hLen - 2 bytes.
  const maximum = Math.ceil((key.bits - 1) / 8) - hashBytes - 2
  const salts = [...OTHER_PSS_SALTS, maximum].filter((s, i, all) => s >= 0 && s <= maximum && s !== hashBytes && all.indexOf(s) === i)
  for (const saltLength of salts) {
    try {
      if (await crypto.subtle.verify({ name: 'RSA-PSS', saltLength }, handle, sig as BufferSource, data as BufferSource)) return saltLength
    } catch {
      // A salt length this engine refuses simply does not match.
    }
  }
  return undefined
}

/** The reason given when a PS* signature verifies only with a non-standard salt length. */
export function pssSaltReason(spec: AlgorithmSpec, saltLength: number): string {
  return `The signature verifies with salt length ${saltLength}, but RFC 7518 §3.5 requires the salt to be as long as the hash (${spec.hashBytes ?? 0} bytes for ${spec.alg}): strict JWS verifiers reject this token. Re-sign with the standard salt length (node:crypto: saltLength ${spec.hashBytes ?? 0}, or RSA_PSS_SALTLEN_DIGEST).`
}

function isCryptoKey(handle: KeyHandle): handle is CryptoKey {
  return typeof CryptoKey !== 'undefined' && handle instanceof CryptoKey
}

/** The audiences of Microsoft Graph access tokens: its URL and its application ID. */
const GRAPH_AUDIENCES = new Set(['https://graph.microsoft.com', 'https://graph.microsoft.com/', '00000003-0000-0000-c000-000000000000'])

/**
 * True when the token's audience is Microsoft Graph and its header carries a string `nonce`: Graph
 * signs over a header whose nonce is replaced by its SHA-256 hex digest, so no one else can validate it.
 */
export function isGraphAccessToken(header: unknown, payload: unknown): boolean {
  if (!isPlainObject(header) || typeof header['nonce'] !== 'string' || !isPlainObject(payload)) return false
  const aud = payload['aud']
  const auds = Array.isArray(aud) ? aud : [aud]
  return auds.some((a) => typeof a === 'string' && GRAPH_AUDIENCES.has(a))
}

/**
 * Whether the signature verifies over Graph's transformed signing input: the header JSON with its
 * `nonce` replaced by the lowercase hex SHA-256 of the nonce, re-serialized, then `.payload`. A hint
 * only: the token as written does not verify. Never throws.
 */
export async function verifiesAfterGraphNonce(
  header: Record<string, unknown>,
  payloadEncoded: string,
  verify: (data: Uint8Array) => Promise<boolean>,
): Promise<boolean> {
  const nonce = header['nonce']
  if (typeof nonce !== 'string') return false
  try {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', ASCII.encode(nonce)))
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
    const transformed = base64urlEncode(JSON.stringify({ ...header, nonce: hex }))
    return await verify(ASCII.encode(`${transformed}.${payloadEncoded}`))
  } catch {
    return false
  }
}

/** The reason given for a Microsoft Graph access token whose signature matches only after Graph's nonce transformation. */
export const GRAPH_NONCE_REASON =
  "The signature matches only after Microsoft Graph's private nonce transformation (the header's nonce replaced by its SHA-256 hex digest before signing), so the token as written does not verify and only Microsoft Graph can validate it. This is a Microsoft Graph access token: to verify a token yourself, request one for your own API (its own scope and audience)."

const ASCII = new TextEncoder()

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
