import fc from 'fast-check'
import { dictionary } from '@zxcvbn-ts/language-common'
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultJwtSecrets } from '../crack/default-jwt-secrets'
import { parseKey } from '../keys/parse'
import { decodeToken } from '../token/decode'
import { isCommonSecret, loadCommonSecrets } from './common-secrets'
import { DEFAULT_MAX_LIFETIME_SECONDS, lintToken, resolveLintContext } from './index'

const NOW = 1704067200
const b64u = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url')

describe('isCommonSecret', () => {
  const passwords = dictionary['passwords-common']
  let common: ReadonlySet<string>
  beforeAll(async () => {
    common = await loadCommonSecrets()
  })
  it.each<[string, boolean]>([
    ['secret', true],
    ['your-256-bit-secret', true],
    ['your-secret-key', true],
    ['changeme', true],
    ['jwt_secret', true],
    ['supersecret', true],
    ['secretkey', true],
    ['shhhhh', true],
    ['mysecret', true],
    ['s3cr3t', true],
    ['keyboard cat', true],
    ['default', true],
    ['password', true],
    ['123456', true],
    ['dragon', true],
    [passwords[9999] ?? '', true],
    ['secret ', false],
    ['', false],
    ['Zq7!Zq7!Zq7!Zq7!Zq7!Zq7!Zq7!Zq7!', false],
  ])('%j → %s', (text, expected) => {
    expect(isCommonSecret(text, common)).toBe(expected)
  })

  it.each(['secret', 'your-256-bit-secret', 'changeme'])('knows the default JWT secret %j before the password list is loaded', (text) => {
    expect(isCommonSecret(text)).toBe(true)
  })

  it('knows common passwords only once the list is loaded', () => {
    const word = passwords.find((p) => !defaultJwtSecrets.includes(p)) ?? ''
    expect(isCommonSecret(word)).toBe(false)
    expect(isCommonSecret(word, common)).toBe(true)
  })

  it('stops at the 10,000th most common password', () => {
    const beyond = passwords.slice(10_000).find((p) => !passwords.slice(0, 10_000).includes(p) && !defaultJwtSecrets.includes(p))
    expect(beyond).toBeDefined()
    expect(isCommonSecret(beyond ?? '', common)).toBe(false)
  })

  it('has about 60 distinct default JWT secrets', () => {
    expect(new Set(defaultJwtSecrets).size).toBe(defaultJwtSecrets.length)
    expect(defaultJwtSecrets.length).toBeGreaterThanOrEqual(60)
  })
})

describe('lintToken', () => {
  it('lists findings most severe first', async () => {
    // The HS256 example token of jwt.io, checked with its published example secret.
    const token = decodeToken('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c')
    const keys = await parseKey('your-256-bit-secret', { encoding: 'utf8' })
    expect(keys.ok).toBe(true)
    const findings = lintToken(token, { keys: keys.ok ? keys.value : null, secretText: 'your-256-bit-secret', now: NOW })
    expect(findings.map((f) => `${f.severity} ${f.id}`)).toEqual([
      'critical hmac-secret-common',
      'high hmac-secret-short',
      'medium missing-exp',
      'info personal-data',
    ])
  })

  it('finds nothing wrong with a well-formed short-lived token', () => {
    const header = b64u(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: 'k1' }))
    const payload = b64u(JSON.stringify({ iss: 'https://idp.example', sub: 'a', iat: NOW, exp: NOW + 300 }))
    const signature = b64u(new Uint8Array(64).fill(5))
    expect(lintToken(decodeToken(`${header}.${payload}.${signature}`), { now: NOW })).toEqual([])
  })

  it('combines rule families', () => {
    const header = b64u('{"alg":"none","kid":"../../dev/null","jku":"https://attacker.example/k","alg":"none"}')
    const payload = b64u(JSON.stringify({ sub: 'a', password: 'hunter2', iat: NOW + 3600 }))
    const findings = lintToken(decodeToken(`${header}.${payload}.`), { now: NOW })
    expect(findings.map((f) => `${f.severity} ${f.id}`)).toEqual([
      'critical alg-none',
      'high header-jku',
      'high kid-injection',
      'high sensitive-credential',
      'high duplicate-member',
      'medium missing-exp',
      'medium iat-in-future',
    ])
  })

  it('fills in context defaults', () => {
    const before = Date.now() / 1000
    const resolved = resolveLintContext({})
    expect(resolved.keys).toBeNull()
    expect(resolved.secretText).toBeUndefined()
    expect(resolved.maxLifetimeSeconds).toBe(DEFAULT_MAX_LIFETIME_SECONDS)
    expect(resolved.now).toBeGreaterThanOrEqual(before)
    expect(resolveLintContext({ maxLifetimeSeconds: -5 }).maxLifetimeSeconds).toBe(86_400)
    expect(resolveLintContext({ maxLifetimeSeconds: 60 }).maxLifetimeSeconds).toBe(60)
  })

  it('never throws on arbitrary input', () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.constantFrom('{"alg":"none","crit":5}', '{"kid":null,"jwk":{"kty":"RSA","n":"!!"}}', '{"exp":1e400}', '[[[[[[[[[]]]]]]]]]'),
    )
    fc.assert(fc.property(jsonish, jsonish, fc.uint8Array({ maxLength: 140 }), fc.string(), (h, p, sig, junk) => {
      for (const text of [`${b64u(h)}.${b64u(p)}.${b64u(sig)}`, `${b64u(h)}.${junk}`, junk, `${b64u(h)}..${junk}.${b64u(p)}.x`]) {
        const findings = lintToken(decodeToken(text), { now: NOW, secretText: junk })
        for (const f of findings) {
          expect(typeof f.explanation).toBe('string')
          if (f.offset !== undefined) {
            expect(f.offset).toBeGreaterThanOrEqual(0)
            expect(f.offset + (f.length ?? 0)).toBeLessThanOrEqual(text.length)
          }
        }
      }
    }), { numRuns: 300 })
  })

  it('handles deeply nested and large payloads quickly', () => {
    const deep = `{"a":${'['.repeat(900)}"4111111111111111"${']'.repeat(900)}}`
    const wide = JSON.stringify({ items: Array.from({ length: 50_000 }, (_, i) => `item-${i}`) })
    const started = performance.now()
    const deepFindings = lintToken(decodeToken(`${b64u('{"alg":"HS256"}')}.${b64u(deep)}.c2ln`), { now: NOW })
    const wideFindings = lintToken(decodeToken(`${b64u('{"alg":"HS256"}')}.${b64u(wide)}.c2ln`), { now: NOW })
    expect(performance.now() - started).toBeLessThan(10_000) // hang guard, not a speed target
    expect(deepFindings.map((f) => f.id)).toContain('sensitive-card')
    expect(wideFindings.map((f) => f.id)).toEqual(['missing-exp', 'oversized-token'])
  })

  it.each<[string, string, string]>([
    ['a crit list of 50,000 names', JSON.stringify({ alg: 'HS256', crit: Array.from({ length: 50_000 }, (_, i) => `x${i % 25_000}`) }), '{}'],
    ['50,000 duplicated member names', '{"alg":"HS256"}', `{${Array.from({ length: 50_000 }, (_, i) => `"m${i % 25_000}":1`).join(',')}}`],
    ['20,000 card numbers', '{"alg":"HS256"}', JSON.stringify({ cards: Array.from({ length: 20_000 }, () => '4111111111111111') })],
    ['a 1 MB kid', JSON.stringify({ alg: 'HS256', kid: `${'a'.repeat(1_000_000)}'` }), '{}'],
    ['a 1 MB digit string', '{"alg":"HS256"}', JSON.stringify({ n: '1'.repeat(1_000_000) })],
  ])('stays fast and short with %s', (_name, header, payload) => {
    const token = decodeToken(`${b64u(header)}.${b64u(payload)}.c2ln`)
    const started = performance.now()
    const findings = lintToken(token, { now: NOW })
    expect(performance.now() - started).toBeLessThan(10_000) // hang guard, not a speed target
    expect(findings.length).toBeGreaterThan(0)
    for (const f of findings) expect(f.explanation.length).toBeLessThan(1000)
  })
})
