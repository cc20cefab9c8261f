/**
 * Shared types of the JOSE engine. Each module implements the functions documented next to its
 * types; the UI and workers program against these shapes only.
 */
import type { JWK } from 'jose'
import type { SdJwtParts } from './sd-jwt/types'

export type { JWK }

/** Which part of a compact token a diagnostic or a byte range belongs to. */
export type SegmentName =
  | 'token'
  | 'header'
  | 'payload'
  | 'signature'
  | 'encrypted_key'
  | 'iv'
  | 'ciphertext'
  | 'tag'

/** How serious a diagnostic is: errors stop verification, warnings and info only inform. */
export type Severity = 'error' | 'warning' | 'info'

/**
 * One problem found while decoding or linting a token.
 * `offset`/`length` are UTF-16 offsets into the decoded token string (the compact form), so the UI
 * can underline exactly the offending characters. For JSON problems the offset points at the first
 * base64url character that encodes the offending byte.
 */
export interface Diagnostic {
  readonly severity: Severity
  readonly segment: SegmentName
  readonly offset: number
  readonly length: number
  readonly code: string
  readonly message: string
}

/** A top-level JSON member with its position in the decoded JSON text (UTF-16 offsets). */
export interface JsonMember {
  readonly name: string
  /** Offset of the opening quote of the member name. */
  readonly start: number
  /** Offset just past the end of the member's value. */
  readonly end: number
  readonly valueStart: number
  readonly valueEnd: number
  /** The value exactly as written in the JSON text (keeps big-integer digits). */
  readonly valueText: string
}

/**
 * A JSON value as decoded by the core. Integers outside ±2^53 are kept as `bigint` so their exact
 * digits survive display and re-encoding; every other value is what `JSON.parse` would give.
 */
export type JsonValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | JsonValue[]
  | { [name: string]: JsonValue }

/** A decoded base64url segment. */
export interface DecodedSegment {
  /** The base64url text as it appears in the token. */
  readonly encoded: string
  /** UTF-16 offset of the segment's first character in the token string. */
  readonly start: number
  /** Decoded bytes, or null when the text is not base64url at all. */
  readonly bytes: Uint8Array | null
}

/** A decoded header or payload: bytes → text → JSON, each step as far as it goes. */
export interface DecodedPart extends DecodedSegment {
  /** UTF-8 text, or null when the bytes are not valid UTF-8. */
  readonly text: string | null
  /** `json` when the text parsed as JSON, `text` when it is text but not JSON, `binary` otherwise. */
  readonly kind: 'json' | 'text' | 'binary'
  /** The parsed value (only when kind is `json`). */
  readonly value: JsonValue | undefined
  /** Top-level members in source order (empty unless the value is an object). */
  readonly members: readonly JsonMember[]
}

/** The result of decoding whatever the user pasted. Decoding never throws and never fails. */
export interface DecodedToken {
  /** `jws` for 3 segments, `jwe` for 5, `unknown` otherwise. */
  readonly kind: 'jws' | 'jwe' | 'unknown'
  /** The compact token string the offsets refer to (after extraction). */
  readonly token: string
  readonly header: DecodedPart | null
  /** Null for JWE (the payload is encrypted). */
  readonly payload: DecodedPart | null
  readonly signature: DecodedSegment | null
  /** The header's `alg` when it is a string. */
  readonly alg: string | undefined
  readonly diagnostics: readonly Diagnostic[]
  /**
   * Set when the text is an SD-JWT (RFC 9901): its parts. The header, payload and signature are then
   * those of the issuer-signed JWT (compact form: the text up to the first `~`, offsets unchanged).
   */
  readonly sdJwt?: SdJwtParts
}

/** What the extractor removed around a token, in order, e.g. `Authorization: Bearer prefix`. */
export interface Extraction {
  readonly token: string
  /** Plain-language notes of what was stripped; empty when the text already was a bare token. */
  readonly stripped: readonly string[]
}

/** Every way an HMAC secret typed as text can turn into bytes, in the order the UI offers them. */
export const SECRET_ENCODINGS = ['utf8', 'base64url', 'base64', 'hex'] as const

/** How an HMAC secret typed as text turns into bytes. */
export type SecretEncoding = (typeof SECRET_ENCODINGS)[number]

/** The format a pasted key was recognised as. */
export type KeyFormat =
  | 'secret'
  | 'pem-spki'
  | 'pem-pkcs8'
  | 'pem-pkcs1-public'
  | 'pem-pkcs1-private'
  | 'pem-sec1'
  | 'pem-certificate'
  | 'jwk'
  | 'jwks'
  | 'openssh-public'

/** One usable key. Private keys always carry their derived public JWK too. */
export interface ParsedKey {
  readonly kind: 'secret' | 'public' | 'private'
  /** `AKP` is the algorithm key pair of RFC 9964 (ML-DSA), bound to one algorithm by its `alg`. */
  readonly kty: 'oct' | 'RSA' | 'EC' | 'OKP' | 'AKP'
  /** Curve for EC/OKP keys (`P-256`, `P-384`, `P-521`, `secp256k1`, `Ed25519`, `Ed448`). */
  readonly crv?: string
  /** Key size in bits (RSA modulus, EC field, secret length; an ML-DSA public key's size). */
  readonly bits: number
  /** The full key as a JWK (with private members for private keys; `k` for secrets). */
  readonly jwk: JWK
  /** The public JWK (absent for secrets). */
  readonly publicJwk?: JWK
  /** Raw secret bytes (secrets only). */
  readonly secret?: Uint8Array
  readonly kid?: string
  readonly alg?: string
  readonly use?: string
  /** The JWK's `key_ops` (RFC 7517 §4.3) when it has them: the operations the key may be used for. */
  readonly keyOps?: readonly string[]
  /** RFC 7638 SHA-256 thumbprint of the public key (or of the oct JWK), base64url. */
  readonly thumbprint: string
}

/** Everything recognised in one pasted key text. */
export interface KeyInput {
  readonly format: KeyFormat
  /** One key, or every usable key of a JWKS in order. */
  readonly keys: readonly ParsedKey[]
  /** Plain-language notes, e.g. "Private key given: its public key was derived for verification." */
  readonly notes: readonly string[]
}

/**
 * Algorithms the engine signs and verifies. `ES256K` is ECDSA on secp256k1 (RFC 8812); `Ed25519` and
 * `Ed448` are the RFC 9864 names for EdDSA on one curve, where `EdDSA` (RFC 8037) takes either;
 * `ML-DSA-44/65/87` are the post-quantum signatures of RFC 9964.
 */
export type JwsAlgorithm =
  | 'HS256' | 'HS384' | 'HS512'
  | 'RS256' | 'RS384' | 'RS512'
  | 'PS256' | 'PS384' | 'PS512'
  | 'ES256' | 'ES384' | 'ES512' | 'ES256K'
  | 'EdDSA' | 'Ed25519' | 'Ed448'
  | 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87'
  | 'none'

/** Which key verified (or was tried). */
export interface KeyRef {
  readonly index: number
  readonly kid?: string
  readonly thumbprint: string
}

/**
 * Verification outcome when a check could be made. `valid: false` carries a plain reason (e.g. the
 * ECDSA signature is DER-encoded). "Could not check" cases (no key, `none`, key/alg mismatch) are
 * returned as errors instead.
 */
export interface Verification {
  readonly valid: boolean
  readonly alg: string
  /** The key that verified, or the one tried when a single key was tried. */
  readonly key: KeyRef | null
  readonly reason?: string
  /**
   * True when the signature bytes match over the token text as written, yet the token is refused
   * because a strict verifier would reject it (non-base64url segments, unmet `crit`).
   */
  readonly matchesAsWritten?: boolean
  /** How many keys of a set were tried. */
  readonly tried: number
}

/** A freshly generated key pair or secret, with every export a user may want. */
export interface GeneratedKey {
  readonly alg: JwsAlgorithm
  /** PEM PKCS#8 private key, or the secret text for HMAC. */
  readonly privateText: string
  /** PEM SPKI public key, or the secret text for HMAC. */
  readonly publicText: string
  readonly privateJwk: JWK
  readonly publicJwk: JWK
  readonly thumbprint: string
}

/**
 * The verdict of one check, the same everywhere a list of checks is shown (claims policy, DPoP proof,
 * delegation chains and hops, the walkthrough's recompute step): `skip` when it could not be made.
 */
export type CheckVerdict = 'pass' | 'fail' | 'skip'

/** Per-check verdict of the claims policy. */
export interface PolicyCheck {
  readonly id: 'exp' | 'nbf' | 'iat' | 'iss' | 'aud' | 'sub' | 'typ' | 'alg' | 'required'
  readonly verdict: CheckVerdict
  readonly message: string
}

/** What a verifier expects of a token. Times are seconds since the epoch. */
export interface PolicyOptions {
  /** Defaults to the current time. */
  readonly now?: number
  /** Tolerance in seconds for exp/nbf/iat (default 0). */
  readonly clockSkew?: number
  readonly issuer?: string
  readonly audience?: string | readonly string[]
  readonly subject?: string
  readonly typ?: string
  readonly algorithms?: readonly string[]
  readonly requiredClaims?: readonly string[]
}

/** One entry of the claim and header-parameter catalogue. */
export interface CatalogueEntry {
  readonly name: string
  readonly where: 'header' | 'payload'
  readonly title: string
  readonly description: string
  /** Defining specification and section, e.g. `RFC 7519 §4.1.4`. */
  readonly spec: string
  readonly type: 'string' | 'number' | 'time' | 'boolean' | 'string-or-array' | 'object' | 'array' | 'any'
}

/** A freshly signed compact JWS and the exact texts that were encoded. */
export interface SignedToken {
  /** `base64url(header).base64url(payload).base64url(signature)`. */
  readonly token: string
  /** The header text exactly as encoded (compacted unless asked to keep it, `alg`/`kid` synced when asked). */
  readonly header: string
  /** The payload text exactly as encoded. */
  readonly payload: string
  /** Plain-language notes that did not stop signing, e.g. a short HMAC secret. */
  readonly warnings: readonly string[]
}
