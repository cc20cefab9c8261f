import { describe, expect, it } from 'vitest'
import { decodeToken } from '../token'
import { discoveryPlan } from './plan'
import { keyTextUrl, offersDiscovery } from './offer'

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
const token = (header: Record<string, unknown>, payload: Record<string, unknown>) =>
  decodeToken(`${b64({ alg: 'ES256', ...header })}.${b64(payload)}.c2ln`)

const OIDC = 'OpenID Connect Discovery metadata of the issuer'
const RFC = 'RFC 8414 authorization server metadata, only if the first gives none'
const JWKS_STEP = { kind: 'jwks-from-metadata', why: 'then the jwks_uri that the metadata names (https:, or http: to localhost or 127.0.0.1)' }

describe('discoveryPlan from a token', () => {
  const issuerCases: { iss: string; openid: string; rfc8414: string }[] = [
    { iss: 'https://idp.example', openid: 'https://idp.example/.well-known/openid-configuration', rfc8414: 'https://idp.example/.well-known/oauth-authorization-server' },
    { iss: 'https://idp.example/', openid: 'https://idp.example/.well-known/openid-configuration', rfc8414: 'https://idp.example/.well-known/oauth-authorization-server' },
    {
      iss: 'https://idp.example/realms/lab',
      openid: 'https://idp.example/realms/lab/.well-known/openid-configuration',
      rfc8414: 'https://idp.example/.well-known/oauth-authorization-server/realms/lab',
    },
    {
      iss: 'https://idp.example/tenant/',
      openid: 'https://idp.example/tenant/.well-known/openid-configuration',
      rfc8414: 'https://idp.example/.well-known/oauth-authorization-server/tenant',
    },
    {
      iss: 'http://localhost:8080/realms/dev',
      openid: 'http://localhost:8080/realms/dev/.well-known/openid-configuration',
      rfc8414: 'http://localhost:8080/.well-known/oauth-authorization-server/realms/dev',
    },
    { iss: 'http://127.0.0.1:9000', openid: 'http://127.0.0.1:9000/.well-known/openid-configuration', rfc8414: 'http://127.0.0.1:9000/.well-known/oauth-authorization-server' },
  ]
  it.each(issuerCases)('iss $iss: OpenID discovery, then RFC 8414, then jwks_uri', ({ iss, openid, rfc8414 }) => {
    expect(discoveryPlan(token({}, { iss }))).toEqual({
      ok: true,
      value: {
        source: 'iss',
        subject: iss,
        issuer: iss,
        issuerExact: true,
        steps: [{ kind: 'metadata', url: openid, why: OIDC }, { kind: 'metadata', url: rfc8414, why: RFC }, JWKS_STEP],
        namedByToken: false,
      },
    })
  })

  it('jku: the JWKS URL itself, marked as named by the token', () => {
    expect(discoveryPlan(token({ jku: 'https://keys.example/jwks.json' }, { sub: 'a' }))).toEqual({
      ok: true,
      value: {
        source: 'jku',
        subject: 'https://keys.example/jwks.json',
        issuerExact: false,
        steps: [{ kind: 'jwks', url: 'https://keys.example/jwks.json', why: 'the JWK Set URL in the token’s header (jku)' }],
        namedByToken: true,
      },
    })
  })

  it('x5u: the certificate URL itself', () => {
    expect(discoveryPlan(token({ x5u: 'https://pki.example/chain.pem' }, {}))).toEqual({
      ok: true,
      value: {
        source: 'x5u',
        subject: 'https://pki.example/chain.pem',
        issuerExact: false,
        steps: [{ kind: 'certificate', url: 'https://pki.example/chain.pem', why: 'the certificate chain URL in the token’s header (x5u)' }],
        namedByToken: true,
      },
    })
  })

  it('an https iss is preferred to a jku; a refused iss falls back to the jku', () => {
    const both = discoveryPlan(token({ jku: 'https://keys.example/jwks' }, { iss: 'https://idp.example' }))
    expect(both.ok && both.value.source).toBe('iss')
    const fallback = discoveryPlan(token({ jku: 'https://keys.example/jwks' }, { iss: 'http://idp.example' }))
    expect(fallback.ok && fallback.value.source).toBe('jku')
  })

  const refused: { name: string; header: Record<string, unknown>; payload: Record<string, unknown>; code: string; message: string }[] = [
    { name: 'no URL anywhere', header: {}, payload: { iss: 'acme', sub: 'a' }, code: 'NOTHING_TO_FETCH', message: 'The token names no place to fetch keys from: no URL in iss, no jku, no x5u.' },
    {
      name: 'plain http iss',
      header: {},
      payload: { iss: 'http://idp.example' },
      code: 'URL_REFUSED',
      message: 'The token’s iss "http://idp.example" is not requested: only https: URLs, or http: to localhost or 127.0.0.1, may be fetched.',
    },
    {
      name: 'jku on another scheme',
      header: { jku: 'file:///etc/passwd' },
      payload: {},
      code: 'URL_REFUSED',
      message: 'The jku (JWK Set URL) "file:///etc/passwd" is not requested: only https: URLs, or http: to localhost or 127.0.0.1, may be fetched.',
    },
    {
      name: 'x5u with credentials',
      header: { x5u: 'https://user:pw@pki.example/c.pem' },
      payload: {},
      code: 'URL_REFUSED',
      message: 'The x5u (certificate URL) carries a user name or password; JWT Lab does not send credentials, so it is not requested.',
    },
    { name: 'relative jku', header: { jku: '/jwks' }, payload: {}, code: 'URL_INVALID', message: 'The jku (JWK Set URL) "/jwks" is not an absolute URL; nothing is requested.' },
    {
      name: 'iss with a query',
      header: {},
      payload: { iss: 'https://idp.example/?tenant=1' },
      code: 'URL_REFUSED',
      message: 'The token’s iss "https://idp.example/?tenant=1" has a query or fragment; an issuer identifier has neither (RFC 8414 §2), so no metadata address can be made from it.',
    },
    {
      name: 'http to a host that only looks local',
      header: { jku: 'http://localhost.evil.example/jwks' },
      payload: {},
      code: 'URL_REFUSED',
      message: 'The jku (JWK Set URL) "http://localhost.evil.example/jwks" is not requested: only https: URLs, or http: to localhost or 127.0.0.1, may be fetched.',
    },
  ]
  it.each(refused)('refuses: $name', ({ header, payload, code, message }) => {
    expect(discoveryPlan(token(header, payload))).toEqual({ ok: false, error: { code, message } })
  })
})

describe('discoveryPlan from the key box', () => {
  const cases: { text: string; steps: unknown[]; issuer?: string }[] = [
    { text: '  https://idp.example/protocol/certs\n', steps: [{ kind: 'jwks', url: 'https://idp.example/protocol/certs', why: 'the JWKS URL pasted in the key box' }] },
    { text: 'https://idp.example/keys#frag', steps: [{ kind: 'jwks', url: 'https://idp.example/keys', why: 'the JWKS URL pasted in the key box' }] },
    {
      text: 'https://idp.example/t/.well-known/openid-configuration',
      issuer: 'https://idp.example/t',
      steps: [{ kind: 'metadata', url: 'https://idp.example/t/.well-known/openid-configuration', why: 'the metadata URL pasted in the key box' }, JWKS_STEP],
    },
    {
      text: 'https://idp.example/.well-known/oauth-authorization-server/t',
      issuer: 'https://idp.example/t',
      steps: [{ kind: 'metadata', url: 'https://idp.example/.well-known/oauth-authorization-server/t', why: 'the metadata URL pasted in the key box' }, JWKS_STEP],
    },
    {
      text: 'https://idp.example/realms/x',
      issuer: 'https://idp.example/realms/x',
      steps: [
        { kind: 'metadata', url: 'https://idp.example/realms/x/.well-known/openid-configuration', why: OIDC },
        { kind: 'metadata', url: 'https://idp.example/.well-known/oauth-authorization-server/realms/x', why: RFC },
        JWKS_STEP,
      ],
    },
  ]
  it.each(cases)('$text', ({ text, steps, issuer }) => {
    const plan = discoveryPlan(text)
    expect(plan.ok).toBe(true)
    if (!plan.ok) return
    expect(plan.value.source).toBe('key-url')
    expect(plan.value.steps).toEqual(steps)
    expect(plan.value.issuer).toBe(issuer)
    expect(plan.value.namedByToken).toBe(false)
    expect(plan.value.issuerExact).toBe(false)
  })

  it('refuses a non-URL and a plain-http URL', () => {
    expect(discoveryPlan('my secret')).toEqual({
      ok: false,
      error: { code: 'NOTHING_TO_FETCH', message: 'The key box does not hold a URL: paste one (an issuer, its metadata or a JWKS URL) to fetch keys.' },
    })
    expect(discoveryPlan('http://keys.example/jwks')).toEqual({
      ok: false,
      error: { code: 'URL_REFUSED', message: 'The URL in the key box "http://keys.example/jwks" is not requested: only https: URLs, or http: to localhost or 127.0.0.1, may be fetched.' },
    })
  })
})

describe('keyTextUrl and offersDiscovery', () => {
  it.each([
    ['https://idp.example/jwks', 'https://idp.example/jwks'],
    ['  HTTP://localhost:8080/x \n', 'HTTP://localhost:8080/x'],
    ['https://a.example/ two words', undefined],
    ['secret https://a.example', undefined],
    ['ftp://a.example', undefined],
    ['{"keys":[]}', undefined],
    [`https://a.example/${'a'.repeat(3000)}`, undefined],
  ])('keyTextUrl(%j) is %j', (text, expected) => {
    expect(keyTextUrl(text)).toBe(expected)
  })

  it.each([
    [{}, { iss: 'https://idp.example' }, '', true],
    [{ jku: 'https://k.example/jwks' }, {}, '', true],
    [{ x5u: 'https://k.example/c.pem' }, {}, '', true],
    [{}, { iss: 'acme' }, '', false],
    [{}, { iss: 'acme' }, 'https://k.example/jwks', true],
    [{}, {}, 'secret', false],
  ])('header %j, payload %j, key %j: %s', (header, payload, key, expected) => {
    expect(offersDiscovery(token(header, payload), key)).toBe(expected)
  })

  it('a 100 kB non-URL key text answers at once', () => {
    const started = performance.now()
    expect(keyTextUrl(`https://${'a'.repeat(100_000)} `)).toBeUndefined()
    expect(keyTextUrl(`${'h'.repeat(100_000)}`)).toBeUndefined()
    expect(performance.now() - started).toBeLessThan(50)
  })
})
