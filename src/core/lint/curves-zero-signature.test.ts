import { describe, expect, it } from 'vitest'
import { decodeToken } from '../token'
import { resolveLintContext } from './index'
import { ecdsaZeroRule } from './signature-rules'

const b64u = (data: string | Uint8Array) => Buffer.from(data).toString('base64url')

describe('psychic signatures on secp256k1', () => {
  it('an ES256K signature of 64 zero bytes is the critical zero-signature finding', () => {
    const token = decodeToken(`${b64u('{"alg":"ES256K"}')}.${b64u('{}')}.${b64u(new Uint8Array(64))}`)
    expect(ecdsaZeroRule(token, resolveLintContext({})).map((f) => [f.id, f.severity])).toEqual([['ecdsa-zero-signature', 'critical']])
  })
})
