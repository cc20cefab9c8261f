import { err, ok, type Result } from '../result'
import { hasMember, isJsonObject, type JsonObject } from '../json-object'
import { parseJsonText, type ParsedJson } from './json'

/**
 * More signatures than this are refused: each costs a signature check, and no real document carries
 * anywhere near as many.
 */
export const MAX_JWS_SIGNATURES = 20

/** Members the JWS JSON serialization defines; an object with none of them is some other JSON. */
export const JWS_MEMBERS: readonly string[] = ['payload', 'signatures', 'signature', 'protected', 'header']

/** A text that is meant as a JWS in JSON serialization: one JSON object with a JWS member. */
export interface JwsJsonObject {
  readonly object: JsonObject
  /** Repeated member names at any depth, as {@link parseJsonText} found them. */
  readonly duplicates: ParsedJson['duplicates']
}

/**
 * Whether a text is meant as a JWS in JSON serialization (RFC 7515 §7.2): a JSON object with at least
 * one of its members. Says nothing about whether that JWS is well formed (`parseJwsJson` does); this
 * step alone is cheap enough to decide, at every edit, whether the JSON serialization views apply.
 * `NOT_JSON` and `NOT_JWS_JSON` say the text is some other text or some other JSON. Never throws;
 * linear in the text length.
 */
export function readJwsJsonObject(text: string): Result<JwsJsonObject, 'NOT_JSON' | 'NOT_JWS_JSON'> {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{')) return err('NOT_JSON', 'The text is not a JSON object, so it is not a JWS in JSON serialization.')
  const parsed = parseJsonText(trimmed)
  const syntaxError = parsed.errors[0]
  if (syntaxError !== undefined || !isJsonObject(parsed.value)) {
    return err('NOT_JSON', `The text is not valid JSON (${syntaxError?.message ?? 'not an object'}), so it is not a JWS in JSON serialization.`)
  }
  const object = parsed.value
  if (hasMember(object, 'ciphertext')) {
    return err('NOT_JWS_JSON', 'The JSON object has "ciphertext": it is an encrypted token (JWE) in JSON serialization, not a JWS. It is decrypted under Decryption.')
  }
  if (!JWS_MEMBERS.some((name) => hasMember(object, name))) {
    return err('NOT_JWS_JSON', 'The JSON object has none of the members of a JWS in JSON serialization ("payload", "signatures", "protected", "header", "signature").')
  }
  return ok({ object, duplicates: parsed.duplicates })
}
