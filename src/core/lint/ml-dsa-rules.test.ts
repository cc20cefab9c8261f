// The lint with ML-DSA (RFC 9964) tokens and AKP keys: a key bound to another parameter set does
// not fit, and a private AKP JWK inside a payload is a leaked private key.
import { readFileSync } from 'node:fs'
import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { parseKey } from '../keys'
import { decodeToken } from '../token'
import type { KeyInput } from '../types'
import { keyAlgMismatchRule } from './alg-rules'
import { resolveLintContext } from './index'
import { sensitiveDataRule } from './payload-rules'

const RFC9964 = JSON.parse(readFileSync(new URL('../../../test/fixtures/vectors/rfc9964-ml-dsa-44.json', import.meta.url), 'utf8')) as { jwk: Record<string, string>; compact: string }
const b64u = (data: string) => Buffer.from(data).toString('base64url')
const context = (keys: KeyInput | null = null) => resolveLintContext({ keys, now: 1767225600 })

async function keyInput(jwk: Record<string, string>): Promise<KeyInput> {
  const parsed = await parseKey(JSON.stringify(jwk), { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

describe('keyAlgMismatchRule with AKP keys', () => {
  const { priv: _priv, ...publicJwk } = RFC9964.jwk

  it('the ML-DSA-44 key of RFC 9964 fits its ML-DSA-44 token: no finding', async () => {
    expect(keyAlgMismatchRule(decodeToken(RFC9964.compact), context(await keyInput(publicJwk)))).toEqual([])
  })

  it('an ML-DSA-65 token checked with that ML-DSA-44 key is a mismatch naming both', async () => {
    const token = decodeToken(`${b64u('{"alg":"ML-DSA-65"}')}.${b64u('{}')}.AAAA`)
    const findings = keyAlgMismatchRule(token, context(await keyInput(publicJwk)))
    expect(findings.map((f) => [f.id, f.severity, f.title, f.explanation])).toEqual([
      ['key-alg-mismatch', 'medium', 'Key type does not fit ML-DSA-65', 'The token says ML-DSA-65, which needs an ML-DSA-65 (AKP) key, but the key given is an ML-DSA-44 public key. The signature cannot be checked with this key.'],
    ])
  })
})

describe('sensitiveDataRule with AKP keys', () => {
  it('a private AKP JWK in the payload is a private key; the public one is not', () => {
    const { priv: _priv, ...publicJwk } = RFC9964.jwk
    const token = (jwk: object) => decodeToken(`${b64u('{"alg":"HS256"}')}.${b64u(JSON.stringify({ cnf: { jwk } }))}.AAAA`)
    expect(sensitiveDataRule(token(RFC9964.jwk), context()).map((f) => f.id)).toEqual(['sensitive-private-key'])
    expect(sensitiveDataRule(token(publicJwk), context())).toEqual([])
  })
})
