/**
 * Microsoft Entra ID (formerly Azure AD): v1.0 tokens from `https://sts.windows.net/{tid}/`, v2.0
 * tokens from `https://login.microsoftonline.com/{tid}/v2.0` (and the US Government and China clouds).
 */
import type { JsonObject } from '../../json-object'
import { audienceIncludes, has, isGuid, parseIssuerUrl, stringOf } from './issuer-url'
import type { VendorClaim, VendorDictionary, VendorMatch, VendorNote } from './types'

const ACCESS_TOKEN_CLAIMS = 'https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference'

/** Hosts of v2.0 issuers (worldwide, US Government, China). */
const V2_HOSTS = ['login.microsoftonline.com', 'login.microsoftonline.us', 'login.partner.microsoftonline.cn']
/** Hosts of v1.0 issuers. */
const V1_HOSTS = ['sts.windows.net', 'sts.chinacloudapi.cn']

/** The audiences of Microsoft Graph: its URL and its application ID. */
const GRAPH_AUDIENCES = ['https://graph.microsoft.com', 'https://graph.microsoft.com/', '00000003-0000-0000-c000-000000000000']

const c = (name: string, title: string, description: string, type: VendorClaim['type'] = 'string'): VendorClaim => ({ name, title, description, type })

/** The token version the issuer shows, or null when the issuer is not Entra's. */
function issuerVersion(iss: unknown): 'v1.0' | 'v2.0' | null {
  const url = parseIssuerUrl(iss)
  if (url === null || !url.https || url.port !== '') return null
  const [tenant = '', second, third] = url.segments
  if (!isGuid(tenant)) return null
  if (V2_HOSTS.includes(url.host) && second === 'v2.0' && third === undefined) return 'v2.0'
  if (V1_HOSTS.includes(url.host) && second === '' && third === undefined) return 'v1.0'
  return null
}

function tokenKind(payload: JsonObject): string {
  if (has(payload, 'scp') || has(payload, 'idtyp')) return 'access token'
  if (has(payload, 'nonce') || has(payload, 'at_hash') || has(payload, 'c_hash')) return 'ID token'
  if (has(payload, 'roles')) return 'access token'
  return 'token'
}

function recognise(_header: JsonObject, payload: JsonObject): VendorMatch | null {
  const version = issuerVersion(payload.iss)
  if (version === null) return null
  const notes: VendorNote[] = []
  if (GRAPH_AUDIENCES.some((aud) => audienceIncludes(payload, aud))) {
    notes.push({
      id: 'entra-graph',
      title: 'A Microsoft Graph access token',
      text: 'Its audience is Microsoft Graph. Graph access tokens carry a nonce in the header and are signed over the header with that nonce replaced by its SHA-256 hex digest, so only Graph can validate them. To verify a token yourself, request one for your own API (its own scope and audience).',
      reference: ACCESS_TOKEN_CLAIMS,
    })
  }
  if (version === 'v1.0' || stringOf(payload, 'ver') === '1.0') {
    notes.push({
      id: 'entra-v1',
      title: 'A v1.0 token',
      text: 'v1.0 tokens name the client in appid (v2.0: azp), its authentication in appidacr (v2.0: azpacr) and the user in unique_name and upn (v2.0: preferred_username). The version follows the API\'s accessTokenAcceptedVersion setting, not the endpoint the client used.',
      reference: ACCESS_TOKEN_CLAIMS,
    })
  }
  return { kind: `${version} ${tokenKind(payload)}`, notes }
}

/** Microsoft Entra ID's claims, from its access token, ID token and optional claims references. */
export const entra: VendorDictionary = {
  id: 'entra',
  name: 'Microsoft Entra ID',
  documentation: 'Microsoft identity platform claims reference',
  reference: ACCESS_TOKEN_CLAIMS,
  recognise,
  claims: [
    c('oid', 'Object ID', 'The immutable ID of the user or service principal in this tenant, the same for every app: with tid, the key to identify a user.'),
    c('tid', 'Tenant ID', 'The directory (tenant) the user signed in to; for a guest, the resource tenant. 9188040d-6c67-4c5b-b112-36a304b66dad is the tenant of personal Microsoft accounts.'),
    c('sub', 'Subject', 'A pairwise ID: unique to this user and this app, so it differs between apps. Use oid to identify the user across apps.'),
    c('scp', 'Scopes', 'The delegated permissions the user consented to for the client, space-separated. Present only when a user is signed in; check it before serving a delegated request.'),
    c('roles', 'App roles', 'The application roles granted to the user or, in an app-only token, to the calling app. The only permissions an app-only token carries.', 'array'),
    c('wids', 'Directory roles', 'The tenant-wide roles of the user as role template IDs (e.g. 62e90394-69f5-4237-9190-012177145e10 is Global Administrator).', 'array'),
    c('groups', 'Groups', 'Object IDs of the groups the user belongs to (optional claim). Too many groups give an overage (hasgroups or _claim_names) instead.', 'array'),
    c('hasgroups', 'Has groups', 'True when the user is in more groups than fit in the token: query Microsoft Graph for them.', 'boolean'),
    c('_claim_names', 'Distributed claim names', 'Names claims (such as groups) whose values were too many to include and must be fetched from the source in _claim_sources.', 'object'),
    c('_claim_sources', 'Distributed claim sources', 'Where to fetch the claims named in _claim_names (a Microsoft Graph endpoint).', 'object'),
    c('upn', 'User principal name', 'The user\'s sign-in name (user@domain). It can change and be reassigned: never use it for authorization.'),
    c('unique_name', 'Unique name', 'A human-readable name of the user (v1.0 tokens). Not guaranteed unique: never use it for authorization.'),
    c('preferred_username', 'Preferred username', 'The user\'s primary username: an e-mail address, phone number or plain name. Mutable: never use it for authorization.'),
    c('name', 'Name', 'The display name of the user; not unique and can change.'),
    c('given_name', 'Given name', 'The user\'s first name as set on the user object.'),
    c('family_name', 'Family name', 'The user\'s surname as set on the user object.'),
    c('email', 'Email', 'An e-mail address of the user (optional claim). It is not necessarily verified or owned by the user: never use it for authorization.'),
    c('idtyp', 'Identity type', '`app` for an app-only token (client credentials), `user` for a token on behalf of a user (optional claim).'),
    c('ipaddr', 'IP address', 'The IP address the user authenticated from.'),
    c('appid', 'Application ID', 'The client ID of the app that requested the token (v1.0 tokens; azp in v2.0).'),
    c('azp', 'Authorized party', 'The client ID of the app that requested the token (v2.0 tokens; appid in v1.0).'),
    c('appidacr', 'Client authentication', 'How the client authenticated (v1.0): 0 public client, 1 client secret, 2 certificate.'),
    c('azpacr', 'Client authentication', 'How the client authenticated (v2.0): 0 public client, 1 client secret, 2 certificate.'),
    c('app_displayname', 'App display name', 'The display name of the client app that requested the token.'),
    c('idp', 'Identity provider', 'Who authenticated the user: the issuer, unless the user is a guest from another tenant or provider.'),
    c('uti', 'Token identifier', 'An internal token ID used to revalidate tokens; do not rely on it.'),
    c('rh', 'Refresh hint', 'An internal claim used to revalidate tokens; do not rely on it.'),
    c('aio', 'Internal data', 'An internal claim used to record data for token reuse; do not rely on it.'),
    c('ver', 'Token version', '`1.0` or `2.0`: the version of the token format, set by the API\'s accessTokenAcceptedVersion.'),
    c('acct', 'Account status', 'The user\'s account status in the tenant: 0 member, 1 guest (optional claim).', 'number'),
    c('ctry', 'Country', 'The user\'s country or region, two letters (optional claim).'),
    c('tenant_ctry', 'Tenant country', 'The tenant\'s country or region, two letters (optional claim).'),
    c('tenant_region_scope', 'Tenant region', 'The region of the tenant, e.g. NA or EU.'),
    c('sid', 'Session ID', 'The ID of the user\'s sign-in session, used for per-session sign-out.'),
    c('amr', 'Authentication methods', 'How the user authenticated (v1.0 tokens), e.g. pwd, mfa, rsa.', 'array'),
    c('acr', 'Authentication context class', 'v1.0 tokens: 1 when the authentication met ISO/IEC 29115 level 1, 0 otherwise.'),
    c('acrs', 'Authentication contexts', 'The Conditional Access authentication contexts the user satisfied (e.g. c1).', 'array'),
    c('onprem_sid', 'On-premises SID', 'The Windows security identifier of a user synchronised from on-premises Active Directory (optional claim).'),
    c('login_hint', 'Login hint', 'An opaque, reliable hint to pass to later sign-in requests for this user (optional claim).'),
    c('deviceid', 'Device ID', 'The ID of the registered device the user signed in from.'),
    c('puid', 'Internal user ID', 'An internal Microsoft user ID; do not rely on it.'),
    c('signin_state', 'Sign-in state', 'Facts about the sign-in, e.g. kmsi (kept signed in), inknownntwk (from a known network), dvc_mngd (managed device).', 'array'),
    c('platf', 'Device platform', 'The platform of a managed device, as a number (e.g. 3 for Windows).'),
    c('in_corp', 'In corporate network', 'True when the client signed in from the corporate network (optional claim).'),
    c('xms_cc', 'Client capabilities', 'What the client can handle; cp1 means it answers claims challenges (Continuous Access Evaluation).', 'array'),
    c('xms_pdl', 'Preferred data location', 'The user\'s geographic region in a Multi-Geo tenant (optional claim).'),
    c('xms_pl', 'Preferred language', 'The user\'s preferred language, e.g. en-US (optional claim).'),
    c('xms_tpl', 'Tenant preferred language', 'The tenant\'s preferred language (optional claim).'),
    c('xms_tcdt', 'Tenant creation time', 'When the tenant was created, in seconds since 1970 (optional claim).', 'number'),
    c('xms_mirid', 'Managed identity resource ID', 'The Azure resource ID of the managed identity that requested the token.'),
  ],
  headerMembers: [
    c('nonce', 'Microsoft Graph header nonce', 'A nonce Entra puts in the header of Graph access tokens: the signature covers the header with this value replaced by its SHA-256 hex digest, so only Microsoft Graph can validate it. Not ACME\'s nonce.'),
    c('x5t', 'Certificate thumbprint', 'The same value as kid: the thumbprint of the signing certificate, listed in the tenant\'s JWKS.'),
  ],
  prefixes: [
    { prefix: 'xms_', title: 'Microsoft extension claim', description: 'A claim Microsoft adds with the xms_ prefix, mostly optional or internal; treat it as informational.' },
  ],
}
