import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { MAX_STORABLE_TOKEN_LENGTH, tokenStorageDecision, type TokenOrigin, type TokenStorageCode } from './token-storage'

const NOW = 1_700_000_000
const b64u = (text: string) => Buffer.from(text).toString('base64url')

/** An HS256 token signed with node:crypto, the payload given as JSON text so odd members survive. */
function signed(payloadJson: string, header = '{"alg":"HS256","typ":"JWT"}'): string {
  const input = `${b64u(header)}.${b64u(payloadJson)}`
  return `${input}.${createHmac('sha256', 'a-test-secret-of-32-bytes-length!').update(input).digest('base64url')}`
}

const OPT_IN = 'it is kept on this device only when "Remember tokens and secrets" is ticked'

interface Case {
  readonly name: string
  readonly token: string
  readonly origin?: TokenOrigin
  readonly storable: boolean
  readonly code: TokenStorageCode
  readonly reason: string
}

const live = signed(`{"sub":"1","exp":${NOW + 3600}}`)

const cases: Case[] = [
  { name: 'no token', token: '  ', storable: true, code: 'TOKEN_EMPTY', reason: 'There is no token.' },
  {
    name: 'a built-in example, even a live-looking one',
    token: live,
    origin: 'example',
    storable: true,
    code: 'TOKEN_EXAMPLE',
    reason: 'The token is a built-in example (public demo data), so it is kept on this device.',
  },
  { name: 'an expired token', token: signed(`{"sub":"1","exp":${NOW - 60}}`), storable: true, code: 'TOKEN_EXPIRED', reason: 'The token has expired, so it is kept on this device.' },
  { name: 'a token expiring right now', token: signed(`{"exp":${NOW}}`), storable: true, code: 'TOKEN_EXPIRED', reason: 'The token has expired, so it is kept on this device.' },
  {
    name: 'alg none',
    token: `${b64u('{"alg":"none"}')}.${b64u(`{"exp":${NOW + 3600}}`)}.`,
    storable: true,
    code: 'TOKEN_UNSIGNED',
    reason: 'The token is unsigned, so no verifier that checks signatures accepts it; it is kept on this device.',
  },
  {
    name: 'alg NONE with a signature text',
    token: `${b64u('{"alg":"NONE"}')}.${b64u('{"sub":"1"}')}.c2ln`,
    storable: true,
    code: 'TOKEN_UNSIGNED',
    reason: 'The token is unsigned, so no verifier that checks signatures accepts it; it is kept on this device.',
  },
  {
    name: 'HS256 without a signature',
    token: `${b64u('{"alg":"HS256"}')}.${b64u(`{"exp":${NOW + 3600}}`)}.`,
    storable: true,
    code: 'TOKEN_UNSIGNED',
    reason: 'The token is unsigned, so no verifier that checks signatures accepts it; it is kept on this device.',
  },
  { name: 'a signed live token', token: live, storable: false, code: 'TOKEN_LIVE', reason: `The token is signed and not expired: it is a live credential; ${OPT_IN}.` },
  { name: 'a live token as an example would be, but typed by the user', token: live, origin: 'user', storable: false, code: 'TOKEN_LIVE', reason: `The token is signed and not expired: it is a live credential; ${OPT_IN}.` },
  {
    name: 'a signed token with a huge exp',
    token: signed('{"exp":123456789012345678901234567890}'),
    storable: false,
    code: 'TOKEN_LIVE',
    reason: `The token is signed and not expired: it is a live credential; ${OPT_IN}.`,
  },
  {
    name: 'a signed token in milliseconds (read as far future)',
    token: signed(`{"exp":${(NOW - 60) * 1000}}`),
    storable: false,
    code: 'TOKEN_LIVE',
    reason: `The token is signed and not expired: it is a live credential; ${OPT_IN}.`,
  },
  {
    name: 'a signed token without exp',
    token: signed('{"sub":"1"}'),
    storable: false,
    code: 'TOKEN_NO_EXPIRY',
    reason: `The token is signed and has no readable expiry ("exp"), so it may still be valid; ${OPT_IN}.`,
  },
  {
    name: 'a signed token with exp as a string',
    token: signed(`{"exp":"${NOW - 60}"}`),
    storable: false,
    code: 'TOKEN_NO_EXPIRY',
    reason: `The token is signed and has no readable expiry ("exp"), so it may still be valid; ${OPT_IN}.`,
  },
  {
    name: 'a signed token with two exp members',
    token: signed(`{"exp":${NOW + 3600},"exp":${NOW - 60}}`),
    storable: false,
    code: 'TOKEN_NO_EXPIRY',
    reason: `The token is signed and has more than one expiry ("exp"), so it may still be valid; ${OPT_IN}.`,
  },
  {
    name: 'a signed token whose payload is not JSON',
    token: `${b64u('{"alg":"HS256"}')}.${b64u('hello')}.c2ln`,
    storable: false,
    code: 'TOKEN_NO_EXPIRY',
    reason: `The token is signed and has no readable expiry ("exp"), so it may still be valid; ${OPT_IN}.`,
  },
  {
    name: 'an encrypted token',
    token: `${b64u('{"alg":"dir","enc":"A128GCM"}')}..aXY.Y2lwaGVy.dGFn`,
    storable: false,
    code: 'TOKEN_ENCRYPTED',
    reason: `The token is encrypted (JWE), so whether it is still valid cannot be told; ${OPT_IN}.`,
  },
  { name: 'garbage', token: 'not a token at all', storable: false, code: 'TOKEN_UNREADABLE', reason: `The text is not a readable signed token, and may be some other credential; ${OPT_IN}.` },
  { name: 'an opaque access token', token: 'gho_16C7e42F292c6912E7710c838347Ae178B4a', storable: false, code: 'TOKEN_UNREADABLE', reason: `The text is not a readable signed token, and may be some other credential; ${OPT_IN}.` },
  {
    name: 'a token over 256 KB',
    token: signed(`{"exp":${NOW - 60},"pad":"${'x'.repeat(MAX_STORABLE_TOKEN_LENGTH)}"}`),
    storable: false,
    code: 'TOKEN_TOO_LONG',
    reason: 'The token is longer than 256 KB, too long to keep on this device; it stays in this tab only.',
  },
]

describe('tokenStorageDecision', () => {
  it.each(cases)('$name', ({ token, origin = 'user', storable, code, reason }) => {
    expect(tokenStorageDecision(token, { origin, now: NOW })).toEqual({ storable, code, reason })
  })

  it('a live token becomes storable once it has expired', () => {
    expect(tokenStorageDecision(live, { origin: 'user', now: NOW + 3599 }).storable).toBe(false)
    expect(tokenStorageDecision(live, { origin: 'user', now: NOW + 3600 }).storable).toBe(true)
  })

  it('1 MB of dots and base64url decides without hanging (hang guard)', () => {
    const started = Date.now()
    expect(tokenStorageDecision('.'.repeat(1024 * 1024), { origin: 'user', now: NOW }).storable).toBe(false)
    expect(tokenStorageDecision(`${'A'.repeat(200_000)}.${'A'.repeat(50_000)}.A`, { origin: 'user', now: NOW }).storable).toBe(false)
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
