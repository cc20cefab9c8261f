import { constants, createHmac, createPrivateKey, createPublicKey, verify } from 'node:crypto'
import { createMLDSA44 } from '@oqs/liboqs-js/sig'
import { describe, expect, it } from 'vitest'
import { parseKey } from '../../core'
import { examples } from './examples-data'

/** Verifies a compact JWS with node:crypto (liboqs for ML-DSA, which OpenSSL 3.0 lacks), independently of the app's engine. */
async function nodeVerifies(token: string, alg: string, publicText: string): Promise<boolean> {
  const [h, p, s] = token.split('.') as [string, string, string]
  const input = Buffer.from(`${h}.${p}`, 'ascii')
  const sig = Buffer.from(s, 'base64url')
  if (alg === 'ML-DSA-44') {
    // RFC 9881 SPKI: the raw 1312-byte public key ends the DER.
    const der = Buffer.from(publicText.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64')
    const oqs = await createMLDSA44()
    const valid = oqs.verify(new Uint8Array(input), new Uint8Array(sig), new Uint8Array(der.subarray(der.length - 1312)))
    oqs.destroy()
    return valid
  }
  // ES256K hashes with SHA-256 (RFC 8812 §3.2).
  const hash = alg === 'ES256K' ? 'sha256' : `sha${alg.slice(2, 5)}`
  switch (alg.slice(0, 2)) {
    case 'HS':
      return createHmac(hash, Buffer.from(publicText, 'base64url')).update(input).digest().equals(sig)
    case 'RS':
      return verify(hash, input, createPublicKey(publicText), sig)
    case 'PS':
      return verify(hash, input, { key: createPublicKey(publicText), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 }, sig)
    case 'ES':
      return verify(hash, input, { key: createPublicKey(publicText), dsaEncoding: 'ieee-p1363' }, sig)
    case 'Ed':
      return verify(null, input, createPublicKey(publicText), sig)
    default:
      return false
  }
}

const decode = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>

describe('bundled examples', () => {
  it('cover every family, an OIDC ID token, an expired and an unsecured token, HS256 first', () => {
    expect(examples.map((x) => x.id)).toEqual(['hs256', 'rs256', 'ps256', 'es256', 'eddsa', 'es256k', 'ed448', 'mldsa44', 'oidc', 'expired', 'none'])
  })

  it.each(examples.filter((x) => x.algorithm !== 'none').map((x) => [x.id, x] as const))('%s verifies with node:crypto or liboqs', async (_id, x) => {
    expect(decode(x.token.split('.')[0] as string).alg).toBe(x.algorithm)
    expect(await nodeVerifies(x.token, x.algorithm, x.verificationKey)).toBe(true)
    if (x.algorithm.startsWith('HS')) {
      expect(x.signingKey).toBe(x.verificationKey)
      expect([x.secretEncoding, x.signingEncoding]).toEqual(['base64url', 'base64url'])
    } else if (x.algorithm.startsWith('ML-DSA')) {
      // node:crypto cannot read ML-DSA keys here: the core's reading (cross-checked with RFC 9881) must pair them.
      const [signing, verifying] = await Promise.all([parseKey(x.signingKey, { encoding: 'utf8' }), parseKey(x.verificationKey, { encoding: 'utf8' })])
      expect(signing.ok && verifying.ok && signing.value.keys[0]?.thumbprint === verifying.value.keys[0]?.thumbprint).toBe(true)
    } else {
      // The signing key is the private half of the verification key.
      const derived = createPublicKey(createPrivateKey(x.signingKey)).export({ type: 'spki', format: 'pem' })
      expect(String(derived).trim()).toBe(x.verificationKey.trim())
    }
  })

  it('the expired example is expired and the others are not', () => {
    const now = Date.now() / 1000
    for (const x of examples) {
      const exp = decode(x.token.split('.')[1] as string).exp
      if (x.id === 'expired') expect(exp).toBeLessThan(now)
      else if (exp !== undefined) expect(exp).toBeGreaterThan(now)
    }
  })

  it("the unsecured example has alg 'none', an empty signature and no keys", () => {
    const none = examples.find((x) => x.id === 'none')
    expect(none?.token).toMatch(/^[\w-]+\.[\w-]+\.$/)
    expect(decode(none?.token.split('.')[0] as string).alg).toBe('none')
    expect([none?.verificationKey, none?.signingKey]).toEqual(['', ''])
  })
})
