import { constants, createCipheriv, createHash, createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt, randomBytes, createDecipheriv } from 'node:crypto'
import { compactDecrypt } from 'jose'
import { describe, expect, it } from 'vitest'
import { encryptJwe } from './encrypt'
import { generateEncryptionKey, type GenerateEncryptionKeyOptions } from './generate-key'

/** RFC 7638 thumbprint computed by hand: SHA-256 of the required members in lexicographic order. */
function handThumbprint(jwk: Record<string, unknown>): string {
  const members = jwk['kty'] === 'RSA' ? ['e', 'kty', 'n'] : jwk['kty'] === 'EC' ? ['crv', 'kty', 'x', 'y'] : jwk['kty'] === 'OKP' ? ['crv', 'kty', 'x'] : ['k', 'kty']
  const canonical = `{${members.map((m) => `"${m}":"${String(jwk[m])}"`).join(',')}}`
  return createHash('sha256').update(canonical).digest('base64url')
}

const PAIRS: [string, GenerateEncryptionKeyOptions, string, string | undefined, number][] = [
  ['RSA-OAEP', {}, 'RSA', undefined, 2048],
  ['RSA-OAEP-256', { modulusLength: 3072 }, 'RSA', undefined, 3072],
  ['RSA-OAEP-512', { modulusLength: 4096 }, 'RSA', undefined, 4096],
  ['ECDH-ES', {}, 'EC', 'P-256', 256],
  ['ECDH-ES+A128KW', { crv: 'P-384' }, 'EC', 'P-384', 384],
  ['ECDH-ES+A256KW', { crv: 'P-521' }, 'EC', 'P-521', 521],
  ['ECDH-ES+A192KW', { crv: 'X25519' }, 'OKP', 'X25519', 256],
]

/**
 * One generated pair per row, shared by the tests of that row (RSA 3072 and 4096 take seconds each): the
 * pair the import test checks is the one the encryption test uses.
 */
const generated = new Map<string, ReturnType<typeof generateEncryptionKey>>()
function pairFor(alg: string, options: GenerateEncryptionKeyOptions): ReturnType<typeof generateEncryptionKey> {
  const id = `${alg} ${JSON.stringify(options)}`
  let pair = generated.get(id)
  if (pair === undefined) {
    pair = generateEncryptionKey(alg, options)
    generated.set(id, pair)
  }
  return pair
}

const NODE_CURVE: Readonly<Record<string, string>> = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' }

describe('generateEncryptionKey key pairs', () => {
  it.each(PAIRS)('%s %o gives a %s key pair that node:crypto imports', async (alg, options, kty, crv, bits) => {
    const result = await pairFor(alg, options)
    if (!result.ok) throw new Error(result.error.message)
    const g = result.value
    expect(g).toMatchObject({ alg, kty, bits, ...(crv === undefined ? {} : { crv }) })
    expect(g.privateText).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/)
    expect(g.publicText).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/)
    const privateKey = createPrivateKey(g.privateText)
    const publicKey = createPublicKey(g.publicText ?? '')
    // The PEM public key is the public half of the PEM private key, and the JWKs are the same key.
    const nodePublicJwk = publicKey.export({ format: 'jwk' }) as Record<string, string>
    expect(createPublicKey(privateKey).export({ format: 'jwk' })).toEqual(nodePublicJwk)
    expect(createPrivateKey({ key: g.privateJwk as never, format: 'jwk' }).export({ format: 'jwk' })).toEqual(privateKey.export({ format: 'jwk' }))
    expect(createPublicKey({ key: g.publicJwk as never, format: 'jwk' }).export({ format: 'jwk' })).toEqual(nodePublicJwk)
    if (kty === 'RSA') expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(bits)
    else if (crv === 'X25519') expect(publicKey.asymmetricKeyType).toBe('x25519')
    else expect(publicKey.asymmetricKeyDetails?.namedCurve).toBe(NODE_CURVE[crv ?? ''])
    // kid is the RFC 7638 thumbprint, recomputed here by hand from node's own export.
    expect(g.kid).toBe(handThumbprint(nodePublicJwk))
    expect(g.publicJwk).toEqual({ ...nodePublicJwk, kid: g.kid, use: 'enc', alg })
    expect(g.privateJwk).toMatchObject({ kid: g.kid, use: 'enc', alg })
    expect(g.privateJwk).toHaveProperty('d')
    expect(g.publicJwk).not.toHaveProperty('d')
    expect(JSON.parse(g.publicJwks ?? '')).toEqual({ keys: [g.publicJwk] })
    expect(JSON.parse(g.privateJwks)).toEqual({ keys: [g.privateJwk] })
  })

  it.each(PAIRS)('%s: what encryptJwe encrypts for the public key, jose decrypts with the private key', async (alg, options) => {
    const result = await pairFor(alg, options)
    if (!result.ok) throw new Error(result.error.message)
    const g = result.value
    for (const keyText of [g.publicText ?? '', g.publicJwks ?? '']) {
      const jwe = await encryptJwe({ plaintext: 'for the recipient', alg, enc: 'A256GCM', keyText, encoding: 'utf8', serialization: 'compact' })
      if (!jwe.ok) throw new Error(jwe.error.message)
      expect(jwe.value.header['kid']).toBe(keyText === g.publicJwks ? g.kid : undefined)
      const out = await compactDecrypt(jwe.value.token, createPrivateKey(g.privateText), { keyManagementAlgorithms: [alg] })
      expect(new TextDecoder().decode(out.plaintext)).toBe('for the recipient')
    }
  }, 30_000)

  it('an RSA-OAEP-256 key works with node:crypto both ways', async () => {
    const result = await generateEncryptionKey('RSA-OAEP-256')
    if (!result.ok) throw new Error(result.error.message)
    const g = result.value
    // Encrypted here to the generated public key, decrypted by node:crypto with the generated private key.
    const jwe = await encryptJwe({ plaintext: 'one way', alg: 'RSA-OAEP-256', enc: 'A128GCM', keyText: g.publicText ?? '', encoding: 'utf8', serialization: 'compact' })
    if (!jwe.ok) throw new Error(jwe.error.message)
    const [p, k, iv, c, t] = jwe.value.token.split('.') as [string, string, string, string, string]
    const cek = privateDecrypt({ key: createPrivateKey(g.privateText), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(k, 'base64url'))
    const decipher = createDecipheriv('aes-128-gcm', cek, Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from(p, 'ascii'))
    decipher.setAuthTag(Buffer.from(t, 'base64url'))
    expect(Buffer.concat([decipher.update(Buffer.from(c, 'base64url')), decipher.final()]).toString('utf8')).toBe('one way')
    // Built by node:crypto by hand for the generated public key, decrypted by jose with the private JWK.
    const header = Buffer.from(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: g.kid })).toString('base64url')
    const cek2 = randomBytes(32)
    const iv2 = randomBytes(12)
    const encryptedKey = publicEncrypt({ key: createPublicKey(g.publicText ?? ''), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, cek2)
    const cipher = createCipheriv('aes-256-gcm', cek2, iv2)
    cipher.setAAD(Buffer.from(header, 'ascii'))
    const ciphertext = Buffer.concat([cipher.update('other way', 'utf8'), cipher.final()])
    const token = [header, encryptedKey.toString('base64url'), iv2.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.')
    const out = await compactDecrypt(token, g.privateJwk)
    expect(new TextDecoder().decode(out.plaintext)).toBe('other way')
  })
})

describe('generateEncryptionKey shared keys', () => {
  const SHARED: [string, GenerateEncryptionKeyOptions, number][] = [
    ['A128KW', {}, 16],
    ['A192KW', {}, 24],
    ['A256KW', {}, 32],
    ['A128GCMKW', {}, 16],
    ['A192GCMKW', {}, 24],
    ['A256GCMKW', {}, 32],
    ['dir', {}, 32],
    ['dir', { enc: 'A128GCM' }, 16],
    ['dir', { enc: 'A192GCM' }, 24],
    ['dir', { enc: 'A128CBC-HS256' }, 32],
    ['dir', { enc: 'A192CBC-HS384' }, 48],
    ['dir', { enc: 'A256CBC-HS512' }, 64],
  ]

  it.each(SHARED)('%s %o is %i random bytes, as base64url text and an oct JWK', async (alg, options, bytes) => {
    const result = await generateEncryptionKey(alg, options)
    if (!result.ok) throw new Error(result.error.message)
    const g = result.value
    const raw = Buffer.from(g.privateText, 'base64url')
    expect(raw.length).toBe(bytes)
    expect(raw.toString('base64url')).toBe(g.privateText)
    expect(g).toMatchObject({ alg, kty: 'oct', bits: bytes * 8 })
    expect(g.enc).toBe(alg === 'dir' ? (options.enc ?? 'A256GCM') : undefined)
    expect(g.kid).toBe(handThumbprint({ kty: 'oct', k: g.privateText }))
    expect(g.privateJwk).toEqual({ kty: 'oct', k: g.privateText, kid: g.kid, use: 'enc', alg })
    expect(g.publicText).toBeUndefined()
    expect(g.publicJwk).toBeUndefined()
    expect(g.publicJwks).toBeUndefined()
    expect(JSON.parse(g.privateJwks)).toEqual({ keys: [g.privateJwk] })
    // The key text, read back as base64url, encrypts; jose decrypts with the raw bytes.
    const enc = alg === 'dir' ? (options.enc ?? 'A256GCM') : 'A128CBC-HS256'
    for (const [keyText, encoding] of [[g.privateText, 'base64url'], [g.privateJwks, 'utf8']] as const) {
      const jwe = await encryptJwe({ plaintext: 'shared', alg, enc, keyText, encoding, serialization: 'compact' })
      if (!jwe.ok) throw new Error(jwe.error.message)
      expect(new TextDecoder().decode((await compactDecrypt(jwe.value.token, new Uint8Array(raw))).plaintext)).toBe('shared')
    }
  })

  it('two keys differ', async () => {
    const a = await generateEncryptionKey('A256KW')
    const b = await generateEncryptionKey('A256KW')
    expect(a.ok && b.ok && a.value.privateText !== b.value.privateText).toBe(true)
  })
})

describe('generateEncryptionKey refusals', () => {
  it.each([
    ['RSA1_5', {}, 'ALG_REFUSED', 'RSA1_5 (RSAES-PKCS1-v1_5) is refused: its padding lets anyone who can tell a receiver\'s padding errors from other errors decrypt tokens (Bleichenbacher\'s attack), and RFC 8725 §3.2 says not to use it. jose does not implement it either. Use RSA-OAEP-256 with the same RSA key.'],
    ['PBES2-HS256+A128KW', {}, 'ALG_UNSUPPORTED', 'PBES2-HS256+A128KW encrypts with a password, not a generated key: type a long passphrase that both sides know (several random words, or 20 random characters).'],
    ['RS256', {}, 'ALG_UNSUPPORTED', 'No encryption key can be generated for "RS256": it is not a key management algorithm. Choose one of RSA-OAEP, RSA-OAEP-256, RSA-OAEP-384, RSA-OAEP-512, ECDH-ES, ECDH-ES+A128KW, ECDH-ES+A192KW, ECDH-ES+A256KW, A128KW, A192KW, A256KW, A128GCMKW, A192GCMKW, A256GCMKW, dir.'],
    ['RSA-OAEP', { modulusLength: 1024 }, 'KEYGEN_INVALID_OPTION', 'An RSA modulus of 1024 bits is not offered. Choose 2048, 3072 or 4096.'],
    ['ECDH-ES', { crv: 'secp256k1' }, 'KEYGEN_INVALID_OPTION', 'ECDH-ES keys are offered on P-256, P-384, P-521, X25519; "secp256k1" is not one of them.'],
    ['dir', { enc: 'A256CTR' }, 'KEYGEN_INVALID_OPTION', 'A dir key is sized for its content encryption; "A256CTR" is not one. Choose one of A128GCM, A192GCM, A256GCM, A128CBC-HS256, A192CBC-HS384, A256CBC-HS512.'],
  ] as const)('%s %o', async (alg, options, code, message) => {
    expect(await generateEncryptionKey(alg, options as GenerateEncryptionKeyOptions)).toEqual({ ok: false, error: { code, message } })
  })
})
