// ML-DSA-44/65/87 (RFC 9964) keys and signatures: the RFC 9964 JOSE example, the RFC 9881 key
// examples in all three PKCS#8 forms, liboqs (Open Quantum Safe, a second implementation) in both
// directions, thumbprints checked by jose and by hand, and malformed keys.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { Buffer } from 'node:buffer'
import { createMLDSA44, createMLDSA65, createMLDSA87 } from '@oqs/liboqs-js/sig'
import { calculateJwkThumbprint } from 'jose'
import { describe, expect, it } from 'vitest'
import { decodeToken } from '../token/decode'
import { signToken } from '../token/sign'
import { verifyToken } from '../token/verify'
import type { JWK, KeyInput, ParsedKey } from '../types'
import { algorithmsForKey, describeKey } from './algorithms'
import { exportJwks, exportKeyText } from './export'
import { generateKey } from './generate'
import { parseKey } from './parse'

const FIXTURES = new URL('../../../test/fixtures/', import.meta.url)
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8')
const RFC9964 = JSON.parse(fixture('vectors/rfc9964-ml-dsa-44.json')) as { jwk: JWK & { kid: string; alg: string; pub: string; priv: string }; compact: string }
const b64u = (data: string | Uint8Array) => Buffer.from(data).toString('base64url')
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'))
const utf8 = (text: string) => new Uint8Array(Buffer.from(text))
const derOf = (pem: string) => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64'))

async function keys(text: string): Promise<KeyInput> {
  const parsed = await parseKey(text, { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(`${parsed.error.code}: ${parsed.error.message}`)
  return parsed.value
}

async function problem(text: string): Promise<{ code: string; message: string }> {
  const parsed = await parseKey(text, { encoding: 'utf8' })
  if (parsed.ok) throw new Error('the key was accepted')
  return parsed.error
}

/** RFC 7638 by hand with the AKP members RFC 9964 names: alg, kty, pub. */
function handThumbprint(jwk: { alg: string; pub: string }): string {
  return createHash('sha256').update(`{"alg":${JSON.stringify(jwk.alg)},"kty":"AKP","pub":${JSON.stringify(jwk.pub)}}`).digest('base64url')
}

describe('the RFC 9964 ML-DSA-44 JOSE example', () => {
  it('its private AKP JWK reads as an ML-DSA-44 key whose thumbprint is the example kid', async () => {
    const input = await keys(JSON.stringify(RFC9964.jwk))
    const key = input.keys[0]!
    expect(key).toMatchObject({ kind: 'private', kty: 'AKP', alg: 'ML-DSA-44', kid: RFC9964.jwk.kid, bits: 1312 * 8 })
    expect(key.thumbprint).toBe(RFC9964.jwk.kid)
    expect(key.thumbprint).toBe(handThumbprint(RFC9964.jwk))
    expect(key.publicJwk).toEqual({ kid: RFC9964.jwk.kid, kty: 'AKP', alg: 'ML-DSA-44', pub: RFC9964.jwk.pub })
    expect(describeKey(key)).toBe('an ML-DSA-44 private key')
    expect(algorithmsForKey(key)).toEqual(['ML-DSA-44'])
  })

  it('its compact JWS verifies with the public JWK, and fails when one signature byte changes', async () => {
    const { priv: _priv, ...publicJwk } = RFC9964.jwk
    const input = await keys(JSON.stringify(publicJwk))
    expect(await verifyToken(decodeToken(RFC9964.compact), input)).toMatchObject({ ok: true, value: { valid: true, alg: 'ML-DSA-44', tried: 1 } })
    const [header, payload, signature] = RFC9964.compact.split('.') as [string, string, string]
    const sig = bytes(signature)
    sig[100] = (sig[100] as number) ^ 1
    const tampered = await verifyToken(decodeToken(`${header}.${payload}.${b64u(sig)}`), input)
    expect(tampered).toMatchObject({ ok: true, value: { valid: false } })
  })

  it('a signature of the wrong size for ML-DSA-44 is refused with the sizes', async () => {
    const { priv: _priv, ...publicJwk } = RFC9964.jwk
    const [header, payload, signature] = RFC9964.compact.split('.') as [string, string, string]
    const short = b64u(bytes(signature).subarray(0, 2419))
    const result = await verifyToken(decodeToken(`${header}.${payload}.${short}`), await keys(JSON.stringify(publicJwk)))
    expect(result.ok && result.value.valid).toBe(false)
    expect(result.ok ? result.value.reason : '').toContain('2420')
  })
})

describe('the RFC 9881 ML-DSA-44 keys (seed 00 01 … 1f)', () => {
  const seed = b64u(Uint8Array.from({ length: 32 }, (_, i) => i))
  const publicPem = fixture('keys/ml-dsa/rfc9881-ml-dsa-44-public.pem')
  const publicKeyBytes = derOf(publicPem).subarray(-1312)

  it.each(['seed', 'both'])('the %s form reads as the seed and the RFC public key', async (form) => {
    const key = (await keys(fixture(`keys/ml-dsa/rfc9881-ml-dsa-44-${form}.pem`))).keys[0]!
    expect(key).toMatchObject({ kind: 'private', kty: 'AKP', alg: 'ML-DSA-44' })
    expect(key.jwk).toMatchObject({ kty: 'AKP', alg: 'ML-DSA-44', priv: seed, pub: b64u(publicKeyBytes) })
  })

  it('the expandedKey form is refused: it lacks the seed an AKP JWK holds', async () => {
    expect(await problem(fixture('keys/ml-dsa/rfc9881-ml-dsa-44-expanded.pem'))).toEqual({
      code: 'PEM_INVALID',
      message:
        "The ML-DSA-44 private key holds only the 2560-byte expanded key, not the 32-byte seed it was made from. An AKP JWK holds the seed (RFC 9964), so this key cannot be used here. Export it in seed form (e.g. openssl's ml-dsa.output_formats=seed-priv or seed-only), or generate a new key.",
    })
  })

  it('a "both" form whose expanded key belongs to another seed is refused', async () => {
    const der = derOf(fixture('keys/ml-dsa/rfc9881-ml-dsa-44-both.pem'))
    // The seed starts 18 bytes into the PrivateKeyInfo's octets (… 04 82 0a 2a 30 82 0a 26 04 20 ‖ seed).
    const at = Buffer.from(der).indexOf(Buffer.from([0x04, 0x20, 0x00, 0x01, 0x02])) + 2
    der[at] = 0xff
    const pem = `-----BEGIN PRIVATE KEY-----\n${Buffer.from(der).toString('base64')}\n-----END PRIVATE KEY-----\n`
    expect((await problem(pem)).message).toContain('carries a seed and an expanded key that do not belong together')
  })

  it('the public key reads as the RFC public key; the core writes it and the seed form byte for byte as the RFC does', async () => {
    const pub = (await keys(publicPem)).keys[0]!
    expect(pub).toMatchObject({ kind: 'public', kty: 'AKP', alg: 'ML-DSA-44', jwk: { pub: b64u(publicKeyBytes) } })
    const fromSeed = (await keys(fixture('keys/ml-dsa/rfc9881-ml-dsa-44-seed.pem'))).keys[0]!
    expect(await exportKeyText(fromSeed, 'pem', 'public')).toEqual({ ok: true, value: publicPem })
    expect(await exportKeyText(fromSeed, 'pem', 'private')).toEqual({ ok: true, value: fixture('keys/ml-dsa/rfc9881-ml-dsa-44-seed.pem') })
    expect(pub.thumbprint).toBe(fromSeed.thumbprint)
  })
})

const LIBOQS = [
  { alg: 'ML-DSA-44' as const, create: createMLDSA44, publicBytes: 1312, signatureBytes: 2420 },
  { alg: 'ML-DSA-65' as const, create: createMLDSA65, publicBytes: 1952, signatureBytes: 3309 },
  { alg: 'ML-DSA-87' as const, create: createMLDSA87, publicBytes: 2592, signatureBytes: 4627 },
]

describe.each(LIBOQS)('$alg against liboqs', ({ alg, create, publicBytes, signatureBytes }) => {
  it('a key the core generated signs a token that liboqs verifies; one changed payload byte fails in both', async () => {
    const generated = await generateKey(alg)
    if (!generated.ok) throw new Error(generated.error.message)
    expect(generated.value.privateJwk).toMatchObject({ kty: 'AKP', alg, use: 'sig', kid: generated.value.thumbprint })
    expect(bytes(generated.value.privateJwk.priv as string)).toHaveLength(32)
    expect(bytes(generated.value.publicJwk.pub as string)).toHaveLength(publicBytes)
    expect(generated.value.thumbprint).toBe(await calculateJwkThumbprint(generated.value.publicJwk))
    const key = (await keys(generated.value.privateText)).keys[0]!
    const signed = await signToken({ header: JSON.stringify({ alg, typ: 'JWT' }), payload: '{"sub":"pq"}', alg, key })
    if (!signed.ok) throw new Error(signed.error.message)
    const [header, payload, signature] = signed.value.token.split('.') as [string, string, string]
    const sig = bytes(signature)
    expect(sig).toHaveLength(signatureBytes)
    const oqs = await create()
    const pub = bytes(generated.value.publicJwk.pub as string)
    expect(oqs.verify(utf8(`${header}.${payload}`), sig, pub)).toBe(true)
    const changed = `${header}.${b64u('{"sub":"pQ"}')}`
    expect(oqs.verify(utf8(changed), sig, pub)).toBe(false)
    const mine = await verifyToken(decodeToken(`${changed}.${signature}`), await keys(generated.value.publicText))
    expect(mine).toMatchObject({ ok: true, value: { valid: false } })
    oqs.destroy()
  })

  it('a token liboqs signed with its own key pair verifies in the core with the public key as JWK and as PEM', async () => {
    const oqs = await create()
    const pair = oqs.generateKeyPair()
    const input = `${b64u(JSON.stringify({ alg }))}.${b64u('{"iss":"liboqs"}')}`
    const token = `${input}.${b64u(oqs.sign(utf8(input), pair.secretKey))}`
    oqs.destroy()
    const jwk = await keys(JSON.stringify({ kty: 'AKP', alg, pub: b64u(pair.publicKey) }))
    expect(await verifyToken(decodeToken(token), jwk)).toMatchObject({ ok: true, value: { valid: true, alg } })
    const pem = await exportKeyText(jwk.keys[0]!, 'pem', 'public')
    if (!pem.ok) throw new Error(pem.error.message)
    expect(await verifyToken(decodeToken(token), await keys(pem.value))).toMatchObject({ ok: true, value: { valid: true, alg } })
  })

  it('PEM ⇄ JWK round-trips keep the key and its thumbprint', async () => {
    const generated = await generateKey(alg)
    if (!generated.ok) throw new Error(generated.error.message)
    const fromPem = (await keys(generated.value.privateText)).keys[0]!
    const jwkText = await exportKeyText(fromPem, 'jwk', 'private')
    if (!jwkText.ok) throw new Error(jwkText.error.message)
    const fromJwk = (await keys(jwkText.value)).keys[0]!
    const pemAgain = await exportKeyText(fromJwk, 'pem', 'private')
    expect(pemAgain).toEqual({ ok: true, value: generated.value.privateText })
    expect(fromJwk.thumbprint).toBe(generated.value.thumbprint)
    expect(JSON.parse(exportJwks([fromJwk])).keys[0]).toEqual({ kid: generated.value.thumbprint, kty: 'AKP', alg, pub: generated.value.publicJwk.pub })
  })
})

describe('malformed AKP keys', () => {
  const { kid: _kid, ...jwk } = RFC9964.jwk
  const cases: { name: string; jwk: Record<string, unknown>; code: string; message: string }[] = [
    {
      name: 'no alg',
      jwk: { kty: 'AKP', pub: jwk.pub },
      code: 'JWK_MISSING_MEMBER',
      message: 'The AKP JWK has no "alg" member. An AKP key is bound to one algorithm: add "alg": "ML-DSA-44", "ML-DSA-65" or "ML-DSA-87" (RFC 9964).',
    },
    {
      name: 'an alg that is not ML-DSA',
      jwk: { kty: 'AKP', alg: 'SLH-DSA-SHA2-128s', pub: jwk.pub },
      code: 'JWK_INVALID',
      message: 'The AKP (SLH-DSA-SHA2-128s) JWK is not a valid key: its "alg" is "SLH-DSA-SHA2-128s", but an AKP key for JWS is ML-DSA-44, ML-DSA-65 or ML-DSA-87 (RFC 9964). Check that it was copied completely.',
    },
    {
      name: 'a pub of the wrong length',
      jwk: { kty: 'AKP', alg: 'ML-DSA-44', pub: jwk.pub.slice(0, 100) },
      code: 'JWK_INVALID',
      message: 'The AKP (ML-DSA-44) JWK is not a valid key: its public key "pub" is 75 bytes, but an ML-DSA-44 public key is exactly 1312 bytes. Check that it was copied completely.',
    },
    {
      name: 'an ML-DSA-44 pub labelled ML-DSA-65',
      jwk: { kty: 'AKP', alg: 'ML-DSA-65', pub: jwk.pub },
      code: 'JWK_INVALID',
      message: 'The AKP (ML-DSA-65) JWK is not a valid key: its public key "pub" is 1312 bytes, but an ML-DSA-65 public key is exactly 1952 bytes (that is the size of an ML-DSA-44 public key: is "alg" right?). Check that it was copied completely.',
    },
    {
      name: 'an expanded private key in priv',
      jwk: { ...jwk, priv: b64u(derOf(fixture('keys/ml-dsa/rfc9881-ml-dsa-44-expanded.pem')).subarray(-2560)) },
      code: 'JWK_INVALID',
      message: 'The AKP (ML-DSA-44) JWK is not a valid key: its "priv" is the 2560-byte expanded ML-DSA-44 private key, but an AKP JWK holds the 32-byte seed it is made from (RFC 9964); export the key in seed form, or generate a new one. Check that it was copied completely.',
    },
    {
      name: 'a seed of another key',
      jwk: { ...jwk, priv: b64u(new Uint8Array(32).fill(1)) },
      code: 'JWK_INVALID',
      message: 'The AKP (ML-DSA-44) JWK is not a valid key: its private key "priv" (the seed) does not belong to its public key "pub". Check that it was copied completely.',
    },
    {
      name: 'pub that is not base64url',
      jwk: { kty: 'AKP', alg: 'ML-DSA-44', pub: 'a+b/' },
      code: 'JWK_INVALID_MEMBER',
      message: 'The JWK member "pub" must be a base64url string (letters, digits, "-" and "_", no padding).',
    },
  ]
  it.each(cases)('$name: $code', async ({ jwk: bad, code, message }) => {
    expect(await problem(JSON.stringify(bad))).toEqual({ code, message })
  })

  it('an ML-DSA-65 token checked with an ML-DSA-44 key says which algorithm the key is for', async () => {
    const { priv: _priv, ...publicJwk } = jwk
    const token = decodeToken(`${b64u('{"alg":"ML-DSA-65"}')}.${b64u('{}')}.${b64u(new Uint8Array(3309))}`)
    const result = await verifyToken(token, await keys(JSON.stringify(publicJwk)))
    const text = result.ok ? (result.value.reason ?? '') : result.error.message
    expect(text).toContain('ML-DSA-44')
    expect(text).toContain('ML-DSA-65')
  })
})

describe('the private key stays out of what is shared', () => {
  it('the public part of an AKP private key has no priv', async () => {
    const key: ParsedKey = (await keys(JSON.stringify(RFC9964.jwk))).keys[0]!
    const exported = await exportKeyText(key, 'jwk', 'public')
    expect(exported.ok && JSON.parse(exported.value)).toEqual({ kid: RFC9964.jwk.kid, kty: 'AKP', alg: 'ML-DSA-44', pub: RFC9964.jwk.pub })
    expect(exportJwks([key])).not.toContain(RFC9964.jwk.priv)
  })
})

describe('the signature size alone', () => {
  it.each([
    ['ML-DSA-44', 2419, 2420],
    ['ML-DSA-65', 2420, 3309],
    ['ML-DSA-87', 4628, 4627],
  ])('%s with %i bytes is named impossible before any key is given', async (alg, length, size) => {
    const { signatureLengthProblem } = await import('../token/signature-length')
    expect(signatureLengthProblem(alg, new Uint8Array(length))).toBe(
      `The signature is ${length} bytes, but an ${alg} signature is exactly ${size} bytes (RFC 9964). It was cut off, or made with another ML-DSA parameter set.`,
    )
    expect(signatureLengthProblem(alg, new Uint8Array(size))).toBeUndefined()
  })
})
