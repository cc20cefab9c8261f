import { classifyKeyText } from '../../core'

/**
 * Share links keep the token in the URL fragment (`#token=…`): browsers never send the fragment to a
 * server, so a shared token stays between the two people who have the link.
 */

/** What a share link (or an OAuth/OIDC implicit-flow redirect) carries in its fragment. */
export interface SharedFragment {
  readonly token: string
  /** Public verification key text, when the link includes one that parses as public key material. */
  readonly key?: string
  /** Set instead of `key` when the link's key is not public: what was ignored and why. */
  readonly ignoredKey?: string
}

/** The start of the message shown when a link carries a key that is not public. */
export const IGNORED_KEY_MESSAGE =
  'The link carried a secret or private key; it was not used, because a link must never decide which key verifies a token: whoever made the link knows that secret and can sign any token with it. Links may carry public keys only.'

/** Fragment parameters that may carry a token, in order of preference. */
const tokenParams = ['token', 'id_token', 'access_token'] as const

/**
 * Builds a link to `pageUrl` (its own fragment dropped) that opens with `token` and, when given,
 * the public key. Values are percent-encoded so PEM `+`, `/`, `=` and line breaks survive.
 */
export function buildShareLink(pageUrl: string, token: string, publicKey?: string): string {
  const base = pageUrl.split('#')[0] ?? pageUrl
  let fragment = `token=${encodeURIComponent(token)}`
  if (publicKey !== undefined && publicKey.trim() !== '') fragment += `&key=${encodeURIComponent(publicKey)}`
  return `${base}#${fragment}`
}

/**
 * Reads a token (and key) from a location fragment such as `#token=…`, `#id_token=…&state=…` or
 * `#access_token=…&token_type=Bearer`. Returns null when the fragment carries no token. A `key=`
 * is returned only when {@link classifyKeyText} finds public key material; any other key (an HMAC
 * secret, a private key, unparsable text) is dropped and `ignoredKey` says why.
 */
export function parseShareFragment(hash: string): SharedFragment | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash
  if (text === '') return null
  const values = new Map<string, string>()
  for (const part of text.split('&')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const name = part.slice(0, eq)
    if (values.has(name)) continue
    values.set(name, safeDecode(part.slice(eq + 1)))
  }
  for (const name of tokenParams) {
    const token = values.get(name)?.trim()
    if (token) {
      const key = values.get('key')
      if (key === undefined || key.trim() === '') return { token }
      const privacy = classifyKeyText(key)
      return privacy.kind === 'public' ? { token, key } : { token, ignoredKey: `${IGNORED_KEY_MESSAGE} ${privacy.reason}` }
    }
  }
  return null
}

/** Percent-decoding that keeps malformed input as it is instead of throwing. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
