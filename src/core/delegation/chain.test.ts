import { describe, expect, it } from 'vitest'
import type { JsonValue } from '../types'
import { delegationChain, MAX_ACTORS } from './chain'

/** RFC 8693 §4.1, first example: one actor. */
const RFC8693_ACT = {
  aud: 'https://consumer.example.com',
  iss: 'https://issuer.example.com',
  exp: 1443904177,
  nbf: 1443904077,
  sub: 'user@example.com',
  act: { sub: 'admin@example.com' },
}

/** RFC 8693 §4.1, second example: a current actor and one prior actor. */
const RFC8693_NESTED = {
  aud: 'https://service16.example.com',
  iss: 'https://issuer.example.com',
  exp: 1443904100,
  nbf: 1443904000,
  sub: 'user@example.com',
  act: { sub: 'https://service16.example.com', act: { sub: 'https://service77.example.com' } },
}

function nest(depth: number): JsonValue {
  let act: JsonValue | undefined
  for (let i = depth; i >= 1; i--) act = act === undefined ? { sub: `svc-${i}` } : { sub: `svc-${i}`, act }
  return act === undefined ? { sub: 'alice' } : { sub: 'alice', act }
}

describe('delegationChain', () => {
  it('depth 0: only the subject', () => {
    const r = delegationChain({ sub: 'alice', scope: 'read' })
    expect(r).toEqual({
      ok: true,
      value: {
        parties: [{ role: 'subject', depth: 0, path: '(top level)', label: 'Subject', sub: 'alice', claims: { sub: 'alice', scope: 'read' } }],
        actorCount: 0,
        mayAct: null,
        summary: 'No delegation: "alice" is the subject and the token has no "act" claim.',
      },
    })
  })

  it('depth 1: the RFC 8693 §4.1 example', () => {
    const r = delegationChain(RFC8693_ACT)
    if (!r.ok) throw new Error(r.error.message)
    const { act: _act, ...rest } = RFC8693_ACT
    expect(r.value.parties).toEqual([
      { role: 'subject', depth: 0, path: '(top level)', label: 'Subject', sub: 'user@example.com', iss: 'https://issuer.example.com', claims: rest },
      { role: 'actor', depth: 1, path: 'act', label: 'Current actor', sub: 'admin@example.com', claims: { sub: 'admin@example.com' } },
    ])
    expect(r.value.actorCount).toBe(1)
    expect(r.value.summary).toBe('"admin@example.com" acts on behalf of "user@example.com".')
  })

  it('depth 2: the nested RFC 8693 §4.1 example keeps prior actors in nesting order', () => {
    const r = delegationChain(RFC8693_NESTED)
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.parties.map((p) => [p.role, p.path, p.label, p.sub])).toEqual([
      ['subject', '(top level)', 'Subject', 'user@example.com'],
      ['actor', 'act', 'Current actor', 'https://service16.example.com'],
      ['prior-actor', 'act.act', 'Prior actor 1', 'https://service77.example.com'],
    ])
    // The nested act is the next party, not a claim of this one.
    expect(r.value.parties[1]?.claims).toEqual({ sub: 'https://service16.example.com' })
  })

  it('depth 3', () => {
    const r = delegationChain(nest(3))
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.parties.map((p) => `${p.role}:${p.sub}:${p.depth}`)).toEqual(['subject:alice:0', 'actor:svc-1:1', 'prior-actor:svc-2:2', 'prior-actor:svc-3:3'])
    expect(r.value.actorCount).toBe(3)
    expect(r.value.summary).toBe('"svc-1" acts on behalf of "alice". Before that, "svc-2", then "svc-3" acted (most recent first).')
  })

  it(`accepts ${MAX_ACTORS} actors and refuses one more`, () => {
    const r = delegationChain(nest(MAX_ACTORS))
    expect(r.ok && r.value.actorCount).toBe(64)
    const deep = delegationChain(nest(MAX_ACTORS + 1))
    expect(deep).toEqual({
      ok: false,
      error: { code: 'ACT_TOO_DEEP', message: 'The "act" claim is nested more than 64 levels deep. Real delegation chains have a few actors; a chain this long is malformed or built to overload verifiers.' },
    })
  })

  it('reports an actor without sub as null', () => {
    const r = delegationChain({ sub: 'alice', act: { iss: 'https://as' } })
    expect(r.ok && r.value.parties[1]).toEqual({ role: 'actor', depth: 1, path: 'act', label: 'Current actor', sub: null, iss: 'https://as', claims: { iss: 'https://as' } })
    expect(r.ok && r.value.summary).toBe('An unnamed party acts on behalf of "alice".')
  })

  it.each<[string, JsonValue, string, string]>([
    ['payload is an array', [1], 'PAYLOAD_NOT_OBJECT', 'The payload is an array, not a JSON object, so it has no claims to read a delegation chain from.'],
    ['payload is a string', 'x', 'PAYLOAD_NOT_OBJECT', 'The payload is a string, not a JSON object, so it has no claims to read a delegation chain from.'],
    ['act is a string', { sub: 'a', act: 'svc' }, 'ACT_NOT_OBJECT', '"act" is a string, but an actor claim must be a JSON object such as {"sub":"service-a"} (RFC 8693 §4.1).'],
    ['act is null', { sub: 'a', act: null }, 'ACT_NOT_OBJECT', '"act" is null, but an actor claim must be a JSON object such as {"sub":"service-a"} (RFC 8693 §4.1).'],
    ['act.act is an array', { sub: 'a', act: { sub: 'b', act: [{ sub: 'c' }] } }, 'ACT_NOT_OBJECT', '"act.act" is an array, but an actor claim must be a JSON object such as {"sub":"service-a"} (RFC 8693 §4.1).'],
    ['act.sub is a number', { sub: 'a', act: { sub: 7 } }, 'ACT_INVALID_SUB', '"act" has a "sub" that is a number; "sub" must be a string naming the party.'],
    ['top-level sub is an object', { sub: {}, act: { sub: 'b' } }, 'ACT_INVALID_SUB', 'The payload has a "sub" that is an object; "sub" must be a string naming the party.'],
    ['act.act.iss is a boolean', { sub: 'a', act: { sub: 'b', act: { sub: 'c', iss: true } } }, 'ACT_INVALID_ISS', '"act.act" has an "iss" that is a boolean; "iss" must be a string naming the issuer.'],
  ])('malformed: %s', (_name, payload, code, message) => {
    expect(delegationChain(payload)).toEqual({ ok: false, error: { code, message } })
  })

  it.each<[string, JsonValue, string, string]>([
    ['sub matches', { sub: 'u', may_act: { sub: 'admin' }, act: { sub: 'admin' } }, 'pass', 'The current actor matches "may_act" (sub "admin"): the subject token allowed this party to act.'],
    ['sub and iss match', { sub: 'u', may_act: { sub: 'admin', iss: 'https://as' }, act: { sub: 'admin', iss: 'https://as' } }, 'pass', 'The current actor matches "may_act" (sub "admin" and iss "https://as"): the subject token allowed this party to act.'],
    ['sub differs', { sub: 'u', may_act: { sub: 'admin' }, act: { sub: 'mallory' } }, 'fail', 'The current actor is not the party "may_act" allows: its sub is "mallory", not "admin". An authorization server should have refused this delegation.'],
    ['iss missing', { sub: 'u', may_act: { sub: 'admin', iss: 'https://as' }, act: { sub: 'admin' } }, 'fail', 'The current actor is not the party "may_act" allows: its iss is missing, not "https://as". An authorization server should have refused this delegation.'],
    ['no actor yet', { sub: 'u', may_act: { sub: 'admin@example.net' } }, 'skip', 'No one acts yet (the token has no "act"). "may_act" allows the party with sub "admin@example.net" to act for the subject through token exchange.'],
    ['names nobody', { sub: 'u', may_act: { aud: 'x' }, act: { sub: 'b' } }, 'skip', '"may_act" names neither a "sub" nor an "iss", so there is no actor to compare it with.'],
    ['not an object', { sub: 'u', may_act: 'admin', act: { sub: 'admin' } }, 'fail', '"may_act" is a string, but it must be a JSON object naming the party allowed to act, such as {"sub":"admin@example.net"} (RFC 8693 §4.4).'],
  ])('may_act: %s', (_name, payload, verdict, message) => {
    const r = delegationChain(payload)
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.mayAct?.verdict).toBe(verdict)
    expect(r.value.mayAct?.message).toBe(message)
  })

  it('keeps a "__proto__" claim as data', () => {
    const payload = JSON.parse('{"sub":"a","__proto__":{"polluted":true}}') as JsonValue
    const r = delegationChain(payload)
    if (!r.ok) throw new Error(r.error.message)
    const claims = r.value.parties[0]?.claims as Record<string, unknown>
    expect(Object.getPrototypeOf(claims)).toBe(Object.prototype)
    expect(Object.keys(claims)).toEqual(['sub', '__proto__'])
  })
})
