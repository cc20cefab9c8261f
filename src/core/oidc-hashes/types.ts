/** Shapes of the OpenID Connect hash checks, importable without loading the checker. */

/** The hash claims of an ID token: OIDC Core §3.1.3.6 / §3.3.2.11, and FAPI 1.0 Advanced §5.1.1. */
export type OidcHashClaim = 'at_hash' | 'c_hash' | 's_hash'

/** Why a hash could not be computed. */
export type OidcHashErrorCode = 'ALG_MISSING' | 'ALG_NO_HASH'

/** The hash an ID token's `alg` implies for its hash claims. */
export interface OidcHashFunction {
  readonly name: 'SHA-256' | 'SHA-384' | 'SHA-512' | 'SHAKE256'
  /** Why this hash, when the rule is not the algorithm's own hash (EdDSA: the OIDC Core errata). */
  readonly note?: string
}

/** One verdict row: a hash claim recomputed from the value the user pasted. */
export interface OidcHashCheck {
  readonly claim: OidcHashClaim
  readonly verdict: 'pass' | 'fail' | 'skip'
  readonly message: string
  /** The recomputed hash, when a value was given and the hash is known. */
  readonly computed?: string
}

/** What {@link checkOidcHashes} is given. */
export interface OidcHashInput {
  /** The ID token's payload (untrusted JSON). */
  readonly payload: unknown
  /** The ID token's header `alg`. */
  readonly alg: string | undefined
  /** The values the user pasted: access token, authorization code, state. Empty or absent: not given. */
  readonly values: Partial<Record<OidcHashClaim, string>>
}

/** Longest pasted value hashed, in characters. */
export const MAX_HASHED_VALUE = 1_000_000
