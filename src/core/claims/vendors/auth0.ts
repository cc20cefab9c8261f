/**
 * Auth0: issuers `https://{tenant}.auth0.com/` (also regional, `{tenant}.eu.auth0.com`). A custom
 * domain hides the tenant, so it is recognised only by claims no other issuer writes: a `gty` grant
 * type, or a subject in Auth0's `{connection}|{id}` form with one of Auth0's connection names.
 */
import type { JsonObject } from '../../json-object'
import { has, isSubdomainOf, parseIssuerUrl, stringOf } from './issuer-url'
import type { VendorClaim, VendorDictionary, VendorMatch } from './types'

const REFERENCE = 'https://auth0.com/docs/secure/tokens/json-web-tokens/json-web-token-claims'

/** Auth0 connection names that prefix a user ID (`auth0|64f…`). */
const CONNECTIONS = ['auth0|', 'google-oauth2|', 'windowslive|', 'samlp|', 'waad|', 'github|', 'linkedin|', 'apple|', 'facebook|']

const c = (name: string, title: string, description: string, type: VendorClaim['type'] = 'string'): VendorClaim => ({ name, title, description, type })

/** How the issuer is Auth0's: its own domain, a custom domain with Auth0's claims, or not at all. */
function domainKind(payload: JsonObject): 'tenant' | 'custom' | null {
  const url = parseIssuerUrl(payload.iss)
  // Auth0 issuers are an origin with a trailing slash and nothing else.
  if (url === null || !url.https || url.port !== '' || url.segments.length !== 1 || url.segments[0] !== '') return null
  if (isSubdomainOf(url.host, 'auth0.com')) return 'tenant'
  const sub = stringOf(payload, 'sub') ?? ''
  const auth0Subject = CONNECTIONS.some((prefix) => sub.startsWith(prefix) && sub.length > prefix.length)
  const grant = stringOf(payload, 'gty')
  return auth0Subject || grant !== undefined ? 'custom' : null
}

function tokenKind(payload: JsonObject): string | null {
  if (has(payload, 'gty') || has(payload, 'scope') || has(payload, 'permissions')) return 'access token'
  if (has(payload, 'nonce') || has(payload, 'at_hash') || has(payload, 'sid')) return 'ID token'
  return null
}

function recognise(_header: JsonObject, payload: JsonObject): VendorMatch | null {
  const domain = domainKind(payload)
  if (domain === null) return null
  const kind = tokenKind(payload)
  const words = [domain === 'custom' ? 'custom domain, recognised by its claims' : null, kind].filter((w) => w !== null)
  return { kind: words.length > 0 ? words.join(', ') : null, notes: [] }
}

/** Auth0's claims, from its documentation of JSON Web Token claims. */
export const auth0: VendorDictionary = {
  id: 'auth0',
  name: 'Auth0',
  documentation: 'Auth0 Docs: JSON Web Token claims',
  reference: REFERENCE,
  recognise,
  claims: [
    c('sub', 'Subject', 'The user ID as {connection}|{id} (e.g. auth0|…, google-oauth2|…), or {client-id}@clients in a machine-to-machine token.'),
    c('permissions', 'Permissions', 'The API permissions granted through role-based access control, when the API adds permissions to its access tokens.', 'array'),
    c('azp', 'Authorized party', 'The client ID of the application that requested the token.'),
    c('gty', 'Grant type', 'The OAuth grant that issued the token, e.g. client-credentials or password.', 'string-or-array'),
    c('org_id', 'Organization ID', 'The Auth0 Organization the user logged in through (org_…); check it when your app uses Organizations.'),
    c('org_name', 'Organization name', 'The name of the Auth0 Organization the user logged in through.'),
    c('scope', 'Scope', 'The scopes granted, space-separated.'),
  ],
  urlNamedClaims: {
    prefix: 'https://',
    title: 'Custom claim',
    description: 'A custom claim added by an Action or Rule of the tenant, named with a URL (a namespace) so that it never collides with a standard claim.',
  },
}
