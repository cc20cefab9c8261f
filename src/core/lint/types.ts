/**
 * Types of the security lint: what a rule reports and what it needs to know besides the token.
 */
import type { DecodedToken, JsonValue, KeyInput, SegmentName } from '../types'

/** How much a finding matters: `critical` means tokens can be forged or secrets read right now. */
export type FindingSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info'

/** One security finding about a token and the keys given with it. */
export interface Finding {
  /** Stable kebab-case rule id, e.g. `alg-none`. */
  readonly id: string
  readonly severity: FindingSeverity
  /** A short headline. */
  readonly title: string
  /** What is wrong with this token, with its real values, and why it matters. */
  readonly explanation: string
  /** What to change, in the verifier or the issuer. */
  readonly fix: string
  /** Where the rule comes from, e.g. `RFC 8725 §3.1`. */
  readonly reference: string
  /** The token part to highlight, when the finding is about one. */
  readonly segment?: SegmentName
  /** UTF-16 offset into the compact token of the characters to highlight. */
  readonly offset?: number
  readonly length?: number
}

/** What the lint knows besides the token. */
export interface LintContext {
  /** The verification key(s) the user gave, if any. */
  readonly keys?: KeyInput | null
  /** The HMAC secret exactly as typed, to compare with lists of common secrets. */
  readonly secretText?: string
  /**
   * Common secrets to flag (from `loadCommonSecrets()`, loaded on demand because the list is large).
   * Without it only the well-known default JWT secrets are recognised.
   */
  readonly commonSecrets?: ReadonlySet<string>
  /** Seconds since the epoch; defaults to the current time. */
  readonly now?: number
  /** Longest acceptable token lifetime in seconds (default 86400, one day). */
  readonly maxLifetimeSeconds?: number
  /**
   * The algorithms the user's verifier accepts (the policy's allowlist), when the user gave one.
   * A token whose alg is on it needs no warning that verifiers in general may lack that algorithm.
   */
  readonly allowedAlgorithms?: readonly string[]
  /**
   * Rules whose code loads on demand (`onDemandLintRules`), run after the built-in ones, so that
   * first-paint JavaScript does not carry them.
   */
  readonly extraRules?: readonly LintRule[]
  /**
   * The protected header of the encrypted token this one was opened from (a nested JWT), so that the
   * inner token is judged as one: it must be signed, and agree with claims the header replicates.
   */
  readonly envelopeHeader?: { readonly [name: string]: JsonValue }
}

/** A {@link LintContext} with its defaults filled in. */
export interface ResolvedLintContext {
  readonly keys: KeyInput | null
  readonly secretText: string | undefined
  readonly commonSecrets: ReadonlySet<string> | undefined
  readonly now: number
  readonly maxLifetimeSeconds: number
  /** Undefined when the user gave no allowlist (an empty list counts as none). */
  readonly allowedAlgorithms: readonly string[] | undefined
  readonly envelopeHeader: { readonly [name: string]: JsonValue } | undefined
}

/** One rule family: returns its findings (often none) and never throws. */
export type LintRule = (token: DecodedToken, context: ResolvedLintContext) => Finding[]
