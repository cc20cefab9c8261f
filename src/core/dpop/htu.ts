import { err, ok, type Result } from '../result'

/** Error code of {@link normaliseHtu}. */
export type HtuErrorCode = 'URL_INVALID'

const UNRESERVED = /[A-Za-z0-9\-._~]/

/**
 * The form of a URL that DPoP compares `htu` in (RFC 9449 §4.3 point 9): the query and fragment are
 * dropped, and the URL is normalised as RFC 3986 §6.2.2 and §6.2.3 describe: scheme and host in
 * lower case, the scheme's default port removed, an empty path made `/`, dot segments removed,
 * percent-encodings in upper case, and percent-encoded unreserved characters (letters, digits,
 * `-._~`) decoded. Two URLs that differ only in these ways address the same resource.
 */
export function normaliseHtu(text: string): Result<string, HtuErrorCode> {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return err('URL_INVALID', `${JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text)} is not an absolute URL. Give it with its scheme and host, e.g. https://server.example.com/token.`)
  }
  // The WHATWG parser already lower-cases scheme and host, drops default ports and dot segments,
  // and turns an empty http(s) path into "/"; the percent-encoding rules of §6.2.2.2 remain.
  const path = url.pathname.replace(/%([0-9A-Fa-f]{2})/g, (_m, hexDigits: string) => {
    const char = String.fromCharCode(parseInt(hexDigits, 16))
    return UNRESERVED.test(char) ? char : `%${hexDigits.toUpperCase()}`
  })
  const userinfo = url.username !== '' ? `${url.username}${url.password !== '' ? `:${url.password}` : ''}@` : ''
  return ok(`${url.protocol}//${userinfo}${url.host}${path}`)
}
