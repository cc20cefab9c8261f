// The HTTP headers JWT Lab is served with: one list for the dev server, `vite preview`, the static test
// server and the `_headers` file the build writes for static hosts, so that they cannot drift apart.
import { createHash } from 'node:crypto'

/**
 * The Content-Security-Policy directives that a `<meta>` tag can carry. Monaco injects its styles at run
 * time, hence `'unsafe-inline'` for styles only; scripts and workers stay same-origin. `'wasm-unsafe-eval'`
 * lets the cracker compile its own WebAssembly module (shipped in its same-origin script); it allows no
 * `eval` or `new Function` of JavaScript, which `'unsafe-eval'` would. Connections may
 * also go to `https:` and to loopback `http:` for opt-in key discovery only: the app requests another
 * origin solely when the user has allowed that exact URL (issuer metadata, JWKS, certificate).
 */
export const cspDirectives = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "img-src 'self' data:",
  "font-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
]

/**
 * The policy for the page's `<meta>` tag: a fallback for hosts that ignore `_headers`. It cannot bind
 * workers and cannot forbid framing (browsers ignore `frame-ancestors` in a meta tag and log an error).
 */
export const metaContentSecurityPolicy = cspDirectives.join('; ')

/** The policy sent as a header: the same directives, and no site may frame the app and drive it. */
export const contentSecurityPolicy = [...cspDirectives, "frame-ancestors 'none'"].join('; ')

/**
 * Powerful features nobody on the page may use, the page itself included. `clipboard-write` is not here:
 * the copy buttons need it (its default already keeps it to this origin). Names are the ones Chromium
 * knows (`document.featurePolicy.features()`), plus `bluetooth`, which builds without Web Bluetooth
 * report as unrecognised with a console warning.
 */
export const deniedFeatures = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'browsing-topics',
  'camera',
  'captured-surface-control',
  'clipboard-read',
  'compute-pressure',
  'digital-credentials-create',
  'digital-credentials-get',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'gamepad',
  'geolocation',
  'gyroscope',
  'hid',
  'identity-credentials-get',
  'idle-detection',
  'keyboard-map',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'otp-credentials',
  'payment',
  'picture-in-picture',
  'private-state-token-issuance',
  'private-state-token-redemption',
  'publickey-credentials-create',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'speaker-selection',
  'storage-access',
  'usb',
  'window-management',
  'xr-spatial-tracking',
]

export const permissionsPolicy = deniedFeatures.map((feature) => `${feature}=()`).join(', ')

/** Sent with every response (a worker script's own response headers are what bind the worker). */
export const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': permissionsPolicy,
}

/** Vite's hashed output (`assets/name-<hash>.js`): the name changes whenever the content does. */
export const immutableCacheControl = 'public, max-age=31536000, immutable'

/**
 * `Cache-Control` for a file of the built site, by its path relative to the site root (`''` is the root).
 * Everything outside `assets/` keeps a fixed name (the page, `sw.js`, the manifest, icons) and must be
 * revalidated, or a browser could keep an old page or service worker after a deploy.
 * @param {string} path
 */
export function cacheControlFor(path) {
  return path.startsWith('assets/') ? immutableCacheControl : 'no-cache'
}

/**
 * The `_headers` file for static hosts (Netlify and Cloudflare Pages read this format): the security
 * headers on every path, `no-cache` on each fixed-name file at the top of the site, long caching for
 * hashed assets. Paths are exact so that no two rules set `Cache-Control` for the same file.
 * @param {string[]} topLevelFiles the names of the files at the top of the built site, e.g. `sw.js`
 */
export function headersFile(topLevelFiles) {
  const block = (pattern, headers) => [pattern, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n')
  const noCache = ['', ...[...topLevelFiles].filter((f) => f !== '_headers').sort()]
  return [
    '# Response headers for static hosts that read this format (Netlify, Cloudflare Pages), written by the build.',
    block('/*', securityHeaders),
    ...noCache.map((file) => block(`/${file}`, { 'Cache-Control': cacheControlFor(file) })),
    block('/assets/*', { 'Cache-Control': immutableCacheControl }),
  ].join('\n\n') + '\n'
}

/**
 * The CSP `script-src` source that allows one inline script with exactly this text.
 * @param {string} script
 */
export function inlineScriptSource(script) {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`
}

/**
 * The headers for the dev server: the built site's, with the one relaxation hot reload needs. The React
 * refresh preamble is an inline script in the page, so `script-src` allows that script by its hash (not
 * `'unsafe-inline'`). Vite's hot-reload websocket needs nothing extra: `connect-src 'self'` covers
 * `ws:` to the page's own host and port.
 * @param {string[]} inlineScripts the exact text of each inline script the dev page carries
 */
export function devSecurityHeaders(inlineScripts) {
  const hashes = inlineScripts.map(inlineScriptSource)
  const directives = [...cspDirectives, "frame-ancestors 'none'"].map((d) =>
    d.startsWith('script-src ') && hashes.length > 0 ? `${d} ${hashes.join(' ')}` : d,
  )
  return { ...securityHeaders, 'Content-Security-Policy': directives.join('; ') }
}
