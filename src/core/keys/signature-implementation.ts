import type { JWK } from '../types'

/** What an imported key will be used for. */
export type KeyPurpose = 'sign' | 'verify'

/**
 * A key ready for one operation: a WebCrypto key, or, for an implementation WebCrypto lacks, the key
 * material it works from (kept in memory only, like a non-extractable CryptoKey).
 */
export type KeyHandle = CryptoKey | MaterialKey

/** The key handle of an implementation that does not use WebCrypto. */
export interface MaterialKey {
  readonly type: 'secret' | 'private' | 'public'
  /** The key members only (no `alg`, `use`, `key_ops`). */
  readonly jwk: JWK
  /** The secret bytes of an `oct` key. */
  readonly secret?: Uint8Array
}

/** The key material handed to {@link SignatureImplementation.importKey}, already judged fit. */
export interface KeyMaterial {
  /** Only the key members; for verifying, only the public ones. */
  readonly jwk: JWK
  /** The secret bytes of an `oct` key (never empty). */
  readonly secret?: Uint8Array
}

/** A freshly generated key pair, exportable. */
export interface GeneratedPair {
  readonly privateKey: KeyHandle
  readonly publicKey: KeyHandle
  /** The private JWK: key members only. */
  readonly privateJwk: JWK
  /** PKCS#8 DER of the private key. */
  readonly pkcs8: Uint8Array
  /** SubjectPublicKeyInfo DER of the public key. */
  readonly spki: Uint8Array
}

/**
 * How one algorithm imports keys, signs and verifies. WebCrypto algorithms share one implementation
 * (see `webCrypto`); an algorithm WebCrypto lacks brings its own module with these functions.
 * Every function may throw: callers turn exceptions into typed errors.
 */
export interface SignatureImplementation {
  readonly importKey: (material: KeyMaterial, usage: KeyPurpose) => Promise<KeyHandle>
  readonly sign: (key: KeyHandle, data: Uint8Array) => Promise<Uint8Array>
  readonly verify: (key: KeyHandle, signature: Uint8Array, data: Uint8Array) => Promise<boolean>
  /** Generates a key pair; absent for shared-secret algorithms (their secret is random bytes). */
  readonly generatePair?: (options: { readonly modulusLength: number }) => Promise<GeneratedPair>
}
