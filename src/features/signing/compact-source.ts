import { decodeCached } from '../../session/use-decoded-token'
import type { SigningSource } from './json-source'

/** Header used when there is no token yet to sign. */
const DEFAULT_HEADER = '{"alg":"HS256","typ":"JWT"}'
const DEFAULT_PAYLOAD = '{}'

/**
 * What to sign when the token in the editor is not a JWS in JSON serialization: a compact token's
 * header and payload texts, the default header and an empty payload when the editor is empty, and
 * null when the token has neither.
 */
export function compactSigningSource(token: string): SigningSource | null {
  if (token.trim() === '') return { header: DEFAULT_HEADER, payload: DEFAULT_PAYLOAD }
  const decoded = decodeCached(token)
  const header = decoded.header?.text
  const payload = decoded.payload?.text
  return header === null || header === undefined || payload === null || payload === undefined ? null : { header, payload }
}
