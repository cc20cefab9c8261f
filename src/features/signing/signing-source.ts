import { base64urlDecode, parseJwsJson } from '../../core'
import { decodeCached } from '../../session/use-decoded-token'

/** The header and payload texts a new signature is made over. */
export interface SigningSource {
  /** Header JSON text: the compact header, or the protected header of the first JSON signature. */
  readonly header: string
  /** Payload text as the token carries it (decoded from base64url unless unencoded). */
  readonly payload: string
}

/** Header used when there is no token yet to sign. */
const DEFAULT_HEADER = '{"alg":"HS256","typ":"JWT"}'
const DEFAULT_PAYLOAD = '{}'

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
 * What to sign, taken from the token in the editor: a compact token's header and payload, or, for a
 * JWS in JSON serialization, its payload and the protected header of its first signature (so
 * switching between the serializations keeps the claims). Null when the token has neither.
 */
export function signingSource(token: string): SigningSource | null {
  if (token.trim() === '') return { header: DEFAULT_HEADER, payload: DEFAULT_PAYLOAD }
  const jws = parseJwsJson(token)
  if (jws.ok) {
    const first = jws.value.signatures[0]
    const header = first?.protectedText === undefined ? '{}' : utf8(base64urlDecode(first.protectedText))
    const crit = first?.header['crit']
    const unencoded = first?.header['b64'] === false && Array.isArray(crit) && crit.includes('b64')
    const payload = unencoded ? jws.value.payload : utf8(base64urlDecode(jws.value.payload))
    return header === null || payload === null ? null : { header, payload }
  }
  const decoded = decodeCached(token)
  const header = decoded.header?.text
  const payload = decoded.payload?.text
  return header === null || header === undefined || payload === null || payload === undefined ? null : { header, payload }
}
