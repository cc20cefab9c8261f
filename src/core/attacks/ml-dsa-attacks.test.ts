// Where the labs meet ML-DSA keys (RFC 9964): key confusion with an AKP public key, and a DPoP
// proof made and checked with an ML-DSA key.
import { readFileSync } from 'node:fs'
import { Buffer } from 'node:buffer'
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkDpopProof, createDpopProof } from '../dpop'
import { parseKey } from '../keys'
import type { ParsedKey } from '../types'
import { craftAttack } from './craft'

const FIXTURES = new URL('../../../test/fixtures/', import.meta.url)
const publicPem = readFileSync(new URL('keys/ml-dsa/rfc9881-ml-dsa-44-public.pem', FIXTURES), 'utf8')
const seedPem = readFileSync(new URL('keys/ml-dsa/rfc9881-ml-dsa-44-seed.pem', FIXTURES), 'utf8')

async function key(text: string): Promise<ParsedKey> {
  const parsed = await parseKey(text, { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value.keys[0] as ParsedKey
}

describe('key confusion with an ML-DSA public key', () => {
  it('a public AKP JWK becomes the RFC 9881 SPKI PEM as HMAC secret, and the compact AKP JWK text', async () => {
    const pub = await key(publicPem)
    const jwkText = JSON.stringify({ kty: 'AKP', alg: 'ML-DSA-44', pub: pub.jwk.pub })
    const result = await craftAttack('key-confusion', { headerText: '{"alg":"ML-DSA-44","typ":"JWT"}', payloadText: '{"sub":"admin"}', publicKeyText: jwkText })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.map((t) => [t.title, t.extra?.[0]?.value])).toEqual([
      ['HS256 keyed with the PEM with its final line break', publicPem],
      ['HS256 keyed with the PEM without the final line break', publicPem.trimEnd()],
      ['HS256 keyed with the public JWK text', jwkText],
    ])
    // The first token really is HS256 under the PEM bytes (checked with node:crypto).
    const [h, p, s] = result.value[0]!.token.split('.') as [string, string, string]
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toMatchObject({ alg: 'HS256' })
    expect(createHmac('sha256', publicPem).update(`${h}.${p}`).digest('base64url')).toBe(s)
  })
})

describe('DPoP with an ML-DSA key', () => {
  it('the proof carries only kty, alg and pub of the AKP key, and passes every check that applies', async () => {
    const client = await key(seedPem)
    const made = await createDpopProof({ method: 'POST', url: 'https://server.example.com/token', key: client, alg: 'ML-DSA-44', now: 1767225600, jti: 'j-1' })
    if (!made.ok) throw new Error(made.error.message)
    const header = JSON.parse(Buffer.from(made.value.split('.')[0] as string, 'base64url').toString())
    expect(header).toEqual({ typ: 'dpop+jwt', alg: 'ML-DSA-44', jwk: { kty: 'AKP', alg: 'ML-DSA-44', pub: client.jwk.pub } })
    const checks = await checkDpopProof(made.value, { method: 'POST', url: 'https://server.example.com/token', now: 1767225601 })
    // Nothing fails; nonce, ath and jkt are skipped because no nonce or access token is in play.
    expect(checks.filter((c) => c.verdict === 'fail')).toEqual([])
    expect(checks.filter((c) => c.verdict === 'skip').map((c) => c.id)).toEqual(['nonce', 'ath', 'jkt'])
    expect(checks.find((c) => c.id === 'signature')?.verdict).toBe('pass')
  })
})
