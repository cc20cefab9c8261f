import { memberString } from '../json-object'
import { err, ok, type Result } from '../result'
import type { DecodedToken } from '../types'
import { keyTextUrl } from './offer'
import type { DiscoveryErrorCode, DiscoveryPlan, DiscoveryStep } from './types'
import { checkDiscoveryUrl } from './url-policy'

const OPENID_SUFFIX = '/.well-known/openid-configuration'
const RFC8414_PREFIX = '/.well-known/oauth-authorization-server'
const JWKS_STEP: DiscoveryStep = {
  kind: 'jwks-from-metadata',
  why: 'then the jwks_uri that the metadata names (https:, or http: to localhost or 127.0.0.1)',
}

/**
 * The exact URLs a discovery would request, in order, and why. From a decoded token: its `iss`
 * (OpenID Connect Discovery, then RFC 8414 metadata, then their `jwks_uri`), else its `jku`, else its
 * `x5u`. From a key text: the URL pasted there — a metadata document, a JWKS, or an issuer. URLs other
 * than `https:` (or `http:` to localhost / 127.0.0.1) are refused with the reason. Nothing of the
 * token goes into any URL but what the token itself names.
 */
export function discoveryPlan(input: DecodedToken | string): Result<DiscoveryPlan, DiscoveryErrorCode> {
  return typeof input === 'string' ? planForKeyText(input) : planForToken(input)
}

function planForToken(token: DecodedToken): Result<DiscoveryPlan, DiscoveryErrorCode> {
  const header = token.header?.value
  const iss = memberString(token.payload?.value, 'iss')
  const jku = memberString(header, 'jku')
  const x5u = memberString(header, 'x5u')
  const refusals: string[] = []
  if (iss !== undefined && keyTextUrl(iss) !== undefined) {
    const plan = planForIssuer(iss, 'iss', 'token’s iss')
    if (plan.ok) return plan
    refusals.push(plan.error.message)
  }
  if (jku !== undefined) {
    const url = checkDiscoveryUrl(jku, 'jku (JWK Set URL)')
    if (url.ok) {
      return ok({
        source: 'jku',
        subject: url.value,
        issuerExact: false,
        steps: [{ kind: 'jwks', url: url.value, why: 'the JWK Set URL in the token’s header (jku)' }],
        namedByToken: true,
      })
    }
    refusals.push(url.error.message)
  }
  if (x5u !== undefined) {
    const url = checkDiscoveryUrl(x5u, 'x5u (certificate URL)')
    if (url.ok) {
      return ok({
        source: 'x5u',
        subject: url.value,
        issuerExact: false,
        steps: [{ kind: 'certificate', url: url.value, why: 'the certificate chain URL in the token’s header (x5u)' }],
        namedByToken: true,
      })
    }
    refusals.push(url.error.message)
  }
  if (refusals.length > 0) return err(refusals.length === 1 ? codeOf(refusals[0]!) : 'URL_REFUSED', refusals.join(' '))
  return err('NOTHING_TO_FETCH', 'The token names no place to fetch keys from: no URL in iss, no jku, no x5u.')
}

/** All refusals of a URL come from {@link checkDiscoveryUrl}; an unparsable one reads "not an absolute URL". */
function codeOf(message: string): DiscoveryErrorCode {
  return message.includes('not an absolute URL') || message.includes('longer than') ? 'URL_INVALID' : 'URL_REFUSED'
}

function planForKeyText(text: string): Result<DiscoveryPlan, DiscoveryErrorCode> {
  const candidate = keyTextUrl(text)
  if (candidate === undefined) return err('NOTHING_TO_FETCH', 'The key box does not hold a URL: paste one (an issuer, its metadata or a JWKS URL) to fetch keys.')
  const checked = checkDiscoveryUrl(candidate, 'URL in the key box')
  if (!checked.ok) return checked
  const url = new URL(checked.value)
  const path = url.pathname
  if (path.endsWith(OPENID_SUFFIX) || path.startsWith(RFC8414_PREFIX)) {
    // A metadata address names its issuer: check the document against it like any discovery.
    const issuer = path.endsWith(OPENID_SUFFIX)
      ? `${url.origin}${path.slice(0, -OPENID_SUFFIX.length)}`
      : `${url.origin}${path.slice(RFC8414_PREFIX.length)}`
    return ok({
      source: 'key-url',
      subject: url.href,
      issuer: url.search === '' ? issuer : undefined,
      issuerExact: false,
      steps: [{ kind: 'metadata', url: url.href, why: 'the metadata URL pasted in the key box' }, JWKS_STEP],
      namedByToken: false,
    })
  }
  if (/jwks|certs|keys|\.json$/i.test(path)) {
    return ok({
      source: 'key-url',
      subject: url.href,
      issuerExact: false,
      steps: [{ kind: 'jwks', url: url.href, why: 'the JWKS URL pasted in the key box' }],
      namedByToken: false,
    })
  }
  return planForIssuer(candidate, 'key-url', 'issuer URL in the key box')
}

/**
 * OpenID Connect Discovery 1.0 §4: `{issuer without trailing /}/.well-known/openid-configuration`.
 * RFC 8414 §3.1: the well-known segment goes between host and path,
 * `https://host/.well-known/oauth-authorization-server{path}`. An issuer has no query or fragment.
 */
function planForIssuer(issuer: string, source: 'iss' | 'key-url', what: string): Result<DiscoveryPlan, DiscoveryErrorCode> {
  const checked = checkDiscoveryUrl(issuer, what)
  if (!checked.ok) return checked
  const url = new URL(issuer)
  if (url.search !== '' || url.hash !== '') {
    return err('URL_REFUSED', `The ${what} "${issuer}" has a query or fragment; an issuer identifier has neither (RFC 8414 §2), so no metadata address can be made from it.`)
  }
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '')
  const openid = `${url.origin}${path}${OPENID_SUFFIX}`
  const rfc8414 = `${url.origin}${RFC8414_PREFIX}${path}`
  return ok({
    source,
    subject: issuer,
    // The metadata must name the issuer exactly as written (compared verbatim, trailing slash included).
    issuer,
    issuerExact: source === 'iss',
    steps: [
      { kind: 'metadata', url: openid, why: 'OpenID Connect Discovery metadata of the issuer' },
      { kind: 'metadata', url: rfc8414, why: 'RFC 8414 authorization server metadata, only if the first gives none' },
      JWKS_STEP,
    ],
    namedByToken: false,
  })
}
