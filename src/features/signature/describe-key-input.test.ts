import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseKey } from '../../core'
import { describeKeyInput } from './describe-key-input'

interface ThumbprintVector {
  id: string
  jwk: Record<string, string>
  expected: string
}

const vectors = JSON.parse(readFileSync(new URL('../../../test/fixtures/vectors/jwk-thumbprints.json', import.meta.url), 'utf8')) as ThumbprintVector[]
const byId = (id: string) => vectors.find((v) => v.id === id) as ThumbprintVector

describe('describeKeyInput', () => {
  // Thumbprints are the RFC 7638 / RFC 8037 / RFC 9449 published values.
  it.each([
    ['rfc7638-3.1-RSA', "JWK — RSA 2048-bit public key, kid '2011-04-29', alg RS256 (thumbprint NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs)"],
    ['rfc8037-A.3-Ed25519', 'JWK — Ed25519 public key (thumbprint kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k)'],
  ])('describes %s', async (id, expected) => {
    const parsed = await parseKey(JSON.stringify(byId(id).jwk), { encoding: 'utf8' })
    expect(parsed.ok && describeKeyInput(parsed.value)).toBe(expected)
  })

  it('describes an ML-DSA key by its algorithm, once', async () => {
    const v = JSON.parse(readFileSync(new URL('../../../test/fixtures/vectors/rfc9964-ml-dsa-44.json', import.meta.url), 'utf8')) as { jwk: Record<string, string> }
    const parsed = await parseKey(JSON.stringify(v.jwk), { encoding: 'utf8' })
    expect(parsed.ok && describeKeyInput(parsed.value)).toBe(`JWK — ML-DSA-44 private key, kid '${v.jwk.kid}' (thumbprint ${v.jwk.kid})`)
  })

  it('describes an EC key by its curve', async () => {
    const v = byId('rfc9449-jkt-EC-P256')
    const parsed = await parseKey(JSON.stringify(v.jwk), { encoding: 'utf8' })
    expect(parsed.ok && describeKeyInput(parsed.value)).toBe(`JWK — P-256 public key (thumbprint ${v.expected})`)
  })

  it('describes a secret by its size in bits', async () => {
    // 'abc' is 3 bytes: 24 bits.
    const parsed = await parseKey('abc', { encoding: 'utf8' })
    expect(parsed.ok && describeKeyInput(parsed.value)).toMatch(/^HMAC secret — 24 bits \(thumbprint [A-Za-z0-9_-]{43}\)$/)
  })

  it('counts the usable keys of a JWKS', async () => {
    const parsed = await parseKey(JSON.stringify({ keys: vectors.map((v) => v.jwk) }), { encoding: 'utf8' })
    expect(parsed.ok && describeKeyInput(parsed.value)).toBe('JWKS with 3 usable keys')
  })
})
