import { err, ok, type Result } from '../result'

/** Hosts that may be reached over plain `http:`: a developer's own machine. */
const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1']

/** Longer texts are not taken for URLs at all. */
const MAX_URL_LENGTH = 2048

/**
 * Checks that `text` is a URL discovery may request: `https:`, or `http:` to `localhost` /
 * `127.0.0.1` on any port. No user name or password in it (they would be sent), no fragment kept.
 * Returns the normalised URL text.
 */
export function checkDiscoveryUrl(text: string, what: string): Result<string, 'URL_INVALID' | 'URL_REFUSED'> {
  if (text.length > MAX_URL_LENGTH) return err('URL_INVALID', `The ${what} is longer than ${MAX_URL_LENGTH} characters; it is not requested.`)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return err('URL_INVALID', `The ${what} "${shorten(text)}" is not an absolute URL; nothing is requested.`)
  }
  if (url.username !== '' || url.password !== '') {
    return err('URL_REFUSED', `The ${what} carries a user name or password; JWT Lab does not send credentials, so it is not requested.`)
  }
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname)
  if (url.protocol !== 'https:' && !loopback) {
    return err(
      'URL_REFUSED',
      `The ${what} "${shorten(text)}" is not requested: only https: URLs, or http: to localhost or 127.0.0.1, may be fetched.`,
    )
  }
  url.hash = ''
  return ok(url.href)
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text
}
