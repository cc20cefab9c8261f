// The walkthrough for ML-DSA tokens: what is different about a lattice signature, and the check
// with the RFC 9964 example key (verified, never recomputed: ML-DSA signing is hedged).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseKey } from '../keys'
import { decodeToken } from '../token/decode'
import type { ParsedKey } from '../types'
import { computationStep, recomputeStep } from './signature-steps'

const RFC9964 = JSON.parse(readFileSync(new URL('../../../test/fixtures/vectors/rfc9964-ml-dsa-44.json', import.meta.url), 'utf8')) as { jwk: Record<string, string>; compact: string }

async function key(jwk: Record<string, string>): Promise<ParsedKey> {
  const parsed = await parseKey(JSON.stringify(jwk), { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value.keys[0] as ParsedKey
}

describe('the ML-DSA computation step', () => {
  it.each([
    ['ML-DSA-44', 2, '2,420', '3,227', '1,312'],
    ['ML-DSA-65', 3, '3,309', '4,412', '1,952'],
    ['ML-DSA-87', 5, '4,627', '6,170', '2,592'],
  ])('%s says it is post-quantum, has no hash in its name, and how large it is', async (alg, category, signature, characters, publicKey) => {
    const step = await computationStep(alg, 'eyJhbGciOiJNTC1EU0EtNDQifQ.e30', null)
    expect(step.title).toBe(`Signature: ${alg} (post-quantum, lattice-based)`)
    expect(step.explanation).toBe(
      `${alg} is ML-DSA, the module-lattice signature of FIPS 204 (NIST security category ${category}), used in JOSE as RFC 9964 defines. ` +
        'It is built to withstand quantum computers, which would break RSA, ECDSA and EdDSA. Its name carries no hash: like EdDSA it is given the signing input itself and hashes with SHAKE256 inside. ' +
        `The price is size: a ${signature}-byte signature — longer than most whole tokens — and a ${publicKey}-byte public key, where ES256 needs 64 and 65 bytes. ` +
        'Signing is hedged: fresh randomness goes into every signature, so two signatures of the same input differ and both verify.',
    )
    expect(step.values).toContainEqual({ label: 'Output', value: `${signature} bytes (${characters} base64url characters)` })
    expect(step.values).toContainEqual({ label: 'Public key', value: `${publicKey} bytes` })
  })
})

describe('the check with the key', () => {
  it('the RFC 9964 example verifies with its private key too, because hedged signing cannot be recomputed', async () => {
    const token = decodeToken(RFC9964.compact)
    const [header, payload] = RFC9964.compact.split('.')
    const step = await recomputeStep(token, `${header}.${payload}`, await key(RFC9964.jwk))
    expect(step.title).toBe('Verify the signature')
    expect(step.verdict).toBe('pass')
    expect(step.explanation).toContain('ML-DSA-44 is randomised (fresh randomness goes into every signature)')
  })
})
