/**
 * Signature rules: ECDSA signatures with r or s equal to zero, which vulnerable verifiers accept
 * for any message and key (CVE-2022-21449, "psychic signatures").
 */
import type { LintRule } from './types'
import { byteRangeLocation } from './token-parts'

/** Bytes of each of R and S in a JOSE ECDSA signature (RFC 7518 §3.4). */
const halfLength: Readonly<Record<string, number>> = { ES256: 32, ES384: 48, ES512: 66, ES256K: 32 }

const isZero = (bytes: Uint8Array): boolean => bytes.every((b) => b === 0)

/** An ES256/ES384/ES512/ES256K signature whose R or S half is all zeros. */
export const ecdsaZeroRule: LintRule = (token) => {
  const half = token.alg === undefined ? undefined : halfLength[token.alg]
  const signature = token.signature
  const bytes = signature?.bytes
  if (half === undefined || signature == null || bytes == null || bytes.length !== 2 * half) return []
  const rZero = isZero(bytes.subarray(0, half))
  const sZero = isZero(bytes.subarray(half))
  if (!rZero && !sZero) return []
  const which = rZero && sZero ? 'r and s are' : rZero ? 'r is' : 's is'
  return [{
    id: 'ecdsa-zero-signature',
    severity: 'critical',
    title: 'ECDSA signature with zero r or s (psychic signature)',
    explanation:
      `In this ${token.alg} signature ${which} zero. ECDSA requires 1 ≤ r, s < n, and a verifier that skips that check ` +
      '(Java 15 to 18 before the April 2022 updates) accepts such a signature for any payload and any key.',
    fix: 'Reject ECDSA signatures whose r or s is 0 or not below the curve order, and update Java to 17.0.3, 18.0.1 or later.',
    reference: 'CVE-2022-21449; SEC 1 v2 §4.1.4; RFC 7518 §3.4',
    ...byteRangeLocation('signature', signature.start, signature.encoded.length, rZero ? 0 : half, sZero ? 2 * half : half),
  }]
}
