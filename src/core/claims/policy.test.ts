import { describe, expect, it } from 'vitest'
import type { JsonValue, PolicyCheck, PolicyOptions } from '../types'
import { checkPolicy, policyCheckOrder } from './policy'

const NOW = 1704078000 // 2024-01-01T03:00:00Z
const JAN1 = 1704067200 // 2024-01-01T00:00:00Z

function only(id: PolicyCheck['id'], header: JsonValue | undefined, payload: JsonValue | undefined, options: PolicyOptions = {}) {
  const check = checkPolicy(header, payload, { now: NOW, ...options }).find((c) => c.id === id)
  return check && [check.verdict, check.message]
}

describe('checkPolicy', () => {
  it('returns one verdict per check in a fixed order', () => {
    expect(checkPolicy({}, {}, { now: NOW }).map((c) => c.id)).toEqual(['exp', 'nbf', 'iat', 'iss', 'aud', 'sub', 'typ', 'alg', 'required'])
    expect(policyCheckOrder).toEqual(['exp', 'nbf', 'iat', 'iss', 'aud', 'sub', 'typ', 'alg', 'required'])
  })

  it('skips everything when nothing is set or expected', () => {
    expect(checkPolicy({ alg: 'HS256' }, {}, { now: NOW })).toEqual([
      { id: 'exp', verdict: 'skip', message: 'No exp claim: the token never expires.' },
      { id: 'nbf', verdict: 'skip', message: 'No nbf claim: the token is valid from the start.' },
      { id: 'iat', verdict: 'skip', message: 'No iat claim: the issue time is unknown.' },
      { id: 'iss', verdict: 'skip', message: 'No expected issuer set.' },
      { id: 'aud', verdict: 'skip', message: 'No expected audience set.' },
      { id: 'sub', verdict: 'skip', message: 'No expected subject set.' },
      { id: 'typ', verdict: 'skip', message: 'No expected type set.' },
      { id: 'alg', verdict: 'skip', message: 'No algorithm allowlist set.' },
      { id: 'required', verdict: 'skip', message: 'No required claims set.' },
    ])
  })

  it('uses the current time when now is not given', () => {
    const inAnHour = Math.floor(Date.now() / 1000) + 3600
    expect(checkPolicy({}, { exp: inAnHour }, {})[0]?.verdict).toBe('pass')
    expect(checkPolicy({}, { exp: inAnHour - 7200 }, {})[0]?.verdict).toBe('fail')
  })

  describe('exp', () => {
    it.each<[string, JsonValue, PolicyOptions, [string, string]]>([
      ['expired beyond the skew', { exp: JAN1 }, { clockSkew: 60 },
        ['fail', 'Expired 3 hours ago (exp 2024-01-01T00:00:00Z); allowed clock skew 60 s.']],
      ['expired exactly now', { exp: NOW }, {},
        ['fail', 'Expired just now (exp 2024-01-01T03:00:00Z); allowed clock skew 0 s.']],
      ['expired exactly at the skew edge', { exp: NOW - 60 }, { clockSkew: 60 },
        ['fail', 'Expired 1 minute ago (exp 2024-01-01T02:59:00Z); allowed clock skew 60 s.']],
      ['expired within the skew', { exp: NOW - 30 }, { clockSkew: 60 },
        ['pass', 'Expired 30 seconds ago (exp 2024-01-01T02:59:30Z), but within the allowed clock skew 60 s.']],
      ['one second left', { exp: NOW + 1 }, {},
        ['pass', 'Expires in 1 second (exp 2024-01-01T03:00:01Z).']],
      ['valid for two hours', { exp: NOW + 7200 }, {},
        ['pass', 'Expires in 2 hours (exp 2024-01-01T05:00:00Z).']],
      ['big integer', { exp: 10000000000000n }, {},
        ['pass', 'Expires in 316,833 years (exp +318857-05-20T17:46:40Z). exp looks like milliseconds: NumericDate counts seconds, so 10000000000000 is +318857-05-20T17:46:40Z; in seconds it would be 2286-11-20T17:46:40Z.']],
      ['milliseconds by mistake', { exp: 1704067200000 }, {},
        ['pass', 'Expires in 53,945 years (exp +055969-09-28T00:00:00Z). exp looks like milliseconds: NumericDate counts seconds, so 1704067200000 is +055969-09-28T00:00:00Z; in seconds it would be 2024-01-01T00:00:00Z.']],
      ['a string', { exp: '1704067200' }, {},
        ['fail', 'exp must be a NumericDate (a number of seconds since 1970-01-01T00:00:00Z), but it is a string: "1704067200".']],
      ['null', { exp: null }, {},
        ['fail', 'exp must be a NumericDate (a number of seconds since 1970-01-01T00:00:00Z), but it is null: null.']],
      ['an array', { exp: [1] }, {},
        ['fail', 'exp must be a NumericDate (a number of seconds since 1970-01-01T00:00:00Z), but it is an array: [1].']],
      ['absent', { sub: 'x' }, {}, ['skip', 'No exp claim: the token never expires.']],
      ['payload not an object', 'hello', {}, ['skip', 'The payload is not a JSON object, so exp cannot be checked.']],
    ])('%s', (_name, payload, options, expected) => {
      expect(only('exp', {}, payload, options)).toEqual(expected)
    })
  })

  describe('nbf', () => {
    it.each<[string, JsonValue, PolicyOptions, [string, string]]>([
      ['valid since', { nbf: JAN1 }, {}, ['pass', 'Valid since 3 hours ago (nbf 2024-01-01T00:00:00Z).']],
      ['exactly now', { nbf: NOW }, {}, ['pass', 'Valid since just now (nbf 2024-01-01T03:00:00Z).']],
      ['in the future', { nbf: NOW + 7200 }, { clockSkew: 60 },
        ['fail', 'Not valid yet: becomes valid in 2 hours (nbf 2024-01-01T05:00:00Z); allowed clock skew 60 s.']],
      ['within the skew', { nbf: NOW + 60 }, { clockSkew: 60 },
        ['pass', 'Becomes valid in 1 minute (nbf 2024-01-01T03:01:00Z), but within the allowed clock skew 60 s.']],
      ['a boolean', { nbf: true }, {},
        ['fail', 'nbf must be a NumericDate (a number of seconds since 1970-01-01T00:00:00Z), but it is a boolean: true.']],
    ])('%s', (_name, payload, options, expected) => {
      expect(only('nbf', {}, payload, options)).toEqual(expected)
    })
  })

  describe('iat', () => {
    it.each<[string, JsonValue, PolicyOptions, [string, string]]>([
      ['in the past', { iat: JAN1 }, {}, ['pass', 'Issued 3 hours ago (iat 2024-01-01T00:00:00Z).']],
      ['in the future', { iat: NOW + 3 * 86400 }, { clockSkew: 60 },
        ['fail', 'Issued in the future: iat is 3 days from now (iat 2024-01-04T03:00:00Z); allowed clock skew 60 s.']],
      ['just within the skew', { iat: NOW + 60 }, { clockSkew: 60 }, ['pass', 'Issued in 1 minute (iat 2024-01-01T03:01:00Z).']],
      ['an object', { iat: { t: 1 } }, {},
        ['fail', 'iat must be a NumericDate (a number of seconds since 1970-01-01T00:00:00Z), but it is an object: {"t":1}.']],
    ])('%s', (_name, payload, options, expected) => {
      expect(only('iat', {}, payload, options)).toEqual(expected)
    })
  })

  describe('iss and sub', () => {
    it.each<[PolicyCheck['id'], JsonValue, PolicyOptions, [string, string]]>([
      ['iss', { iss: 'https://idp.example' }, { issuer: 'https://idp.example' }, ['pass', 'iss is "https://idp.example", as expected.']],
      ['iss', { iss: 'https://idp.example/' }, { issuer: 'https://idp.example' },
        ['fail', 'iss is "https://idp.example/", but the expected issuer is "https://idp.example".']],
      ['iss', { iss: 'Joe' }, { issuer: 'joe' }, ['fail', 'iss is "Joe", but the expected issuer is "joe".']],
      ['iss', {}, { issuer: 'joe' }, ['fail', 'Expected issuer "joe", but the token has no iss claim.']],
      ['iss', { iss: ['joe'] }, { issuer: 'joe' }, ['fail', 'iss must be a string, but it is an array: ["joe"].']],
      ['iss', 'not json', { issuer: 'joe' }, ['fail', 'Expected issuer "joe", but the payload is not a JSON object.']],
      ['iss', { iss: 'joe' }, {}, ['skip', 'No expected issuer set.']],
      ['sub', { sub: '1234567890' }, { subject: '1234567890' }, ['pass', 'sub is "1234567890", as expected.']],
      ['sub', { sub: 1234567890 }, { subject: '1234567890' }, ['fail', 'sub must be a string, but it is a number: 1234567890.']],
      ['sub', { sub: 'alice' }, { subject: 'bob' }, ['fail', 'sub is "alice", but the expected subject is "bob".']],
    ])('%s %j with %j', (id, payload, options, expected) => {
      expect(only(id, {}, payload, options)).toEqual(expected)
    })
  })

  describe('aud', () => {
    it.each<[JsonValue, PolicyOptions, [string, string]]>([
      [{ aud: 'api' }, { audience: 'api' }, ['pass', 'aud contains "api", as expected.']],
      [{ aud: ['web', 'api'] }, { audience: 'api' }, ['pass', 'aud contains "api", as expected.']],
      [{ aud: 'api' }, { audience: ['web', 'api'] }, ['pass', 'aud contains "api", as expected.']],
      [{ aud: ['x', 'y'] }, { audience: ['y', 'z'] }, ['pass', 'aud contains "y", as expected.']],
      [{ aud: ['web', 'admin'] }, { audience: 'api' }, ['fail', 'aud is ["web","admin"], which does not contain the expected audience "api".']],
      [{ aud: 'API' }, { audience: ['api', 'web'] }, ['fail', 'aud is "API", which does not contain the expected audience "api", "web".']],
      [{ aud: [] }, { audience: 'api' }, ['fail', 'aud is [], which does not contain the expected audience "api".']],
      [{ aud: ['api', 7] }, { audience: 'api' }, ['fail', 'aud must be a string or an array of strings, but it is an array: ["api",7].']],
      [{}, { audience: 'api' }, ['fail', 'Expected audience "api", but the token has no aud claim.']],
      [{ aud: 'api' }, { audience: [] }, ['skip', 'No expected audience set.']],
    ])('%j with %j', (payload, options, expected) => {
      expect(only('aud', {}, payload, options)).toEqual(expected)
    })
  })

  describe('typ and alg', () => {
    it.each<[PolicyCheck['id'], JsonValue | undefined, PolicyOptions, [string, string]]>([
      ['typ', { typ: 'JWT' }, { typ: 'JWT' }, ['pass', 'typ is "JWT", as expected.']],
      ['typ', { typ: 'application/at+jwt' }, { typ: 'at+jwt' }, ['pass', 'typ is "application/at+jwt", as expected.']],
      ['typ', { typ: 'jwt' }, { typ: 'JWT' }, ['pass', 'typ is "jwt", as expected.']],
      ['typ', { typ: 'JWT' }, { typ: 'at+jwt' }, ['fail', 'typ is "JWT", but the expected type is "at+jwt".']],
      ['typ', {}, { typ: 'dpop+jwt' }, ['fail', 'Expected typ "dpop+jwt", but the header has no typ.']],
      ['typ', undefined, { typ: 'JWT' }, ['fail', 'Expected typ "JWT", but the header is not a JSON object.']],
      ['alg', { alg: 'RS256' }, { algorithms: ['RS256', 'ES256'] }, ['pass', 'Algorithm "RS256" is allowed.']],
      ['alg', { alg: 'HS256' }, { algorithms: ['RS256', 'ES256'] }, ['fail', 'Algorithm "HS256" is not allowed; allowed: RS256, ES256.']],
      ['alg', { alg: 'rs256' }, { algorithms: ['RS256'] }, ['fail', 'Algorithm "rs256" is not allowed; allowed: RS256.']],
      ['alg', { alg: 'none' }, { algorithms: ['RS256'] }, ['fail', 'Algorithm "none" is not allowed; allowed: RS256.']],
      ['alg', {}, { algorithms: ['RS256'] }, ['fail', 'Allowed algorithms are RS256, but the header has no alg.']],
      ['alg', { alg: 256 }, { algorithms: ['RS256'] }, ['fail', 'alg must be a string, but it is a number: 256.']],
      ['alg', { alg: 'HS256' }, { algorithms: [] }, ['skip', 'No algorithm allowlist set.']],
    ])('%s %j with %j', (id, header, options, expected) => {
      expect(only(id, header, {}, options)).toEqual(expected)
    })
  })

  describe('required', () => {
    it.each<[JsonValue | undefined, PolicyOptions, [string, string]]>([
      [{ exp: 1, iss: 'x' }, { requiredClaims: ['exp', 'iss'] }, ['pass', 'All required claims are present: exp, iss.']],
      [{ exp: 1 }, { requiredClaims: ['exp', 'jti'] }, ['fail', 'Missing required claim: jti.']],
      [{}, { requiredClaims: ['exp', 'jti'] }, ['fail', 'Missing required claims: exp, jti.']],
      [{ exp: null }, { requiredClaims: ['exp'] }, ['pass', 'All required claims are present: exp.']],
      [{}, { requiredClaims: ['toString'] }, ['fail', 'Missing required claim: toString.']],
      [undefined, { requiredClaims: ['exp'] }, ['fail', 'Required claims exp cannot be found: the payload is not a JSON object.']],
    ])('%j with %j', (payload, options, expected) => {
      expect(only('required', {}, payload, options)).toEqual(expected)
    })
  })
})
