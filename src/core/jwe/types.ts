/**
 * The shapes of JWE decryption and encryption (RFC 7516, RFC 7518 §4–5): what the UI shows for each
 * step and what it hands to the rest of the page (the plaintext, or the inner token of a nested JWT).
 */
import type { JsonObject } from '../json-object'
import type { Finding } from '../lint/types'
import type { SecretEncoding } from '../types'

/** The serialization the JWE was pasted in. */
export type JweSerialization = 'compact' | 'flattened' | 'general'

/** One value shown in a step: a label and its text (hex, base64url and JSON in a monospace font). */
export interface JweStepValue {
  readonly label: string
  readonly value: string
  readonly mono?: boolean
}

/** The steps of a decryption, in the order they happen. */
export type JweStepId = 'parse' | 'key' | 'cek' | 'iv' | 'aad' | 'tag' | 'decrypt' | 'inflate'

/** One step of a decryption, with its verdict: `fail` names the step that stopped it. */
export interface JweStep {
  readonly id: JweStepId
  readonly title: string
  readonly verdict: 'pass' | 'fail' | 'skip'
  /** What the step does and, when it failed, the likely reason and what to do. */
  readonly explanation: string
  readonly values: readonly JweStepValue[]
}

/** What {@link JweDecryptInput} decrypts with, as the user typed it in `Decryption key`. */
export interface JweDecryptInput {
  /** The JWE: compact (five parts) or JSON serialization (flattened or general). */
  readonly text: string
  /** A private PEM/JWK/JWKS, a shared secret, or a PBES2 password. */
  readonly keyText: string
  /** How a shared secret typed as text turns into bytes (a PBES2 password is always UTF-8). */
  readonly encoding: SecretEncoding
  /** Highest PBES2 `p2c` accepted before spending CPU (default {@link DEFAULT_MAX_PBES2_COUNT}). */
  readonly maxPbes2Count?: number
  /** Largest plaintext after `zip: "DEF"` inflation, in bytes (default {@link DEFAULT_MAX_PLAINTEXT_BYTES}). */
  readonly maxPlaintextBytes?: number
}

/** The PBES2 iteration count accepted without the user raising the bound (a known DoS: RFC 8725 §3.4 spirit). */
export const DEFAULT_MAX_PBES2_COUNT = 1_000_000

/** The plaintext size a `zip: "DEF"` JWE may inflate to without the user raising the bound. */
export const DEFAULT_MAX_PLAINTEXT_BYTES = 1_048_576

/** The outcome of a decryption attempt whose input could be read (errors are for input that cannot). */
export interface JweDecryption {
  readonly serialization: JweSerialization
  /** The JOSE header the recipient sees: protected ∪ shared unprotected ∪ per-recipient header. */
  readonly header: JsonObject
  readonly protectedHeader: JsonObject
  readonly alg: string
  readonly enc: string
  /** For the general syntax: which recipient (0-based) was decrypted, of how many. */
  readonly recipient: { readonly index: number; readonly count: number }
  readonly steps: readonly JweStep[]
  /** Present when every step passed. */
  readonly plaintext?: Uint8Array
  /** The plaintext as UTF-8 text, when it is valid UTF-8. */
  readonly plaintextText?: string
  /** The inner compact JWS (or JWE) of a nested JWT (`cty: "JWT"`, or a plaintext that is one). */
  readonly innerToken?: string
  /**
   * Security findings about the key given, in the lint's shape: a shared key for `dir` or AES key
   * wrap that is shorter than the algorithm needs (`jwe-key-short`) or typed text (`jwe-key-text`).
   */
  readonly findings?: readonly Finding[]
  /** The key that decrypted (or was tried last), for the verdict. */
  readonly key?: { readonly kid?: string; readonly thumbprint?: string; readonly description: string }
}
