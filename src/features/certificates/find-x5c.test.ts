import { describe, expect, it } from 'vitest'
import type { ParsedKey } from '../../core'
import { findX5c } from './find-x5c'

const key = (jwk: Record<string, unknown>) => ({ kind: 'public', kty: 'EC', bits: 256, jwk, thumbprint: 't' }) as unknown as ParsedKey

describe('findX5c', () => {
  it.each([
    ['the header', { alg: 'ES256', x5c: ['A'], x5t: 'a', 'x5t#S256': 'b' }, [], { where: 'the token header', x5c: ['A'], x5t: 'a', x5tS256: 'b' }],
    ['the header before its jwk', { x5c: ['A'], jwk: { x5c: ['B'] } }, [], { where: 'the token header', x5c: ['A'] }],
    ['the header\'s jwk', { jwk: { kty: 'EC', x5c: ['B'], x5t: 'c' } }, [], { where: 'the header\'s jwk', x5c: ['B'], x5t: 'c' }],
    ['the verification key', { alg: 'ES256' }, [key({ kty: 'EC' }), key({ kty: 'EC', x5c: ['C'] })], { where: 'the verification key', x5c: ['C'] }],
    ['a non-array x5c is still found (and reported by the checker)', { x5c: 'A' }, [], { where: 'the token header', x5c: 'A' }],
    ['nothing', { alg: 'ES256', jwk: 'not an object' }, [key({ kty: 'EC' })], undefined],
    ['a header that is not an object', ['x5c'], [], undefined],
  ] as const)('%s', (_, header, keys, expected) => {
    expect(findX5c(header as never, keys)).toEqual(expected)
  })
})
