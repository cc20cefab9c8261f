import { base64urlDecode, parseJwsJson } from '../../core'

/** The header and payload texts a new signature is made over. */
export interface SigningSource {
  /** Header JSON text: the compact header, or the protected header of the first JSON signature. */
  readonly header: string
  /** Payload text as the token carries it (decoded from base64url unless unencoded). */
  readonly payload: string
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function utf8(bytes: Uint8Array | undefined): string | null {
  if (bytes === undefined) return null
  try {
    return UTF8.decode(bytes)
  } catch {
    return null
  }
}

/**
 * What to sign from a JWS in JSON serialization: its payload and the protected header of its first
 * signature (so switching between the serializations keeps the claims). Null when either is not
 * UTF-8 text; undefined when the token is not a well-formed JWS in JSON serialization at all.
 */
export function jsonSigningSource(token: string): SigningSource | null | undefined {
  const jws = parseJwsJson(token)
  if (!jws.ok) return undefined
  const first = jws.value.signatures[0]
  const header = first?.protectedText === undefined ? '{}' : utf8(base64urlDecode(first.protectedText))
  const crit = first?.header['crit']
  const unencoded = first?.header['b64'] === false && Array.isArray(crit) && crit.includes('b64')
  const payload = unencoded ? jws.value.payload : utf8(base64urlDecode(jws.value.payload))
  return header === null || payload === null ? null : { header, payload }
}
