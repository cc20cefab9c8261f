import { createHmac, generateKeyPairSync, sign } from 'node:crypto'
import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { decodeToken } from './decode'
import { signatureLengthProblem } from './signature-length'

const b64u = (data: string | Uint8Array) => Buffer.from(data).toString('base64url')
const bytes = (n: number) => new Uint8Array(n).fill(7)
const DATA = Buffer.from('header.payload')

// Signatures made by node:crypto, an implementation independent of the app's.
const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
const rsa4096 = generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
const p521 = generateKeyPairSync('ec', { namedCurve: 'P-521' }).privateKey
const ed25519 = generateKeyPairSync('ed25519').privateKey

describe('signatureLengthProblem accepts real signatures of every size the algorithm allows', () => {
  it.each<[string, string, Uint8Array]>([
    ['RS256, 2048-bit key', 'RS256', sign('sha256', DATA, rsa2048)],
    ['PS512, 4096-bit key', 'PS512', sign('sha512', DATA, { key: rsa4096, padding: 6, saltLength: 64 })],
    ['RS256, the largest size in use (8192-bit)', 'RS256', bytes(1024)],
    ['RS256, an odd modulus size (2056-bit)', 'RS256', bytes(257)],
    ['ES256, R||S', 'ES256', sign('sha256', DATA, { key: p256, dsaEncoding: 'ieee-p1363' })],
    ['ES512, R||S', 'ES512', sign('sha512', DATA, { key: p521, dsaEncoding: 'ieee-p1363' })],
    ['EdDSA, Ed25519', 'EdDSA', sign(null, DATA, ed25519)],
    ['Ed25519', 'Ed25519', sign(null, DATA, ed25519)],
    ['HS256', 'HS256', createHmac('sha256', 'k').update(DATA).digest()],
    ['HS512', 'HS512', createHmac('sha512', 'k').update(DATA).digest()],
  ])('%s', (_name, alg, sig) => {
    expect(signatureLengthProblem(alg, new Uint8Array(sig))).toBeUndefined()
  })

  it.each<[string, string | undefined, Uint8Array]>([
    ['no alg', undefined, bytes(3)],
    ['alg none', 'none', bytes(3)],
    ['an unknown alg', 'XYZ1', bytes(3)],
    ['an empty signature (reported as empty instead)', 'HS256', bytes(0)],
  ])('says nothing for %s', (_name, alg, sig) => {
    expect(signatureLengthProblem(alg, sig)).toBeUndefined()
  })
})

describe('signatureLengthProblem explains lengths no key can give', () => {
  const der = sign('sha256', DATA, p256)
  it.each<[string, string, Uint8Array, string]>([
    ['RS256, 14 bytes', 'RS256', bytes(14),
      'The signature is 14 bytes: an RS256 signature is as long as the RSA modulus, at least 256 bytes for a 2048-bit key (RFC 7518 §3.3 requires 2048 bits or more). It was cut off while copying, or it was not made with RS256.'],
    ['PS256, 1 byte', 'PS256', bytes(1),
      'The signature is 1 byte: a PS256 signature is as long as the RSA modulus, at least 256 bytes for a 2048-bit key (RFC 7518 §3.5 requires 2048 bits or more). It was cut off while copying, or it was not made with PS256.'],
    ['RS256, a real 2048-bit signature cut to 255 bytes', 'RS256', sign('sha256', DATA, rsa2048).subarray(0, 255),
      'The signature is 255 bytes: an RS256 signature is as long as the RSA modulus, at least 256 bytes for a 2048-bit key (RFC 7518 §3.3 requires 2048 bits or more). 255 bytes fits only a 2040-bit key, which strict verifiers refuse; or the signature was cut off.'],
    ['RS384, 128 bytes (a 1024-bit key)', 'RS384', bytes(128),
      'The signature is 128 bytes: an RS384 signature is as long as the RSA modulus, at least 256 bytes for a 2048-bit key (RFC 7518 §3.3 requires 2048 bits or more). 128 bytes fits only a 1024-bit key, which strict verifiers refuse; or the signature was cut off.'],
    ['RS256, 1025 bytes', 'RS256', bytes(1025),
      'The signature is 1025 bytes: an RS256 signature is as long as the RSA modulus, at least 256 bytes for a 2048-bit key (RFC 7518 §3.3 requires 2048 bits or more). 1025 bytes would need a 8200-bit key, far beyond the 8192-bit (1024-byte) keys that are the largest in use: something was appended to it, or it is not an RS256 signature.'],
    ['ES256, 63 bytes', 'ES256', bytes(63),
      'The signature is 63 bytes, but an ES256 signature is exactly 64 bytes (R||S, 32 bytes each, RFC 7518 §3.4). It was cut off or made for another curve.'],
    ['ES384 with an ES256-sized signature', 'ES384', bytes(64),
      'The signature is 64 bytes, but an ES384 signature is exactly 96 bytes (R||S, 48 bytes each, RFC 7518 §3.4). It was cut off or made for another curve.'],
    ['ES256, DER from node:crypto', 'ES256', der,
      `The ES256 signature is DER-encoded (an ASN.1 SEQUENCE of two INTEGERs, ${der.length} bytes), but JWS needs the raw R||S (JOSE) form of exactly 64 bytes. Re-sign with a JOSE library, or convert the signature to R||S (node:crypto: dsaEncoding "ieee-p1363").`],
    ['HS256, 3 bytes ("sig")', 'HS256', new Uint8Array(Buffer.from('sig')),
      'The signature is 3 bytes, but an HS256 signature (HMAC with SHA-256) is exactly 32 bytes. It was cut off or made with another algorithm.'],
    ['HS384 with an HS256 signature', 'HS384', createHmac('sha256', 'k').update(DATA).digest(),
      'The signature is 32 bytes, but an HS384 signature (HMAC with SHA-384) is exactly 48 bytes. It was cut off or made with another algorithm.'],
  ])('%s', (_name, alg, sig, message) => {
    expect(signatureLengthProblem(alg, new Uint8Array(sig))).toBe(message)
  })
})

// The message ends with the algorithm table's reference (and, for EdDSA, the Ed448 size once the table
// lets EdDSA take Ed448 keys): only what every version of the table says is asserted.
describe('signatureLengthProblem explains Edwards-curve signatures of the wrong size', () => {
  it.each<[string, string, number, string]>([
    ['EdDSA, 63 bytes', 'EdDSA', 63, 'The signature is 63 bytes, but an EdDSA signature is exactly 64 bytes'],
    ['EdDSA, 65 bytes', 'EdDSA', 65, 'The signature is 65 bytes, but an EdDSA signature is exactly 64 bytes'],
    ['Ed25519, 32 bytes', 'Ed25519', 32, 'The signature is 32 bytes, but an Ed25519 signature is exactly 64 bytes ('],
  ])('%s', (_name, alg, length, start) => {
    const message = signatureLengthProblem(alg, bytes(length))
    expect(message?.startsWith(start)).toBe(true)
    expect(message?.endsWith('It was cut off or changed.')).toBe(true)
  })
})

describe('decodeToken reports a signature length that cannot fit alg, without a key', () => {
  const header = b64u('{"alg":"RS256"}')
  const payload = b64u('{"sub":"1"}')

  it('underlines the whole signature of an RS256 token with a 14-byte signature', () => {
    const signature = b64u('fourteen bytes')
    const token = `${header}.${payload}.${signature}`
    const found = decodeToken(token).diagnostics.filter((d) => d.code === 'SIGNATURE_LENGTH')
    expect(found).toEqual([{
      severity: 'warning', segment: 'signature', offset: header.length + payload.length + 2, length: signature.length, code: 'SIGNATURE_LENGTH',
      message: 'The signature is 14 bytes: an RS256 signature is as long as the RSA modulus, at least 256 bytes for a 2048-bit key (RFC 7518 §3.3 requires 2048 bits or more). It was cut off while copying, or it was not made with RS256.',
    }])
  })

  it.each([
    ['a signature that fits', `${header}.${payload}.${b64u(bytes(256))}`],
    ['a signature whose encoding is broken (that error comes first)', `${header}.${payload}.abcde`],
    ['an empty signature', `${header}.${payload}.`],
    ['an encrypted token', `${b64u('{"alg":"dir","enc":"A256GCM"}')}..aXY.Y3Q.dGFn`],
  ])('and says nothing about the length for %s', (_name, token) => {
    expect(decodeToken(token).diagnostics.filter((d) => d.code === 'SIGNATURE_LENGTH')).toEqual([])
  })
})
