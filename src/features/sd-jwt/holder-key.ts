import { isJsonObject, type JsonValue } from '../../core'

/** What picking a holder key needs of a parsed key (the core's `ParsedKey` has these). */
export interface CandidateKey {
  readonly kid?: string
  readonly thumbprint: string
}

/**
 * The key of a pasted holder key set that the issuer JWT's `cnf` names (RFC 7800 §3: `kid`, or the
 * RFC 7638 thumbprint as `jkt`), else the first one, so a single pasted key is always tried and the
 * key binding check says whether it fits.
 */
export function pickHolderKey<K extends CandidateKey>(keys: readonly K[], issuerPayload: JsonValue | undefined): K | null {
  const cnf = isJsonObject(issuerPayload) ? issuerPayload['cnf'] : undefined
  if (isJsonObject(cnf)) {
    const { kid, jkt } = cnf
    // A thumbprint names exactly one key; a kid only what the key set says it is.
    const named = (typeof jkt === 'string' ? keys.find((k) => k.thumbprint === jkt) : undefined) ?? (typeof kid === 'string' ? keys.find((k) => k.kid === kid) : undefined)
    if (named !== undefined) return named
  }
  return keys[0] ?? null
}
