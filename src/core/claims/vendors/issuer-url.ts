/**
 * Reading an issuer URL for recognition. A vendor is recognised by the issuer's origin and path
 * segments, never by a substring: `https://evil.example/login.microsoftonline.com/` is not Entra.
 */
import { hasMember, type JsonObject } from '../../json-object'

/** An issuer that is an absolute http(s) URL, split for comparison. */
export interface IssuerUrl {
  readonly https: boolean
  /** Lower-case host name, without the port. */
  readonly host: string
  /** Empty when the default port. */
  readonly port: string
  /** Path segments after the first `/` (`/a/b/` gives `['a', 'b', '']`). */
  readonly segments: readonly string[]
}

/** Issuers longer than this are not recognised (no real issuer comes close). */
const MAX_ISSUER_LENGTH = 2048

/**
 * The issuer as a URL, or null when it is not exactly an absolute http(s) URL in the form the URL
 * parser writes it (no credentials, query or fragment). Verifiers compare `iss` as a string, so a
 * text that only becomes a vendor's URL after the parser cleans it (tabs removed, host lower-cased,
 * `..` resolved) is not that vendor's issuer.
 */
export function parseIssuerUrl(iss: unknown): IssuerUrl | null {
  if (typeof iss !== 'string' || iss.length > MAX_ISSUER_LENGTH) return null
  let url: URL
  try {
    url = new URL(iss)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null
  // `https://accounts.google.com` is written back with a `/` path; nothing else may differ.
  if (url.href !== iss && !(url.pathname === '/' && url.href === `${iss}/`)) return null
  return { https: url.protocol === 'https:', host: url.hostname, port: url.port, segments: url.pathname.slice(1).split('/') }
}

/** Whether `host` is `label.suffix` for one or more non-empty labels (not `suffix` itself). */
export function isSubdomainOf(host: string, suffix: string): boolean {
  return host.length > suffix.length + 1 && host.endsWith(`.${suffix}`)
}

/** The labels of `host` before `.suffix` (`a.b.okta.com` with `okta.com` gives `['a', 'b']`). */
export function labelsBefore(host: string, suffix: string): readonly string[] {
  return host.slice(0, host.length - suffix.length - 1).split('.')
}

const HEX = '0123456789abcdefABCDEF'

/** Whether `text` is a GUID in its usual 8-4-4-4-12 hexadecimal form. */
export function isGuid(text: string): boolean {
  if (text.length !== 36) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== '-') return false
    } else if (!HEX.includes(c)) return false
  }
  return true
}

/** Whether `text` is non-empty and made only of ASCII letters, digits and the characters in `extra`. */
export function isPlainName(text: string, extra: string): boolean {
  if (text.length === 0) return false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const alnum = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
    if (!alnum && !extra.includes(text.charAt(i))) return false
  }
  return true
}

/** Whether the object has its own member `name` (any value). */
export const has = hasMember

/** The own member `name` when it is a string. */
export function stringOf(object: JsonObject, name: string): string | undefined {
  if (!has(object, name)) return undefined
  const value = object[name]
  return typeof value === 'string' ? value : undefined
}

/** Whether `aud` (a string or an array) contains `value`. */
export function audienceIncludes(payload: JsonObject, value: string): boolean {
  if (!has(payload, 'aud')) return false
  const aud = payload.aud
  return aud === value || (Array.isArray(aud) && aud.includes(value))
}

/** Shortens user-chosen text shown in a label (a realm or pool name) to `max` characters. */
export function shorten(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
