import { compactSigningSource } from './compact-source'
import { jsonSigningSource, type SigningSource } from './json-source'

export type { SigningSource } from './json-source'

/**
 * What to sign, taken from the token in the editor: a compact token's header and payload, or, for a
 * JWS in JSON serialization, its payload and the protected header of its first signature (so
 * switching between the serializations keeps the claims). Null when the token has neither.
 * The page signs through `resign`, which loads the JSON half only for a token in JSON serialization;
 * this is the whole rule in one call.
 */
export function signingSource(token: string): SigningSource | null {
  const json = jsonSigningSource(token)
  return json !== undefined ? json : compactSigningSource(token)
}
