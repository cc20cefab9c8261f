import type { AlgorithmSpec, KeyHandle } from '../keys'
import type { ParsedKey } from '../types'

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
