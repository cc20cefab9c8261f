import { describe, expect, it } from 'vitest'
import type { JsonValue } from '../../core'
import { pickHolderKey } from './holder-key'

const keys = [
  { kid: 'a', thumbprint: 'T-a' },
  { kid: 'b', thumbprint: 'T-b' },
  { thumbprint: 'T-c' },
]

describe('pickHolderKey', () => {
  it.each([
    ['cnf.kid', { cnf: { kid: 'b' } }, keys[1]],
    ['cnf.jkt', { cnf: { jkt: 'T-c' } }, keys[2]],
    ['cnf.jkt before a kid that names another key', { cnf: { kid: 'a', jkt: 'T-b' } }, keys[1]],
    ['no match: the first key', { cnf: { kid: 'z' } }, keys[0]],
    ['cnf.jwk: the first key', { cnf: { jwk: {} } }, keys[0]],
    ['no cnf', { sub: 'x' }, keys[0]],
    ['a payload that is not an object', 'text', keys[0]],
    ['no payload', undefined, keys[0]],
    ['a cnf of the wrong type', { cnf: ['kid'] }, keys[0]],
  ] as const)('%s', (_name, payload, expected) => {
    expect(pickHolderKey(keys, payload as JsonValue | undefined)).toBe(expected)
  })

  it('gives null without keys', () => {
    expect(pickHolderKey([], { cnf: { kid: 'a' } })).toBe(null)
  })
})
