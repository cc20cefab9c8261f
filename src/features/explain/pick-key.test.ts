import { describe, expect, it } from 'vitest'
import { generateKey, parseKey, type KeyInput } from '../../core'
import { pickExplainKey } from './pick-key'

async function input(text: string): Promise<KeyInput> {
  const r = await parseKey(text, { encoding: 'utf8' })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

async function rsaPair(): Promise<{ privateText: string; publicText: string }> {
  const r = await generateKey('RS256')
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('pickExplainKey', () => {
  it('prefers a secret signing key that fits HS256, so the HMAC can be recomputed', async () => {
    const signing = await input('signing-secret-signing-secret-32b')
    const verification = await input('verification-secret-verification')
    expect(pickExplainKey('HS256', undefined, signing, verification)).toBe(signing.keys[0])
  })

  it('prefers a private RSA signing key for RS256 over the public verification key', async () => {
    const pair = await rsaPair()
    const signing = await input(pair.privateText)
    const verification = await input(pair.publicText)
    expect(pickExplainKey('RS256', undefined, signing, verification)).toBe(signing.keys[0])
  })

  it('uses the verification key when the signing key does not fit the algorithm', async () => {
    const pair = await rsaPair()
    const signing = await input('a-secret-that-does-not-fit-rs256!!')
    const verification = await input(pair.publicText)
    expect(pickExplainKey('RS256', undefined, signing, verification)).toBe(verification.keys[0])
  })

  it('picks the JWKS key named by kid among fitting keys', async () => {
    const a = await rsaPair()
    const b = await rsaPair()
    const jwk = async (pem: string, kid: string) => ({ ...((await input(pem)).keys[0]?.jwk ?? {}), kid })
    const set = await input(JSON.stringify({ keys: [await jwk(a.publicText, 'a'), await jwk(b.publicText, 'b')] }))
    expect(pickExplainKey('RS256', 'b', null, set)?.kid).toBe('b')
    expect(pickExplainKey('RS256', 'zzz', null, set)?.kid).toBe('a')
  })

  it('falls back to a key that does not fit, so the walkthrough can say why', async () => {
    const pair = await rsaPair()
    const verification = await input(pair.publicText)
    expect(pickExplainKey('HS256', undefined, null, verification)).toBe(verification.keys[0])
  })

  it('gives null without keys', () => {
    expect(pickExplainKey('HS256', undefined, null, null)).toBeNull()
  })
})
