// ES256K, Ed448 and the polymorphic EdDSA end to end, against node:crypto (OpenSSL) in both
// directions: tokens node:crypto signs verify in the core, tokens the core signs verify in node:crypto.
import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto'
import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { parseKey } from '../keys'
import type { JwsAlgorithm, KeyInput } from '../types'
import { decodeToken } from './decode'
import { signToken } from './sign'
import { verifyToken } from './verify'

const b64u = (data: string | Uint8Array) => Buffer.from(data).toString('base64url')
const PAYLOAD = { sub: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz', iat: 1767225600 }
/** The order n of secp256k1 (SEC 2 §2.4.1). */
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n

function nodeSignature(alg: JwsAlgorithm, key: KeyObject, input: string): Buffer {
  return alg === 'ES256K' ? nodeSign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }) : nodeSign(null, Buffer.from(input), key)
}

function nodeToken(alg: JwsAlgorithm, key: KeyObject): string {
  const input = `${b64u(JSON.stringify({ alg, typ: 'JWT' }))}.${b64u(JSON.stringify(PAYLOAD))}`
  return `${input}.${b64u(nodeSignature(alg, key, input))}`
}

async function keys(text: string): Promise<KeyInput> {
  const parsed = await parseKey(text, { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

const cases = [
  { name: 'ES256K', alg: 'ES256K' as const, pair: generateKeyPairSync('ec', { namedCurve: 'secp256k1' }), bytes: 64 },
  { name: 'Ed448', alg: 'Ed448' as const, pair: generateKeyPairSync('ed448'), bytes: 114 },
  { name: 'EdDSA with an Ed448 key', alg: 'EdDSA' as const, pair: generateKeyPairSync('ed448'), bytes: 114 },
  { name: 'EdDSA with an Ed25519 key', alg: 'EdDSA' as const, pair: generateKeyPairSync('ed25519'), bytes: 64 },
]

describe.each(cases)('$name against node:crypto', ({ alg, pair, bytes }) => {
  const spki = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string
  const jwk = JSON.stringify(pair.publicKey.export({ format: 'jwk' }))
  const pkcs8 = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string

  it.each([['PEM', spki], ['JWK', jwk]])('a token node:crypto signed verifies with the %s public key', async (_form, text) => {
    const token = nodeToken(alg, pair.privateKey)
    const result = await verifyToken(decodeToken(token), await keys(text))
    expect(result).toMatchObject({ ok: true, value: { valid: true, alg, tried: 1 } })
  })

  it('a token the core signed verifies in node:crypto; changed by one payload byte it fails in both', async () => {
    const key = (await keys(pkcs8)).keys[0]!
    const signed = await signToken({ header: JSON.stringify({ alg, typ: 'JWT' }), payload: JSON.stringify(PAYLOAD), alg, key })
    if (!signed.ok) throw new Error(signed.error.message)
    const [header, payload, signature] = signed.value.token.split('.') as [string, string, string]
    const sig = Buffer.from(signature, 'base64url')
    expect(sig.length).toBe(bytes)
    const input = Buffer.from(`${header}.${payload}`)
    const verified = alg === 'ES256K'
      ? nodeVerify('sha256', input, { key: pair.publicKey, dsaEncoding: 'ieee-p1363' }, sig)
      : nodeVerify(null, input, pair.publicKey, sig)
    expect(verified).toBe(true)
    const changed = `${header}.${b64u(JSON.stringify({ ...PAYLOAD, sub: 'did:plc:someone-else' }))}.${signature}`
    expect(nodeVerify(alg === 'ES256K' ? 'sha256' : null, Buffer.from(changed.split('.').slice(0, 2).join('.')), alg === 'ES256K' ? { key: pair.publicKey, dsaEncoding: 'ieee-p1363' } : pair.publicKey, sig)).toBe(false)
    const result = await verifyToken(decodeToken(changed), await keys(spki))
    expect(result).toMatchObject({ ok: true, value: { valid: false } })
  })
})

describe('ES256K signatures', () => {
  const pair = generateKeyPairSync('ec', { namedCurve: 'secp256k1' })
  const spki = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string

  it('a high-S signature (s > n/2) verifies, as in node:crypto: JOSE does not require low-S', async () => {
    const input = `${b64u(JSON.stringify({ alg: 'ES256K' }))}.${b64u(JSON.stringify(PAYLOAD))}`
    const sig = nodeSignature('ES256K', pair.privateKey, input)
    const s = BigInt(`0x${sig.subarray(32).toString('hex')}`)
    // (r, s) and (r, n − s) are both valid; take the one in the upper half.
    const high = s > SECP256K1_N / 2n ? s : SECP256K1_N - s
    const highSig = Buffer.concat([sig.subarray(0, 32), Buffer.from(high.toString(16).padStart(64, '0'), 'hex')])
    expect(nodeVerify('sha256', Buffer.from(input), { key: pair.publicKey, dsaEncoding: 'ieee-p1363' }, highSig)).toBe(true)
    const result = await verifyToken(decodeToken(`${input}.${b64u(highSig)}`), await keys(spki))
    expect(result).toMatchObject({ ok: true, value: { valid: true, alg: 'ES256K' } })
  })

  it('a DER-encoded signature is explained, not just refused', async () => {
    const input = `${b64u(JSON.stringify({ alg: 'ES256K' }))}.${b64u(JSON.stringify(PAYLOAD))}`
    const der = nodeSign('sha256', Buffer.from(input), pair.privateKey)
    const result = await verifyToken(decodeToken(`${input}.${b64u(der)}`), await keys(spki))
    expect(result).toMatchObject({ ok: true, value: { valid: false } })
    expect(result.ok && result.value.reason).toBe(
      `The ES256K signature is DER-encoded (an ASN.1 SEQUENCE of two INTEGERs, ${der.length} bytes), but JWS needs the raw R||S (JOSE) form of exactly 64 bytes. Re-sign with a JOSE library, or convert the signature to R||S (node:crypto: dsaEncoding "ieee-p1363").`,
    )
  })
})

describe('EdDSA signature lengths follow the key', () => {
  const ed448 = generateKeyPairSync('ed448')
  const ed25519 = generateKeyPairSync('ed25519')

  it('an Ed448-sized EdDSA signature checked with an Ed25519 key says which curve makes which size', async () => {
    const token = nodeToken('EdDSA', ed448.privateKey)
    const result = await verifyToken(decodeToken(token), await keys(ed25519.publicKey.export({ type: 'spki', format: 'pem' }) as string))
    expect(result).toEqual({
      ok: true,
      value: {
        valid: false,
        alg: 'EdDSA',
        key: { index: 0, thumbprint: expect.any(String) },
        reason: 'The signature is 114 bytes, but an Ed25519 public key makes 64-byte signatures. It was made with a key on another curve, or cut off.',
        tried: 1,
      },
    })
  })

  it('an EdDSA signature of neither size is refused before any key is tried', async () => {
    const token = `${nodeToken('EdDSA', ed448.privateKey).split('.').slice(0, 2).join('.')}.${b64u(new Uint8Array(100))}`
    const result = await verifyToken(decodeToken(token), await keys(ed448.publicKey.export({ type: 'spki', format: 'pem' }) as string))
    expect(result.ok && result.value.reason).toBe(
      'The EdDSA signature is 100 bytes, but it must be exactly 64 bytes (Ed25519) or 114 bytes (Ed448). It was cut off or changed.',
    )
  })

  it('Ed448 (the RFC 9864 name) refuses an Ed25519 key, and EdDSA takes both', async () => {
    const token = nodeToken('Ed448', ed448.privateKey)
    const result = await verifyToken(decodeToken(token), await keys(ed25519.publicKey.export({ type: 'spki', format: 'pem' }) as string))
    expect(result).toEqual({
      ok: false,
      error: { code: 'KEY_ALG_MISMATCH', message: 'The key is an Ed25519 public key, but Ed448 needs an Ed448 (OKP) key. Choose EdDSA, Ed25519 for this key, or paste an Ed448 (OKP) key.' },
    })
  })
})

describe('Ed448 signature length', () => {
  it('a cut-off Ed448 signature names the size', async () => {
    const pair = generateKeyPairSync('ed448')
    const token = nodeToken('Ed448', pair.privateKey)
    const cut = token.slice(0, token.length - 4)
    const result = await verifyToken(decodeToken(cut), await keys(pair.publicKey.export({ type: 'spki', format: 'pem' }) as string))
    expect(result.ok && result.value.reason).toBe('The Ed448 signature is 111 bytes, but Ed448 signatures are exactly 114 bytes. It was cut off or changed.')
  })
})
