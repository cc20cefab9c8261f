// ES256K (secp256k1) and Ed448 keys: RFC 8032 vectors, PEM ⇄ JWK with node:crypto as the second
// implementation, RFC 7638 thumbprints checked by jose and by hand, and malformed keys.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey as NodeJwk } from 'node:crypto'
import { Buffer } from 'node:buffer'
import { calculateJwkThumbprint } from 'jose'
import { describe, expect, it } from 'vitest'
import type { JWK, ParsedKey } from '../types'
import { algorithmSpec } from './algorithms'
import { exportKeyText } from './export'
import { generateKey } from './generate'
import { importForAlgorithm } from './import'
import { parseKey } from './parse'

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'))
const b64u = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')

async function parsedKey(text: string): Promise<ParsedKey> {
  const result = await parseKey(text, { encoding: 'utf8' })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value.keys[0] as ParsedKey
}

/** RFC 7638 §3.2 by hand: required members in lexicographic order, no whitespace, SHA-256. */
function canonicalThumbprint(jwk: NodeJwk): string {
  const members = jwk.kty === 'EC' ? ['crv', 'kty', 'x', 'y'] : ['crv', 'kty', 'x']
  const json = `{${members.map((m) => `${JSON.stringify(m)}:${JSON.stringify((jwk as Record<string, unknown>)[m])}`).join(',')}}`
  return createHash('sha256').update(json).digest('base64url')
}

// RFC 8032 §7.4, "-----Blank" and "-----1 octet" (Ed448, no context).
const RFC8032_ED448 = [
  {
    name: 'blank',
    secret: '6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b',
    public: '5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180',
    message: '',
    signature:
      '533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a' +
      '9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7cdda8530a113a0f4dbb61149f05a7363268c71d95808ff2e652600',
  },
  {
    name: '1 octet',
    secret: 'c4eab05d357007c632f3dbb48489924d552b08fe0c353a0d4a1f00acda2c463afbea67c5e8d2877c5e3bc397a659949ef8021e954e0a12274e',
    public: '43ba28f430cdff456ae531545f7ecd0ac834a55d9358c0372bfa0c6c6798c0866aea01eb00742802b8438ea4cb82169c235160627b4c3a9480',
    message: '03',
    signature:
      '26b8f91727bd62897af15e41eb43c377efb9c610d48f2335cb0bd0087810f4352541b143c4b981b7e18f62de8ccdf633fc1bf037ab7cd779805e0dbcc0aae1cb' +
      'cee1afb2e027df36bc04dcecbf154336c19f0af7e0a6472905e799f1953d2a0ff3348ab21aa4adafd1d234441cf807c03a00',
  },
]

describe('Ed448 against the RFC 8032 §7.4 test vectors', () => {
  it.each(RFC8032_ED448)('$name: the private JWK derives the public key, signs the vector signature and verifies it', async (vector) => {
    const key = await parsedKey(JSON.stringify({ kty: 'OKP', crv: 'Ed448', d: b64u(hex(vector.secret)), x: b64u(hex(vector.public)) }))
    expect(key).toMatchObject({ kind: 'private', kty: 'OKP', crv: 'Ed448', bits: 448 })
    const spec = algorithmSpec('Ed448')!
    const signing = await importForAlgorithm(key, 'Ed448', 'sign')
    const verifying = await importForAlgorithm(key, 'Ed448', 'verify')
    if (!signing.ok || !verifying.ok) throw new Error('the vector key did not import')
    const signature = await spec.implementation.sign(signing.value, hex(vector.message))
    expect(Buffer.from(signature).toString('hex')).toBe(vector.signature)
    expect(await spec.implementation.verify(verifying.value, hex(vector.signature), hex(vector.message))).toBe(true)
    const tampered = hex(vector.signature)
    tampered[0] = (tampered[0] as number) ^ 1
    expect(await spec.implementation.verify(verifying.value, tampered, hex(vector.message))).toBe(false)
  })

  it.each(RFC8032_ED448)('$name: the key written as PKCS#8 PEM is read by node:crypto, and back by the core, with the RFC public key', async (vector) => {
    const fromJwk = await parsedKey(JSON.stringify({ kty: 'OKP', crv: 'Ed448', x: b64u(hex(vector.public)), d: b64u(hex(vector.secret)) }))
    const pem = await exportKeyText(fromJwk, 'pem', 'private')
    if (!pem.ok) throw new Error(pem.error.message)
    // node:crypto reads the PKCS#8 the core wrote and finds the RFC's public key in it.
    expect(createPrivateKey(pem.value).export({ format: 'jwk' })).toEqual({ kty: 'OKP', crv: 'Ed448', x: b64u(hex(vector.public)), d: b64u(hex(vector.secret)) })
    const again = await parsedKey(pem.value)
    expect(again.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed448', x: b64u(hex(vector.public)) })
  })
})

describe.each([
  { name: 'secp256k1', pair: () => generateKeyPairSync('ec', { namedCurve: 'secp256k1' }), alg: 'ES256K' as const },
  { name: 'Ed448', pair: () => generateKeyPairSync('ed448'), alg: 'Ed448' as const },
])('$name keys made by node:crypto', ({ pair, alg }) => {
  const { privateKey, publicKey } = pair()
  const spkiPem = publicKey.export({ type: 'spki', format: 'pem' }) as string
  const pkcs8Pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
  const publicJwk = publicKey.export({ format: 'jwk' })
  const privateJwk = privateKey.export({ format: 'jwk' })

  it('PEM SPKI and PKCS#8 read as node:crypto JWKs, with the RFC 7638 thumbprint of jose and of the canonical JSON', async () => {
    const expected = canonicalThumbprint(publicJwk)
    expect(await calculateJwkThumbprint(publicJwk as JWK, 'sha256')).toBe(expected)
    const pub = await parsedKey(spkiPem)
    const priv = await parsedKey(pkcs8Pem)
    expect(pub).toMatchObject({ kind: 'public', publicJwk, thumbprint: expected })
    expect(priv).toMatchObject({ kind: 'private', jwk: privateJwk, publicJwk, thumbprint: expected })
  })

  it('PEM → JWK → PEM gives node:crypto the same key bytes back (SPKI and PKCS#8)', async () => {
    const priv = await parsedKey(pkcs8Pem)
    const publicPem = await exportKeyText(priv, 'pem', 'public')
    const privatePem = await exportKeyText(priv, 'pem', 'private')
    if (!publicPem.ok || !privatePem.ok) throw new Error('export failed')
    const spkiDer = (text: string) => createPublicKey(text).export({ type: 'spki', format: 'der' })
    expect(spkiDer(publicPem.value).equals(spkiDer(spkiPem))).toBe(true)
    expect(createPrivateKey(privatePem.value).export({ format: 'jwk' })).toEqual(privateJwk)
    const fromJwk = await parsedKey(JSON.stringify(privateJwk))
    const pemAgain = await exportKeyText(fromJwk, 'pem', 'public')
    if (!pemAgain.ok) throw new Error(pemAgain.error.message)
    expect(spkiDer(pemAgain.value).equals(spkiDer(spkiPem))).toBe(true)
  })

  it('a generated key is read by node:crypto as the same key pair, with the thumbprint as kid', async () => {
    const generated = await generateKey(alg)
    if (!generated.ok) throw new Error(generated.error.message)
    const nodePrivate = createPrivateKey(generated.value.privateText).export({ format: 'jwk' })
    const nodePublic = createPublicKey(generated.value.publicText).export({ format: 'jwk' })
    const { kid, alg: jwkAlg, use, ...members } = generated.value.privateJwk as JWK & { kid: string; alg: string; use: string }
    expect(members).toEqual(nodePrivate)
    expect(createPublicKey(generated.value.privateText).export({ format: 'jwk' })).toEqual(nodePublic)
    expect({ kid, jwkAlg, use }).toEqual({ kid: canonicalThumbprint(nodePublic), jwkAlg: alg, use: 'sig' })
    expect(generated.value.thumbprint).toBe(canonicalThumbprint(nodePublic))
  })
})

describe('a compressed secp256k1 public key', () => {
  it('is read as the uncompressed point node:crypto gives', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' })
    const jwk = publicKey.export({ format: 'jwk' })
    const y = Buffer.from(jwk.y as string, 'base64url')
    const compressed = Buffer.concat([Buffer.from([2 + ((y[31] as number) & 1)]), Buffer.from(jwk.x as string, 'base64url')])
    // SPKI { { ecPublicKey, secp256k1 }, BIT STRING 02/03 ‖ x } as openssl writes with -conv_form compressed.
    const prefix = Buffer.from('3036301006072a8648ce3d020106052b8104000a032200', 'hex')
    const pem = `-----BEGIN PUBLIC KEY-----\n${Buffer.concat([prefix, compressed]).toString('base64')}\n-----END PUBLIC KEY-----\n`
    expect((await parsedKey(pem)).publicJwk).toEqual(jwk)
  })
})

const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' })
const k1Public = k1.publicKey.export({ format: 'jwk' }) as Record<string, string>
const k1Private = k1.privateKey.export({ format: 'jwk' }) as Record<string, string>
const other = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey.export({ format: 'jwk' }) as Record<string, string>
const ed = generateKeyPairSync('ed448')
const edPublic = ed.publicKey.export({ format: 'jwk' }) as Record<string, string>
const edPrivate = ed.privateKey.export({ format: 'jwk' }) as Record<string, string>

/** y + 1 (mod 2^256): the same x with another y is not on the curve (there are only two ys per x). */
function offCurveY(y: string): string {
  const bytes = Buffer.from(y, 'base64url')
  for (let i = bytes.length - 1; i >= 0; i--) {
    bytes[i] = ((bytes[i] as number) + 1) & 0xff
    if (bytes[i] !== 0) break
  }
  return bytes.toString('base64url')
}

/** An SPKI PEM of the node key with its point's last byte changed, which takes it off the curve. */
function offCurveSpki(): string {
  const der = k1.publicKey.export({ type: 'spki', format: 'der' })
  der[der.length - 1] = (der[der.length - 1] as number) ^ 1
  return `-----BEGIN PUBLIC KEY-----\n${der.toString('base64')}\n-----END PUBLIC KEY-----\n`
}

/** An Ed448 PKCS#8 PEM whose private key is 32 bytes (an Ed25519-sized seed). */
function shortEd448Pkcs8(): string {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657104220420', 'hex'), Buffer.alloc(32, 7)])
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----\n`
}

describe('malformed secp256k1 and Ed448 keys are refused with what is wrong', () => {
  it.each<[string, () => string, string, string]>([
    ['secp256k1 x of 31 bytes', () => JSON.stringify({ ...k1Public, x: b64u(new Uint8Array(31).fill(1)) }), 'JWK_INVALID_MEMBER',
      'The JWK member "x" is 31 bytes, but secp256k1 needs exactly 32.'],
    ['secp256k1 point not on the curve (JWK)', () => JSON.stringify({ ...k1Public, y: offCurveY(k1Public.y as string) }), 'JWK_INVALID',
      'The EC secp256k1 JWK is not a valid key: its point (x, y) is not on curve secp256k1, so it is no secp256k1 public key (a corrupted or forged key; an invalid-curve attack uses such points). Check that it was copied completely.'],
    ['secp256k1 point not on the curve (PEM)', offCurveSpki, 'PEM_INVALID',
      'The secp256k1 public key (65 bytes) is not a point on curve secp256k1. Copy the key again, complete and unchanged; a key whose point is off the curve is corrupted or forged.'],
    ['secp256k1 private key of another public key', () => JSON.stringify({ ...k1Public, d: other.d }), 'JWK_INVALID',
      'The EC secp256k1 JWK is not a valid key: its private key "d" does not belong to its public key (x, y). Check that it was copied completely.'],
    ['Ed448 x of 32 bytes', () => JSON.stringify({ ...edPublic, x: b64u(new Uint8Array(32).fill(1)) }), 'JWK_INVALID_MEMBER',
      'The JWK member "x" is 32 bytes, but Ed448 needs exactly 57.'],
    ['Ed448 private key of 32 bytes (JWK)', () => JSON.stringify({ ...edPublic, d: b64u(new Uint8Array(32).fill(1)) }), 'JWK_INVALID_MEMBER',
      'The JWK member "d" is 32 bytes, but Ed448 needs exactly 57.'],
    ['Ed448 private key of 32 bytes (PKCS#8)', shortEd448Pkcs8, 'PEM_INVALID',
      'The Ed448 private key is 32 bytes, but an Ed448 private key is exactly 57 bytes (RFC 8410 §7). Copy the key again, complete and unchanged.'],
    ['Ed448 x that is no point', () => JSON.stringify({ ...edPublic, x: b64u(new Uint8Array(57).fill(0xff)) }), 'JWK_INVALID',
      'The Ed448 JWK is not a valid key: its public key "x" is not a point on curve Ed448 (a corrupted or forged key). Check that it was copied completely.'],
    ['Ed448 identity point', () => JSON.stringify({ ...edPublic, x: b64u(Uint8Array.from({ length: 57 }, (_, i) => (i === 0 ? 1 : 0))) }), 'JWK_INVALID',
      'The Ed448 JWK is not a valid key: its public key is a small-order point (such as the identity), for which forged signatures verify. Check that it was copied completely.'],
    ['Ed448 private key of another public key', () => JSON.stringify({ ...edPrivate, x: b64u(hex(RFC8032_ED448[0]!.public)) }), 'JWK_INVALID',
      'The Ed448 JWK is not a valid key: its private key "d" does not belong to its public key "x". Check that it was copied completely.'],
  ])('%s', async (_name, text, code, message) => {
    expect(await parseKey(text(), { encoding: 'utf8' })).toEqual({ ok: false, error: { code, message } })
  })

  it('a hand-built key that skipped parsing is refused at import with the same reason', async () => {
    const key: ParsedKey = {
      kind: 'public', kty: 'EC', crv: 'secp256k1', bits: 256, thumbprint: 'x',
      jwk: { ...k1Public, y: offCurveY(k1Public.y as string) } as JWK,
    }
    const imported = await importForAlgorithm(key, 'ES256K', 'verify')
    expect(imported).toEqual({
      ok: false,
      error: {
        code: 'KEY_IMPORT_FAILED',
        message: 'The key (an EC secp256k1 public key) could not be imported for ES256K: its point (x, y) is not on curve secp256k1, so it is no secp256k1 public key (a corrupted or forged key; an invalid-curve attack uses such points). Check that the key is complete and not corrupted.',
      },
    })
  })

  it('keys fit their algorithms: ES256K only secp256k1, Ed448 only Ed448, EdDSA Ed25519 and Ed448', async () => {
    const secp = await parsedKey(JSON.stringify(k1Private))
    const ed448 = await parsedKey(JSON.stringify(edPrivate))
    const p256 = await parsedKey(JSON.stringify(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' })))
    expect((await importForAlgorithm(secp, 'ES256K', 'sign')).ok).toBe(true)
    expect((await importForAlgorithm(ed448, 'Ed448', 'sign')).ok).toBe(true)
    expect((await importForAlgorithm(ed448, 'EdDSA', 'verify')).ok).toBe(true)
    expect(await importForAlgorithm(p256, 'ES256K', 'verify')).toEqual({
      ok: false,
      error: { code: 'KEY_ALG_MISMATCH', message: 'The key is an EC P-256 public key, but ES256K needs an EC key on curve secp256k1. Choose ES256 for this key, or paste an EC key on curve secp256k1.' },
    })
    expect(await importForAlgorithm(secp, 'ES256', 'verify')).toEqual({
      ok: false,
      error: { code: 'KEY_ALG_MISMATCH', message: 'The key is an EC secp256k1 private key, but ES256 needs an EC key on curve P-256. Choose ES256K for this key, or paste an EC key on curve P-256.' },
    })
    expect(await importForAlgorithm(ed448, 'Ed25519', 'verify')).toEqual({
      ok: false,
      error: { code: 'KEY_ALG_MISMATCH', message: 'The key is an Ed448 private key, but Ed25519 needs an Ed25519 (OKP) key. Choose EdDSA, Ed448 for this key, or paste an Ed25519 (OKP) key.' },
    })
  })
})
