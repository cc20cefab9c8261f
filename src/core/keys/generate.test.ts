import { createHash, createPrivateKey, createPublicKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { JwsAlgorithm } from '../types'
import { generateKey } from './generate'
import { parseKey } from './parse'

const PAIRS: [JwsAlgorithm, string, string | undefined, number][] = [
  ['RS256', 'RSA', undefined, 2048],
  ['PS512', 'RSA', undefined, 2048],
  ['ES256', 'EC', 'P-256', 256],
  ['ES384', 'EC', 'P-384', 384],
  ['ES512', 'EC', 'P-521', 521],
  ['EdDSA', 'OKP', 'Ed25519', 256],
  ['Ed25519', 'OKP', 'Ed25519', 256],
]

/** RFC 7638 thumbprint computed independently with node:crypto. */
function nodeThumbprint(pem: string): string {
  const jwk = createPublicKey(pem).export({ format: 'jwk' }) as Record<string, string>
  const members = jwk.kty === 'RSA' ? ['e', 'kty', 'n'] : jwk.kty === 'EC' ? ['crv', 'kty', 'x', 'y'] : ['crv', 'kty', 'x']
  const canonical = `{${members.map((m) => `"${m}":"${jwk[m]}"`).join(',')}}`
  return createHash('sha256').update(canonical).digest('base64url')
}

describe('generateKey key pairs', () => {
  it.each(PAIRS)('%s gives a %s key pair in PEM and JWK', async (alg, kty, crv, bits) => {
    const result = await generateKey(alg)
    if (!result.ok) throw new Error(result.error.message)
    const g = result.value
    expect(g.alg).toBe(alg)
    expect(g.privateText).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/)
    expect(g.publicText).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/)
    expect(g.thumbprint).toBe(nodeThumbprint(g.publicText))
    // The PEM public key is the public half of the PEM private key.
    expect(createPublicKey(createPrivateKey(g.privateText)).export({ format: 'jwk' })).toEqual(createPublicKey(g.publicText).export({ format: 'jwk' }))
    expect(g.publicJwk).toMatchObject({ kty, kid: g.thumbprint, alg, use: 'sig', ...(crv ? { crv } : {}) })
    expect(g.publicJwk).not.toHaveProperty('d')
    expect(g.privateJwk).toHaveProperty('d')
    const parsed = await parseKey(g.privateText, { encoding: 'utf8' })
    expect(parsed.ok && parsed.value.keys[0]).toMatchObject({ kind: 'private', kty, bits, thumbprint: g.thumbprint })
  })

  it('RSA honours modulusLength', async () => {
    const result = await generateKey('RS256', { modulusLength: 3072 })
    if (!result.ok) throw new Error(result.error.message)
    const parsed = await parseKey(result.value.publicText, { encoding: 'utf8' })
    expect(parsed.ok && parsed.value.keys[0]?.bits).toBe(3072)
  })
})

describe('generateKey HMAC secrets', () => {
  it.each([
    ['HS256', undefined, 32],
    ['HS384', undefined, 48],
    ['HS512', undefined, 64],
    ['HS256', 512, 64],
  ] as const)('%s with secretBits %s gives %i random bytes as base64url text', async (alg, secretBits, size) => {
    const result = await generateKey(alg, secretBits ? { secretBits } : {})
    if (!result.ok) throw new Error(result.error.message)
    const g = result.value
    expect(g.privateText).toBe(g.publicText)
    expect(g.privateText).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(Buffer.from(g.privateText, 'base64url').length).toBe(size)
    expect(g.privateJwk).toEqual({ kty: 'oct', k: g.privateText, kid: g.thumbprint, alg, use: 'sig' })
    expect(g.thumbprint).toBe(createHash('sha256').update(`{"k":"${g.privateText}","kty":"oct"}`).digest('base64url'))
    const parsed = await parseKey(g.publicText, { encoding: 'base64url' })
    expect(parsed.ok && parsed.value.keys[0]?.bits).toBe(size * 8)
  })

  it('two secrets differ', async () => {
    const [a, b] = await Promise.all([generateKey('HS256'), generateKey('HS256')])
    expect(a.ok && b.ok && a.value.privateText !== b.value.privateText).toBe(true)
  })
})

describe('generateKey errors', () => {
  it.each([
    ['none', {}, 'ALG_UNSUPPORTED', 'No key can be generated for "none": an unsecured token uses no key. Choose a signing algorithm such as HS256, RS256, ES256 or EdDSA.'],
    ['RS256', { modulusLength: 1024 }, 'KEYGEN_INVALID_OPTION', 'An RSA modulus of 1024 bits is not offered. Choose 2048, 3072 or 4096.'],
    ['HS256', { secretBits: 128 }, 'KEYGEN_INVALID_OPTION', 'A secret of 128 bits is not offered. Choose 256, 384 or 512.'],
  ] as const)('%s %j', async (alg, options, code, message) => {
    expect(await generateKey(alg as JwsAlgorithm, options as never)).toEqual({ ok: false, error: { code, message } })
  })
})
