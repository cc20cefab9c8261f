/**
 * The shapes of the SD-JWT room (RFC 9901, Selective Disclosure for JWTs, and
 * draft-ietf-oauth-sd-jwt-vc): what a pasted SD-JWT splits into, what its disclosures are, the
 * payload a verifier ends up with, and the verdict rows of its checks.
 */
import type { JsonValue, KeyInput, ParsedKey, Verification } from '../types'

/** Which form an SD-JWT text has (RFC 9901 §4, §8). */
export type SdJwtForm =
  /** `<issuer-signed JWT>~<disclosure>~…~`: an issuance or a presentation without key binding. */
  | 'sd-jwt'
  /** `<issuer-signed JWT>~<disclosure>~…~<KB-JWT>`: a presentation with key binding. */
  | 'sd-jwt+kb'
  /** The flattened or general JWS JSON serialization with `disclosures` (and maybe `kb_jwt`) in the unprotected header (RFC 9901 §8). */
  | 'json'

/** Where one part of an SD-JWT text sits in the text, so views can highlight it. */
export interface SdJwtSpan {
  /** The part's characters exactly as in the text. */
  readonly text: string
  /**
   * Offset of the first character in the pasted text; for the JSON serialization, of the member's
   * string value (the issuer JWT: of `protected`), or -1 when the text writes it with escapes.
   */
  readonly start: number
}

/** A pasted SD-JWT cut into its parts, before any digest is computed. */
export interface SdJwtParts {
  readonly form: SdJwtForm
  /** The issuer-signed JWT in compact form (for `json`, rebuilt from the JSON's protected header, payload and signature). */
  readonly issuerJwt: SdJwtSpan
  /** The disclosures in the order they appear, each its base64url text. */
  readonly disclosures: readonly SdJwtSpan[]
  /** The Key Binding JWT, or null when the text carries none. */
  readonly kbJwt: SdJwtSpan | null
}

/** What one disclosure decodes to (RFC 9901 §4.2.1, §4.2.2). */
export type DisclosureContent =
  /** `[salt, claim name, claim value]`: an object property. */
  | { readonly kind: 'property'; readonly salt: string; readonly name: string; readonly value: JsonValue }
  /** `[salt, value]`: an array element. */
  | { readonly kind: 'element'; readonly salt: string; readonly value: JsonValue }

/** One disclosure with its digest and the place it plugs into. */
export interface Disclosure {
  /** Position among the text's disclosures (0-based). */
  readonly index: number
  /** The disclosure exactly as in the text (base64url). */
  readonly encoded: string
  /** Offset of `encoded` in the pasted text. */
  readonly start: number
  /** The decoded JSON text of the disclosure (shown as is, never re-serialized). */
  readonly json: string
  readonly content: DisclosureContent
  /** base64url digest of `encoded` under `_sd_alg` (RFC 9901 §4.2.3). */
  readonly digest: string
  /**
   * JSON pointer (RFC 6901) of the object whose `_sd` or the array whose `{"...": digest}` element
   * references this digest, e.g. `` (top level), `/address`, `/nationalities`; null when nothing does.
   */
  readonly referencedAt: string | null
  /** JSON pointer of the disclosed value in the processed payload, e.g. `/address/street_address`, `/nationalities/1`; null when not placed. */
  readonly placedAt: string | null
}

/** A digest in the issuer-signed payload (or in a disclosed value) that no presented disclosure matches. */
export interface UndisclosedDigest {
  readonly digest: string
  /** JSON pointer of the `_sd` array's object or of the array holding the `{"...": digest}` element. */
  readonly at: string
  readonly kind: 'property' | 'element'
}

/** How a claim of the processed payload came to be there. */
export type ClaimVisibility = 'always-visible' | 'disclosed'

/** One claim (at any depth) of the processed payload. */
export interface ProcessedClaim {
  /** JSON pointer in the processed payload. */
  readonly pointer: string
  readonly visibility: ClaimVisibility
  /** The disclosure that revealed it, when `disclosed`. */
  readonly disclosure: number | null
}

/** Ids of the SD-JWT checks, one verdict row each. */
export type SdJwtCheckId =
  | 'issuer-signature'
  | 'sd-alg'
  | 'disclosure-format'
  | 'digests-unique'
  | 'disclosures-referenced'
  | 'reserved-names'
  | 'no-overwrite'
  | 'kb-present'
  | 'kb-typ'
  | 'kb-signature'
  | 'kb-sd-hash'
  | 'kb-aud'
  | 'kb-nonce'
  | 'kb-iat'
  | 'vc-typ'
  | 'vc-vct'
  | 'vc-iss'
  | 'vc-cnf'
  | 'vc-status'
  | 'vc-never-disclosable'

/** One verdict row: what was checked, how it went, why, and the section that asks for it. */
export interface SdJwtCheck {
  readonly id: SdJwtCheckId
  /** `pass`, `fail`, `warn` (allowed but worth knowing), `skip` (could not run: say why in `detail`). */
  readonly verdict: 'pass' | 'fail' | 'warn' | 'skip'
  /** Short plain title, e.g. `Every disclosure is referenced exactly once`. */
  readonly title: string
  /** What was found and, on failure, what to do. */
  readonly detail: string
  /** e.g. `RFC 9901 §7.1 step 3` or `draft-ietf-oauth-sd-jwt-vc §3.2.2`. */
  readonly reference: string
}

/** An SD-JWT after its disclosures were matched to digests (RFC 9901 §7.1), before any key is used. */
export interface ProcessedSdJwt {
  readonly parts: SdJwtParts
  /** The issuer-signed JWT's header and payload as JSON. */
  readonly header: { readonly [name: string]: JsonValue }
  readonly issuerPayload: { readonly [name: string]: JsonValue }
  /** `_sd_alg` as named (default `sha-256`). */
  readonly sdAlg: string
  readonly disclosures: readonly Disclosure[]
  readonly undisclosed: readonly UndisclosedDigest[]
  /** The payload a verifier ends up with: disclosed claims placed, `_sd`, `_sd_alg` and `...` removed. */
  readonly processedPayload: { readonly [name: string]: JsonValue }
  readonly claims: readonly ProcessedClaim[]
  /** The checks that need no key (format, digests, reserved names, SD-JWT VC shape). */
  readonly checks: readonly SdJwtCheck[]
}

/** What the verifier expects of a presentation's key binding (RFC 9901 §7.3). */
export interface KeyBindingExpectation {
  /** Expected `aud`; undefined: not checked (a `warn` row says so). */
  readonly aud?: string
  /** Expected `nonce`; undefined: not checked (a `warn` row says so). */
  readonly nonce?: string
  /** The verifier's current time, seconds since the epoch. */
  readonly now: number
  /** Largest accepted age of `iat` in seconds (default 300) and allowed clock skew into the future (default 60). */
  readonly maxIatAge?: number
  readonly clockSkew?: number
}

/** Input of the full verification. */
export interface SdJwtVerifyInput {
  /** The issuer's key(s) from the verification key panel; null: the issuer signature row is `skip`. */
  readonly issuerKeys: KeyInput | null
  /** A key to resolve `cnf.kid` / `cnf.jkt` against when `cnf.jwk` is absent. */
  readonly holderKey?: ParsedKey | null
  readonly keyBinding: KeyBindingExpectation
}

/** The full verdict of an SD-JWT. */
export interface SdJwtVerification {
  readonly processed: ProcessedSdJwt
  /** The issuer JWT's own signature verdict, as the signature panel shows it; null without a key. */
  readonly issuerSignature: Verification | null
  /** Every row, in order: issuer signature, digests and disclosures, key binding, SD-JWT VC. */
  readonly checks: readonly SdJwtCheck[]
  /** True only when no row is `fail` and the issuer signature and (when present) key binding passed. */
  readonly accepted: boolean
}

/** A claim the issuer makes selectively disclosable: a JSON pointer into the payload (an object member or an array element). */
export type DisclosablePointer = string

/** Input of {@link issueSdJwt} (the issuer builder). */
export interface SdJwtIssueInput {
  /** The full payload as JSON text, every claim in plain view. */
  readonly payloadJson: string
  /** Pointers to make selectively disclosable, e.g. `/given_name`, `/address/street_address`, `/nationalities/0`; a parent and its child both listed gives a recursive disclosure. */
  readonly disclosable: readonly DisclosablePointer[]
  /** Decoy digests to add to each `_sd` array (RFC 9901 §4.2.5), default 0. */
  readonly decoys?: number
  /** `_sd_alg`, default `sha-256`. */
  readonly sdAlg?: 'sha-256' | 'sha-384' | 'sha-512'
  /** Salt length in bytes, at least 16 (128 bits); default 16. */
  readonly saltBytes?: number
  /** The holder's public JWK to put in `cnf.jwk`; omitted: no key binding possible. */
  readonly holderPublicJwk?: { readonly [name: string]: JsonValue }
  /** The issuer-signed JWT's header as JSON text (must name `alg`; `typ` e.g. `dc+sd-jwt` or `example+sd-jwt`). */
  readonly headerJson: string
  /** The issuer's signing key. */
  readonly issuerKey: ParsedKey
}

/** What the issuer builder made. */
export interface IssuedSdJwt {
  /** `<issuer-signed JWT>~<disclosure>~…~`, every disclosure included. */
  readonly sdJwt: string
  readonly disclosures: readonly Disclosure[]
}

/** Input of {@link presentSdJwt} (the holder builder). */
export interface SdJwtPresentInput {
  /** The SD-JWT as issued (or any presentation of it). */
  readonly sdJwt: string
  /** Indexes (into the text's disclosures) to present; a disclosure nested in another needs its parent too. */
  readonly include: readonly number[]
  /** Add a KB-JWT signed with this key (the private key matching `cnf`); omitted: no KB-JWT (text ends with `~`). */
  readonly holderKey?: ParsedKey
  readonly aud?: string
  readonly nonce?: string
  /** `iat` of the KB-JWT, seconds since the epoch. */
  readonly iat?: number
}

/**
 * Error codes of the SD-JWT room: the cases where a text cannot be taken apart, processed, built or
 * presented at all (a check that runs and fails is a `fail` row, not an error).
 */
export type SdJwtErrorCode =
  /** No `~` and not the JSON serialization with `disclosures`: not an SD-JWT. */
  | 'NOT_SD_JWT'
  /** The part before the first `~` is not a compact JWS (header.payload.signature). */
  | 'ISSUER_JWT_MALFORMED'
  /** Two `~` with nothing between them. */
  | 'EMPTY_DISCLOSURE'
  /** The text after the last `~` is neither empty nor a compact JWS. */
  | 'KB_JWT_MALFORMED'
  /** More disclosures than `MAX_DISCLOSURES`. */
  | 'TOO_MANY_DISCLOSURES'
  /** The JSON serialization's members are missing or of the wrong type. */
  | 'JSON_SERIALIZATION_INVALID'
  /** The issuer-signed JWT's header or payload is not a JSON object. */
  | 'ISSUER_JWT_UNREADABLE'
  /** Nesting deeper than `MAX_DEPTH`. */
  | 'TOO_DEEP'
  /** Builder input that cannot be used: payload, header, pointer, key or option. */
  | 'INVALID_INPUT'
  /** Signing (issuer JWT or KB-JWT) failed. */
  | 'SIGN_FAILED'
  /** A disclosure chosen for a presentation whose parent disclosure was left out. */
  | 'PARENT_NOT_INCLUDED'
  /** Anything unexpected, reported instead of thrown. */
  | 'INTERNAL_ERROR'

