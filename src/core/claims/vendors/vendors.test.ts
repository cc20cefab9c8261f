import { describe, expect, it } from 'vitest'
import type { JsonObject } from '../../json-object'
import { describeMember } from '../catalogue'
import { memberMarkdown } from '../json-schema'
import { recogniseIssuer, vendorDictionaries } from './index'

const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47'

// Claims of example tokens as the vendors document them (values shortened where they are opaque).
const ENTRA_V2_ACCESS: JsonObject = {
  aud: '6e74172b-be56-4843-9ff4-e66a39bb12e3',
  iss: `https://login.microsoftonline.com/${TID}/v2.0`,
  iat: 1537231048, nbf: 1537231048, exp: 1537234948,
  aio: 'AXQAi/8IAAAAtAaZLo3ChMif6KOnttRB7eBq4/DccQzjcJGxPYy/C3jDaNGxXd6wNIIVGRghNRnwJ1lOcAnNZcjvkoyrFxCttv33140RioOFJ4bCCGVuoCag1uOTT22222gHwLPYQ/uf79QX+0KIijdrmp69RctzmQ==',
  azp: '6e74172b-be56-4843-9ff4-e66a39bb12e3', azpacr: '0', name: 'Abe Lincoln',
  oid: '690222be-ff1a-4d56-abd1-7e4f7d38e474', preferred_username: 'abeli@microsoft.com', rh: 'I',
  scp: 'access_as_user', sub: 'HKZpfaHyWadeOouYlitjrI-KffTm222X5rrV3xDqfKQ', tid: TID,
  uti: 'fqiBqXLPj0eQa82S-IYFAA', ver: '2.0',
}
const ENTRA_GRAPH_V1: JsonObject = {
  aud: '00000003-0000-0000-c000-000000000000', iss: `https://sts.windows.net/${TID}/`, iat: 1700000000, nbf: 1700000000, exp: 1700004000,
  acct: 0, acr: '1', aio: 'E2NgYJ…', amr: ['pwd', 'mfa'], app_displayname: 'Graph Explorer', appid: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064',
  appidacr: '0', family_name: 'Lincoln', given_name: 'Abe', idtyp: 'user', ipaddr: '203.0.113.7', name: 'Abe Lincoln',
  oid: '690222be-ff1a-4d56-abd1-7e4f7d38e474', onprem_sid: 'S-1-5-21-1004336348-1177238915-682003330-512', platf: '3', puid: '10032001A2B3C4D5',
  rh: '0.AXkA…', scp: 'User.Read openid profile email', signin_state: ['kmsi'], sub: 'Fz9…', tenant_region_scope: 'NA', tid: TID,
  unique_name: 'abeli@microsoft.com', upn: 'abeli@microsoft.com', uti: 'xZ3…', ver: '1.0', wids: ['b79fbf4d-3ef9-4689-8143-76b194e85509'],
  xms_st: { sub: 'abc' }, xms_tcdt: 1289241547, xms_tdbr: 'EU', xms_cc: ['cp1'],
}
const KEYCLOAK_ACCESS: JsonObject = {
  exp: 1700000300, iat: 1700000000, jti: '2b1c…', iss: 'http://localhost:8080/realms/myrealm', aud: 'account',
  sub: 'f0b6…', typ: 'Bearer', azp: 'myclient', session_state: '7c54…', acr: '1', 'allowed-origins': ['http://localhost:3000'],
  realm_access: { roles: ['offline_access', 'uma_authorization', 'default-roles-myrealm'] },
  resource_access: { account: { roles: ['manage-account', 'view-profile'] } },
  scope: 'openid profile email', sid: '7c54…', email_verified: false, preferred_username: 'user1',
}
const GOOGLE_ID: JsonObject = {
  iss: 'https://accounts.google.com', azp: '1234987819200.apps.googleusercontent.com', aud: '1234987819200.apps.googleusercontent.com',
  sub: '10769150350006150715113082367', at_hash: 'HK6E_P6Dh8Y93mRNtsDB1Q', hd: 'example.com', email: 'jsmith@example.com',
  email_verified: true, iat: 1353601026, exp: 1353604926, nonce: '0394852-3190485-2490358',
}
const COGNITO_ACCESS: JsonObject = {
  sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', device_key: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', 'cognito:groups': ['admin'],
  token_use: 'access', scope: 'aws.cognito.signin.user.admin', auth_time: 1562190524,
  iss: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_example', exp: 1562194124, iat: 1562190524,
  origin_jti: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', event_id: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', jti: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  client_id: '57cbishk4j24pabc1234567890', username: 'janedoe@example.com', 'custom:tier': 'gold',
}
const AUTH0_ACCESS: JsonObject = {
  iss: 'https://my-tenant.us.auth0.com/', sub: 'auth0|5f7c8ec7c33c6c004bbafe82', aud: ['https://api.example.com', 'https://my-tenant.us.auth0.com/userinfo'],
  iat: 1700000000, exp: 1700086400, scope: 'openid profile read:messages', azp: 'my-client-id', permissions: ['read:messages'],
  'https://example.com/roles': ['admin'], org_id: 'org_9ybsU1dN2dKfDkBi',
}
const OKTA_ACCESS: JsonObject = {
  ver: 1, jti: 'AT.0mP4JKAZX1iACIT4vbEDF7LpvDVjxypPMf0D7uX39RE', iss: 'https://dev-123456.okta.com/oauth2/default', aud: 'api://default',
  iat: 1700000000, exp: 1700003600, cid: '0oa1u8v3z2Z0ldXYz4x7', uid: '00u1u8v3z2Z0ldXYz4x7', scp: ['openid', 'profile'], auth_time: 1700000000, sub: 'user@example.com',
}
const ALB_HEADER: JsonObject = {
  typ: 'JWT', kid: '12345678-1234-1234-1234-123456789012', alg: 'ES256', iss: 'https://idp.example.com', client: 'client-id',
  signer: 'arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/my-lb/1234567890abcdef', exp: 1700000300,
}

describe('recogniseIssuer', () => {
  it.each([
    ['Entra v2.0 access token', {}, ENTRA_V2_ACCESS, 'entra', 'Microsoft Entra ID (v2.0 access token)', []],
    ['Entra v1.0 Graph token', {}, ENTRA_GRAPH_V1, 'entra', 'Microsoft Entra ID (v1.0 access token)', ['entra-graph', 'entra-v1']],
    ['Entra v2.0 ID token', {}, { iss: `https://login.microsoftonline.com/${TID}/v2.0`, nonce: 'n', aud: 'x' }, 'entra', 'Microsoft Entra ID (v2.0 ID token)', []],
    ['Keycloak access token', {}, KEYCLOAK_ACCESS, 'keycloak', 'Keycloak (realm myrealm, access token)', ['keycloak-typ']],
    ['Keycloak refresh token (old /auth path)', {}, { iss: 'https://sso.example.com/auth/realms/acme', typ: 'Refresh' }, 'keycloak', 'Keycloak (realm acme, refresh token)', ['keycloak-typ', 'keycloak-refresh']],
    ['Keycloak without typ', {}, { iss: 'https://sso.example.com/realms/acme' }, 'keycloak', 'Keycloak (realm acme)', []],
    ['Google ID token', {}, GOOGLE_ID, 'google', 'Google (ID token)', ['google-iss']],
    ['Google, old issuer spelling', {}, { ...GOOGLE_ID, iss: 'accounts.google.com' }, 'google', 'Google (ID token)', ['google-iss']],
    ['Cognito access token', {}, COGNITO_ACCESS, 'cognito', 'Amazon Cognito (user pool us-west-2_example, access token)', ['cognito-no-aud']],
    ['Cognito ID token', {}, { iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123', token_use: 'id', aud: 'c' }, 'cognito', 'Amazon Cognito (user pool eu-west-1_AbC123, ID token)', []],
    ['Auth0 tenant domain', {}, AUTH0_ACCESS, 'auth0', 'Auth0 (access token)', []],
    ['Auth0 custom domain, user subject', {}, { iss: 'https://login.example.com/', sub: 'google-oauth2|1234', nonce: 'n' }, 'auth0', 'Auth0 (custom domain, recognised by its claims, ID token)', []],
    ['Auth0 custom domain, machine token', {}, { iss: 'https://login.example.com/', sub: 'abc@clients', gty: 'client-credentials' }, 'auth0', 'Auth0 (custom domain, recognised by its claims, access token)', []],
    ['Okta custom server access token', {}, OKTA_ACCESS, 'okta', 'Okta (authorization server default, access token)', []],
    ['Okta org server access token', {}, { ...OKTA_ACCESS, iss: 'https://acme.oktapreview.com' }, 'okta', 'Okta (org authorization server, access token)', ['okta-org-server']],
    ['Okta org server ID token', {}, { iss: 'https://acme.okta-emea.com', idp: '00o1', at_hash: 'x' }, 'okta', 'Okta (org authorization server, ID token)', []],
    ['AWS ALB user claims (iss of another vendor)', ALB_HEADER, { sub: '1234', iss: 'https://accounts.google.com' }, 'aws-alb', 'AWS Application Load Balancer (user claims from x-amzn-oidc-data)', ['alb-padding', 'alb-key']],
  ] as const)('%s', (_, header, payload, vendor, label, notes) => {
    const issuer = recogniseIssuer(header, payload)
    expect(issuer).toMatchObject({ vendor, label })
    expect(issuer?.notes.map((n) => n.id)).toEqual(notes)
  })

  it.each([
    ['a path that only contains the Entra host', `https://evil.example/login.microsoftonline.com/${TID}/v2.0`],
    ['the Entra host as a subdomain of another', `https://login.microsoftonline.com.evil.example/${TID}/v2.0`],
    ['the Entra host as user name', `https://login.microsoftonline.com@evil.example/${TID}/v2.0`],
    ['the Entra host over http', `http://login.microsoftonline.com/${TID}/v2.0`],
    ['an Entra issuer with a port', `https://login.microsoftonline.com:8443/${TID}/v2.0`],
    ['an Entra issuer with a query', `https://login.microsoftonline.com/${TID}/v2.0?x=1`],
    ['an Entra issuer in capitals (not the string verifiers compare)', `https://LOGIN.microsoftonline.com/${TID}/v2.0`],
    ['an Entra issuer with a tab the URL parser would drop', `https://login.micro\tsoftonline.com/${TID}/v2.0`],
    ['an Entra template issuer', 'https://login.microsoftonline.com/{tenantid}/v2.0'],
    ['a v1.0 issuer without its trailing slash', `https://sts.windows.net/${TID}`],
    ['an Entra issuer with extra path', `https://login.microsoftonline.com/${TID}/v2.0/x`],
    ['Google with a trailing slash', 'https://accounts.google.com/'],
    ['Google as a subdomain', 'https://accounts.google.com.evil.example'],
    ['Cognito host under another domain', 'https://cognito-idp.us-east-1.amazonaws.com.evil.example/us-east-1_abc'],
    ['Cognito with another service', 'https://evil-cognito-idp.us-east-1.amazonaws.com/us-east-1_abc'],
    ['Cognito pool of another region', 'https://cognito-idp.us-east-1.amazonaws.com/eu-west-1_abc'],
    ['a Keycloak path with an empty realm', 'https://evil.example/realms/'],
    ['a Keycloak issuer with a trailing slash', 'https://sso.example.com/realms/acme/'],
    ['Okta look-alike domain', 'https://evilokta.com/oauth2/default'],
    ['Okta host under another domain', 'https://acme.okta.com.evil.example/oauth2/default'],
    ['Okta with another path', 'https://acme.okta.com/api/v1'],
    ['Auth0 look-alike domain', 'https://my-tenant.auth0.com.evil.example/'],
    ['a custom domain without Auth0 claims', 'https://login.example.com/'],
    ['not a URL', 'login.microsoftonline.com'],
    ['a javascript URL', 'javascript:alert(1)//login.microsoftonline.com'],
  ])('%s is no vendor', (_, iss) => {
    expect(recogniseIssuer({}, { iss, sub: 'user-1', typ: 'Bearer' })).toBeNull()
  })

  it.each([
    ['a non-string iss', { iss: 42 }],
    ['no iss', { sub: 'auth0|x' }],
    ['a huge iss', { iss: `https://login.microsoftonline.com/${TID}/v2.0${'/'.repeat(5000)}` }],
  ])('%s is no vendor', (_, payload) => {
    expect(recogniseIssuer({}, payload)).toBeNull()
  })

  it('takes non-object header and payload values as empty', () => {
    expect(recogniseIssuer(null, ['iss'])).toBeNull()
    expect(recogniseIssuer(undefined, undefined)).toBeNull()
  })

  it('does not take a signer in the payload for ALB', () => {
    expect(recogniseIssuer({}, { signer: ALB_HEADER.signer ?? '' })).toBeNull()
  })

  it('names the ALB key URL of the signer\'s region and explains the padding', () => {
    const notes = recogniseIssuer(ALB_HEADER, {})?.notes ?? []
    expect(notes[0]?.text).toContain("pads its base64url segments with '='")
    expect(notes[0]?.text).toContain('strict JWT libraries reject')
    expect(notes[1]?.text).toContain('https://public-keys.auth.elb.us-east-2.amazonaws.com/{kid}')
    expect(notes[1]?.text).toContain('ES256')
  })

  it('explains that Keycloak\'s typ claim is not the RFC 7515 typ header parameter', () => {
    const note = recogniseIssuer({}, KEYCLOAK_ACCESS)?.notes[0]
    expect(note?.text).toContain('Bearer (access token), ID (ID token), Refresh, Offline or Logout')
    expect(note?.text).toContain('not the typ header parameter of RFC 7515')
  })

  it('shortens a long realm name in the label', () => {
    expect(recogniseIssuer({}, { iss: `https://sso.example.com/realms/${'r'.repeat(100)}` })?.label).toBe(`Keycloak (realm ${'r'.repeat(47)}…)`)
  })

  it('gives every dictionary an https documentation URL and every note one too', () => {
    for (const d of vendorDictionaries) expect(d.reference, d.id).toMatch(/^https:\/\//)
    for (const [h, p] of [[{}, ENTRA_GRAPH_V1], [{}, KEYCLOAK_ACCESS], [ALB_HEADER, {}], [{}, COGNITO_ACCESS]] as const) {
      for (const note of recogniseIssuer(h, p)?.notes ?? []) expect(note.reference).toMatch(/^https:\/\//)
    }
  })
})

/** Every claim name of `payload` that no dictionary or catalogue entry describes for its issuer. */
function undescribed(payload: JsonObject, header: JsonObject = {}): string[] {
  const issuer = recogniseIssuer(header, payload)
  return Object.keys(payload).filter((name) => describeMember(name, 'payload', [], { issuer }) === undefined)
}

describe('vendor claims in describeMember', () => {
  it.each([
    ['Entra v2.0', ENTRA_V2_ACCESS],
    ['Entra Graph v1.0', ENTRA_GRAPH_V1],
    ['Keycloak', KEYCLOAK_ACCESS],
    ['Google', GOOGLE_ID],
    ['Cognito', COGNITO_ACCESS],
    ['Auth0', AUTH0_ACCESS],
    ['Okta', OKTA_ACCESS],
  ])('describes every claim of the %s example', (_, payload) => {
    expect(undescribed(payload)).toEqual([])
  })

  it.each([
    [ENTRA_V2_ACCESS, 'oid', 'Object ID', 'Microsoft Entra ID', 'Microsoft identity platform claims reference'],
    [ENTRA_V2_ACCESS, 'tid', 'Tenant ID', 'Microsoft Entra ID', 'Microsoft identity platform claims reference'],
    [ENTRA_V2_ACCESS, 'scp', 'Scopes', 'Microsoft Entra ID', 'Microsoft identity platform claims reference'],
    [ENTRA_V2_ACCESS, 'xms_unknown_future', 'Microsoft extension claim', 'Microsoft Entra ID', 'Microsoft identity platform claims reference'],
    [ENTRA_V2_ACCESS, 'sid', 'Session ID', 'Microsoft Entra ID', 'Microsoft identity platform claims reference; OpenID Connect Front-Channel Logout 1.0 §3'],
    [KEYCLOAK_ACCESS, 'typ', 'Token kind', 'Keycloak', 'Keycloak Server Administration Guide'],
    [KEYCLOAK_ACCESS, 'realm_access', 'Realm roles', 'Keycloak', 'Keycloak Server Administration Guide'],
    [GOOGLE_ID, 'hd', 'Hosted domain', 'Google', 'Google Identity: OpenID Connect'],
    [COGNITO_ACCESS, 'cognito:groups', 'Groups', 'Amazon Cognito', 'Amazon Cognito Developer Guide'],
    [COGNITO_ACCESS, 'custom:tier', 'Custom attribute', 'Amazon Cognito', 'Amazon Cognito Developer Guide'],
    [AUTH0_ACCESS, 'https://example.com/roles', 'Custom claim', 'Auth0', 'Auth0 Docs: JSON Web Token claims'],
    [AUTH0_ACCESS, 'permissions', 'Permissions', 'Auth0', 'Auth0 Docs: JSON Web Token claims'],
    [OKTA_ACCESS, 'cid', 'Client ID', 'Okta', 'Okta OpenID Connect & OAuth 2.0 API reference'],
    [OKTA_ACCESS, 'uid', 'User ID', 'Okta', 'Okta OpenID Connect & OAuth 2.0 API reference'],
  ] as const)('%#: %s is described from the vendor dictionary', (payload, name, title, vendor, spec) => {
    const entry = describeMember(name, 'payload', [], { issuer: recogniseIssuer({}, payload) })
    expect(entry).toMatchObject({ name, where: 'payload', title, spec })
    expect(entry?.description.endsWith(` (${vendor})`)).toBe(true)
    expect(entry?.reference).toMatch(/^https:\/\//)
  })

  it('keeps registered descriptions for claims the vendor does not document', () => {
    const issuer = recogniseIssuer({}, ENTRA_V2_ACCESS)
    expect(describeMember('exp', 'payload', [], { issuer })).toMatchObject({ title: 'Expiration time', spec: 'RFC 7519 §4.1.4' })
    expect(describeMember('exp', 'payload', [], { issuer })?.reference).toBeUndefined()
  })

  it.each([
    ['oid', ENTRA_V2_ACCESS],
    ['realm_access', KEYCLOAK_ACCESS],
    ['cid', OKTA_ACCESS],
    ['https://example.com/roles', AUTH0_ACCESS],
    ['xms_cc', ENTRA_V2_ACCESS],
  ])('%s is not a registered claim without its vendor', (name) => {
    expect(describeMember(name, 'payload')).toBeUndefined()
    expect(describeMember(name, 'payload', [], { issuer: null })).toBeUndefined()
  })

  it('does not carry one vendor\'s names to another (Entra\'s xms_ on Keycloak, Auth0 URL names on Okta)', () => {
    expect(describeMember('xms_cc', 'payload', [], { issuer: recogniseIssuer({}, KEYCLOAK_ACCESS) })).toBeUndefined()
    expect(describeMember('https://example.com/roles', 'payload', [], { issuer: recogniseIssuer({}, OKTA_ACCESS) })).toBeUndefined()
    expect(describeMember('xms_', 'payload', [], { issuer: recogniseIssuer({}, ENTRA_V2_ACCESS) })).toBeUndefined()
  })

  it('describes ALB header members from its dictionary', () => {
    const issuer = recogniseIssuer(ALB_HEADER, {})
    expect(describeMember('signer', 'header', [], { issuer })).toMatchObject({ title: 'Signer', vendor: 'aws-alb' })
    expect(describeMember('signer', 'header')).toBeUndefined()
  })
})

describe('the header nonce in context', () => {
  const GRAPH_HEADER = ['typ', 'nonce', 'alg', 'x5t', 'kid']
  const GRAPH_PAYLOAD: JsonObject = { ...ENTRA_V2_ACCESS, aud: 'https://graph.microsoft.com' }

  it.each([
    ['a Graph token (Entra recognised)', GRAPH_HEADER, 'JWT', GRAPH_PAYLOAD, 'Microsoft Graph header nonce'],
    ['a JWT header with a nonce, no vendor', GRAPH_HEADER, 'JWT', {}, 'Header nonce'],
    ['a JWT header with url and typ JWT', ['alg', 'url', 'nonce', 'typ'], 'JWT', {}, 'Header nonce'],
    ['a JWT header with url and typ application/jwt', ['alg', 'url', 'nonce', 'typ'], 'application/jwt', {}, 'Header nonce'],
    ['an ACME request (url, no typ)', ['alg', 'jwk', 'nonce', 'url'], undefined, {}, 'ACME nonce'],
    ['an ACME request with another typ', ['alg', 'jwk', 'nonce', 'url', 'typ'], 'example+jws', {}, 'ACME nonce'],
  ] as const)('%s', (_, siblings, headerTyp, payload, title) => {
    const entry = describeMember('nonce', 'header', siblings, { headerTyp, issuer: recogniseIssuer({}, payload) })
    expect(entry?.title).toBe(title)
  })

  it('the Graph nonce description names Graph and never ACME', () => {
    const entry = describeMember('nonce', 'header', GRAPH_HEADER, { headerTyp: 'JWT', issuer: recogniseIssuer({}, GRAPH_PAYLOAD) })
    expect(entry?.description).toContain('SHA-256 hex digest')
    expect(entry?.description).not.toContain('ACME nonce')
    expect(entry?.spec).toBe('Microsoft identity platform claims reference; RFC 7515 §4.3')
  })
})

describe('memberMarkdown', () => {
  it('links a vendor entry to its documentation', () => {
    const entry = describeMember('oid', 'payload', [], { issuer: recogniseIssuer({}, ENTRA_V2_ACCESS) })
    expect(entry && memberMarkdown(entry)).toBe(
      '**Object ID** (`oid`)\n\nThe immutable ID of the user or service principal in this tenant, the same for every app: with tid, the key to identify a user. (Microsoft Entra ID)\n\n' +
        '*Type:* string  \n*Defined in:* Microsoft identity platform claims reference ([documentation](https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference))',
    )
  })

  it.each([
    ['https://example.com/roles', '(`https://example.com/roles`)'],
    ['https://example.com/`x`', '(`` https://example.com/`x` ``)'],
    ['https://example.com/a``b', '(```https://example.com/a``b```)'],
    ['https://example.com/<img src=x>\n\n# h', '(`https://example.com/<img src=x>  # h`)'],
  ])('shows the token\'s own claim name %j as a code span', (name, shown) => {
    const entry = describeMember(name, 'payload', [], { issuer: recogniseIssuer({}, AUTH0_ACCESS) })
    expect(entry && memberMarkdown(entry).split('\n')[0]).toBe(`**Custom claim** ${shown}`)
  })
})
