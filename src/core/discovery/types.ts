/** Shapes of opt-in key discovery: what will be requested, and what came back. */

/** Why a discovery URL was refused or a fetch failed. Stable codes; messages are for people. */
export type DiscoveryErrorCode =
  | 'NOTHING_TO_FETCH'
  | 'URL_INVALID'
  | 'URL_REFUSED'
  | 'NETWORK'
  | 'REDIRECT'
  | 'HTTP_STATUS'
  | 'NOT_JSON'
  | 'NOT_METADATA'
  | 'NO_JWKS_URI'
  | 'ISSUER_MISMATCH'
  | 'NOT_JWKS'
  | 'NOT_CERTIFICATE'
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'CANCELLED'

/** Where the URLs of a plan come from. */
export type DiscoverySource = 'iss' | 'jku' | 'x5u' | 'key-url'

/**
 * One request of a plan. `metadata` steps are alternatives (the first that answers with metadata
 * wins); `jwks-from-metadata` stands for the `jwks_uri` the metadata names, unknown until then.
 */
export type DiscoveryStep =
  | { readonly kind: 'metadata'; readonly url: string; readonly why: string }
  | { readonly kind: 'jwks-from-metadata'; readonly why: string }
  | { readonly kind: 'jwks'; readonly url: string; readonly why: string }
  | { readonly kind: 'certificate'; readonly url: string; readonly why: string }

/** The exact requests a discovery would make, in order, and what they are for. */
export interface DiscoveryPlan {
  readonly source: DiscoverySource
  /** The URL the source names (the issuer, the `jku`/`x5u`, or the URL pasted as a key). */
  readonly subject: string
  /** The issuer the metadata must name exactly (RFC 8414 §3.3, OpenID Connect Discovery §4.3). */
  readonly issuer?: string
  /**
   * True when the metadata's `issuer` must equal {@link issuer} character for character (a token's
   * `iss`). False for an address the user pasted, which cannot say whether the issuer ends in `/`.
   */
  readonly issuerExact: boolean
  readonly steps: readonly DiscoveryStep[]
  /** A key named by the token itself (`jku`, `x5u`) proves nothing unless the user trusts that URL. */
  readonly namedByToken: boolean
}

/** What a successful discovery hands to the key box. */
export interface FetchedKeys {
  /** The response body: a JWKS (JSON) or a PEM certificate chain (for `x5u`). */
  readonly keyText: string
  readonly format: 'jwks' | 'pem-certificate'
  /** The URL the keys were read from. */
  readonly keyUrl: string
  /** Every URL actually requested, in order. */
  readonly requested: readonly string[]
  readonly plan: DiscoveryPlan
}

/** The subset of the Fetch API that discovery uses; browsers and Node 20 both provide it. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

/** How {@link fetchKeys} talks to the network. */
export interface FetchKeysOptions {
  /** The fetch to use (tests pass a fake). */
  readonly fetch: FetchLike
  /** Per request; default 10 000 ms. */
  readonly timeoutMs?: number
  /** Aborts the whole discovery (a Cancel button). */
  readonly signal?: AbortSignal
  /** Largest body read, in bytes; default 1 MiB. */
  readonly maxBytes?: number
}
