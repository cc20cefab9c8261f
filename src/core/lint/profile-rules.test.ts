import { describe, expect, it } from 'vitest'
import { decodeToken } from '../token/decode'
import type { DecodedToken } from '../types'
import { lintToken, resolveLintContext } from './index'
import { profileRule } from './profile-rules'
import { normaliseTyp, TOKEN_PROFILES, tokenProfile } from './profiles'
import { lifetimeRule, missingExpRule } from './time-rules'

const NOW = 1704067200 // 2024-01-01T00:00:00Z
const b64u = (data: string): string => Buffer.from(data).toString('base64url')
const json = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value))
type Claims = Record<string, unknown>

/** Signature lengths in bytes that the algorithms can produce (RS256 with a 2048-bit key). */
const SIGNATURE_BYTES: Readonly<Record<string, number>> = { ES256: 64, RS256: 256, HS256: 32 }

/** A compact JWS from header and payload, with a signature of a length its alg can have (the bytes do not matter to the lint). */
function jws(header: unknown, payload: unknown): DecodedToken {
  const alg = (header as { alg?: unknown } | null)?.alg
  const bytes = typeof alg === 'string' ? SIGNATURE_BYTES[alg] ?? 3 : 3
  return decodeToken(`${b64u(json(header))}.${b64u(json(payload))}.${Buffer.alloc(bytes, 0x5a).toString('base64url')}`)
}

// RFC 9449 §4.1 (Figure 2/3): a proof for a token request, as the RFC prints it.
const RFC_TOKEN_PROOF = 'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjYyNjE2fQ.2-GxA6T8lP4vfrg8v-FdWP0A0zdrj8igiMLvqRMUvwnQg4PtFLbdLXiOSsX0x7NVY-FNyJK70nfbV37xRZT3Lg'
// RFC 9449 §7.1 (Figure 13): a proof for a resource request, carrying ath.
const RFC_RESOURCE_PROOF = 'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJlMWozVl9iS2ljOC1MQUVCIiwiaHRtIjoiR0VUIiwiaHR1IjoiaHR0cHM6Ly9yZXNvdXJjZS5leGFtcGxlLm9yZy9wcm90ZWN0ZWRyZXNvdXJjZSIsImlhdCI6MTU2MjI2MjYxOCwiYXRoIjoiZlVIeU8ycjJaM0RaNTNFc05yV0JiMHhXWG9hTnk1OUlpS0NBcWtzbVFFbyJ9.2oW9RP35yRqzhrtNP86L-Ey71EOptxRimPPToA1plemAgR6pxHF8y6-yqyVnmcw6Fy1dqd-jfxSYoMxhAJpLjA'
const RFC_DPOP_JWK = { kty: 'EC', x: 'l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs', y: '9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA', crv: 'P-256' }
const RFC_DPOP_CLAIMS = { jti: '-BwC3ESc6acc2lTc', htm: 'POST', htu: 'https://server.example.com/token', iat: 1562262616 }

/** One valid token per profile: the header, and claims from the specification's example where it has one. */
const VALID: Readonly<Record<string, { readonly header: Claims; readonly claims: Claims }>> = {
  // Claims of the kind RFC 9068 §2.2 lists, all present.
  'at+jwt': {
    header: { alg: 'RS256', typ: 'at+jwt', kid: 'RjEwOwOA' },
    claims: { iss: 'https://authorization-server.example.com/', sub: '5ba552d67', aud: 'https://rs.example.com/', exp: 1639528912, iat: 1639528612, jti: 'dbe39bf3a3ba4238a513f51d6e1691c4', client_id: 's6BhdRkqt3', scope: 'openid profile reademail' },
  },
  'dpop+jwt': { header: { typ: 'dpop+jwt', alg: 'ES256', jwk: RFC_DPOP_JWK }, claims: RFC_DPOP_CLAIMS },
  // RFC 9901 §4.3: the key binding JWT's claims.
  'kb+jwt': {
    header: { alg: 'ES256', typ: 'kb+jwt' },
    claims: { nonce: '1234567890', aud: 'https://verifier.example.org', iat: 1700000000, sd_hash: '0_Af-2B-EhLWX5ydh_w2xzwmO6iM66B_2QCEanI4fUY' },
  },
  'dc+sd-jwt': {
    header: { alg: 'ES256', typ: 'dc+sd-jwt' },
    claims: { vct: 'https://credentials.example.com/identity_credential', iss: 'https://example.com/issuer', iat: 1683000000, exp: 1883000000, _sd_alg: 'sha-256', _sd: ['09vKrJMOlyTWM0sjpu_pdOBVBQ2M1y3KhpH515nXkpY'] },
  },
  // Back-Channel Logout 1.0 §2.4's example, with an exp.
  'logout+jwt': {
    header: { alg: 'RS256', typ: 'logout+jwt' },
    claims: { iss: 'https://server.example.com', sub: '248289761001', aud: 's6BhdRkqt3', iat: 1471566154, exp: 1471566274, jti: 'bWJq', sid: '08a5019c-17e1-4977-8f42-65a12843ea02', events: { 'http://schemas.openid.net/event/backchannel-logout': {} } },
  },
  // RFC 8417 §2.1.1: a SCIM create event.
  'secevent+jwt': {
    header: { alg: 'RS256', typ: 'secevent+jwt' },
    claims: {
      jti: '4d3559ec67504aaba65d40b0363faad8', iat: 1458496404, iss: 'https://scim.example.com',
      aud: ['https://scim.example.com/Feeds/98d52461fa5bbc879593b7754', 'https://scim.example.com/Feeds/5d7604516b1d08641d7676ee7'],
      events: { 'urn:ietf:params:scim:event:create': { ref: 'https://scim.example.com/Users/44f6142df96bd6ab61e7521d9', attributes: ['id', 'name', 'userName', 'password', 'emails'] } },
    },
  },
  // RFC 9701 §5's example response (without the personal claims).
  'token-introspection+jwt': {
    header: { alg: 'RS256', typ: 'token-introspection+jwt', kid: 'wG6D' },
    claims: {
      iss: 'https://as.example.com/', aud: 'https://rs.example.com/resource', iat: 1514797892,
      token_introspection: { active: true, iss: 'https://as.example.com/', aud: 'https://rs.example.com/resource', iat: 1514797822, exp: 1514797942, client_id: 'paiB2goo0a', scope: 'read write dolphin', sub: 'Z5O3upPC88QrAjx00dis', jti: 't1FoCCaZd4Xv4ORJUWVUeTZfsKhW30CQCrWDDjwXy6w' },
    },
  },
  // An entity configuration as OpenID Federation 1.0 §3.1 describes one (lifetime of a week).
  'entity-statement+jwt': {
    header: { alg: 'RS256', typ: 'entity-statement+jwt', kid: 'ZWx' },
    claims: { iss: 'https://op.umu.se', sub: 'https://op.umu.se', iat: 1516239022, exp: 1516843822, jwks: { keys: [{ kty: 'RSA', kid: 'ZWx', n: 'pnXBOusEANuug6ewezb9J_', e: 'AQAB' }] }, authority_hints: ['https://umu.se'] },
  },
}

const valid = (id: string): { header: Claims; claims: Claims } => {
  const v = VALID[id]
  if (v === undefined) throw new Error(`no valid example for ${id}`)
  return { header: { ...v.header }, claims: { ...v.claims } }
}
// The profile rules load on demand in the app; here they are handed to lintToken as the session does.
const lint = (token: DecodedToken) => lintToken(token, { now: NOW, extraRules: [profileRule] }).map((f) => `${f.severity} ${f.id}`)
const profileFindings = (token: DecodedToken) => profileRule(token, resolveLintContext({ now: NOW }))
const typDiagnostics = (token: DecodedToken) => token.diagnostics.filter((d) => d.code === 'TYP_UNUSUAL')

describe('valid tokens of each profile', () => {
  it.each<[string, DecodedToken, string[]]>([
    ['at+jwt', jws(VALID['at+jwt']?.header, VALID['at+jwt']?.claims), []],
    ['dpop+jwt (RFC 9449 token request proof)', decodeToken(RFC_TOKEN_PROOF), ['info header-jwk']],
    ['dpop+jwt (RFC 9449 resource request proof with ath)', decodeToken(RFC_RESOURCE_PROOF), ['info header-jwk']],
    ['kb+jwt', jws(VALID['kb+jwt']?.header, VALID['kb+jwt']?.claims), []],
    ['dc+sd-jwt', jws(VALID['dc+sd-jwt']?.header, VALID['dc+sd-jwt']?.claims), []],
    ['vc+sd-jwt', jws({ ...VALID['dc+sd-jwt']?.header, typ: 'vc+sd-jwt' }, VALID['dc+sd-jwt']?.claims), []],
    ['logout+jwt', jws(VALID['logout+jwt']?.header, VALID['logout+jwt']?.claims), []],
    ['secevent+jwt (RFC 8417 §2.1.1)', jws(VALID['secevent+jwt']?.header, VALID['secevent+jwt']?.claims), []],
    ['token-introspection+jwt', jws(VALID['token-introspection+jwt']?.header, VALID['token-introspection+jwt']?.claims), []],
    ['entity-statement+jwt', jws(VALID['entity-statement+jwt']?.header, VALID['entity-statement+jwt']?.claims), []],
  ])('%s: exactly the expected findings, no missing-exp, no unexpected-typ diagnostic', (_name, token, expected) => {
    expect(token.diagnostics).toEqual([])
    expect(profileFindings(token)).toEqual([])
    expect(lint(token)).toEqual(expected)
  })

  it.each(['dpop+jwt', 'kb+jwt', 'secevent+jwt', 'token-introspection+jwt'])('%s without exp gets no missing-exp finding', (id) => {
    const { header, claims } = valid(id)
    expect(claims['exp']).toBeUndefined()
    const token = jws(header, claims)
    expect(missingExpRule(token, resolveLintContext({ now: NOW }))).toEqual([])
    expect(lint(token).filter((f) => f.includes('exp'))).toEqual([])
  })

  it.each([
    'application/dpop+jwt', 'APPLICATION/DPOP+JWT', 'DPoP+JWT', 'application/at+jwt', 'application/secevent+jwt', 'Logout+JWT',
    'dc+sd-jwt', 'vc+sd-jwt', 'application/dc+sd-jwt', 'kb+jwt', 'token-introspection+jwt', 'entity-statement+jwt',
  ])('typ %j is a known profile and no "unexpected typ" diagnostic', (typ) => {
    const token = jws({ alg: 'ES256', typ }, {})
    expect(tokenProfile(token)?.typ).toContain(normaliseTyp(typ))
    expect(typDiagnostics(token)).toEqual([])
  })

  it('every profile typ passes the header check, and a made-up one still gets the diagnostic', () => {
    for (const profile of TOKEN_PROFILES) {
      for (const typ of profile.typ) expect(typDiagnostics(jws({ alg: 'ES256', typ: `application/${typ.toUpperCase()}` }, {}))).toEqual([])
    }
    expect(typDiagnostics(jws({ alg: 'ES256', typ: 'made-up+jwt' }, {})).map((d) => d.message)).toEqual([
      'The header\'s "typ" is "made-up+jwt", which is not a common token type (such as JWT, at+jwt, dpop+jwt or secevent+jwt). That is allowed, but verifiers that check "typ" may reject the token.',
    ])
  })

  it('lists exp among the required claims exactly when the profile requires it', () => {
    for (const p of TOKEN_PROFILES) expect([p.id, p.required.some((c) => c.names.includes('exp'))]).toEqual([p.id, p.exp === 'required'])
  })
})

describe('a required claim missing', () => {
  it.each<[profile: string, removed: string[], title: string, reference: string]>([
    ['at+jwt', ['iss'], 'JWT access token without iss', 'RFC 9068 §2.2'],
    ['at+jwt', ['exp'], 'JWT access token without exp', 'RFC 9068 §2.2'],
    ['at+jwt', ['aud'], 'JWT access token without aud', 'RFC 9068 §2.2'],
    ['at+jwt', ['sub'], 'JWT access token without sub', 'RFC 9068 §2.2'],
    ['at+jwt', ['client_id'], 'JWT access token without client_id', 'RFC 9068 §2.2'],
    ['at+jwt', ['iat'], 'JWT access token without iat', 'RFC 9068 §2.2'],
    ['at+jwt', ['jti'], 'JWT access token without jti', 'RFC 9068 §2.2'],
    ['at+jwt', ['client_id', 'jti', 'aud'], 'JWT access token without aud, client_id and jti', 'RFC 9068 §2.2'],
    ['dpop+jwt', ['jti'], 'DPoP proof without jti', 'RFC 9449 §4.2'],
    ['dpop+jwt', ['htm'], 'DPoP proof without htm', 'RFC 9449 §4.2'],
    ['dpop+jwt', ['htu'], 'DPoP proof without htu', 'RFC 9449 §4.2'],
    ['dpop+jwt', ['iat'], 'DPoP proof without iat', 'RFC 9449 §4.2'],
    ['kb+jwt', ['iat'], 'Key Binding JWT without iat', 'RFC 9901 §4.3'],
    ['kb+jwt', ['aud'], 'Key Binding JWT without aud', 'RFC 9901 §4.3'],
    ['kb+jwt', ['nonce'], 'Key Binding JWT without nonce', 'RFC 9901 §4.3'],
    ['kb+jwt', ['sd_hash'], 'Key Binding JWT without sd_hash', 'RFC 9901 §4.3'],
    ['dc+sd-jwt', ['vct'], 'SD-JWT verifiable credential without vct', 'draft-ietf-oauth-sd-jwt-vc §3.2.2.1'],
    ['dc+sd-jwt', ['iss'], 'SD-JWT verifiable credential without iss', 'draft-ietf-oauth-sd-jwt-vc §3.2.2.2'],
    ['dc+sd-jwt', ['vct', 'iss'], 'SD-JWT verifiable credential without vct and iss', 'draft-ietf-oauth-sd-jwt-vc §3.2.2.1; draft-ietf-oauth-sd-jwt-vc §3.2.2.2'],
    ['logout+jwt', ['iss'], 'Logout token without iss', 'OpenID Connect Back-Channel Logout 1.0 §2.4'],
    ['logout+jwt', ['aud'], 'Logout token without aud', 'OpenID Connect Back-Channel Logout 1.0 §2.4'],
    ['logout+jwt', ['iat'], 'Logout token without iat', 'OpenID Connect Back-Channel Logout 1.0 §2.4'],
    ['logout+jwt', ['jti'], 'Logout token without jti', 'OpenID Connect Back-Channel Logout 1.0 §2.4'],
    ['logout+jwt', ['events'], 'Logout token without events', 'OpenID Connect Back-Channel Logout 1.0 §2.4'],
    ['logout+jwt', ['sub', 'sid'], 'Logout token without sub or sid', 'OpenID Connect Back-Channel Logout 1.0 §2.4'],
    ['secevent+jwt', ['iss'], 'Security event token without iss', 'RFC 8417 §2.2'],
    ['secevent+jwt', ['iat'], 'Security event token without iat', 'RFC 8417 §2.2'],
    ['secevent+jwt', ['jti'], 'Security event token without jti', 'RFC 8417 §2.2'],
    ['secevent+jwt', ['events'], 'Security event token without events', 'RFC 8417 §2.2'],
    ['token-introspection+jwt', ['iss'], 'JWT introspection response without iss', 'RFC 9701 §5'],
    ['token-introspection+jwt', ['aud'], 'JWT introspection response without aud', 'RFC 9701 §5'],
    ['token-introspection+jwt', ['iat'], 'JWT introspection response without iat', 'RFC 9701 §5'],
    ['token-introspection+jwt', ['token_introspection'], 'JWT introspection response without token_introspection', 'RFC 9701 §5'],
    ['entity-statement+jwt', ['iss'], 'Entity statement without iss', 'OpenID Federation 1.0 §3.1'],
    ['entity-statement+jwt', ['sub'], 'Entity statement without sub', 'OpenID Federation 1.0 §3.1'],
    ['entity-statement+jwt', ['iat'], 'Entity statement without iat', 'OpenID Federation 1.0 §3.1'],
    ['entity-statement+jwt', ['exp'], 'Entity statement without exp', 'OpenID Federation 1.0 §3.1'],
    ['entity-statement+jwt', ['jwks'], 'Entity statement without jwks', 'OpenID Federation 1.0 §3.1'],
  ])('%s without %j: "%s"', (id, removed, title, reference) => {
    const { header, claims } = valid(id)
    for (const name of removed) delete claims[name]
    const token = jws(header, claims)
    const payload = token.token.split('.')[1] ?? ''
    expect(profileFindings(token)).toEqual([expect.objectContaining({
      id: 'profile-missing-claim', severity: 'medium', title, reference, segment: 'payload', offset: token.token.indexOf('.') + 1, length: payload.length,
    })])
    // The generic "never expires" finding is never added on top.
    expect(lint(token)).not.toContain('medium missing-exp')
  })

  it('explains what the missing claim is and who rejects the token', () => {
    const { header, claims } = valid('at+jwt')
    delete claims['client_id']
    expect(profileFindings(jws(header, claims))[0]).toMatchObject({
      explanation: 'The header\'s typ "at+jwt" marks this token as a JWT access token (RFC 9068), which must carry client_id (the client it was issued to). Verifiers that follow RFC 9068 reject it without that claim.',
      fix: 'Issue jwt access tokens with client_id; if this token is not meant to be one, give it another typ.',
    })
  })

  it.each<[string, string[]]>([
    ['logout+jwt', ['sub']],
    ['logout+jwt', ['sid']],
  ])('%s without only %j still has the other of sub and sid', (id, removed) => {
    const { header, claims } = valid(id)
    for (const name of removed) delete claims[name]
    expect(profileFindings(jws(header, claims))).toEqual([])
  })

  it('an SD-JWT VC without iss but with an x5c certificate names its issuer there', () => {
    const { header, claims } = valid('dc+sd-jwt')
    delete claims['iss']
    expect(profileFindings(jws({ ...header, x5c: ['MIIB'] }, claims))).toEqual([])
  })

  it.each<[string, string, unknown, string]>([
    ['dpop+jwt', 'htm', 1, 'DPoP proof: htm is not a JSON string'],
    ['dpop+jwt', 'htu', ['https://server.example.com/token'], 'DPoP proof: htu is not a JSON string'],
    ['secevent+jwt', 'events', 'urn:ietf:params:scim:event:create', 'Security event token: events is not a JSON object'],
    ['logout+jwt', 'events', ['http://schemas.openid.net/event/backchannel-logout'], 'Logout token: events is not a JSON object'],
    ['token-introspection+jwt', 'token_introspection', true, 'JWT introspection response: token_introspection is not a JSON object'],
    ['entity-statement+jwt', 'jwks', [], 'Entity statement: jwks is not a JSON object'],
    ['dc+sd-jwt', 'vct', 42, 'SD-JWT verifiable credential: vct is not a JSON string'],
    ['kb+jwt', 'sd_hash', null, 'Key Binding JWT: sd_hash is not a JSON string'],
  ])('%s with %s = %j: "%s"', (id, name, value, title) => {
    const { header, claims } = valid(id)
    claims[name] = value
    expect(profileFindings(jws(header, claims)).map((f) => [f.severity, f.id, f.title])).toEqual([['medium', 'profile-claim-type', title]])
  })
})

describe('forbidden claims and exp', () => {
  it('a logout token with a nonce: Medium, pointing at the nonce', () => {
    const { header, claims } = valid('logout+jwt')
    const token = jws(header, { ...claims, nonce: 'n-0S6_WzA2Mj' })
    const findings = profileFindings(token)
    expect(findings).toEqual([expect.objectContaining({
      id: 'profile-forbidden-claim',
      severity: 'medium',
      title: 'Logout token with a nonce claim',
      explanation: 'The header\'s typ "logout+jwt" marks this token as a Logout token, which must not carry nonce. A nonce is what an ID token carries; a logout token must never have one, so that it cannot be passed off as an ID token in a login response.',
      reference: 'OpenID Connect Back-Channel Logout 1.0 §2.4',
      segment: 'payload',
    })])
    const nonceChars = findings[0]?.length ?? 0
    expect(nonceChars).toBeGreaterThan(0)
    expect(nonceChars).toBeLessThan(token.token.split('.')[1]?.length ?? 0)
  })

  it.each<[string, Claims, string[]]>([
    ['logout+jwt without exp', { exp: undefined }, ['low profile-exp-missing']],
    ['dc+sd-jwt without exp', { exp: undefined }, ['info profile-exp-optional']],
    ['dpop+jwt with exp', { exp: 1562262616 + 60 }, ['info profile-exp-ignored']],
    ['kb+jwt with exp', { exp: 1700000000 + 60 }, ['info profile-exp-ignored']],
    ['secevent+jwt with exp', { exp: 1458496404 + 60 }, []],
    ['token-introspection+jwt with exp', { exp: 1514797892 + 60 }, []],
  ])('%s', (name, change, expected) => {
    const { header, claims } = valid(name.split(' ')[0] ?? '')
    const token = jws(header, JSON.parse(JSON.stringify({ ...claims, ...change })))
    expect(profileFindings(token).map((f) => `${f.severity} ${f.id}`)).toEqual(expected)
    expect(lint(token)).not.toContain('medium missing-exp')
  })

  it('says so, in the words of the specification, when an SD-JWT VC has no exp', () => {
    const { header, claims } = valid('dc+sd-jwt')
    delete claims['exp']
    expect(profileFindings(jws(header, claims))[0]).toMatchObject({
      title: 'SD-JWT verifiable credential without exp: it does not expire',
      explanation: 'SD-JWT VC makes exp optional (draft-ietf-oauth-sd-jwt-vc §3.2.2.2): a credential without one stays valid until its issuer revokes it, for example through its status claim.',
      reference: 'draft-ietf-oauth-sd-jwt-vc §3.2.2',
    })
  })

  it.each<[string, number, string[]]>([
    ['dpop+jwt', 30 * 86_400, []],
    ['dc+sd-jwt', 365 * 86_400, []],
    ['entity-statement+jwt', 7 * 86_400, []],
    ['secevent+jwt', 2 * 86_400, []],
    ['at+jwt', 2 * 86_400, ['low long-lifetime']],
    ['logout+jwt', 2 * 86_400, ['low long-lifetime']],
  ])('%s valid for %i s: lifetime findings %j', (id, lifetime, expected) => {
    const { header, claims } = valid(id)
    const iat = NOW - 60
    const token = jws(header, { ...claims, iat, exp: iat + lifetime })
    expect(lifetimeRule(token, resolveLintContext({ now: NOW })).map((f) => `${f.severity} ${f.id}`)).toEqual(expected)
  })

  it('a token without a profile typ still never expires without exp', () => {
    for (const typ of [undefined, 'JWT', 'jwt', 'made-up+jwt']) {
      const token = jws({ alg: 'HS256', ...(typ === undefined ? {} : { typ }) }, { sub: 'a' })
      expect(lint(token)).toContain('medium missing-exp')
    }
  })
})

describe('DPoP proofs', () => {
  const proof = (header: Claims, claims: Claims = RFC_DPOP_CLAIMS) => {
    const full: Claims = { typ: 'dpop+jwt', alg: 'ES256', jwk: RFC_DPOP_JWK, ...header }
    if (full['jwk'] === undefined) delete full['jwk']
    return profileFindings(jws(full, claims))
  }
  const summary = (header: Claims, claims?: Claims) => proof(header, claims).map((f) => `${f.severity} ${f.id} ${f.title}`)

  it.each<[string, Claims, Claims | undefined, string[]]>([
    ['no jwk', { jwk: undefined }, undefined, ['medium dpop-jwk-missing DPoP proof without its public key (jwk)']],
    ['a jwk that is a string', { jwk: 'l8tFrhx' }, undefined, ['medium dpop-jwk-missing DPoP proof whose jwk is not a key']],
    ['a private EC key', { jwk: { ...RFC_DPOP_JWK, d: 'ZHVtbXk' } }, undefined, ['critical dpop-jwk-private DPoP proof publishes its private key (jwk)']],
    ['an RSA key with its primes', { alg: 'RS256', jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB', p: 'AQ', q: 'AQ' } }, undefined, ['critical dpop-jwk-private DPoP proof publishes its private key (jwk)']],
    ['a symmetric key', { alg: 'HS256', jwk: { kty: 'oct', k: 'c2VjcmV0' } }, undefined, [
      'medium dpop-alg-symmetric DPoP proof signed with a shared secret (HS256)',
      'critical dpop-jwk-private DPoP proof publishes its secret key (jwk)',
    ]],
    ['an ath that is not a SHA-256 hash', {}, { ...RFC_DPOP_CLAIMS, ath: 'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQE' }, ['medium dpop-ath-invalid DPoP proof with a malformed ath']],
    ['an ath with padding', {}, { ...RFC_DPOP_CLAIMS, ath: 'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQE=' }, ['medium dpop-ath-invalid DPoP proof with a malformed ath']],
    ['an ath that is a number', {}, { ...RFC_DPOP_CLAIMS, ath: 7 }, ['medium dpop-ath-invalid DPoP proof with a malformed ath']],
    ['the RFC\'s ath', {}, { ...RFC_DPOP_CLAIMS, ath: 'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo' }, []],
  ])('%s', (_name, header, claims, expected) => {
    expect(summary(header, claims)).toEqual(expected)
  })

  it('names the private members it found', () => {
    expect(proof({ jwk: { ...RFC_DPOP_JWK, d: 'ZHVtbXk' } })[0]?.explanation).toBe(
      'The header\'s jwk holds private key material (d): everyone who sees this proof can make new proofs for this key and use any access token bound to it.')
  })

  it('a DPoP proof without exp is not "never expires" in the whole lint', () => {
    const findings = lintToken(decodeToken(RFC_TOKEN_PROOF), { now: 1562262616 + 5, extraRules: [profileRule] })
    expect(findings.map((f) => f.title)).toEqual(['DPoP proof carries its own key (jwk)'])
  })

  it('a typ written as a media type (application/dpop+jwt) is still a DPoP proof for the jwk rule', () => {
    const header = b64u(JSON.stringify({ typ: 'application/dpop+jwt', alg: 'ES256', jwk: RFC_DPOP_JWK }))
    const token = `${header}.${b64u(JSON.stringify(RFC_DPOP_CLAIMS))}.${b64u('s'.repeat(64))}`
    const jwk = lintToken(decodeToken(token), { now: 1562262616 + 5, extraRules: [profileRule] }).filter((f) => f.id === 'header-jwk')
    expect(jwk.map((f) => `${f.severity} ${f.title}`)).toEqual(['info DPoP proof carries its own key (jwk)'])
  })
})

describe('profile structure', () => {
  it.each<[string, Claims, string[]]>([
    ['logout+jwt', { events: {} }, ['medium logout-event-missing Logout token without the back-channel logout event']],
    ['logout+jwt', { events: { 'http://schemas.openid.net/event/backchannel-logout': true } }, ['medium logout-event-missing Logout token without the back-channel logout event']],
    ['logout+jwt', { events: { 'http://schemas.openid.net/event/backchannel-logout': {}, 'urn:example:other': {} } }, []],
    ['token-introspection+jwt', { token_introspection: { iss: 'https://as.example.com/' } }, ['medium introspection-active-missing Introspection response without a boolean active']],
    ['token-introspection+jwt', { token_introspection: { active: 'true' } }, ['medium introspection-active-missing Introspection response without a boolean active']],
    ['token-introspection+jwt', { token_introspection: { active: false } }, []],
    ['entity-statement+jwt', { jwks: { kty: 'RSA', n: 'pnXB', e: 'AQAB' } }, ['medium entity-jwks-invalid Entity statement whose jwks is not a JWK Set']],
  ])('%s with %j', (id, change, expected) => {
    const { header, claims } = valid(id)
    expect(profileFindings(jws(header, { ...claims, ...change })).map((f) => `${f.severity} ${f.id} ${f.title}`)).toEqual(expected)
  })

  it('explains a logout token whose events lack the logout event', () => {
    const { header, claims } = valid('logout+jwt')
    expect(profileFindings(jws(header, { ...claims, events: { 'urn:example:other': {} } }))[0]?.explanation).toBe(
      'events must map "http://schemas.openid.net/event/backchannel-logout" to a JSON object (usually {}), but here it has no such member. That member is what declares the token a logout token: relying parties reject it without one.')
  })
})

describe('hostile and odd input', () => {
  it.each<[string, DecodedToken]>([
    ['a typ of a megabyte of "dpop+jwt"', jws({ alg: 'ES256', typ: 'dpop+jwt'.repeat(131_072) }, {})],
    ['a typ that is a number', jws({ alg: 'ES256', typ: 9449 }, {})],
    ['a typ with a trailing space', jws({ alg: 'ES256', typ: 'dpop+jwt ' }, {})],
    ['a typ of just "application/"', jws({ alg: 'ES256', typ: 'application/' }, {})],
  ])('%s is no profile: the generic rules apply', (_name, token) => {
    expect(tokenProfile(token)).toBeUndefined()
    expect(profileFindings(token)).toEqual([])
    expect(lint(token)).toContain('medium missing-exp')
  })

  it.each<[string, DecodedToken]>([
    ['a payload that is an array', jws({ alg: 'RS256', typ: 'at+jwt' }, [1, 2])],
    ['a payload that is not JSON', decodeToken(`${b64u('{"alg":"RS256","typ":"at+jwt"}')}.${b64u('not json')}.c2ln`)],
    ['a JWE typed at+jwt', decodeToken(`${b64u('{"alg":"RSA-OAEP","enc":"A256GCM","typ":"at+jwt"}')}.a2V5.aXY.Y2lwaGVy.dGFn`)],
    ['a header that is not JSON', decodeToken(`${b64u('typ=at+jwt')}.${b64u('{}')}.c2ln`)],
  ])('%s gets no profile findings', (_name, token) => {
    expect(profileFindings(token)).toEqual([])
  })

  it('claim names from Object.prototype are not taken for present claims', () => {
    const token = jws({ alg: 'RS256', typ: 'at+jwt' }, '{"constructor":1,"toString":2,"__proto__":{"iss":"x"}}')
    expect(profileFindings(token)[0]?.title).toBe('JWT access token without iss, exp, aud, sub, client_id, iat and jti')
  })

  it('a DPoP proof without a JSON payload still gets its header checks', () => {
    const token = decodeToken(`${b64u('{"typ":"dpop+jwt","alg":"HS256"}')}.${b64u('not json')}.c2ln`)
    expect(profileFindings(token).map((f) => f.id)).toEqual(['dpop-alg-symmetric', 'dpop-jwk-missing'])
  })
})
