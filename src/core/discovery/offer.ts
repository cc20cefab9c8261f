import { memberString } from '../json-object'
import type { DecodedToken } from '../types'

/** `http(s)://` then no whitespace: cheap enough for every keystroke, checked fully by the plan. */
const URL_LIKE = /^https?:\/\/\S+$/i

/**
 * The URL the key box holds, when its whole (trimmed) text is one `http:`/`https:` URL; otherwise
 * undefined. Such a text is a place to fetch keys from, never an HMAC secret.
 */
export function keyTextUrl(text: string): string | undefined {
  if (text.length > 2048) return undefined
  const trimmed = text.trim()
  return URL_LIKE.test(trimmed) ? trimmed : undefined
}

/**
 * Whether discovery has something to offer: the token's header has a `jku` or `x5u`, its payload
 * an `iss` that looks like a URL, or the key box holds a URL. Only a hint for showing the offer;
 * the plan decides what may really be requested.
 */
export function offersDiscovery(token: DecodedToken, keyText: string): boolean {
  if (keyTextUrl(keyText) !== undefined) return true
  const header = token.header?.value
  const payload = token.payload?.value
  return [memberString(header, 'jku'), memberString(header, 'x5u'), memberString(payload, 'iss')].some(
    (v) => v !== undefined && keyTextUrl(v) !== undefined,
  )
}
