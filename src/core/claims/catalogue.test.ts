import { describe, expect, it } from 'vitest'
import { claimCatalogue, describeMember } from './catalogue'
import { headerJsonSchema, payloadJsonSchema } from './json-schema'

const names = (where: 'header' | 'payload') => claimCatalogue.filter((e) => e.where === where).map((e) => e.name)

describe('claimCatalogue', () => {
  it('has at least 45 entries, each name unique per location', () => {
    expect(claimCatalogue.length).toBeGreaterThanOrEqual(45)
    const keys = claimCatalogue.map((e) => `${e.where}:${e.name}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('covers the registered header parameters of RFC 7515, 7516, 7518 and 7797', () => {
    expect(names('header')).toEqual(expect.arrayContaining([
      'alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit', 'b64',
      'zip', 'enc', 'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c',
    ]))
  })

  it('covers RFC 7519, OIDC, RFC 8693, RFC 9068, RFC 7800, RFC 9449 and RFC 8417 claims', () => {
    expect(names('payload')).toEqual(expect.arrayContaining([
      'iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti',
      'auth_time', 'nonce', 'acr', 'amr', 'azp', 'at_hash', 'c_hash', 'sid', 'name', 'given_name',
      'family_name', 'email', 'email_verified', 'preferred_username', 'picture', 'locale', 'updated_at',
      'phone_number', 'act', 'may_act', 'scope', 'client_id', 'groups', 'roles', 'entitlements',
      'cnf', 'htm', 'htu', 'ath', 'events', 'scp',
    ]))
  })

  it('gives every entry a title, a one-line description and a spec section', () => {
    for (const entry of claimCatalogue) {
      expect(entry.title.length, entry.name).toBeGreaterThan(0)
      expect(entry.description, entry.name).not.toMatch(/\n/)
      expect(entry.spec, entry.name).toMatch(/§|not registered/)
    }
  })
})

describe('describeMember', () => {
  it.each([
    ['exp', 'payload', 'Expiration time', 'RFC 7519 §4.1.4', 'time'],
    ['aud', 'payload', 'Audience', 'RFC 7519 §4.1.3', 'string-or-array'],
    ['kid', 'header', 'Key ID', 'RFC 7515 §4.1.4', 'string'],
    ['x5t#S256', 'header', 'X.509 SHA-256 thumbprint', 'RFC 7515 §4.1.8', 'string'],
    ['b64', 'header', 'Base64url-encode payload', 'RFC 7797 §3', 'boolean'],
    ['nonce', 'header', 'Header nonce', 'RFC 7515 §4.3', 'string'],
    ['nonce', 'payload', 'Nonce', 'OpenID Connect Core 1.0 §2', 'string'],
    ['cnf', 'payload', 'Confirmation', 'RFC 7800 §3.1', 'object'],
    ['act', 'payload', 'Actor', 'RFC 8693 §4.1', 'object'],
    ['htm', 'payload', 'HTTP method', 'RFC 9449 §4.2', 'string'],
    ['events', 'payload', 'Security events', 'RFC 8417 §2.2', 'object'],
  ] as const)('%s in %s', (name, where, title, spec, type) => {
    expect(describeMember(name, where)).toMatchObject({ name, where, title, spec, type })
  })

  it.each([
    [['alg', 'kid'], 'Header nonce', 'RFC 7515 §4.3'],
    [['alg', 'jwk', 'url'], 'ACME nonce', 'RFC 8555 §6.5.2'],
    [[], 'Header nonce', 'RFC 7515 §4.3'],
  ] as const)('a header nonce beside %j is the %s', (siblings, title, spec) => {
    expect(describeMember('nonce', 'header', siblings)).toMatchObject({ name: 'nonce', where: 'header', title, spec })
  })

  it('the JWT header nonce names Microsoft Graph and its SHA-256 transformation', () => {
    expect(describeMember('nonce', 'header')?.description).toBe(
      'Not a registered JWT header parameter: a value the issuer put in the protected header. Microsoft Graph access tokens carry one and sign over the header with it replaced by its SHA-256 hex digest, so only Graph can validate them. In an ACME request (with `url`) it is the server-issued anti-replay nonce (RFC 8555 §6.5.2).',
    )
    expect(describeMember('nonce', 'payload', ['url'])?.title).toBe('Nonce')
  })

  it.each([
    ['exp', 'header'],
    ['alg', 'payload'],
    ['EXP', 'payload'],
    ['http://example.com/is_root', 'payload'],
    ['__proto__', 'payload'],
  ] as const)('%s in %s is not catalogued', (name, where) => {
    expect(describeMember(name, where)).toBeUndefined()
  })
})

describe('JSON schemas', () => {
  it('describes header parameters with draft-07, types, docs and an alg enum', () => {
    const schema = headerJsonSchema()
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#')
    expect(schema.type).toBe('object')
    expect(schema.additionalProperties).toBe(true)
    expect(Object.keys(schema.properties)).toEqual(names('header'))
    const alg = schema.properties.alg
    expect(alg?.type).toBe('string')
    expect(alg?.enum).toEqual(expect.arrayContaining(['HS256', 'RS256', 'PS512', 'ES512', 'EdDSA', 'Ed25519', 'none', 'RSA-OAEP-256', 'dir']))
    expect(alg?.markdownDescription).toContain('RFC 7515 §4.1.1')
    expect(schema.properties.b64?.type).toBe('boolean')
    expect(schema.properties.crit).toMatchObject({ type: 'array', items: { type: 'string' } })
    expect(schema.properties.enc?.enum).toEqual(['A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512', 'A128GCM', 'A192GCM', 'A256GCM'])
  })

  it('describes payload claims with their types and specs', () => {
    const schema = payloadJsonSchema()
    expect(Object.keys(schema.properties)).toEqual(names('payload'))
    expect(schema.properties.exp).toEqual({
      type: 'number',
      description: 'Expiration time: The token must not be accepted on or after this time (NumericDate: seconds since 1970-01-01T00:00:00Z). (RFC 7519 §4.1.4; type: NumericDate (seconds since 1970-01-01T00:00:00Z))',
      markdownDescription: '**Expiration time** (`exp`)\n\nThe token must not be accepted on or after this time (NumericDate: seconds since 1970-01-01T00:00:00Z).\n\n*Type:* NumericDate (seconds since 1970-01-01T00:00:00Z)  \n*Defined in:* RFC 7519 §4.1.4',
    })
    expect(schema.properties.aud).toMatchObject({ type: ['string', 'array'], items: { type: 'string' } })
    expect(schema.properties.email_verified?.type).toBe('boolean')
    expect(schema.properties.cnf?.type).toBe('object')
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema)
  })
})
