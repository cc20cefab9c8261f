import { isJsonObject } from '../json-object'
import { err, ok, type CoreError, type Result } from '../result'
import type { DiscoveryErrorCode, DiscoveryPlan, FetchedKeys, FetchKeysOptions } from './types'
import { checkDiscoveryUrl } from './url-policy'

const DEFAULT_TIMEOUT_MS = 10_000
const DEFAULT_MAX_BYTES = 1024 * 1024

type Failure = { readonly ok: false; readonly error: CoreError<DiscoveryErrorCode> }

/**
 * Requests exactly the URLs of `plan`, in order, and returns the keys found: a JWKS, or for `x5u` a PEM
 * certificate chain. Requests carry no cookies, no credentials, no referrer and nothing of the token or
 * key (a plain GET with an `Accept` header); redirects are not followed; nothing is cached. Each request
 * has its own timeout and a body cap. Metadata alternatives are tried in order until one answers with
 * metadata; its `issuer` must equal the plan's issuer and its `jwks_uri` must be an allowed URL.
 */
export async function fetchKeys(plan: DiscoveryPlan, options: FetchKeysOptions): Promise<Result<FetchedKeys, DiscoveryErrorCode>> {
  const requested: string[] = []
  const get = (url: string, accept: string) => getText(url, accept, options, requested)
  const metadataSteps = plan.steps.filter((s) => s.kind === 'metadata')
  const direct = plan.steps.find((s) => s.kind === 'jwks' || s.kind === 'certificate')

  if (direct !== undefined && direct.kind === 'certificate') {
    const body = await get(direct.url, 'application/pem-certificate-chain, application/x-pem-file, text/plain')
    if (!body.ok) return body
    if (!/-----BEGIN CERTIFICATE-----/.test(body.value)) {
      return err('NOT_CERTIFICATE', `${direct.url} did not answer with a PEM certificate chain (no "-----BEGIN CERTIFICATE-----" line).`)
    }
    return ok({ keyText: body.value.trim(), format: 'pem-certificate', keyUrl: direct.url, requested, plan })
  }

  let jwksUrl: string
  if (direct !== undefined) {
    jwksUrl = direct.url
  } else if (metadataSteps.length > 0) {
    const failures: { readonly url: string; readonly error: CoreError<DiscoveryErrorCode> }[] = []
    let found: string | undefined
    for (const step of metadataSteps) {
      const uri = await readMetadata(step.url, plan, get)
      if (uri.ok) {
        found = uri.value
        break
      }
      // A refused or cancelled discovery stops; a missing document lets the next address be tried.
      if (uri.error.code === 'CANCELLED' || uri.error.code === 'TIMEOUT' || uri.error.code === 'ISSUER_MISMATCH') return uri
      failures.push({ url: step.url, error: uri.error })
    }
    if (found === undefined) return combine(failures)
    jwksUrl = found
  } else {
    return err('NOTHING_TO_FETCH', 'The plan lists no URL to request.')
  }

  const body = await get(jwksUrl, 'application/jwk-set+json, application/json')
  if (!body.ok) return body
  const json = parseJson(body.value, jwksUrl)
  if (!json.ok) return json
  if (!isJsonObject(json.value) || !Array.isArray(json.value.keys)) {
    return err('NOT_JWKS', `${jwksUrl} answered with JSON, but not a JWK Set: there is no "keys" array.`)
  }
  return ok({ keyText: body.value.trim(), format: 'jwks', keyUrl: jwksUrl, requested, plan })
}

/** Reads one metadata document and returns its checked `jwks_uri`. */
async function readMetadata(
  url: string,
  plan: DiscoveryPlan,
  get: (url: string, accept: string) => Promise<Result<string, DiscoveryErrorCode>>,
): Promise<Result<string, DiscoveryErrorCode>> {
  const body = await get(url, 'application/json')
  if (!body.ok) return body
  const json = parseJson(body.value, url)
  if (!json.ok) return json
  if (!isJsonObject(json.value)) return err('NOT_METADATA', `${url} answered with JSON, but not a metadata object.`)
  const metadata = json.value
  const { issuer } = plan
  if (issuer !== undefined && !sameIssuer(metadata.issuer, issuer, plan.issuerExact)) {
    const named = typeof metadata.issuer === 'string' ? `"${clip(metadata.issuer)}"` : 'no issuer'
    return err(
      'ISSUER_MISMATCH',
      `The metadata at ${url} names ${named}, not the issuer "${issuer}". RFC 8414 §3.3 and OpenID Connect Discovery §4.3 require them to be identical, so its keys are not used.`,
    )
  }
  if (typeof metadata.jwks_uri !== 'string') return err('NO_JWKS_URI', `The metadata at ${url} has no jwks_uri, so it names no keys.`)
  const jwks = checkDiscoveryUrl(metadata.jwks_uri, 'jwks_uri of the metadata')
  return jwks.ok ? jwks : err('URL_REFUSED', jwks.error.message)
}

/** A pasted address cannot tell `https://idp` from `https://idp/`; a token's `iss` can, and must match exactly. */
function sameIssuer(named: unknown, expected: string, exact: boolean): boolean {
  if (named === expected) return true
  return !exact && typeof named === 'string' && named.replace(/\/$/, '') === expected.replace(/\/$/, '')
}

/** The first failure in full; a later address that failed the same way is only named. */
function combine(failures: readonly { readonly url: string; readonly error: CoreError<DiscoveryErrorCode> }[]): Failure {
  const [first, ...rest] = failures
  if (first === undefined) return err('NOTHING_TO_FETCH', 'The plan lists no metadata URL.')
  const more = rest
    .map((f) => (f.error.code === first.error.code ? ` The next address, ${f.url}, failed the same way.` : ` The next address failed too: ${f.error.message}`))
    .join('')
  return err(first.error.code, `${first.error.message}${more}`)
}

function parseJson(text: string, url: string): Result<unknown, DiscoveryErrorCode> {
  try {
    return ok(JSON.parse(text) as unknown)
  } catch {
    const start = text.trimStart().slice(0, 1)
    const hint = start === '<' ? ' (it looks like an HTML page)' : ''
    return err('NOT_JSON', `${url} did not answer with JSON${hint}. Open the URL yourself to see what it serves.`)
  }
}

/**
 * One GET under the discovery rules. The outcome is the body as text, or a plain reason. The timeout
 * and the caller's signal both abort it; which of the two fired decides the message.
 */
async function getText(url: string, accept: string, options: FetchKeysOptions, requested: string[]): Promise<Result<string, DiscoveryErrorCode>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (options.signal?.aborted === true) return cancelled()
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const onAbort = () => controller.abort()
  options.signal?.addEventListener('abort', onAbort, { once: true })
  const aborted = (): Failure | undefined =>
    timedOut ? err('TIMEOUT', `${url} did not answer within ${formatSeconds(timeoutMs)}; nothing was used. Try again, or open the URL yourself and paste the JSON into Verification key.`)
      : options.signal?.aborted === true ? cancelled() : undefined
  try {
    requested.push(url)
    let response: Response
    try {
      response = await options.fetch(url, {
        method: 'GET',
        headers: { Accept: accept },
        credentials: 'omit',
        redirect: 'manual',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        mode: 'cors',
        signal: controller.signal,
      })
    } catch {
      return aborted() ?? networkError(url)
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return err('REDIRECT', `${url} answered with a redirect. Discovery follows no redirects: use the address it redirects to, if you trust it.`)
    }
    if (!response.ok) {
      const text = response.statusText === '' ? '' : ` ${response.statusText}`
      return err('HTTP_STATUS', `${url} answered HTTP ${response.status}${text}: there is nothing to read there.`)
    }
    const declared = Number(response.headers.get('content-length') ?? '')
    if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(url, maxBytes)
    const body = await readCapped(response, maxBytes)
    if (body === 'too-large') return tooLarge(url, maxBytes)
    if (body === 'failed') return aborted() ?? networkError(url)
    return ok(body)
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onAbort)
  }
}

/** Reads at most `maxBytes` of the body, stopping (and cancelling the stream) as soon as it is exceeded. */
async function readCapped(response: Response, maxBytes: number): Promise<string | 'too-large' | 'failed'> {
  try {
    const reader = response.body?.getReader()
    if (reader === undefined) {
      const text = await response.text()
      return new TextEncoder().encode(text).length > maxBytes ? 'too-large' : text
    }
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        void reader.cancel().catch(() => undefined)
        return 'too-large'
      }
      chunks.push(value)
    }
    const all = new Uint8Array(size)
    let at = 0
    for (const c of chunks) {
      all.set(c, at)
      at += c.byteLength
    }
    return new TextDecoder().decode(all)
  } catch {
    return 'failed'
  }
}

function networkError(url: string): Failure {
  return err(
    'NETWORK',
    `The browser could not read ${url}: the server is unreachable, or it does not let other sites read it (CORS). ` +
      'To allow it, the server must send the header Access-Control-Allow-Origin (for example "*") with this response. ' +
      'Or open the URL yourself and paste the JSON into Verification key.',
  )
}

function tooLarge(url: string, maxBytes: number): Failure {
  return err('TOO_LARGE', `${url} answered with more than ${formatBytes(maxBytes)}; a key set is far smaller, so it was not read.`)
}

function cancelled(): Failure {
  return err('CANCELLED', 'Cancelled: no keys were used.')
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 197)}…` : text
}
