import { describe, expect, it } from 'vitest'
import { decodeToken } from '../token/decode'
import type { DecodedToken } from '../types'
import { resolveLintContext } from './index'
import { looksLikeEmail, personalDataRule } from './personal-data-rules'

const b64u = (data: string): string => Buffer.from(data).toString('base64url')
const jws = (payload: unknown): DecodedToken =>
  decodeToken(`${b64u('{"alg":"HS256"}')}.${b64u(typeof payload === 'string' ? payload : JSON.stringify(payload))}.c2ln`)
const run = (payload: unknown) => personalDataRule(jws(payload), resolveLintContext({ now: 1704067200 }))
const tail = ' A signed token is only base64url-encoded, so anyone who gets the token, a link to it or a screenshot of it can read this.'

describe('personal data', () => {
  it.each<[string, unknown, string | null]>([
    ['no personal claims', { sub: '248289761001', iat: 1, exp: 2 }, null],
    ['an e-mail claim', { email: 'alice@example.com' }, 'e-mail address (email)'],
    ['an e-mail address in sub', { sub: 'alice@example.com' }, 'e-mail address (sub)'],
    ['an e-mail among aliases', { aliases: ['x', 'bob@example.org'] }, 'e-mail address (aliases)'],
    ['names of OpenID Connect', { name: 'Jane Doe', given_name: 'Jane', family_name: 'Doe', preferred_username: 'j.doe' }, 'name (name, given_name, family_name and 1 more)'],
    ['Entra ID claims', { upn: 'jdoe@contoso.com', ipaddr: '203.0.113.7', onprem_sid: 'S-1-5-21-1-2-3-1001' }, 'e-mail address (upn); IP address (ipaddr); on-premises SID (onprem_sid)'],
    ['phone, address and birthdate', { phone_number: '+1 555 0100', address: { locality: 'Springfield' }, birthdate: '1970-01-01' }, 'phone number (phone_number); postal address (address); birthdate (birthdate)'],
    ['empty values', { name: '', email: null, address: {}, emails: [] }, null],
    ['a string that is not an address', { sub: 'user@localhost', kid: '@example.com', note: 'a b@c.d' }, null],
    ['a payload that is not an object', '["alice@example.com"]', null],
  ])('%s', (_name, payload, listed) => {
    const findings = run(payload)
    if (listed === null) {
      expect(findings).toEqual([])
      return
    }
    expect(findings.map(({ id, severity, title, explanation, reference }) => ({ id, severity, title, explanation, reference }))).toEqual([{
      id: 'personal-data',
      severity: 'info',
      title: 'Personal data in the payload',
      explanation: `The payload carries personal data: ${listed}.${tail}`,
      reference: 'RFC 7519 §12; OpenID Connect Core 1.0 §5.1',
    }])
  })

  it('points at the first personal claim listed', () => {
    // {"sub":"1","email":"a@b.co"}: the email member is bytes 11–26 of the payload.
    const token = jws('{"sub":"1","email":"a@b.co"}')
    const [finding] = personalDataRule(token, resolveLintContext({}))
    const start = token.payload?.start ?? 0
    expect(finding?.segment).toBe('payload')
    expect(finding?.offset).toBe(start + Math.floor((11 * 8) / 6))
    expect(finding?.fix).toBe('Think before sharing a link to this token or pasting it into a ticket or chat (use a token from a test account). Issuers: put only the claims the recipient needs in the token.')
  })

  it.each<[string, boolean]>([
    ['a@b.co', true], ['first.last+tag@sub.example.org', true], ['a@b', false], ['@b.co', false], ['a@.co', false],
    ['a@b.', false], ['a@@b.co', false], ['a b@c.co', false], ['a@b.co\n', false], ['', false],
  ])('looksLikeEmail(%j) is %s', (text, expected) => expect(looksLikeEmail(text)).toBe(expected))
})
