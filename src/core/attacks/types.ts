
/** The attacks the lab can craft. */
export type AttackId =
  | 'alg-none'
  | 'empty-hmac-secret'
  | 'key-confusion'
  | 'embedded-jwk'
  | 'jku-injection'
  | 'x5u-injection'
  | 'kid-path-traversal'
  | 'kid-sql-injection'
  | 'kid-command-injection'
  | 'psychic-signature'
  | 'claim-tampering'

/** What an attack needs from the user besides the current header and payload. */
export type AttackInputName =
  /** The verifier's public key (PEM or JWK text), as the verifier holds it. */
  | 'publicKey'
  /** A URL the attacker controls, to put in `jku` or `x5u`. */
  | 'url'
  /** RSA or EC for the attacker's generated key. */
  | 'keyType'
  /** The original signed token, whose signature is kept. */
  | 'originalToken'

/** One entry of the attack catalogue, for listing attacks and asking for their inputs. */
export interface AttackInfo {
  readonly id: AttackId
  readonly title: string
  /** The verifier bug the attack exploits, in plain words. */
  readonly exploits: string
  /** How a verifier avoids the bug. */
  readonly fix: string
  /** Specifications and advisories, e.g. `RFC 8725 §3.1`, `CVE-2022-21449`. */
  readonly references: readonly string[]
  /** Inputs needed besides the header and payload. */
  readonly inputs: readonly AttackInputName[]
}

/** A label and a value shown next to a crafted token, e.g. the JWKS the attacker must host. */
export interface AttackExtra {
  readonly label: string
  readonly value: string
}

/** One crafted token and what it does. */
export interface CraftedToken {
  readonly attack: AttackId
  /** The compact token. */
  readonly token: string
  readonly title: string
  /** The verifier bug this token exploits, in plain words. */
  readonly explanation: string
  readonly fix: string
  /** References joined by `; `. */
  readonly reference: string
  readonly extra?: readonly AttackExtra[]
}

/** The attacker's generated key type for `embedded-jwk`, `jku-injection` and `x5u-injection`. */
export type AttackerKeyType = 'RSA' | 'EC'

/** Everything an attack may use. Header and payload are JSON texts in any formatting. */
export interface AttackInput {
  readonly headerText: string
  /** The payload to put in the token (for `claim-tampering`: the modified payload). */
  readonly payloadText: string
  /** The verifier's public key as PEM or JWK text (`key-confusion`). */
  readonly publicKeyText?: string
  /** The attacker's URL (`jku-injection`, `x5u-injection`). */
  readonly url?: string
  /** Default `EC` (P-256): RSA 2048 generation takes noticeably longer. */
  readonly keyType?: AttackerKeyType
  /** The original signed token (`claim-tampering`). */
  readonly originalToken?: string
}

/** Error codes of the attack crafters. */
export type AttackErrorCode =
  | 'JSON_INVALID'
  | 'JSON_NOT_OBJECT'
  | 'ATTACK_UNKNOWN'
  | 'KEY_REQUIRED'
  | 'KEY_INVALID'
  | 'KEY_NOT_ASYMMETRIC'
  | 'URL_REQUIRED'
  | 'URL_INVALID'
  | 'TOKEN_REQUIRED'
  | 'TOKEN_INVALID'
  | 'CRYPTO_FAILED'
