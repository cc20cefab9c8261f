import type { SecretEncoding } from '../types'

/** Where a stored key came from. */
export type KeyOrigin = 'pasted' | 'generated' | 'discovered' | 'file'

/** Every origin, for readers of stored entries. */
export const KEY_ORIGINS: readonly KeyOrigin[] = ['pasted', 'generated', 'discovered', 'file']

/**
 * One named key of the key store. `text` is the key as a JWK (JSON): the public JWK for public
 * keys, the private JWK (or the `oct` JWK of a secret) for private ones. Everything else describes
 * it for the list and is derived from the key when the entry is made.
 */
export interface KeyStoreEntry {
  /** Unique in a store: the thumbprint, with `private:` for the private half of a pair. */
  readonly id: string
  readonly name: string
  readonly kty: 'oct' | 'RSA' | 'EC' | 'OKP' | 'AKP'
  /** Plain words, e.g. "an EC P-256 private key". */
  readonly kind: string
  readonly alg?: string
  readonly kid?: string
  /** RFC 7638 SHA-256 thumbprint, base64url. */
  readonly thumbprint: string
  readonly origin: KeyOrigin
  /** `private` for private keys and secrets: stored only sealed, with the opt-in. */
  readonly visibility: 'public' | 'private'
  readonly text: string
}

/** Options of `keyStoreEntries`. */
export interface KeyEntryOptions {
  readonly origin: KeyOrigin
  /** The entry's name; a JWKS of several keys numbers them. Defaults to the kid or a description. */
  readonly name?: string
  /** How a text that is an HMAC secret reads. */
  readonly encoding: SecretEncoding
}

/** Error codes of `openKeyStore` and `sealKeyStore`. */
export type KeyStoreErrorCode =
  | 'STORE_WRONG_PASSPHRASE'
  | 'STORE_TAMPERED'
  | 'STORE_UNKNOWN_VERSION'
  | 'STORE_MALFORMED'
  | 'STORE_EMPTY_PASSPHRASE'
  | 'STORE_CRYPTO_FAILED'
