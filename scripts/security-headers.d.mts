/** The Content-Security-Policy directives that a `<meta>` tag can carry. */
export const cspDirectives: readonly string[]
/** The policy for the page's `<meta>` tag (no `frame-ancestors`: ignored there). */
export const metaContentSecurityPolicy: string
/** The policy sent as a header, with `frame-ancestors 'none'`. */
export const contentSecurityPolicy: string
/** Powerful features denied to everyone, the page included. */
export const deniedFeatures: readonly string[]
/** `feature=()` for each denied feature. */
export const permissionsPolicy: string
/** Sent with every response. */
export const securityHeaders: Readonly<Record<string, string>>
/** `Cache-Control` of Vite's hashed assets. */
export const immutableCacheControl: string
/** `Cache-Control` for a file of the built site, by its path relative to the site root. */
export function cacheControlFor(path: string): string
/** The `_headers` file for static hosts, given the names of the files at the top of the built site. */
export function headersFile(topLevelFiles: readonly string[]): string
/** The CSP source (`'sha256-…'`) that allows one inline script with exactly this text. */
export function inlineScriptSource(script: string): string
/** The dev server's headers: the built site's, with `script-src` allowing these inline scripts by hash. */
export function devSecurityHeaders(inlineScripts: readonly string[]): Record<string, string>
