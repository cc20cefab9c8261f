import { describe, expect, it } from 'vitest'
import { fetchKeys } from './fetch-keys'
import { decodeToken } from '../token'
import { discoveryPlan } from './plan'
import type { DiscoveryPlan, FetchLike } from './types'

const ISS = 'https://idp.example/t'
const OIDC = `${ISS}/.well-known/openid-configuration`
const RFC = 'https://idp.example/.well-known/oauth-authorization-server/t'
const JWKS_URL = 'https://idp.example/t/jwks'
const JWKS = JSON.stringify({ keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k1' }] })
const METADATA = JSON.stringify({ issuer: ISS, jwks_uri: JWKS_URL })
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'

/** What the server behind each URL does: a body (200), a status, a thrown network error, or never answering. */
type Answer = string | { status: number; body?: string; statusText?: string; type?: ResponseType; headers?: Record<string, string> } | 'network' | 'hang'

interface Seen {
  url: string
  init: RequestInit
}

function fakeFetch(routes: Record<string, Answer>): { fetch: FetchLike; seen: Seen[] } {
  const seen: Seen[] = []
  const fetch: FetchLike = (url, init) => {
    seen.push({ url, init })
    const answer = routes[url] ?? { status: 404, statusText: 'Not Found' }
    if (answer === 'network') return Promise.reject(new TypeError('Failed to fetch'))
    if (answer === 'hang') {
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      })
    }
    if (typeof answer === 'string') return Promise.resolve(new Response(answer, { status: 200 }))
    const response = new Response(answer.status === 204 || answer.status === 0 ? null : (answer.body ?? ''), {
      status: answer.status === 0 ? 200 : answer.status,
      statusText: answer.statusText ?? '',
      headers: answer.headers ?? {},
    })
    if (answer.type !== undefined) Object.defineProperty(response, 'type', { value: answer.type })
    if (answer.status === 0) Object.defineProperty(response, 'status', { value: 0 })
    return Promise.resolve(response)
  }
  return { fetch, seen }
}

function planOf(input: Parameters<typeof discoveryPlan>[0]): DiscoveryPlan {
  const plan = discoveryPlan(input)
  if (!plan.ok) throw new Error(plan.error.message)
  return plan.value
}

const issuerPlan = planOf(ISS)

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJodHRwczovL2lkcC5leGFtcGxlL3QifQ.c2lnbmF0dXJl'

describe('fetchKeys succeeds', () => {
  it('issuer: OpenID metadata, then its jwks_uri; only planned URLs, no credentials, no redirects, no cache, no token', async () => {
    const tokenPlan = planOf(decodeToken(TOKEN))
    const { fetch, seen } = fakeFetch({ [OIDC]: METADATA, [JWKS_URL]: JWKS })
    const result = await fetchKeys(tokenPlan, { fetch })
    expect(result).toEqual({ ok: true, value: { keyText: JWKS, format: 'jwks', keyUrl: JWKS_URL, requested: [OIDC, JWKS_URL], plan: tokenPlan } })
    expect(seen.map((s) => s.url)).toEqual([OIDC, JWKS_URL])
    expect(seen.map((s) => s.init.signal)).toEqual([expect.any(AbortSignal), expect.any(AbortSignal)])
    for (const { init } of seen) {
      expect(init).toMatchObject({ method: 'GET', credentials: 'omit', redirect: 'manual', cache: 'no-store', referrerPolicy: 'no-referrer', mode: 'cors' })
      expect(init.body).toBeUndefined()
      // The only header is Accept: no Authorization, no cookie, nothing of a token.
      expect(Object.keys(init.headers as Record<string, string>)).toEqual(['Accept'])
      for (const segment of TOKEN.split('.')) expect(JSON.stringify({ ...init, signal: undefined })).not.toContain(segment)
    }
  })

  it('falls back to RFC 8414 metadata when OpenID discovery answers 404', async () => {
    const { fetch, seen } = fakeFetch({ [RFC]: METADATA, [JWKS_URL]: JWKS })
    const result = await fetchKeys(issuerPlan, { fetch })
    expect(result.ok && result.value.requested).toEqual([OIDC, RFC, JWKS_URL])
    expect(seen.map((s) => s.url)).toEqual([OIDC, RFC, JWKS_URL])
  })

  it('jku: the one URL; x5u: a PEM certificate chain', async () => {
    const jku = fakeFetch({ 'https://k.example/jwks': JWKS })
    const jkuPlan: DiscoveryPlan = { source: 'jku', subject: 'https://k.example/jwks', issuerExact: false, steps: [{ kind: 'jwks', url: 'https://k.example/jwks', why: 'w' }], namedByToken: true }
    expect(await fetchKeys(jkuPlan, { fetch: jku.fetch })).toEqual({
      ok: true,
      value: { keyText: JWKS, format: 'jwks', keyUrl: 'https://k.example/jwks', requested: ['https://k.example/jwks'], plan: jkuPlan },
    })
    const x5u = fakeFetch({ 'https://k.example/c.pem': CERT })
    const x5uPlan: DiscoveryPlan = { source: 'x5u', subject: 'https://k.example/c.pem', issuerExact: false, steps: [{ kind: 'certificate', url: 'https://k.example/c.pem', why: 'w' }], namedByToken: true }
    expect(await fetchKeys(x5uPlan, { fetch: x5u.fetch })).toEqual({
      ok: true,
      value: { keyText: CERT.trim(), format: 'pem-certificate', keyUrl: 'https://k.example/c.pem', requested: ['https://k.example/c.pem'], plan: x5uPlan },
    })
  })
})

const CORS = 'the server is unreachable, or it does not let other sites read it (CORS). To allow it, the server must send the header Access-Control-Allow-Origin (for example "*") with this response. Or open the URL yourself and paste the JSON into Verification key.'

const failures: { name: string; routes: Record<string, Answer>; code: string; message: string; requested: string[]; options?: { timeoutMs?: number; maxBytes?: number } }[] = [
  {
    name: 'CORS or network refusal on both metadata addresses',
    routes: { [OIDC]: 'network', [RFC]: 'network' },
    code: 'NETWORK',
    message: `The browser could not read ${OIDC}: ${CORS} The next address, ${RFC}, failed the same way.`,
    requested: [OIDC, RFC],
  },
  {
    name: 'CORS refusal of the JWKS',
    routes: { [OIDC]: METADATA, [JWKS_URL]: 'network' },
    code: 'NETWORK',
    message: `The browser could not read ${JWKS_URL}: ${CORS}`,
    requested: [OIDC, JWKS_URL],
  },
  {
    name: 'HTTP 404 on both metadata addresses',
    routes: {},
    code: 'HTTP_STATUS',
    message: `${OIDC} answered HTTP 404 Not Found: there is nothing to read there. The next address, ${RFC}, failed the same way.`,
    requested: [OIDC, RFC],
  },
  {
    name: 'HTTP 500 on the JWKS',
    routes: { [OIDC]: METADATA, [JWKS_URL]: { status: 500 } },
    code: 'HTTP_STATUS',
    message: `${JWKS_URL} answered HTTP 500: there is nothing to read there.`,
    requested: [OIDC, JWKS_URL],
  },
  {
    name: 'a redirect (opaque, as browsers give it)',
    routes: { [OIDC]: { status: 0, type: 'opaqueredirect' }, [RFC]: { status: 302, headers: { location: 'https://elsewhere.example/' } } },
    code: 'REDIRECT',
    message: `${OIDC} answered with a redirect. Discovery follows no redirects: use the address it redirects to, if you trust it. The next address, ${RFC}, failed the same way.`,
    requested: [OIDC, RFC],
  },
  {
    name: 'metadata that is an HTML page',
    routes: { [OIDC]: '<!doctype html><p>login', [RFC]: 'not json' },
    code: 'NOT_JSON',
    message: `${OIDC} did not answer with JSON (it looks like an HTML page). Open the URL yourself to see what it serves. The next address, ${RFC}, failed the same way.`,
    requested: [OIDC, RFC],
  },
  {
    name: 'metadata that is a JSON array',
    routes: { [OIDC]: '[1]', [RFC]: '"x"' },
    code: 'NOT_METADATA',
    message: `${OIDC} answered with JSON, but not a metadata object. The next address, ${RFC}, failed the same way.`,
    requested: [OIDC, RFC],
  },
  {
    name: 'metadata without jwks_uri',
    routes: { [OIDC]: JSON.stringify({ issuer: ISS }), [RFC]: JSON.stringify({ issuer: ISS, jwks_uri: 42 }) },
    code: 'NO_JWKS_URI',
    message: `The metadata at ${OIDC} has no jwks_uri, so it names no keys. The next address, ${RFC}, failed the same way.`,
    requested: [OIDC, RFC],
  },
  {
    name: 'metadata whose issuer differs (stops at once)',
    routes: { [OIDC]: JSON.stringify({ issuer: 'https://idp.example/other', jwks_uri: JWKS_URL }) },
    code: 'ISSUER_MISMATCH',
    message: `The metadata at ${OIDC} names "https://idp.example/other", not the issuer "${ISS}". RFC 8414 §3.3 and OpenID Connect Discovery §4.3 require them to be identical, so its keys are not used.`,
    requested: [OIDC],
  },
  {
    name: 'metadata with no issuer at all',
    routes: { [OIDC]: JSON.stringify({ jwks_uri: JWKS_URL }) },
    code: 'ISSUER_MISMATCH',
    message: `The metadata at ${OIDC} names no issuer, not the issuer "${ISS}". RFC 8414 §3.3 and OpenID Connect Discovery §4.3 require them to be identical, so its keys are not used.`,
    requested: [OIDC],
  },
  {
    name: 'a jwks_uri over plain http to another host (never requested)',
    routes: { [OIDC]: JSON.stringify({ issuer: ISS, jwks_uri: 'http://evil.example/jwks' }), [RFC]: JSON.stringify({ issuer: ISS, jwks_uri: 'javascript:alert(1)' }) },
    code: 'URL_REFUSED',
    message:
      `The jwks_uri of the metadata "http://evil.example/jwks" is not requested: only https: URLs, or http: to localhost or 127.0.0.1, may be fetched. The next address, ${RFC}, failed the same way.`,
    requested: [OIDC, RFC],
  },
  {
    name: 'JSON that is not a JWKS',
    routes: { [OIDC]: METADATA, [JWKS_URL]: JSON.stringify({ kty: 'EC' }) },
    code: 'NOT_JWKS',
    message: `${JWKS_URL} answered with JSON, but not a JWK Set: there is no "keys" array.`,
    requested: [OIDC, JWKS_URL],
  },
  {
    name: 'a server that never answers (timeout, stops at once)',
    routes: { [OIDC]: 'hang' },
    code: 'TIMEOUT',
    message: `${OIDC} did not answer within 50 ms; nothing was used. Try again, or open the URL yourself and paste the JSON into Verification key.`,
    requested: [OIDC],
    options: { timeoutMs: 50 },
  },
  {
    name: 'a body over the cap',
    routes: { [OIDC]: METADATA, [JWKS_URL]: JSON.stringify({ keys: [], pad: 'x'.repeat(2000) }) },
    code: 'TOO_LARGE',
    message: `${JWKS_URL} answered with more than 1000 bytes; a key set is far smaller, so it was not read.`,
    requested: [OIDC, JWKS_URL],
    options: { maxBytes: 1000 },
  },
  {
    name: 'a declared Content-Length over the default 1 MB cap',
    routes: { [OIDC]: { status: 200, body: METADATA, headers: { 'content-length': String(2 * 1024 * 1024) } }, [RFC]: { status: 404, statusText: 'Not Found' } },
    code: 'TOO_LARGE',
    message: `${OIDC} answered with more than 1 MB; a key set is far smaller, so it was not read. The next address failed too: ${RFC} answered HTTP 404 Not Found: there is nothing to read there.`,
    requested: [OIDC, RFC],
  },
]

describe('issuer comparison', () => {
  const tokenPlan = planOf(decodeToken(TOKEN))
  it.each([
    ['a token iss: exact, so a trailing slash is a mismatch', tokenPlan, `${ISS}/`, false],
    ['a token iss: the identical issuer', tokenPlan, ISS, true],
    ['a pasted issuer URL: a trailing slash is the same issuer', issuerPlan, `${ISS}/`, true],
    ['a pasted issuer URL: another path is not', issuerPlan, `${ISS}x`, false],
  ] as const)('%s', async (_name, plan, named, accepted) => {
    const { fetch } = fakeFetch({ [OIDC]: JSON.stringify({ issuer: named, jwks_uri: JWKS_URL }), [JWKS_URL]: JWKS })
    const result = await fetchKeys(plan, { fetch })
    expect(result.ok ? 'accepted' : result.error.code).toBe(accepted ? 'accepted' : 'ISSUER_MISMATCH')
  })
})

describe('fetchKeys fails with a plain reason', () => {
  it.each(failures)('$name', async ({ routes, code, message, requested, options }) => {
    const { fetch, seen } = fakeFetch(routes)
    expect(await fetchKeys(issuerPlan, { fetch, ...options })).toEqual({ ok: false, error: { code, message } })
    expect(seen.map((s) => s.url)).toEqual(requested)
  })

  it('x5u that is not a certificate', async () => {
    const { fetch } = fakeFetch({ 'https://k.example/c.pem': JWKS })
    const plan: DiscoveryPlan = { source: 'x5u', subject: 'https://k.example/c.pem', issuerExact: false, steps: [{ kind: 'certificate', url: 'https://k.example/c.pem', why: 'w' }], namedByToken: true }
    expect(await fetchKeys(plan, { fetch })).toEqual({
      ok: false,
      error: { code: 'NOT_CERTIFICATE', message: 'https://k.example/c.pem did not answer with a PEM certificate chain (no "-----BEGIN CERTIFICATE-----" line).' },
    })
  })

  it('Cancel aborts the request in flight and requests nothing more', async () => {
    const { fetch, seen } = fakeFetch({ [OIDC]: 'hang' })
    const controller = new AbortController()
    const pending = fetchKeys(issuerPlan, { fetch, signal: controller.signal })
    controller.abort()
    expect(await pending).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'Cancelled: no keys were used.' } })
    expect(seen.map((s) => s.url)).toEqual([OIDC])
    expect(seen[0]!.init.signal?.aborted).toBe(true)
  })

  it('an already cancelled signal requests nothing', async () => {
    const { fetch, seen } = fakeFetch({})
    const controller = new AbortController()
    controller.abort()
    expect(await fetchKeys(issuerPlan, { fetch, signal: controller.signal })).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'Cancelled: no keys were used.' } })
    expect(seen).toEqual([])
  })
})
