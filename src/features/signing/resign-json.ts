import {
  compactJson,
  isJsonObject,
  parseJsonText,
  signJwsJson,
  type JsonObject,
  type JwsAlgorithm,
  type JwsJsonSigner,
  type ParsedKey,
} from '../../core'

export { jsonSigningSource } from './json-source'

/** One signature to make: its algorithm and its parsed key (null for `none`). */
export interface JsonSigner {
  readonly alg: JwsAlgorithm
  readonly key: ParsedKey | null
}

/** The signed JWS as the editor shows it, or why it was not signed. */
export type JsonSigned =
  | { readonly ok: true; readonly text: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly message: string }

/**
 * Signs `header` and `payload` into a JWS in JSON serialization (RFC 7515 §7.2): the first signer's
 * protected header is `header` with its `alg`, each further signer's is just its `alg` (and `kid`).
 * This module is loaded when the JSON serialization is first asked for, so a compact-only visit never
 * fetches it.
 */
export async function signJsonSerialization(
  header: string,
  payload: string,
  signers: readonly [JsonSigner, ...JsonSigner[]],
  syntax: 'flattened' | 'general',
): Promise<JsonSigned> {
  const parsedHeader = parseJsonText(header)
  if (parsedHeader.errors.length > 0 || !isJsonObject(parsedHeader.value)) {
    return { ok: false, message: 'The header is not a JSON object, so it cannot be the protected header. Fix the header before signing.' }
  }
  const first = parsedHeader.value
  const crit = first['crit']
  const unencoded = first['b64'] === false && Array.isArray(crit) && crit.includes('b64')
  const [lead, ...rest] = signers
  const jwsSigners: JwsJsonSigner[] = [
    { protectedHeader: withAlg(first, lead.alg, lead.key), key: lead.key },
    ...rest.map((signer) => ({ protectedHeader: withAlg({}, signer.alg, signer.key), key: signer.key })),
  ]
  // JSON is signed compacted, as the compact signer does: member order and number text are kept.
  const compacted = compactJson(payload)
  const signed = await signJwsJson({ payload: compacted.ok && !unencoded ? compacted.value : payload, signers: jwsSigners, syntax, unencodedPayload: unencoded })
  if (!signed.ok) return { ok: false, message: signed.error.message }
  // Pretty-printed, so each signature reads on its own lines in the editor.
  return { ok: true, text: JSON.stringify(JSON.parse(signed.value.text), null, 2), warnings: signed.value.warnings }
}

/** The header with `alg` set (first member when new) and `kid` taken from the key when it has one. */
function withAlg(header: JsonObject, alg: JwsAlgorithm, key: ParsedKey | null): JsonObject {
  const rest = Object.fromEntries(Object.entries(header).filter(([name]) => name !== 'alg'))
  const kid = alg !== 'none' ? key?.kid : undefined
  return { alg, ...rest, ...(kid === undefined ? {} : { kid }) }
}
