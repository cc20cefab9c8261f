import { parseKey } from '../keys'
import { SECRET_ENCODINGS, type DecodedToken, type SecretEncoding } from '../types'
import { verifyToken } from './verify'

const HMAC_ALGORITHMS: readonly string[] = ['HS256', 'HS384', 'HS512']

/**
 * The secret encodings under which `keyText`, read as an HMAC secret, verifies `token`, in the
 * order of {@link SECRET_ENCODINGS}. Empty when the token is not HMAC-signed, the text is no secret
 * (a PEM or JWK is read the same way under every encoding) or no reading verifies. Lets the UI offer
 * the reading that works when the chosen one gives "Invalid signature".
 */
export async function verifyingEncodings(token: DecodedToken, keyText: string): Promise<readonly SecretEncoding[]> {
  if (keyText.trim() === '') return []
  if (token.alg === undefined || !HMAC_ALGORITHMS.includes(token.alg)) return []
  const found: SecretEncoding[] = []
  for (const encoding of SECRET_ENCODINGS) {
    const parsed = await parseKey(keyText, { encoding })
    if (!parsed.ok || parsed.value.format !== 'secret') continue
    const verified = await verifyToken(token, parsed.value)
    if (verified.ok && verified.value.valid) found.push(encoding)
  }
  return found
}
