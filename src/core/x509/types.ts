/** Shapes of the certificate-chain checks, importable without loading the checker itself. */

/** Why a certificate chain could not be read. */
export type CertificateErrorCode =
  | 'X5C_NOT_ARRAY'
  | 'X5C_EMPTY'
  | 'X5C_TOO_LONG'
  | 'CERTIFICATE_NOT_STRING'
  | 'CERTIFICATE_TOO_LARGE'
  | 'CERTIFICATE_NOT_BASE64'
  | 'CERTIFICATE_MALFORMED'
  | 'ROOT_TOO_LARGE'
  | 'ROOT_NOT_PEM'

/** The basicConstraints extension (RFC 5280 §4.2.1.9). */
export interface BasicConstraints {
  readonly ca: boolean
  readonly pathLength?: number
}

/** One certificate of a chain, as shown to the user. */
export interface CertificateSummary {
  /** Position in the chain: 0 is the leaf (the signer), then each issuer in turn. */
  readonly index: number
  readonly subject: string
  readonly issuer: string
  /** Serial number, lower-case hex. */
  readonly serial: string
  /** ISO 8601 UTC instants. */
  readonly notBefore: string
  readonly notAfter: string
  /** Key usage bits set (absent: no keyUsage extension). */
  readonly keyUsage?: readonly string[]
  /** Extended key usages (absent: no extKeyUsage extension). */
  readonly extendedKeyUsage?: readonly string[]
  readonly basicConstraints?: BasicConstraints
  /** e.g. `EC P-256`, `RSA 2048 bits`, `Ed25519`. */
  readonly publicKey: string
  /** e.g. `ecdsa-with-SHA384`. */
  readonly signatureAlgorithm: string
  /** SHA-256 of the DER, upper-case hex bytes joined by colons (the form openssl and browsers show). */
  readonly sha256Fingerprint: string
  /** Subject equals issuer and the certificate's own key verifies its signature. */
  readonly selfSigned: boolean
}

/** What a chain check is about. */
export type ChainCheckId =
  | 'validity'
  | 'issuer-name'
  | 'signature'
  | 'issuer-is-ca'
  | 'critical-extensions'
  | 'trust'
  | 'leaf-usage'
  | 'leaf-key'
  | 'x5t'
  | 'x5t#S256'
  | 'host-name'
  | 'revocation'

/** One verdict row of the chain checks. */
export interface ChainCheck {
  readonly id: ChainCheckId
  /** The certificate the row is about (index in the chain), when it is about one. */
  readonly certificate?: number
  readonly verdict: 'pass' | 'fail' | 'skip'
  readonly message: string
}

/** Everything shown for an `x5c` chain. */
export interface ChainReport {
  readonly certificates: readonly CertificateSummary[]
  readonly checks: readonly ChainCheck[]
  /** Every check that was made passed, and the chain ends at a pasted trusted root. */
  readonly trusted: boolean
}

/** What {@link checkCertificateChain} is given. */
export interface ChainInput {
  /** The `x5c` value as found (untrusted): an array of base64 (not base64url) DER certificates, leaf first. */
  readonly x5c: unknown
  /** PEM text of one or more certificates the user trusts as roots; empty or absent: none. */
  readonly trustedRoots?: string
  /** The current time, seconds since the epoch (the policy's time override applies). */
  readonly now: number
  /** `x5t` (base64url SHA-1 of the leaf's DER) when the header or key has one. */
  readonly x5t?: unknown
  /** `x5t#S256` (base64url SHA-256 of the leaf's DER) when the header or key has one. */
  readonly x5tS256?: unknown
  /** RFC 7638 thumbprints of the verification key(s), compared with the leaf's public key. */
  readonly keyThumbprints?: readonly string[]
}

/** Largest chain read (certificates). */
export const MAX_CHAIN_LENGTH = 10
/** Largest certificate read, in base64 characters (about 24 KB of DER). */
export const MAX_CERTIFICATE_CHARS = 32_768
/** Largest pasted root text, in characters. */
export const MAX_ROOT_TEXT = 200_000
