/**
 * Scope checks of multi-hop chains and token exchange on scope lists of 100,000 entries (about a
 * megabyte each). The test timeout is a hang guard: comparing the lists with includes() per scope
 * was quadratic.
 */
import { describe, expect, it } from 'vitest'
import { parsedSecret } from '../keys/jwk-key'
import { decodeToken } from '../token/decode'
import type { DecodedToken } from '../types'
import { exchangeToken } from './exchange'
import { compareHops } from './hops'

const N = 100_000
// Generous, for a loaded machine: the quadratic version took minutes here.
const HANG_GUARD = 30_000
const NOW = 1700000000
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const tok = (payload: unknown): DecodedToken => decodeToken(`${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.c2ln`)
const scopes = Array.from({ length: N }, (_, i) => `scope-${i}`)

const hop = (scope: unknown, act?: unknown) => ({ iss: 'https://as.example', sub: 'alice', aud: 'api-b', exp: NOW + 600, jti: `j${String(act ?? 1)}`, ...(typeof scope === 'string' ? { scope } : { scp: scope }), ...(act === undefined ? {} : { act }) })

describe('scope checks on 100,000 scopes', () => {
  it.each<[string, unknown, unknown, 'pass' | 'fail']>([
    ['the same scopes in reverse order', scopes.join(' '), [...scopes].reverse().join(' '), 'pass'],
    ['scp arrays, one scope dropped', scopes, scopes.slice(1), 'pass'],
    ['one scope added at the end', scopes.join(' '), `${scopes.join(' ')} admin`, 'fail'],
  ])('a hop with %s', (_name, before, after, verdict) => {
    const checks = compareHops([tok(hop(before)), tok(hop(after, { sub: 'api-b' }))])
    expect(checks.find((c) => c.id === 'scope')?.verdict).toBe(verdict)
  }, HANG_GUARD)

  it('names the scope a hop added', () => {
    const checks = compareHops([tok(hop(scopes.join(' '))), tok(hop(`admin ${scopes.join(' ')}`, { sub: 'api-b' }))])
    expect(checks.find((c) => c.id === 'scope')?.message).toMatch(/^Token 2 adds "admin", which token 1 \("scope-0 scope-1 scope-2 [^"]*…"\) did not have: scopes must only narrow along a chain\.$/)
  }, HANG_GUARD)

  it('exchanges a token for 99,999 of its 100,000 scopes', async () => {
    const requested = scopes.slice(1).join(' ')
    const result = await exchangeToken({
      subjectToken: tok(hop(scopes.join(' '))), actor: { sub: 'api-b' }, audience: 'api-c', scope: requested, now: NOW,
      key: await parsedSecret(new TextEncoder().encode('an authorization server secret of 32+ bytes')), alg: 'HS256',
    })
    if (!result.ok) throw new Error(result.error.message)
    const payload = JSON.parse(Buffer.from(result.value.split('.')[1] as string, 'base64url').toString()) as { scope: string }
    expect(payload.scope).toBe(requested)
  }, HANG_GUARD)

  it('refuses an exchange that asks for 100,000 scopes the token does not have', async () => {
    const result = await exchangeToken({
      subjectToken: tok(hop(scopes.join(' '))), actor: { sub: 'api-b' }, audience: 'api-c', scope: scopes.map((s) => `x${s}`).join(' '), now: NOW,
      key: await parsedSecret(new TextEncoder().encode('an authorization server secret of 32+ bytes')), alg: 'HS256',
    })
    expect(result.ok ? 'ok' : result.error.code).toBe('SCOPE_WIDENED')
    expect(result.ok ? '' : result.error.message).toMatch(/^The request asks for "xscope-0 xscope-1 [^"]*…", but the subject token only has "scope-0 scope-1 [^"]*…"\. A token exchange may only narrow scopes; ask for a subset\.$/)
  }, HANG_GUARD)
})
