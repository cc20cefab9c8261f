import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { equalBytes, hmac, hmacToken, utf8, type HmacHash } from './raw-sign'

describe('hmac', () => {
  it.each<[HmacHash, string, string]>([
    ['SHA-256', '', 'sha256'],
    ['SHA-384', '', 'sha384'],
    ['SHA-512', '', 'sha512'],
    ['SHA-256', 'secret', 'sha256'],
    ['SHA-256', 'k'.repeat(100), 'sha256'],
  ])('%s under %j matches node:crypto', async (hash, key, nodeName) => {
    const data = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYWRtaW4ifQ'
    const ours = await hmac(hash, utf8(key), utf8(data))
    expect(Buffer.from(ours).toString('hex')).toBe(createHmac(nodeName, key).update(data).digest('hex'))
  })

  it('builds header.payload.signature from the exact compact texts', async () => {
    const token = await hmacToken('SHA-256', utf8('k'), '{"alg":"HS256"}', '{"a":1.0}')
    const input = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"a":1.0}').toString('base64url')}`
    expect(token).toBe(`${input}.${createHmac('sha256', 'k').update(input).digest('base64url')}`)
  })
})

describe('equalBytes', () => {
  it.each([
    [[1, 2, 3], [1, 2, 3], true],
    [[1, 2, 3], [1, 2, 4], false],
    [[1, 2], [1, 2, 3], false],
    [[], [], true],
  ])('%j vs %j is %s', (a, b, expected) => {
    expect(equalBytes(Uint8Array.from(a), Uint8Array.from(b))).toBe(expected)
  })
})
