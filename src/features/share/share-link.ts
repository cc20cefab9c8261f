/**
 * Share links keep the token in the URL fragment (`#token=…`): browsers never send the fragment to a
 * server, so a shared token stays between the two people who have the link.
 */

/** What a share link (or an OAuth/OIDC implicit-flow redirect) carries in its fragment. */
export interface SharedFragment {
  readonly token: string
  /** Public verification key text, when the link includes one. */
  readonly key?: string
}

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
 * `#access_token=…&token_type=Bearer`. Returns null when the fragment carries no token.
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
      return key !== undefined && key.trim() !== '' ? { token, key } : { token }
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
