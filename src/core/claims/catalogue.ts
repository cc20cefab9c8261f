/**
 * The catalogue of registered JOSE header parameters and JWT claims the app can explain.
 * One table drives the claims view, hover documentation and the Monaco JSON schemas, so a name is
 * described the same way everywhere.
 */
import type { CatalogueEntry } from '../types'
import { vendorMember } from './vendors'
import type { MemberDescription, RecognisedIssuer } from './vendors/types'

type Entry = CatalogueEntry

const h = (name: string, title: string, description: string, spec: string, type: Entry['type']): Entry => ({
  name, where: 'header', title, description, spec, type,
})
const p = (name: string, title: string, description: string, spec: string, type: Entry['type']): Entry => ({
  name, where: 'payload', title, description, spec, type,
})

/**
 * Every header parameter and claim the app documents, header entries first. Names are unique per
 * `where`; a few names (e.g. `nonce`) exist in both places with different meanings.
 */
export const claimCatalogue: readonly CatalogueEntry[] = [
  // JOSE header: RFC 7515 (JWS), RFC 7516 (JWE), RFC 7518 (JWA), RFC 7797, RFC 8555.
  h('alg', 'Algorithm', 'The algorithm that signs (JWS) or encrypts the content key (JWE). Verifiers must check it against their own allowlist, never trust it blindly.', 'RFC 7515 §4.1.1', 'string'),
  h('jku', 'JWK Set URL', 'URL of a JWK Set that holds the signing key. Fetching keys from a URL chosen by the token lets an attacker supply the key.', 'RFC 7515 §4.1.2', 'string'),
  h('jwk', 'JSON Web Key', 'The public key that signed the token, embedded in the header. Trust it only if it is pinned or certified by other means.', 'RFC 7515 §4.1.3', 'object'),
  h('kid', 'Key ID', 'A hint naming which key signed the token, used to pick a key from a key set. Its structure is unspecified; treat it as untrusted input.', 'RFC 7515 §4.1.4', 'string'),
  h('x5u', 'X.509 URL', 'URL of the X.509 certificate (chain) for the signing key. Fetching it lets the token choose where keys come from.', 'RFC 7515 §4.1.5', 'string'),
  h('x5c', 'X.509 certificate chain', 'Base64 (not base64url) DER certificates for the signing key, leaf first. Must be validated against a trusted root.', 'RFC 7515 §4.1.6', 'array'),
  h('x5t', 'X.509 SHA-1 thumbprint', 'Base64url SHA-1 digest of the DER certificate of the signing key.', 'RFC 7515 §4.1.7', 'string'),
  h('x5t#S256', 'X.509 SHA-256 thumbprint', 'Base64url SHA-256 digest of the DER certificate of the signing key.', 'RFC 7515 §4.1.8', 'string'),
  h('typ', 'Type', 'Media type of the whole token, e.g. `JWT`, `at+jwt` (RFC 9068) or `dpop+jwt` (RFC 9449). Explicit types stop one kind of token being accepted as another.', 'RFC 7515 §4.1.9', 'string'),
  h('cty', 'Content type', 'Media type of the payload. `JWT` means the payload is itself a nested JWT.', 'RFC 7515 §4.1.10', 'string'),
  h('crit', 'Critical', 'Header parameter names that the recipient must understand and process; a recipient that does not understand one must reject the token.', 'RFC 7515 §4.1.11', 'array'),
  h('b64', 'Base64url-encode payload', '`false` means the payload is signed as raw bytes without base64url encoding (unencoded payload option). Must be listed in `crit`.', 'RFC 7797 §3', 'boolean'),
  h('zip', 'Compression', 'Compression applied to the plaintext before encryption; `DEF` is DEFLATE. Compressing secrets next to attacker data can leak them.', 'RFC 7516 §4.1.3', 'string'),
  h('enc', 'Content encryption', 'The algorithm that encrypts the payload of a JWE, e.g. `A256GCM`.', 'RFC 7516 §4.1.2', 'string'),
  h('epk', 'Ephemeral public key', 'The sender\'s ephemeral public key for ECDH-ES key agreement.', 'RFC 7518 §4.6.1.1', 'object'),
  h('apu', 'Agreement PartyUInfo', 'Base64url information about the producer, mixed into ECDH-ES key derivation.', 'RFC 7518 §4.6.1.2', 'string'),
  h('apv', 'Agreement PartyVInfo', 'Base64url information about the recipient, mixed into ECDH-ES key derivation.', 'RFC 7518 §4.6.1.3', 'string'),
  h('iv', 'Initialization vector', 'Base64url 96-bit IV used by AES-GCM key wrapping.', 'RFC 7518 §4.7.1.1', 'string'),
  h('tag', 'Authentication tag', 'Base64url 128-bit authentication tag of AES-GCM key wrapping.', 'RFC 7518 §4.7.1.2', 'string'),
  h('p2s', 'PBES2 salt input', 'Base64url salt input for password-based key wrapping (at least 8 octets).', 'RFC 7518 §4.8.1.1', 'string'),
  h('p2c', 'PBES2 count', 'PBKDF2 iteration count for password-based key wrapping. Huge values make decryption slow (denial of service).', 'RFC 7518 §4.8.1.2', 'number'),
  h('nonce', 'Header nonce', 'Not a registered JWT header parameter: a value the issuer put in the protected header. Microsoft Graph access tokens carry one and sign over the header with it replaced by its SHA-256 hex digest, so only Graph can validate them. In an ACME request (with `url`) it is the server-issued anti-replay nonce (RFC 8555 §6.5.2).', 'RFC 7515 §4.3', 'string'),
  h('url', 'ACME URL', 'The exact URL the ACME request is sent to, so a signed request cannot be replayed elsewhere.', 'RFC 8555 §6.4.1', 'string'),

  // Registered JWT claims: RFC 7519 §4.1.
  p('iss', 'Issuer', 'Who issued the token, usually a URL. Compare it exactly with the issuer you trust.', 'RFC 7519 §4.1.1', 'string'),
  p('sub', 'Subject', 'Who the token is about, unique within the issuer (e.g. a user ID).', 'RFC 7519 §4.1.2', 'string'),
  p('aud', 'Audience', 'Who the token is meant for: one string or an array of strings. A recipient must find itself here or reject the token.', 'RFC 7519 §4.1.3', 'string-or-array'),
  p('exp', 'Expiration time', 'The token must not be accepted on or after this time (NumericDate: seconds since 1970-01-01T00:00:00Z).', 'RFC 7519 §4.1.4', 'time'),
  p('nbf', 'Not before', 'The token must not be accepted before this time (NumericDate: seconds since 1970-01-01T00:00:00Z).', 'RFC 7519 §4.1.5', 'time'),
  p('iat', 'Issued at', 'When the token was issued (NumericDate: seconds since 1970-01-01T00:00:00Z).', 'RFC 7519 §4.1.6', 'time'),
  p('jti', 'JWT ID', 'A unique identifier of this token, used to detect replays.', 'RFC 7519 §4.1.7', 'string'),

  // OpenID Connect ID token: OpenID Connect Core 1.0 §2 and §5.1.
  p('auth_time', 'Authentication time', 'When the user actually authenticated (NumericDate). Also allowed in access tokens by RFC 9068 §2.2.1.', 'OpenID Connect Core 1.0 §2', 'time'),
  p('nonce', 'Nonce', 'The value the client sent in the authentication request, echoed to bind the ID token to that request and stop replays. In a DPoP proof: the server-provided nonce (RFC 9449 §4.2).', 'OpenID Connect Core 1.0 §2', 'string'),
  p('acr', 'Authentication context class', 'The assurance level of the authentication the user performed.', 'OpenID Connect Core 1.0 §2', 'string'),
  p('amr', 'Authentication methods', 'How the user authenticated, e.g. `pwd`, `otp`, `mfa` (values registered by RFC 8176).', 'OpenID Connect Core 1.0 §2', 'array'),
  p('azp', 'Authorized party', 'The client the ID token was issued to, when it differs from the audience.', 'OpenID Connect Core 1.0 §2', 'string'),
  p('at_hash', 'Access token hash', 'Left half of the hash of the access token, base64url, binding it to this ID token.', 'OpenID Connect Core 1.0 §3.1.3.6', 'string'),
  p('c_hash', 'Code hash', 'Left half of the hash of the authorization code, base64url, binding it to this ID token.', 'OpenID Connect Core 1.0 §3.3.2.11', 'string'),
  p('sid', 'Session ID', 'Identifies the user\'s session at the issuer, used for logout.', 'OpenID Connect Front-Channel Logout 1.0 §3', 'string'),
  p('name', 'Full name', 'The user\'s full name in displayable form.', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('given_name', 'Given name', 'The user\'s given (first) name(s).', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('family_name', 'Family name', 'The user\'s surname(s).', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('middle_name', 'Middle name', 'The user\'s middle name(s).', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('nickname', 'Nickname', 'A casual name of the user.', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('preferred_username', 'Preferred username', 'The name the user prefers to be called by. Not unique and not stable: never use it as a key.', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('profile', 'Profile URL', 'URL of the user\'s profile page.', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('picture', 'Picture URL', 'URL of the user\'s profile picture.', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('website', 'Website', 'URL of the user\'s web page or blog.', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('email', 'Email', 'The user\'s preferred email address. Not unique and not verified unless `email_verified` is true.', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('email_verified', 'Email verified', 'Whether the issuer verified that the user controls `email`.', 'OpenID Connect Core 1.0 §5.1', 'boolean'),
  p('gender', 'Gender', 'The user\'s gender.', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('birthdate', 'Birthdate', 'The user\'s birthday as `YYYY-MM-DD` (or `YYYY`, or `0000-MM-DD`).', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('zoneinfo', 'Time zone', 'The user\'s time zone, e.g. `Europe/Paris`.', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('locale', 'Locale', 'The user\'s locale as a BCP 47 language tag, e.g. `en-US`.', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('phone_number', 'Phone number', 'The user\'s preferred telephone number, ideally in E.164 form.', 'OpenID Connect Core 1.0 §5.1', 'string'),
  p('phone_number_verified', 'Phone number verified', 'Whether the issuer verified that the user controls `phone_number`.', 'OpenID Connect Core 1.0 §5.1', 'boolean'),
  p('address', 'Address', 'The user\'s postal address as a JSON object.', 'OpenID Connect Core 1.0 §5.1.1', 'object'),
  p('updated_at', 'Updated at', 'When the user\'s information was last updated (NumericDate).', 'OpenID Connect Core 1.0 §5.1', 'time'),
  p('s_hash', 'State hash', 'Left half of the hash of the `state` value, base64url (Financial-grade API).', 'FAPI 1.0 Advanced §5.1', 'string'),

  // OAuth token exchange and access tokens: RFC 8693, RFC 9068.
  p('act', 'Actor', 'The party acting on behalf of the subject (delegation). Nested `act` members list earlier actors.', 'RFC 8693 §4.1', 'object'),
  p('may_act', 'May act', 'Who is allowed to act on behalf of the subject.', 'RFC 8693 §4.4', 'object'),
  p('scope', 'Scope', 'Space-separated list of the scopes granted.', 'RFC 8693 §4.2', 'string'),
  p('client_id', 'Client ID', 'The OAuth client the token was issued to.', 'RFC 8693 §4.3', 'string'),
  p('groups', 'Groups', 'Groups the subject belongs to.', 'RFC 9068 §2.2.3.1', 'array'),
  p('roles', 'Roles', 'Roles granted to the subject.', 'RFC 9068 §2.2.3.1', 'array'),
  p('entitlements', 'Entitlements', 'Individual entitlements of the subject.', 'RFC 9068 §2.2.3.1', 'array'),
  p('scp', 'Scopes (vendor)', 'Granted scopes as a list or space-separated string. Not registered: used by some identity providers instead of `scope`.', 'Vendor-specific (not registered)', 'string-or-array'),

  // Proof of possession: RFC 7800, RFC 9449.
  p('cnf', 'Confirmation', 'The key the presenter must prove possession of: `jwk`, `jkt` (JWK SHA-256 thumbprint, RFC 9449 §6.1), `x5t#S256` (RFC 8705) or `kid`.', 'RFC 7800 §3.1', 'object'),
  p('htm', 'HTTP method', 'The HTTP method of the request the DPoP proof is bound to, e.g. `POST`.', 'RFC 9449 §4.2', 'string'),
  p('htu', 'HTTP URI', 'The HTTP URI (without query and fragment) of the request the DPoP proof is bound to.', 'RFC 9449 §4.2', 'string'),
  p('ath', 'Access token hash', 'Base64url SHA-256 hash of the access token presented with the DPoP proof.', 'RFC 9449 §4.2', 'string'),

  // Security event tokens: RFC 8417.
  p('events', 'Security events', 'The security events this token reports, keyed by event type URI.', 'RFC 8417 §2.2', 'object'),
  p('txn', 'Transaction ID', 'Identifies the transaction that led to the event, for correlation.', 'RFC 8417 §2.2', 'string'),
  p('toe', 'Time of event', 'When the reported event happened (NumericDate).', 'RFC 8417 §2.2', 'time'),
]

const index = new Map<string, CatalogueEntry>(claimCatalogue.map((entry) => [`${entry.where}:${entry.name}`, entry]))

/** The header `nonce` of an ACME request (a JWS whose header also has `url`). */
const ACME_NONCE: CatalogueEntry = h('nonce', 'ACME nonce', 'A server-issued anti-replay nonce in ACME requests.', 'RFC 8555 §6.5.2', 'string')

/** What around a member decides its meaning, beyond its name. */
export interface MemberContext {
  /** The header's `typ` (ACME requests have none, or not `JWT`). */
  readonly headerTyp?: string
  /** The identity provider recognised from the token (see `recogniseIssuer`), once per token. */
  readonly issuer?: RecognisedIssuer | null
}

/** Whether a header is an ACME request's: it has `url`, and its `typ` (if any) is not JWT's. */
function isAcmeHeader(siblings: readonly string[], typ: string | undefined): boolean {
  if (!siblings.includes('url')) return false
  const t = typ?.toLowerCase()
  return t !== 'jwt' && t !== 'application/jwt'
}

/**
 * Looks up a header parameter or payload claim by its exact (case-sensitive) name.
 * Returns undefined for private or unknown names. `siblings`, the other member names of the same
 * object, and `context` pick the meaning of a name that depends on context: a header `nonce` beside
 * `url` in a header that is not a JWT's is ACME's, otherwise the JWS/JWT header meaning; a claim of
 * a recognised identity provider is described from its dictionary, naming the vendor.
 */
export function describeMember(
  name: string,
  where: 'header' | 'payload',
  siblings: readonly string[] = [],
  context: MemberContext = {},
): MemberDescription | undefined {
  if (where === 'header' && name === 'nonce' && isAcmeHeader(siblings, context.headerTyp)) return ACME_NONCE
  const registered = index.get(`${where}:${name}`)
  const vendor = context.issuer?.vendor
  return (vendor === undefined ? undefined : vendorMember(vendor, name, where, registered)) ?? registered
}
