import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import thumbprints from '../../../test/fixtures/vectors/jwk-thumbprints.json'
import { generateKey } from '../keys/generate'
import { parsedKeyFromJwk, parsedSecret } from '../keys/jwk-key'
import { signToken } from '../token/sign'
import type { JwsAlgorithm, ParsedKey } from '../types'
import { accessTokenHash } from './ath'
import { checkDpopProof, type DpopCheck, type DpopCheckInput } from './check-proof'
import { createDpopProof } from './create-proof'
import { normaliseHtu } from './htu'

// RFC 9449 §4.1 (Figure 2 / Figure 3): a proof for a token request.
const RFC_TOKEN_PROOF = 'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjYyNjE2fQ.2-GxA6T8lP4vfrg8v-FdWP0A0zdrj8igiMLvqRMUvwnQg4PtFLbdLXiOSsX0x7NVY-FNyJK70nfbV37xRZT3Lg'
// RFC 9449 §7.1 (Figure 13): a proof for a resource request, with the access token it carries the hash of.
const RFC_RESOURCE_PROOF = 'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJlMWozVl9iS2ljOC1MQUVCIiwiaHRtIjoiR0VUIiwiaHR1IjoiaHR0cHM6Ly9yZXNvdXJjZS5leGFtcGxlLm9yZy9wcm90ZWN0ZWRyZXNvdXJjZSIsImlhdCI6MTU2MjI2MjYxOCwiYXRoIjoiZlVIeU8ycjJaM0RaNTNFc05yV0JiMHhXWG9hTnk1OUlpS0NBcWtzbVFFbyJ9.2oW9RP35yRqzhrtNP86L-Ey71EOptxRimPPToA1plemAgR6pxHF8y6-yqyVnmcw6Fy1dqd-jfxSYoMxhAJpLjA'
const RFC_ACCESS_TOKEN = 'Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU'
const RFC_ATH = 'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo'
const RFC_JKT = (thumbprints as { id: string; expected: string }[]).find((t) => t.id === 'rfc9449-jkt-EC-P256')?.expected as string

const verdicts = (checks: DpopCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c.verdict]))
const failing = (checks: DpopCheck[]) => checks.filter((c) => c.verdict === 'fail').map((c) => c.id)
const message = (checks: DpopCheck[], id: DpopCheck['id']) => checks.find((c) => c.id === id)?.message

describe('RFC 9449 examples', () => {
  it('§7.1: ath of the example access token', async () => {
    expect(await accessTokenHash(RFC_ACCESS_TOKEN)).toBe(RFC_ATH)
    expect(createHash('sha256').update(RFC_ACCESS_TOKEN, 'ascii').digest('base64url')).toBe(RFC_ATH)
  })

  it('§4.1: the example token-request proof passes, and its key has the RFC thumbprint', async () => {
    const checks = await checkDpopProof(RFC_TOKEN_PROOF, { method: 'POST', url: 'https://server.example.com/token', now: 1562262616 + 5 })
    expect(checks.map((c) => c.id)).toEqual(['format', 'typ', 'alg', 'jwk', 'signature', 'htm', 'htu', 'iat', 'jti', 'nonce', 'ath', 'jkt'])
    expect(verdicts(checks)).toEqual({ format: 'pass', typ: 'pass', alg: 'pass', jwk: 'pass', signature: 'pass', htm: 'pass', htu: 'pass', iat: 'pass', jti: 'pass', nonce: 'skip', ath: 'skip', jkt: 'skip' })
    expect(message(checks, 'jwk')).toBe(`The header carries an EC P-256 public key with RFC 7638 thumbprint ${RFC_JKT}, and no private members.`)
    expect(RFC_JKT).toBe('0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I')
    expect(message(checks, 'iat')).toBe('The proof was created at 2019-07-04T17:50:16Z, within the window (at most 300 s old, 60 s of clock skew).')
  })

  it('§7.1: the example resource proof passes with the example access token', async () => {
    const checks = await checkDpopProof(RFC_RESOURCE_PROOF, { method: 'GET', url: 'https://resource.example.org/protectedresource', accessToken: RFC_ACCESS_TOKEN, now: 1562262618 })
    expect(failing(checks)).toEqual([])
    expect(message(checks, 'ath')).toBe(`"ath" equals base64url(SHA-256(access token)) = ${RFC_ATH}: the proof is tied to this access token.`)
    expect(message(checks, 'jkt')).toBe('The access token is not a readable JWT (it may be opaque); the resource server learns its bound key (cnf.jkt) by introspection.')
  })

  it('the example proof is stale today and fails only iat', async () => {
    const checks = await checkDpopProof(RFC_TOKEN_PROOF, { method: 'POST', url: 'https://server.example.com/token', now: 1562262616 + 301 })
    expect(failing(checks)).toEqual(['iat'])
    expect(message(checks, 'iat')).toBe('The proof was created at 2019-07-04T17:50:16Z, 301 s ago, more than the 300 s allowed: an old proof may be a replay.')
  })
})

describe('htu normalisation (RFC 3986 §6.2.2, §6.2.3)', () => {
  it.each([
    ['HTTPS://Server.Example.COM/token', 'https://server.example.com/token'],
    ['https://server.example.com:443/token', 'https://server.example.com/token'],
    ['http://server.example.com:80', 'http://server.example.com/'],
    ['https://server.example.com/a/./b/../token?x=1#frag', 'https://server.example.com/a/token'],
    ['https://server.example.com/%7euser/%2fpath/%41', 'https://server.example.com/~user/%2Fpath/A'],
    ['https://server.example.com:8443/token', 'https://server.example.com:8443/token'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseHtu(input)).toEqual({ ok: true, value: expected })
  })

  it('rejects a relative URL', () => {
    expect(normaliseHtu('/token')).toEqual({ ok: false, error: { code: 'URL_INVALID', message: '"/token" is not an absolute URL. Give it with its scheme and host, e.g. https://server.example.com/token.' } })
  })
})

describe('createDpopProof → checkDpopProof', () => {
  const NOW = 1700000000
  const URL_ = 'https://api.example.com/orders'
  let key: ParsedKey
  let otherKey: ParsedKey
  let accessToken: string

  beforeAll(async () => {
    const make = async (alg: JwsAlgorithm) => {
      const generated = await generateKey(alg)
      if (!generated.ok) throw new Error(generated.error.message)
      const parsed = await parsedKeyFromJwk(generated.value.privateJwk)
      if (!parsed.ok) throw new Error(parsed.error.message)
      return parsed.value
    }
    key = await make('ES256')
    otherKey = await make('ES256')
    accessToken = await boundAccessToken(key.thumbprint)
  })

  async function boundAccessToken(jkt: string): Promise<string> {
    const secret = await parsedSecret(new TextEncoder().encode('resource server secret, 32 bytes!'))
    const r = await signToken({ header: '{"alg":"HS256","typ":"at+jwt"}', payload: JSON.stringify({ sub: 'alice', cnf: { jkt } }), alg: 'HS256', key: secret })
    if (!r.ok) throw new Error(r.error.message)
    return r.value.token
  }

  const input = (overrides: Partial<DpopCheckInput> = {}): DpopCheckInput => ({ method: 'POST', url: `${URL_}?page=2`, accessToken, now: NOW + 3, nonce: 'n-1', ...overrides })

  async function proof(overrides: { header?: Record<string, unknown>; payload?: Record<string, unknown>; signWith?: ParsedKey; alg?: JwsAlgorithm } = {}) {
    const made = await createDpopProof({ method: 'POST', url: `${URL_}#section`, accessToken, key, alg: 'ES256', now: NOW, jti: 'jti-1', nonce: 'n-1' })
    if (!made.ok) throw new Error(made.error.message)
    if (overrides.header === undefined && overrides.payload === undefined && overrides.signWith === undefined) return made.value
    const [h, p] = made.value.split('.') as [string, string]
    const header = { ...JSON.parse(Buffer.from(h, 'base64url').toString()), ...overrides.header }
    const payload = { ...JSON.parse(Buffer.from(p, 'base64url').toString()), ...overrides.payload }
    const r = await signToken({ header: JSON.stringify(header), payload: JSON.stringify(payload), alg: overrides.alg ?? 'ES256', key: overrides.signWith ?? key })
    if (!r.ok) throw new Error(r.error.message)
    return r.value.token
  }

  it('creates exactly the RFC 9449 structure', async () => {
    const made = await proof()
    const [h, p] = made.split('.') as [string, string]
    const jwk = key.publicJwk as Record<string, unknown>
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: jwk['x'], y: jwk['y'] } })
    expect(JSON.parse(Buffer.from(p, 'base64url').toString())).toEqual({
      jti: 'jti-1', htm: 'POST', htu: URL_, iat: NOW, nonce: 'n-1',
      ath: createHash('sha256').update(accessToken).digest('base64url'),
    })
  })

  it('a fresh proof passes every check', async () => {
    const checks = await checkDpopProof(await proof(), input())
    expect(checks.filter((c) => c.verdict !== 'pass')).toEqual([])
    expect(message(checks, 'jkt')).toBe(`The access token's cnf.jkt equals the proof key's thumbprint ${key.thumbprint}: the token is bound to this key.`)
  })

  it('uses a random 128-bit jti and the clock by default', async () => {
    const made = await createDpopProof({ method: 'GET', url: URL_, key, alg: 'ES256' })
    if (!made.ok) throw new Error(made.error.message)
    const payload = JSON.parse(Buffer.from(made.value.split('.')[1] as string, 'base64url').toString())
    expect(payload.jti).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(Math.abs(payload.iat - Date.now() / 1000)).toBeLessThan(5)
  })

  type Tamper = [string, () => Promise<[string, DpopCheckInput]>, DpopCheck['id'], string | RegExp | (() => string)]
  const cases: Tamper[] = [
    ['typ is JWT', async () => [await proof({ header: { typ: 'JWT' } }), input()], 'typ',
      'The header\'s "typ" is "JWT", but a DPoP proof must have "typ": "dpop+jwt" (RFC 9449 §4.2); without it, another JWT signed by the same key could be replayed as a proof.'],
    ['the private key is in the header', async () => [await proof({ header: { jwk: { ...key.jwk, alg: undefined, use: undefined, kid: undefined, key_ops: undefined, ext: undefined } } }), input()], 'jwk',
      'The "jwk" contains private key material ("d"): the client has published its private key, so anyone who sees this proof can make new ones. It must contain the public key only.'],
    ['the header carries another key', async () => [await proof({ header: { jwk: { kty: 'EC', crv: 'P-256', x: (otherKey.publicJwk as Record<string, unknown>)['x'], y: (otherKey.publicJwk as Record<string, unknown>)['y'] } } }), input({ accessToken: undefined })], 'signature',
      /^The signature does not verify with the key in the "jwk" header: /],
    ['the payload was changed after signing', async () => {
      const [h, , s] = (await proof()).split('.')
      const changed = Buffer.from(JSON.stringify({ jti: 'jti-1', htm: 'POST', htu: URL_, iat: NOW, nonce: 'n-1', ath: await accessTokenHash(accessToken), x: 1 })).toString('base64url')
      return [`${h}.${changed}.${s}`, input()]
    }, 'signature', /^The signature does not verify with the key in the "jwk" header: /],
    ['another method', async () => [await proof(), input({ method: 'DELETE' })], 'htm',
      '"htm" is "POST", but the request uses "DELETE": the proof was made for a different request.'],
    ['lower-case method', async () => [await proof(), input({ method: 'post' })], 'htm',
      '"htm" is "POST", but the request uses "post": the proof was made for a different request. HTTP methods are case-sensitive.'],
    ['another URL', async () => [await proof(), input({ url: 'https://api.example.com/admin' })], 'htu',
      '"htu" is "https://api.example.com/orders" but the request goes to "https://api.example.com/admin" (both without query and fragment, normalised): the proof was made for a different URL.'],
    ['made in the future', async () => [await proof(), input({ now: NOW - 61 })], 'iat',
      'The proof was created at 2023-11-14T22:13:20Z, 61 s in the future (more than the 60 s of clock skew allowed): it may have been made in advance.'],
    ['too old for a shorter window', async () => [await proof(), input({ now: NOW + 31, maxAgeSeconds: 30 })], 'iat',
      'The proof was created at 2023-11-14T22:13:20Z, 31 s ago, more than the 30 s allowed: an old proof may be a replay.'],
    ['no jti', async () => [await proof({ payload: { jti: undefined } }), input()], 'jti',
      'The proof has no "jti"; every proof needs a unique identifier so the server can recognise a replay.'],
    ['a stale nonce', async () => [await proof(), input({ nonce: 'n-2' })], 'nonce',
      '"nonce" is "n-1", but the server handed out "n-2": a pre-made or stale proof.'],
    ['another access token', async () => [await proof(), input({ accessToken: 'opaque-token' })], 'ath', () =>
      `"ath" is "${createHash('sha256').update(accessToken).digest('base64url')}", but the access token hashes to ${createHash('sha256').update('opaque-token').digest('base64url')}: the proof was made for a different access token.`],
    ['a token bound to another key', async () => {
      const other = await boundAccessToken(otherKey.thumbprint)
      return [await proof({ payload: { ath: await accessTokenHash(other) } }), input({ accessToken: other })]
    }, 'jkt', /^The access token's cnf\.jkt is "[A-Za-z0-9_-]{43}", but the proof key's thumbprint is [A-Za-z0-9_-]{43}: the token is bound to another key, so this sender may not use it\.$/],
  ]

  it.each(cases)('%s: fails exactly %s', async (_name, make, id, text) => {
    const [made, checkInput] = await make()
    const checks = await checkDpopProof(made, checkInput)
    expect(failing(checks)).toEqual([id])
    if (text instanceof RegExp) expect(message(checks, id)).toMatch(text)
    else expect(message(checks, id)).toBe(typeof text === 'function' ? text() : text)
  })

  it('an HMAC-signed proof fails alg and is not verified', async () => {
    const secret = await parsedSecret(new TextEncoder().encode('a shared secret of at least 32 bytes'))
    const made = await proof({ header: { alg: 'HS256' }, signWith: secret, alg: 'HS256' })
    const checks = await checkDpopProof(made, input())
    expect(failing(checks)).toEqual(['alg'])
    expect(message(checks, 'alg')).toBe('The algorithm HS256 is a shared-secret MAC. DPoP needs an asymmetric signature, so that the server can check it with the public key in "jwk" and the private key never leaves the client.')
    expect(verdicts(checks)['signature']).toBe('skip')
  })

  it('an unsigned proof fails alg', async () => {
    const [h, p] = (await proof()).split('.') as [string, string]
    const header = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(h, 'base64url').toString()), alg: 'none' })).toString('base64url')
    const checks = await checkDpopProof(`${header}.${p}.`, input())
    expect(failing(checks)).toEqual(['alg'])
    expect(message(checks, 'alg')).toBe('The algorithm is "none": the proof is not signed, so it proves nothing. DPoP requires an asymmetric signature (RFC 9449 §4.3).')
  })

  it('a proof without ath sent with an access token fails ath', async () => {
    const made = await createDpopProof({ method: 'POST', url: URL_, key, alg: 'ES256', now: NOW, nonce: 'n-1' })
    if (!made.ok) throw new Error(made.error.message)
    const checks = await checkDpopProof(made.value, input())
    expect(failing(checks)).toEqual(['ath'])
  })

  it('a missing jwk fails jwk and skips the signature', async () => {
    const checks = await checkDpopProof(await proof({ header: { jwk: undefined } }), input())
    expect(failing(checks)).toEqual(['jwk'])
    expect(message(checks, 'jwk')).toBe('The header has no "jwk": a DPoP proof must carry the public key it is signed with (RFC 9449 §4.2).')
    expect(verdicts(checks)['signature']).toBe('skip')
    expect(verdicts(checks)['jkt']).toBe('skip')
  })

  it('an access token without cnf.jkt fails jkt', async () => {
    const secret = await parsedSecret(new TextEncoder().encode('resource server secret, 32 bytes!'))
    const r = await signToken({ header: '{"alg":"HS256"}', payload: '{"sub":"alice"}', alg: 'HS256', key: secret })
    if (!r.ok) throw new Error(r.error.message)
    const made = await proof({ payload: { ath: await accessTokenHash(r.value.token) } })
    const checks = await checkDpopProof(made, input({ accessToken: r.value.token }))
    expect(failing(checks)).toEqual(['jkt'])
  })

  it('garbage fails format and skips the rest', async () => {
    const checks = await checkDpopProof('not a jwt', input())
    expect(checks[0]).toEqual({ id: 'format', verdict: 'fail', message: 'The proof is not a JWT of three parts (header.payload.signature). A DPoP proof is a signed JWT sent in the DPoP HTTP header (RFC 9449 §4.2).' })
    expect(checks.slice(1).every((c) => c.verdict === 'skip' && c.message === 'Skipped: the proof could not be decoded.')).toBe(true)
  })

  it.each<[string, Partial<Parameters<typeof createDpopProof>[0]>, string, string]>([
    ['HMAC', { alg: 'HS256' }, 'DPOP_ALG_NOT_ASYMMETRIC', 'DPoP proofs need an asymmetric signature algorithm (ES256, RS256, PS256, EdDSA, …), not HS256: the server checks them with the public key carried in the proof.'],
    ['a relative URL', { url: '/orders' }, 'DPOP_INVALID_URL', '"/orders" is not an absolute URL. Give the full request URL, e.g. https://server.example.com/token.'],
    ['a bad method', { method: 'GE T' }, 'DPOP_INVALID_METHOD', '"GE T" is not an HTTP method. Use one such as GET or POST.'],
  ])('createDpopProof refuses %s', async (_name, overrides, code, text) => {
    expect(await createDpopProof({ method: 'GET', url: URL_, key, alg: 'ES256', ...overrides })).toEqual({ ok: false, error: { code, message: text } })
  })

  it('createDpopProof refuses a public key', async () => {
    const pub = await parsedKeyFromJwk(key.publicJwk)
    if (!pub.ok) throw new Error(pub.error.message)
    const r = await createDpopProof({ method: 'GET', url: URL_, key: pub.value, alg: 'ES256' })
    expect(!r.ok && r.error.code).toBe('DPOP_KEY_NOT_PRIVATE')
  })
})
