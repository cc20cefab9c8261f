/**
 * Okta: the org authorization server `https://{org}.okta.com` and custom ones
 * `https://{org}.okta.com/oauth2/{server}` (also `oktapreview.com` and `okta-emea.com`).
 */
import type { JsonObject } from '../../json-object'
import { has, isPlainName, isSubdomainOf, parseIssuerUrl, shorten } from './issuer-url'
import type { VendorClaim, VendorDictionary, VendorMatch, VendorNote } from './types'

const REFERENCE = 'https://developer.okta.com/docs/reference/api/oidc/'

const DOMAINS = ['okta.com', 'oktapreview.com', 'okta-emea.com']

const c = (name: string, title: string, description: string, type: VendorClaim['type'] = 'string'): VendorClaim => ({ name, title, description, type })

/** The authorization server of an Okta issuer (`null` for the org server), or undefined when not Okta's. */
function serverOf(iss: unknown): string | null | undefined {
  const url = parseIssuerUrl(iss)
  if (url === null || !url.https || url.port !== '' || !DOMAINS.some((d) => isSubdomainOf(url.host, d))) return undefined
  const [first = '', server, extra] = url.segments
  if (first === '' && server === undefined) return null
  if (first === 'oauth2' && server !== undefined && isPlainName(server, '-_') && extra === undefined) return server
  return undefined
}

function recognise(_header: JsonObject, payload: JsonObject): VendorMatch | null {
  const server = serverOf(payload.iss)
  if (server === undefined) return null
  const kind = has(payload, 'cid') ? 'access token' : has(payload, 'nonce') || has(payload, 'at_hash') || has(payload, 'idp') ? 'ID token' : null
  const notes: VendorNote[] = []
  if (server === null && kind === 'access token') {
    notes.push({
      id: 'okta-org-server',
      title: 'An access token of the org authorization server',
      text: 'Access tokens of Okta\'s org authorization server (an issuer without /oauth2/) are meant for Okta\'s own APIs: your API should not validate them. Use a custom authorization server for your own APIs.',
      reference: REFERENCE,
    })
  }
  const where = server === null ? 'org authorization server' : `authorization server ${shorten(server)}`
  return { kind: kind === null ? where : `${where}, ${kind}`, notes }
}

/** Okta's claims, from its OpenID Connect and OAuth 2.0 API reference. */
export const okta: VendorDictionary = {
  id: 'okta',
  name: 'Okta',
  documentation: 'Okta OpenID Connect & OAuth 2.0 API reference',
  reference: REFERENCE,
  recognise,
  claims: [
    c('cid', 'Client ID', 'The client ID of the app the access token was issued to.'),
    c('uid', 'User ID', 'The Okta ID of the user; absent from client-credentials tokens.'),
    c('scp', 'Scopes', 'The scopes granted, as an array.', 'array'),
    c('ver', 'Token version', 'The version of the token format (1).', 'number'),
    c('auth_time', 'Authentication time', 'When the user last authenticated.', 'time'),
    c('amr', 'Authentication methods', 'How the user authenticated, e.g. pwd, mfa, swk.', 'array'),
    c('idp', 'Identity provider', 'The ID of the identity provider that authenticated the user: the Okta org\'s own ID unless a federated provider did.'),
  ],
}
