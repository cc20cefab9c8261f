import { describe, expect, it } from 'vitest'
import { decodeToken } from '../token/decode'
import type { DecodedToken } from '../types'
import { compareHops, type HopCheck } from './hops'

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')
const tok = (payload: unknown): DecodedToken => decodeToken(`${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.c2ln`)

const ISS = 'https://as.example'
type Claims = Record<string, unknown>
const T1: Claims = { iss: ISS, sub: 'alice', aud: 'api-b', client_id: 'app-a', scope: 'read write delete', exp: 1700003600, jti: 'j1' }
const T2: Claims = { iss: ISS, sub: 'alice', aud: 'api-c', scope: 'read write', exp: 1700003000, jti: 'j2', act: { sub: 'api-b' } }
const T3: Claims = { iss: ISS, sub: 'alice', aud: 'api-d', scope: 'read', exp: 1700002000, jti: 'j3', act: { sub: 'api-c', act: { sub: 'api-b' } } }

const key = (c: HopCheck) => `${c.id}${c.hop !== undefined ? `@hop${c.hop}` : ''}${c.token !== undefined ? `@token${c.token}` : ''}`
const failing = (checks: HopCheck[]) => checks.filter((c) => c.verdict !== 'pass').map((c) => `${key(c)}:${c.verdict}`)

describe('compareHops', () => {
  it('a well-formed A → B → C → D chain passes every check, in the documented order', () => {
    const checks = compareHops([T1, T2, T3].map(tok))
    expect(checks.map(key)).toEqual([
      'iss@token1', 'iss@token2', 'iss@token3',
      'aud@hop1', 'scope@hop1', 'exp@hop1', 'jti@hop1', 'act@hop1', 'sub@hop1',
      'aud@hop2', 'scope@hop2', 'exp@hop2', 'jti@hop2', 'act@hop2', 'sub@hop2',
    ])
    expect(failing(checks)).toEqual([])
    const byKey = Object.fromEntries(checks.map((c) => [key(c), c.message]))
    expect(byKey).toMatchObject({
      'iss@token1': 'Token 1 was issued by "https://as.example"; with no trusted list given, every later token must come from the same issuer.',
      'iss@token2': 'Token 2 was issued by "https://as.example", the same issuer as token 1.',
      'aud@hop1': 'Token 1\'s audience ("api-b") names "api-b", who presents token 2 (current actor act.sub).',
      'scope@hop1': 'Token 2\'s scopes ("read write") are all in token 1\'s ("read write delete").',
      'exp@hop2': 'Token 3 expires at 2023-11-14T22:46:40Z, not after token 2 (2023-11-14T23:03:20Z).',
      'jti@hop2': 'Token 3\'s jti "j3" is not used by any earlier token.',
      'act@hop1': 'Token 2 adds "api-b" as current actor in front of token 1\'s no actors.',
      'act@hop2': 'Token 3 adds "api-c" as current actor in front of token 2\'s "api-b".',
      'sub@hop2': 'Both tokens act for the same subject "alice".',
    })
  })

  it('every check names what it prevents', () => {
    const checks = compareHops([T1, T2].map(tok))
    const prevents = Object.fromEntries(checks.map((c) => [c.id, c.prevents]))
    expect(prevents['aud']).toMatch(/^Confused deputy and token pass-through: /)
    expect(prevents['scope']).toMatch(/^Privilege escalation: /)
    expect(prevents['exp']).toMatch(/^Privilege escalation in time: /)
    expect(prevents['jti']).toMatch(/^Replay and token pass-through: /)
    expect(prevents['iss']).toMatch(/^Forged delegation: /)
    expect(prevents['act']).toMatch(/confused deputy/)
  })

  it.each<[string, Claims[], string, string]>([
    ['token 1 is for another service', [{ ...T1, aud: 'api-z' }, T2, T3], 'aud@hop1',
      'Token 1\'s audience ("api-z") does not name "api-b", who presents token 2 (current actor act.sub): a token issued to someone else was exchanged or passed on.'],
    ['token 2 has no aud', [T1, { ...T2, aud: undefined }, T3], 'aud@hop2',
      'Token 2 has no "aud", so any service that gets hold of it could use or exchange it.'],
    ['token 3 widens scope', [T1, T2, { ...T3, scope: 'read admin' }], 'scope@hop2',
      'Token 3 adds "admin", which token 2 ("read write") did not have: scopes must only narrow along a chain.'],
    ['token 2 outlives token 1', [T1, { ...T2, exp: 1700003700 }, { ...T3 }], 'exp@hop1',
      'Token 2 expires at 2023-11-14T23:15:00Z, 100 s after token 1 (2023-11-14T23:13:20Z): the exchange extended the lifetime.'],
    ['token 3 never expires', [T1, T2, { ...T3, exp: undefined }], 'exp@hop2',
      'Token 2 expires at 2023-11-14T23:03:20Z, but token 3 has no "exp" and never expires.'],
    ['token 3 reuses token 1\'s jti', [T1, T2, { ...T3, jti: 'j1' }], 'jti@hop2',
      'Token 3 has the same jti "j1" as token 1: an exchange must issue a new token ID.'],
    ['token 3 drops a prior actor', [T1, T2, { ...T3, act: { sub: 'api-c' } }], 'act@hop2',
      'Token 2 has 1 actor and token 3 has 1; an exchange adds exactly one (the service that exchanged the token). Token 2: "api-b"; token 3: "api-c".'],
    ['token 3 rewrites history', [T1, T2, { ...T3, act: { sub: 'api-c', act: { sub: 'evil' } } }], 'act@hop2',
      'Token 3\'s prior actors ("evil") are not token 2\'s actors ("api-b"): the recorded history of who acted was changed.'],
    ['token 3 swaps the subject', [T1, T2, { ...T3, sub: 'bob' }], 'sub@hop2',
      'Token 2\'s subject is "alice" but token 3\'s is "bob": an exchange keeps the subject and records the new party in "act".'],
    ['token 3 comes from another issuer', [T1, T2, { ...T3, iss: 'https://evil.example' }], 'iss@token3',
      'Token 3 was issued by "https://evil.example", but token 1 by "https://as.example". Give a trusted issuer list if the chain really spans several issuers.'],
  ])('%s: exactly that check fails', (_name, claims, failed, message) => {
    const checks = compareHops(claims.map(tok))
    expect(failing(checks)).toEqual([`${failed}:fail`])
    expect(checks.find((c) => key(c) === failed)?.message).toBe(message)
  })

  it('uses client_id, then azp, when the next token has no act', () => {
    const withClient = compareHops([{ ...T1, aud: ['api-b', 'other'] }, { ...T2, act: undefined, client_id: 'api-b' }].map(tok))
    expect(withClient.find((c) => c.id === 'aud')?.message).toBe('Token 1\'s audience ("api-b", "other") names "api-b", who presents token 2 (client_id).')
    const withAzp = compareHops([T1, { ...T2, act: undefined, azp: 'api-b' }].map(tok))
    expect(withAzp.find((c) => c.id === 'aud')?.message).toBe('Token 1\'s audience ("api-b") names "api-b", who presents token 2 (azp).')
    const nobody = compareHops([T1, { ...T2, act: undefined }].map(tok))
    expect(nobody.find((c) => c.id === 'aud')).toMatchObject({ verdict: 'skip', message: 'Token 2 names no presenter (no act.sub, client_id or azp), so there is nothing to compare with token 1\'s audience.' })
  })

  it('reads scp arrays and skips scope and exp when neither token has them', () => {
    const checks = compareHops([{ ...T1, scope: undefined, scp: ['read', 'write'] }, { ...T2, scope: undefined, scp: ['read'] }].map(tok))
    expect(checks.find((c) => c.id === 'scope')).toMatchObject({ verdict: 'pass', message: 'Token 2\'s scopes ("read") are all in token 1\'s ("read write").' })
    const none = compareHops([{ ...T1, scope: undefined, exp: undefined }, { ...T2, scope: undefined, exp: undefined }].map(tok))
    expect(failing(none)).toEqual(['scope@hop1:skip', 'exp@hop1:skip'])
  })

  it('flags scopes that appear from nowhere and malformed scope claims', () => {
    expect(compareHops([{ ...T1, scope: undefined }, T2].map(tok)).find((c) => c.id === 'scope')?.message)
      .toBe('Token 1 carries no scope, yet token 2 has "read write": scopes appeared during the exchange.')
    expect(compareHops([{ ...T1, scope: ['read'] }, T2].map(tok)).find((c) => c.id === 'scope')?.message)
      .toBe('Token 1: "scope" must be a space-separated string.')
  })

  it('skips jti when the later token has none, and catches a token passed on unchanged', () => {
    expect(compareHops([T1, { ...T2, jti: undefined }].map(tok)).find((c) => c.id === 'jti')).toMatchObject({ verdict: 'skip', message: 'Token 2 has no "jti", so a replay of it cannot be recognised by its ID.' })
    const same = compareHops([T1, T1].map(tok))
    expect(same.find((c) => c.id === 'jti')).toMatchObject({ verdict: 'fail', message: 'Token 2 is exactly token 1 again: it was passed on as-is instead of being exchanged.' })
  })

  it('checks issuers against a trusted list when one is given', () => {
    const checks = compareHops([T1, T2, { ...T3, iss: 'https://partner.example' }].map(tok), { trustedIssuers: [ISS, 'https://partner.example'] })
    expect(failing(checks)).toEqual([])
    const untrusted = compareHops([T1, T2].map(tok), { trustedIssuers: ['https://other.example'] })
    expect(untrusted.filter((c) => c.id === 'iss').map((c) => c.message)).toEqual([
      'Token 1 was issued by "https://as.example", which is not in the trusted list ("https://other.example").',
      'Token 2 was issued by "https://as.example", which is not in the trusted list ("https://other.example").',
    ])
    expect(compareHops([{ ...T1, iss: undefined }, T2].map(tok)).find((c) => c.id === 'iss')?.message)
      .toBe('Token 1 has no "iss", so nobody can tell which authorization server issued it. Exchanged tokens must name their issuer.')
  })

  it('reports an exp that is not a usable date', () => {
    const b = (text: string) => Buffer.from(text).toString('base64url')
    const huge = decodeToken(`${b('{"alg":"none"}')}.${b(`{"exp":${'9'.repeat(400)},"act":{"sub":"api-b"}}`)}.`)
    expect(compareHops([tok({ ...T1, exp: 'soon' }), tok(T2)]).find((c) => c.id === 'exp')?.message).toBe('Token 1\'s "exp" is a string; it must be a NumericDate (seconds since 1970).')
    expect(compareHops([tok(T1), huge]).find((c) => c.id === 'exp')?.message).toBe('Token 2\'s "exp" is a number too large to be a date; it must be a NumericDate (seconds since 1970).')
  })

  it('reports a malformed act chain as an act failure', () => {
    const checks = compareHops([T1, { ...T2, act: 'api-b' }].map(tok))
    expect(checks.find((c) => c.id === 'act')?.message).toBe('Token 2: "act" is a string, but an actor claim must be a JSON object such as {"sub":"service-a"} (RFC 8693 §4.1).')
  })

  it.each([1, 6])('refuses %i tokens', (n) => {
    expect(compareHops(Array.from({ length: n }, () => tok(T1)))).toEqual([{
      id: 'count',
      verdict: 'fail',
      message: `Give between 2 and 5 tokens in call order (the first one presented, then each exchanged one); ${n} ${n === 1 ? 'was' : 'were'} given.`,
      prevents: 'Comparing a chain that is too short to have hops, or too long to read.',
    }])
  })

  it('reports an unreadable token and skips the hops that involve it', () => {
    const broken = decodeToken(`${b64({ alg: 'HS256' })}.${b64('not json')}.c2ln`)
    const checks = compareHops([tok(T1), broken, tok(T3)])
    expect(checks[0]).toMatchObject({ id: 'payload', token: 2, verdict: 'fail', message: 'Token 2 has a payload that is not JSON, so the checks that involve it are skipped. Paste the complete token.' })
    expect(checks.filter((c) => c.hop !== undefined).every((c) => c.verdict === 'skip')).toBe(true)
    expect(checks.find((c) => c.hop === 1)?.message).toBe('Skipped: token 2 could not be read.')
  })
})
