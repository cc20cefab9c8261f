/** Amazon Cognito user pools: issuers `https://cognito-idp.{region}.amazonaws.com/{region}_{id}`. */
import type { JsonObject } from '../../json-object'
import { has, isPlainName, labelsBefore, isSubdomainOf, parseIssuerUrl, shorten, stringOf } from './issuer-url'
import type { VendorClaim, VendorDictionary, VendorMatch, VendorNote } from './types'

const REFERENCE = 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-with-identity-providers.html'
const ACCESS_TOKEN = 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html'

const c = (name: string, title: string, description: string, type: VendorClaim['type'] = 'string'): VendorClaim => ({ name, title, description, type })

/** The user pool ID of a Cognito issuer, or null. */
function poolOf(iss: unknown): string | null {
  const url = parseIssuerUrl(iss)
  if (url === null || !url.https || url.port !== '' || !isSubdomainOf(url.host, 'amazonaws.com')) return null
  const labels = labelsBefore(url.host, 'amazonaws.com')
  const [service, region = ''] = labels
  if (labels.length !== 2 || service !== 'cognito-idp' || !isPlainName(region, '-')) return null
  const [pool = '', extra] = url.segments
  if (extra !== undefined || !pool.startsWith(`${region}_`) || !isPlainName(pool, '_-')) return null
  return pool
}

function recognise(_header: JsonObject, payload: JsonObject): VendorMatch | null {
  const pool = poolOf(payload.iss)
  if (pool === null) return null
  const use = stringOf(payload, 'token_use')
  const kind = use === 'access' ? 'access token' : use === 'id' ? 'ID token' : null
  const notes: VendorNote[] = []
  if (use === 'access' && !has(payload, 'aud')) {
    notes.push({
      id: 'cognito-no-aud',
      title: 'Access tokens have no aud',
      text: 'Cognito access tokens carry the app client in client_id instead of aud: check client_id and token_use, since ID and access tokens are signed with the same keys.',
      reference: ACCESS_TOKEN,
    })
  }
  return { kind: `user pool ${shorten(pool)}${kind === null ? '' : `, ${kind}`}`, notes }
}

/** Amazon Cognito's user pool token claims, from the Amazon Cognito Developer Guide. */
export const cognito: VendorDictionary = {
  id: 'cognito',
  name: 'Amazon Cognito',
  documentation: 'Amazon Cognito Developer Guide',
  reference: REFERENCE,
  recognise,
  claims: [
    c('token_use', 'Token use', '`id` for an ID token, `access` for an access token. Check it: both kinds are signed with the same keys.'),
    c('client_id', 'Client ID', 'The app client the access token was issued to; access tokens have no aud, so check this instead.'),
    c('cognito:groups', 'Groups', 'The user pool groups the user belongs to.', 'array'),
    c('cognito:username', 'Username', 'The user\'s username in the user pool (ID tokens); it may differ from sub.'),
    c('cognito:roles', 'IAM roles', 'The IAM role ARNs of the user\'s groups.', 'array'),
    c('cognito:preferred_role', 'Preferred IAM role', 'The IAM role ARN of the user\'s highest-priority group.'),
    c('username', 'Username', 'The user\'s username in the user pool (access tokens).'),
    c('auth_time', 'Authentication time', 'When the user authenticated; tokens refreshed later keep it.', 'time'),
    c('event_id', 'Event ID', 'An ID of the authentication event that issued the token.'),
    c('origin_jti', 'Origin JTI', 'An ID of the original authentication, shared by tokens refreshed from it; revoking the refresh token revokes them all.'),
    c('scope', 'Scope', 'The OAuth scopes granted, space-separated, e.g. aws.cognito.signin.user.admin (access tokens).'),
    c('device_key', 'Device key', 'The key of the device the user remembered (device tracking).'),
    c('identities', 'Linked identities', 'The federated identities (provider name, user ID) linked to the user.', 'array'),
    c('version', 'Token version', 'The version of the access token format.', 'number'),
  ],
  prefixes: [
    { prefix: 'custom:', title: 'Custom attribute', description: 'A custom attribute of the user pool (custom: prefix).' },
  ],
}
