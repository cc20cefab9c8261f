import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parsedSecret } from '../keys/jwk-key'
import { decodeToken } from '../token/decode'
import type { DecodedToken } from '../types'
import { exchangeToken, type ExchangeInput } from './exchange'
import { compareHops } from './hops'

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const tok = (payload: unknown): DecodedToken => decodeToken(`${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.c2ln`)
const SECRET = new TextEncoder().encode('an authorization server secret of 32+ bytes')
const NOW = 1700000000

const SUBJECT = { iss: 'https://as.example', sub: 'alice', aud: 'api-b', client_id: 'app-a', scope: 'read write', exp: NOW + 600, iat: NOW - 60, jti: 'j1', email: 'alice@example.com', cnf: { jkt: 'x' } }

async function exchange(overrides: Partial<ExchangeInput> & { subject?: unknown } = {}) {
  const { subject, ...rest } = overrides
  return exchangeToken({
    subjectToken: tok(subject ?? SUBJECT),
    actor: { sub: 'api-b' },
    audience: 'api-c',
    now: NOW,
    key: await parsedSecret(SECRET),
    alg: 'HS256',
    ...rest,
  })
}

function parts(token: string) {
  const [h, p, s] = token.split('.') as [string, string, string]
  return { header: JSON.parse(Buffer.from(h, 'base64url').toString()), payload: JSON.parse(Buffer.from(p, 'base64url').toString()), h, p, s }
}

describe('exchangeToken', () => {
  it('issues a narrowed, shorter-lived token with the actor recorded, signed with the key', async () => {
    const r = await exchange({ scope: 'read', lifetimeSeconds: 300 })
    if (!r.ok) throw new Error(r.error.message)
    const { header, payload, h, p, s } = parts(r.value)
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' })
    const { jti, ...rest } = payload
    expect(jti).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(jti).not.toBe('j1')
    expect(rest).toEqual({ iss: 'https://as.example', sub: 'alice', aud: 'api-c', scope: 'read', act: { sub: 'api-b' }, email: 'alice@example.com', iat: NOW, exp: NOW + 300 })
    // The HMAC computed independently by node:crypto.
    expect(s).toBe(createHmac('sha256', SECRET).update(`${h}.${p}`).digest('base64url'))
  })

  it('caps exp at the subject token’s exp and inherits its scopes when none are requested', async () => {
    const r = await exchange({ lifetimeSeconds: 3600 })
    if (!r.ok) throw new Error(r.error.message)
    expect(parts(r.value).payload).toMatchObject({ exp: NOW + 600, scope: 'read write' })
    const fromScp = await exchange({ subject: { ...SUBJECT, scope: undefined, scp: ['read', 'write'] }, scope: 'write' })
    expect(fromScp.ok && parts(fromScp.value).payload.scope).toBe('write')
  })

  it('nests the subject token’s act inside the new actor, with issuer override', async () => {
    const subject = { ...SUBJECT, act: { sub: 'gateway', act: { sub: 'edge' } } }
    const r = await exchange({ subject, actor: { sub: 'api-b', iss: 'https://idp.example' }, issuer: 'https://as2.example' })
    if (!r.ok) throw new Error(r.error.message)
    expect(parts(r.value).payload).toMatchObject({ iss: 'https://as2.example', act: { sub: 'api-b', iss: 'https://idp.example', act: { sub: 'gateway', act: { sub: 'edge' } } } })
  })

  it('produces chains that compareHops accepts', async () => {
    const t1 = tok(SUBJECT)
    const r2 = await exchange({ scope: 'read write' })
    if (!r2.ok) throw new Error(r2.error.message)
    const t2 = decodeToken(r2.value)
    const r3 = await exchangeToken({ subjectToken: t2, actor: { sub: 'api-c' }, audience: 'api-d', scope: 'read', now: NOW + 10, key: await parsedSecret(SECRET), alg: 'HS256' })
    if (!r3.ok) throw new Error(r3.error.message)
    const checks = compareHops([t1, t2, decodeToken(r3.value)])
    expect(checks.filter((c) => c.verdict !== 'pass')).toEqual([])
  })

  it.each<[string, Partial<ExchangeInput> & { subject?: unknown }, string, string]>([
    ['scope widening', { scope: 'read admin' }, 'SCOPE_WIDENED', 'The request asks for "admin", but the subject token only has "read write". A token exchange may only narrow scopes; ask for a subset.'],
    ['scope from a token without scopes', { subject: { ...SUBJECT, scope: undefined }, scope: 'read' }, 'SCOPE_WIDENED', 'The request asks for "read", but the subject token has no scopes. A token exchange may only narrow scopes; ask for a subset.'],
    ['expired subject token', { now: NOW + 600 }, 'SUBJECT_TOKEN_EXPIRED', 'The subject token has expired, so an authorization server refuses to exchange it. Get a fresh token first.'],
    ['actor not allowed by may_act', { subject: { ...SUBJECT, may_act: { sub: 'api-x' } } }, 'ACTOR_NOT_ALLOWED', 'The subject token\'s "may_act" allows only the party with sub "api-x" to act for the subject, not "api-b".'],
    ['malformed act', { subject: { ...SUBJECT, act: 'gateway' } }, 'ACT_NOT_OBJECT', '"act" is a string, but an actor claim must be a JSON object such as {"sub":"service-a"} (RFC 8693 §4.1).'],
    ['payload not an object', { subject: [1, 2] }, 'SUBJECT_TOKEN_UNREADABLE', 'The subject token\'s payload is an array; an exchange needs a token whose payload is a JSON object of claims.'],
    ['empty actor', { actor: { sub: '' } }, 'EXCHANGE_INVALID_INPUT', 'Name the actor: its "sub" identifies the service asking for the new token and cannot be empty.'],
    ['empty audience', { audience: '' }, 'EXCHANGE_INVALID_INPUT', 'Name the audience: the new token must say which service it is for.'],
    ['negative lifetime', { lifetimeSeconds: -5 }, 'EXCHANGE_INVALID_INPUT', 'The lifetime must be a positive number of seconds, not -5.'],
  ])('refuses %s', async (_name, overrides, code, message) => {
    expect(await exchange(overrides)).toEqual({ ok: false, error: { code, message } })
  })

  it('passes signing errors through', async () => {
    const r = await exchange({ alg: 'RS256' })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe('KEY_ALG_MISMATCH')
  })
})
