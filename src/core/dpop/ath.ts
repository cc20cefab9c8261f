import { base64urlEncode } from '../token'

/**
 * The DPoP `ath` of an access token (RFC 9449 §4.2): base64url of the SHA-256 of the token's ASCII
 * bytes. It ties a proof to one access token, so a stolen proof is useless with another token.
 */
export async function accessTokenHash(accessToken: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken))
  return base64urlEncode(new Uint8Array(digest))
}
