import type { JsonValue, ParsedKey } from '../types'

/** The verifier mistakes the practice verifier can be told to make, one toggle each. */
export type MistakeId =
  /** Accepts `alg: none` in any casing. */
  | 'acceptNone'
  /** Decodes the token without checking its signature. */
  | 'skipSignature'
  /** Its HMAC secret is empty (an unset setting). */
  | 'emptyHmacSecret'
  /** Takes the algorithm from the header and feeds its RSA public key PEM to HMAC for HS*. */
  | 'algFromHeader'
  /** Verifies with the public key in the header's `jwk`. */
  | 'trustHeaderJwk'
  /** Trusts keys from the header's `jku` (JWKS) or `x5u` (certificate) URL, looked up in `env.hosted`. */
  | 'trustJku'
  /** Reads the HMAC secret from the file named by `kid` in the virtual file system. */
  | 'kidAsPath'
  /** Finds the HMAC secret with an SQL query built by pasting `kid` into it. */
  | 'kidAsSql'
  /** Reads the HMAC secret by running `cat /srv/keys/<kid>` in a shell. */
  | 'kidAsCommand'
  /** Its ECDSA check accepts r = s = 0 (CVE-2022-21449). */
  | 'psychicSignature'
  /** Its HMAC secret is a common word. */
  | 'weakHmacSecret'
  /** Does not check `exp`. */
  | 'ignoreExp'

/** Which mistakes the practice verifier makes; a missing toggle is off. All off: a correct verifier. */
export type PracticeConfig = { readonly [M in MistakeId]?: boolean }

/** One row of the server's virtual `keys` table (`SELECT key FROM keys WHERE kid = …`). */
export interface KeyRow {
  readonly kid: string
  readonly key: string
}

/**
 * The practice server: its keys, virtual file system and key table, documents "hosted" by the user
 * and the tokens it issued. Generated per session by `createPracticeEnv`; nothing here goes to the
 * network.
 */
export interface PracticeEnv {
  /** The server's RSA public key as an SPKI PEM file (with its final line break): public, show it. */
  readonly rsaPublicPem: string
  readonly rsaPublicKey: ParsedKey
  /** The server's EC P-256 public key (SPKI PEM): public, show it. */
  readonly ecPublicPem: string
  readonly ecPublicKey: ParsedKey
  /** The server's strong HMAC secret (32 random bytes). Keep it hidden. */
  readonly hmacKey: ParsedKey
  /** The weak secret used with `weakHmacSecret`, a common word. Keep it hidden: it is to be cracked. */
  readonly weakSecret: string
  /** The virtual file system: absolute path → content. */
  readonly files: Readonly<Record<string, string>>
  /** The virtual `keys` table. */
  readonly keyTable: readonly KeyRow[]
  /** Documents the user "hosts": URL → text (a JWKS for `jku`, a PEM certificate for `x5u`). */
  readonly hosted: Readonly<Record<string, string>>
  /** An RS256 token with `role: user` issued by the server. */
  readonly userToken: string
  /** An HS256 token with `role: user` signed with the weak secret (for `weakHmacSecret`). */
  readonly weakSecretUserToken: string
  /** An RS256 token with `role: admin` that has expired (for `ignoreExp`). */
  readonly expiredAdminToken: string
  /** Fixed current time in seconds since the epoch; undefined means the clock. */
  readonly now?: number
}

/** The verdict of the practice verifier. */
export interface PracticeResult {
  readonly accepted: boolean
  /** Why, in plain words. */
  readonly reason: string
  /** The payload, when the token was accepted. */
  readonly claims?: JsonValue
  /** The mistake that made the acceptance possible, if any. */
  readonly exploited?: MistakeId
}

/** One practice challenge: make the verifier with one mistake accept a token with `role: admin`. */
export interface Challenge {
  readonly id: string
  readonly title: string
  readonly mistake: MistakeId
  readonly goal: string
  /** Hints from gentle to explicit. */
  readonly hints: readonly string[]
  /** Which of the env's tokens to start from. */
  readonly start: 'userToken' | 'weakSecretUserToken' | 'expiredAdminToken'
  /** Whether a verdict solves the challenge. */
  readonly check: (result: PracticeResult, claims?: JsonValue) => boolean
}
