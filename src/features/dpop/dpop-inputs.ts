import { decodeToken } from '../../core'

/** The proof's `iat` when it is a finite number, for judging freshness "as of" the proof's creation. */
export function proofIat(proof: string): number | undefined {
  const decoded = decodeToken(proof.trim())
  const payload = decoded.kind === 'jws' && decoded.payload?.kind === 'json' ? decoded.payload.value : undefined
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined
  const iat = Object.prototype.hasOwnProperty.call(payload, 'iat') ? payload['iat'] : undefined
  return typeof iat === 'number' && Number.isFinite(iat) ? iat : undefined
}

/** A max-age text as whole seconds; empty or invalid text means the default (undefined). */
export function parseMaxAge(text: string): number | undefined {
  if (text.trim() === '') return undefined
  const n = Number(text)
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined
}

/** HTTP methods offered in the method list (RFC 9110 §9). */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const

/** Asymmetric algorithms offered for a generated proof key; ES256 is what most servers accept. */
export const PROOF_ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'PS256', 'EdDSA'] as const
export type ProofAlgorithm = (typeof PROOF_ALGORITHMS)[number]
