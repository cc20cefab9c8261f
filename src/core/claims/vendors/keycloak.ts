/** Keycloak: issuers end in `/realms/{realm}` (before version 17 under `/auth/realms/{realm}`). */
import type { JsonObject } from '../../json-object'
import { parseIssuerUrl, shorten, stringOf } from './issuer-url'
import type { VendorClaim, VendorDictionary, VendorMatch, VendorNote } from './types'

const REFERENCE = 'https://www.keycloak.org/docs/latest/server_admin/'

/** Keycloak's `typ` claim values and the kind of token each names. */
const TOKEN_KINDS: Readonly<Record<string, string>> = {
  Bearer: 'access token',
  ID: 'ID token',
  Refresh: 'refresh token',
  Offline: 'offline token',
  Logout: 'logout token',
}

const c = (name: string, title: string, description: string, type: VendorClaim['type'] = 'string'): VendorClaim => ({ name, title, description, type })

/** The realm named by a Keycloak issuer, or null. */
function realmOf(iss: unknown): string | null {
  const url = parseIssuerUrl(iss)
  if (url === null) return null
  const { segments } = url
  const realm = segments[segments.length - 1] ?? ''
  if (segments.length < 2 || segments[segments.length - 2] !== 'realms' || realm === '') return null
  return realm
}

function recognise(_header: JsonObject, payload: JsonObject): VendorMatch | null {
  const realm = realmOf(payload.iss)
  if (realm === null) return null
  const typ = stringOf(payload, 'typ')
  const kind = typ !== undefined && Object.prototype.hasOwnProperty.call(TOKEN_KINDS, typ) ? TOKEN_KINDS[typ] : undefined
  const notes: VendorNote[] = []
  if (typ !== undefined) {
    notes.push({
      id: 'keycloak-typ',
      title: 'The typ claim is Keycloak\'s token kind',
      text: 'The payload\'s typ claim is Keycloak\'s own: Bearer (access token), ID (ID token), Refresh, Offline or Logout. It is not the typ header parameter of RFC 7515 (the media type of the whole token, such as JWT). Check it so that a refresh or ID token is never accepted as an access token.',
      reference: REFERENCE,
    })
  }
  if (typ === 'Refresh' || typ === 'Offline') {
    notes.push({
      id: 'keycloak-refresh',
      title: 'Refresh tokens are for Keycloak only',
      text: 'Keycloak signs refresh and offline tokens with a secret HMAC key of the realm, not with the realm\'s published keys: no public key verifies them, and only Keycloak should read them.',
      reference: REFERENCE,
    })
  }
  return { kind: `realm ${shorten(realm)}${kind === undefined ? '' : `, ${kind}`}`, notes }
}

/** Keycloak's claims, from its server administration guide (protocol mappers and tokens). */
export const keycloak: VendorDictionary = {
  id: 'keycloak',
  name: 'Keycloak',
  documentation: 'Keycloak Server Administration Guide',
  reference: REFERENCE,
  recognise,
  claims: [
    c('typ', 'Token kind', 'Keycloak\'s kind of token: Bearer (access token), ID, Refresh, Offline or Logout. Not the typ header parameter of RFC 7515.'),
    c('realm_access', 'Realm roles', 'The user\'s roles in the realm, as { "roles": [...] }.', 'object'),
    c('resource_access', 'Client roles', 'The user\'s roles per client, as { "client-id": { "roles": [...] } }.', 'object'),
    c('session_state', 'Session state', 'The ID of the user\'s Keycloak session (older versions; newer ones put it in sid).'),
    c('sid', 'Session ID', 'The ID of the user\'s Keycloak session, used for logout.'),
    c('azp', 'Authorized party', 'The client the token was issued to; Keycloak sets it in every token.'),
    c('acr', 'Authentication context class', '1 after the user logged in with credentials, 0 after single sign-on from an existing session; step-up levels may add others.'),
    c('allowed-origins', 'Allowed origins', 'The web origins allowed to send this token (CORS), from the client\'s Web origins setting.', 'array'),
    c('scope', 'Scope', 'The client scopes granted, space-separated.'),
    c('preferred_username', 'Username', 'The user\'s Keycloak username. It can change when the realm allows editing usernames: identify users by sub.'),
    c('email_verified', 'Email verified', 'Whether Keycloak verified the user\'s e-mail address.', 'boolean'),
    c('authorization', 'Permissions', 'Permissions granted by Authorization Services (a requesting party token): { "permissions": [{ rsid, rsname, scopes }] }.', 'object'),
  ],
}
