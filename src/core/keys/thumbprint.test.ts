import { describe, expect, it } from 'vitest'
import thumbprints from '../../../test/fixtures/vectors/jwk-thumbprints.json'
import type { JWK } from '../types'
import { parseKey } from './parse'
import { jwkThumbprint } from './thumbprint'

describe('RFC 7638 thumbprints match the published values', () => {
  it.each(thumbprints as { id: string; jwk: JWK; expected: string }[])('$id', async ({ jwk, expected }) => {
    expect(await jwkThumbprint(jwk)).toEqual({ ok: true, value: expected })
    const parsed = await parseKey(JSON.stringify(jwk), { encoding: 'utf8' })
    expect(parsed.ok && parsed.value.keys[0]?.thumbprint).toBe(expected)
  })
})

describe('jwkThumbprint errors', () => {
  it.each([
    [{ kty: 'EC', crv: 'P-256', x: 'AA' }, 'JWK_MISSING_MEMBER', 'The EC JWK has no "y" member, which its thumbprint needs. Add "y".'],
    [{ kty: 'oct' }, 'JWK_MISSING_MEMBER', 'The oct JWK has no "k" member, which its thumbprint needs. Add "k".'],
    [{ kty: 'DSA' }, 'JWK_UNSUPPORTED_KTY', 'The JWK\'s "kty" is "DSA"; a thumbprint needs "RSA", "EC", "OKP", "AKP" or "oct".'],
    [{}, 'JWK_UNSUPPORTED_KTY', 'The JWK\'s "kty" is null; a thumbprint needs "RSA", "EC", "OKP", "AKP" or "oct".'],
  ])('%j', async (jwk, code, message) => {
    expect(await jwkThumbprint(jwk as JWK)).toEqual({ ok: false, error: { code, message } })
  })
})
