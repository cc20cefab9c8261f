import { calculateJwkThumbprint } from 'jose'
import { err, ok, type Result } from '../result'
import type { JWK } from '../types'

/** Error codes of {@link jwkThumbprint}. */
export type ThumbprintErrorCode = 'JWK_MISSING_MEMBER' | 'JWK_UNSUPPORTED_KTY'

/** Members that define each key type's RFC 7638 thumbprint. */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  RSA: ['e', 'n'],
  EC: ['crv', 'x', 'y'],
  OKP: ['crv', 'x'],
  // RFC 9964: an AKP key's thumbprint covers its algorithm too.
  AKP: ['alg', 'pub'],
  oct: ['k'],
}

/**
 * The RFC 7638 JWK thumbprint: SHA-256 of the canonical JSON of the required public members, in
 * base64url. For private JWKs only the public members count, so a key pair shares one thumbprint.
 */
export async function jwkThumbprint(jwk: JWK): Promise<Result<string, ThumbprintErrorCode>> {
  const kty = jwk.kty
  const required = typeof kty === 'string' ? REQUIRED[kty] : undefined
  if (required === undefined) {
    return err('JWK_UNSUPPORTED_KTY', `The JWK's "kty" is ${JSON.stringify(kty ?? null)}; a thumbprint needs "RSA", "EC", "OKP", "AKP" or "oct".`)
  }
  for (const name of required) {
    if (typeof (jwk as Record<string, unknown>)[name] !== 'string') {
      return err('JWK_MISSING_MEMBER', `The ${kty} JWK has no "${name}" member, which its thumbprint needs. Add "${name}".`)
    }
  }
  try {
    return ok(await calculateJwkThumbprint(jwk, 'sha256'))
  } catch (cause) {
    // calculateJwkThumbprint only rejects members it considers invalid, which the checks above rule out.
    return err('JWK_MISSING_MEMBER', `The JWK's thumbprint could not be computed: ${cause instanceof Error ? cause.message : String(cause)}.`)
  }
}
