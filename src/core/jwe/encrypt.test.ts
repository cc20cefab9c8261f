import { createDecipheriv, createHmac, createPrivateKey, createPublicKey, diffieHellman, createHash, generateKeyPairSync, privateDecrypt, constants, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { inflateRawSync } from 'node:zlib'
import { join } from 'node:path'
import { compactDecrypt, flattenedDecrypt, generalDecrypt, type FlattenedJWE, type GeneralJWE } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_PBES2_COUNT, RSA1_5_REFUSED, encryptJwe, type JweEncryptInput } from './encrypt'
import { CONTENT_ENCRYPTION_ALGORITHMS, KEY_MANAGEMENT_ALGORITHMS } from './encryption-algorithms'

const FIXTURES = join(__dirname, '../../../test/fixtures/keys')
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')

const b64u = (text: string) => Buffer.from(text, 'base64url')
const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

function parts(token: string): { header: Record<string, unknown>; protectedText: string; encryptedKey: Buffer; iv: Buffer; ciphertext: Buffer; tag: Buffer } {
  const [p, k, iv, c, t] = token.split('.') as [string, string, string, string, string]
  return { header: JSON.parse(b64u(p).toString('utf8')) as Record<string, unknown>, protectedText: p, encryptedKey: b64u(k), iv: b64u(iv), ciphertext: b64u(c), tag: b64u(t) }
}

async function encrypted(input: JweEncryptInput): Promise<string> {
  const result = await encryptJwe(input)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value.token
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const rsaPublicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string

// Decryption by hand with node:crypto (RFC 7516 §5.2, RFC 7518 §4.3, §4.4, §5.2, §5.3): an
// implementation that shares nothing with jose.
describe('encryptJwe output decrypted by hand with node:crypto', () => {
  it('RSA-OAEP-256 + A256GCM: privateDecrypt (OAEP SHA-256) gives the CEK, aes-256-gcm the plaintext', async () => {
    const token = await encrypted({ plaintext: 'Live long and prosper.', alg: 'RSA-OAEP-256', enc: 'A256GCM', keyText: rsaPublicPem, encoding: 'utf8', serialization: 'compact' })
    const jwe = parts(token)
    expect(jwe.header).toEqual({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
    const cek = privateDecrypt({ key: rsa.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, jwe.encryptedKey)
    expect(cek.length).toBe(32)
    expect(jwe.iv.length).toBe(12)
    const decipher = createDecipheriv('aes-256-gcm', cek, jwe.iv)
    decipher.setAAD(Buffer.from(jwe.protectedText, 'ascii'))
    decipher.setAuthTag(jwe.tag)
    expect(Buffer.concat([decipher.update(jwe.ciphertext), decipher.final()]).toString('utf8')).toBe('Live long and prosper.')
  })

  it('A128KW + A128CBC-HS256: id-aes128-wrap unwraps the CEK, HMAC-SHA-256 checks the tag, aes-128-cbc decrypts', async () => {
    const kek = randomBytes(16)
    const token = await encrypted({ plaintext: 'The true sign of intelligence is not knowledge but imagination.', alg: 'A128KW', enc: 'A128CBC-HS256', keyText: kek.toString('hex'), encoding: 'hex', serialization: 'compact' })
    const jwe = parts(token)
    expect(jwe.header).toEqual({ alg: 'A128KW', enc: 'A128CBC-HS256' })
    // RFC 3394's default initial value A6A6A6A6A6A6A6A6.
    const unwrap = createDecipheriv('id-aes128-wrap', kek, Buffer.from('A6A6A6A6A6A6A6A6', 'hex'))
    const cek = Buffer.concat([unwrap.update(jwe.encryptedKey), unwrap.final()])
    expect(cek.length).toBe(32)
    const macKey = cek.subarray(0, 16)
    const encKey = cek.subarray(16)
    const aad = Buffer.from(jwe.protectedText, 'ascii')
    const al = Buffer.alloc(8)
    al.writeBigUInt64BE(BigInt(aad.length * 8))
    const mac = createHmac('sha256', macKey).update(Buffer.concat([aad, jwe.iv, jwe.ciphertext, al])).digest().subarray(0, 16)
    expect(timingSafeEqual(mac, jwe.tag)).toBe(true)
    const decipher = createDecipheriv('aes-128-cbc', encKey, jwe.iv)
    expect(Buffer.concat([decipher.update(jwe.ciphertext), decipher.final()]).toString('utf8')).toBe('The true sign of intelligence is not knowledge but imagination.')
  })

  it('dir + A256GCM: the shared key is the CEK; the encrypted key is empty', async () => {
    const key = randomBytes(32)
    const token = await encrypted({ plaintext: 'direct', alg: 'dir', enc: 'A256GCM', keyText: key.toString('base64url'), encoding: 'base64url', serialization: 'compact' })
    const jwe = parts(token)
    expect(jwe.header).toEqual({ alg: 'dir', enc: 'A256GCM' })
    expect(jwe.encryptedKey.length).toBe(0)
    const decipher = createDecipheriv('aes-256-gcm', key, jwe.iv)
    decipher.setAAD(Buffer.from(jwe.protectedText, 'ascii'))
    decipher.setAuthTag(jwe.tag)
    expect(Buffer.concat([decipher.update(jwe.ciphertext), decipher.final()]).toString('utf8')).toBe('direct')
  })

  it('ECDH-ES + A128GCM on P-256: the Concat KDF over the ECDH secret with the epk gives the CEK', async () => {
    const recipient = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const token = await encrypted({ plaintext: 'agreed', alg: 'ECDH-ES', enc: 'A128GCM', keyText: recipient.publicKey.export({ type: 'spki', format: 'pem' }) as string, encoding: 'utf8', serialization: 'compact' })
    const jwe = parts(token)
    const epk = jwe.header['epk'] as Record<string, string>
    expect(Object.keys(epk).sort()).toEqual(['crv', 'kty', 'x', 'y'])
    const z = diffieHellman({ privateKey: recipient.privateKey, publicKey: createPublicKey({ key: epk, format: 'jwk' }) })
    // RFC 7518 §4.6.2: OtherInfo = AlgorithmID (enc for direct agreement) || PartyUInfo || PartyVInfo || keydatalen.
    const lengthPrefixed = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b])
    const otherInfo = Buffer.concat([lengthPrefixed(Buffer.from('A128GCM')), lengthPrefixed(Buffer.alloc(0)), lengthPrefixed(Buffer.alloc(0)), Buffer.from([0, 0, 0, 128])])
    const cek = createHash('sha256').update(Buffer.concat([Buffer.from([0, 0, 0, 1]), z, otherInfo])).digest().subarray(0, 16)
    const decipher = createDecipheriv('aes-128-gcm', cek, jwe.iv)
    decipher.setAAD(Buffer.from(jwe.protectedText, 'ascii'))
    decipher.setAuthTag(jwe.tag)
    expect(Buffer.concat([decipher.update(jwe.ciphertext), decipher.final()]).toString('utf8')).toBe('agreed')
  })

  it('zip: "DEF" compresses with raw DEFLATE before encrypting', async () => {
    const key = randomBytes(16)
    const text = 'compress me '.repeat(50)
    const token = await encrypted({ plaintext: text, alg: 'dir', enc: 'A128GCM', keyText: key.toString('hex'), encoding: 'hex', serialization: 'compact', zip: true })
    const jwe = parts(token)
    expect(jwe.header).toEqual({ alg: 'dir', enc: 'A128GCM', zip: 'DEF' })
    const decipher = createDecipheriv('aes-128-gcm', key, jwe.iv)
    decipher.setAAD(Buffer.from(jwe.protectedText, 'ascii'))
    decipher.setAuthTag(jwe.tag)
    const compressed = Buffer.concat([decipher.update(jwe.ciphertext), decipher.final()])
    expect(compressed.length).toBeLessThan(text.length / 5)
    expect(inflateRawSync(compressed).toString('utf8')).toBe(text)
  })
})

/** A recipient for every key management algorithm: what to encrypt with, and jose's decryption key. */
interface Recipient {
  readonly keyText: string
  readonly encoding: JweEncryptInput['encoding']
  readonly decryptKey: KeyObject | Uint8Array
}

const pem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }) as string

describe('encryptJwe output decrypted by jose (configured here, apart from the code under test)', () => {
  const recipients = new Map<string, Recipient>()
  const ecdh = { 'P-256': generateKeyPairSync('ec', { namedCurve: 'P-256' }), 'P-384': generateKeyPairSync('ec', { namedCurve: 'P-384' }), 'P-521': generateKeyPairSync('ec', { namedCurve: 'P-521' }), X25519: generateKeyPairSync('x25519') }
  // The curve rotates with alg and enc, so that every ECDH-ES variant meets every curve.
  const ecdhCurveOf = (alg: string, enc: string): keyof typeof ecdh =>
    (['P-256', 'P-384', 'P-521', 'X25519'] as const)[(KEY_MANAGEMENT_ALGORITHMS.indexOf(alg as never) + CONTENT_ENCRYPTION_ALGORITHMS.indexOf(enc as never)) % 4] ?? 'P-256'

  function recipientFor(alg: string, enc: string): Recipient {
    if (alg.startsWith('RSA-OAEP')) return { keyText: rsaPublicPem, encoding: 'utf8', decryptKey: rsa.privateKey }
    if (alg.startsWith('ECDH-ES')) {
      const pair = ecdh[ecdhCurveOf(alg, enc)]
      return { keyText: pem(pair.publicKey), encoding: 'utf8', decryptKey: pair.privateKey }
    }
    if (alg.startsWith('PBES2')) return { keyText: 'correct horse battery staple', encoding: 'utf8', decryptKey: new TextEncoder().encode('correct horse battery staple') }
    const size = alg === 'dir' ? { A128GCM: 16, A192GCM: 24, A256GCM: 32, 'A128CBC-HS256': 32, 'A192CBC-HS384': 48, 'A256CBC-HS512': 64 }[enc] ?? 0 : Number(alg.slice(1, 4)) / 8
    const bytes = randomBytes(size)
    return { keyText: bytes.toString('base64'), encoding: 'base64', decryptKey: new Uint8Array(bytes) }
  }

  const pairs = KEY_MANAGEMENT_ALGORITHMS.flatMap((alg) => CONTENT_ENCRYPTION_ALGORITHMS.map((enc) => [alg, enc] as const))

  beforeAll(() => {
    for (const [alg, enc] of pairs) recipients.set(`${alg} ${enc}`, recipientFor(alg, enc))
  })

  it('covers every alg × enc jose offers (18 × 6)', () => {
    expect(pairs).toHaveLength(108)
  })

  it.each(pairs)('%s + %s, compact', async (alg, enc) => {
    const r = recipients.get(`${alg} ${enc}`) as Recipient
    const plaintext = `payload for ${alg} ${enc} ✓`
    const token = await encrypted({ plaintext, alg, enc, keyText: r.keyText, encoding: r.encoding, serialization: 'compact', p2c: 2048 })
    const out = await compactDecrypt(token, r.decryptKey, { keyManagementAlgorithms: [alg], contentEncryptionAlgorithms: [enc], maxPBES2Count: 2048 })
    expect(utf8(out.plaintext)).toBe(plaintext)
    expect(out.protectedHeader.alg).toBe(alg)
    expect(out.protectedHeader.enc).toBe(enc)
    if (alg.startsWith('ECDH-ES')) expect((out.protectedHeader.epk as { crv?: string } | undefined)?.crv).toBe(ecdhCurveOf(alg, enc))
  })

  // Each algorithm once more in each JSON serialization, with an enc that rotates through the list.
  const jsonPairs = KEY_MANAGEMENT_ALGORITHMS.map((alg, i) => [alg, CONTENT_ENCRYPTION_ALGORITHMS[i % 6] as string] as const)

  it.each(jsonPairs)('%s + %s, flattened and general', async (alg, enc) => {
    const r = recipients.get(`${alg} ${enc}`) as Recipient
    const options = { keyManagementAlgorithms: [alg], contentEncryptionAlgorithms: [enc], maxPBES2Count: 2048 }
    const flat = await encryptJwe({ plaintext: 'flat', alg, enc, keyText: r.keyText, encoding: r.encoding, serialization: 'flattened', p2c: 2048, kid: 'k1' })
    if (!flat.ok) throw new Error(flat.error.message)
    const flatJwe = JSON.parse(flat.value.token) as FlattenedJWE
    expect(utf8((await flattenedDecrypt(flatJwe, r.decryptKey, options)).plaintext)).toBe('flat')
    expect(flat.value.header).toMatchObject({ alg, enc, kid: 'k1' })
    const general = await encryptJwe({ plaintext: 'general', alg, enc, keyText: r.keyText, encoding: r.encoding, serialization: 'general', p2c: 2048, kid: 'k1' })
    if (!general.ok) throw new Error(general.error.message)
    const generalJwe = JSON.parse(general.value.token) as GeneralJWE
    expect(generalJwe.recipients).toHaveLength(1)
    // The general syntax keeps alg and kid per recipient, enc shared and protected.
    expect(generalJwe.recipients[0]?.header).toMatchObject({ alg, kid: 'k1' })
    expect(JSON.parse(b64u(generalJwe.protected ?? '').toString('utf8'))).toMatchObject({ enc })
    expect(utf8((await generalDecrypt(generalJwe, r.decryptKey, options)).plaintext)).toBe('general')
    expect(general.value.header).toMatchObject({ alg, enc, kid: 'k1' })
  })
})

describe('encryptJwe headers', () => {
  const key = randomBytes(32).toString('hex')
  const base = { alg: 'dir', enc: 'A256GCM', keyText: key, encoding: 'hex', serialization: 'compact' } as const
  const signed = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'

  it.each([
    ['a compact JWS gets cty JWT (a nested JWT)', { plaintext: signed }, { alg: 'dir', enc: 'A256GCM', cty: 'JWT' }],
    ['a compact JWS with surrounding line break still does', { plaintext: `${signed}\n` }, { alg: 'dir', enc: 'A256GCM', cty: 'JWT' }],
    ['JSON text gets no cty', { plaintext: '{"sub":"1"}' }, { alg: 'dir', enc: 'A256GCM' }],
    ['bytes get no cty, even if they spell a JWS', { plaintext: new TextEncoder().encode(signed) }, { alg: 'dir', enc: 'A256GCM' }],
    ['an explicit cty wins', { plaintext: signed, cty: 'application/example+jwt' }, { alg: 'dir', enc: 'A256GCM', cty: 'application/example+jwt' }],
    ['kid and zip', { plaintext: 'x', kid: 'enc-2026', zip: true }, { alg: 'dir', enc: 'A256GCM', kid: 'enc-2026', zip: 'DEF' }],
  ] as const)('%s', async (_name, extra, header) => {
    const result = await encryptJwe({ ...base, ...extra })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.header).toEqual(header)
    expect(parts(result.value.token).header).toEqual(header)
  })

  it('takes kid from the recipient JWK, and an explicit kid over it', async () => {
    const jwk = { ...(rsa.publicKey.export({ format: 'jwk' }) as Record<string, string>), kid: 'recipient-key-1', use: 'enc' }
    const own = await encryptJwe({ plaintext: 'x', alg: 'RSA-OAEP', enc: 'A128GCM', keyText: JSON.stringify(jwk), encoding: 'utf8', serialization: 'compact' })
    expect(own.ok && own.value.header).toEqual({ alg: 'RSA-OAEP', enc: 'A128GCM', kid: 'recipient-key-1' })
    const given = await encryptJwe({ plaintext: 'x', alg: 'RSA-OAEP', enc: 'A128GCM', keyText: JSON.stringify(jwk), encoding: 'utf8', serialization: 'compact', kid: 'other' })
    expect(given.ok && given.value.header).toEqual({ alg: 'RSA-OAEP', enc: 'A128GCM', kid: 'other' })
  })

  it(`uses p2c ${DEFAULT_PBES2_COUNT} by default, which jose accepts under its own default bound`, async () => {
    const token = await encrypted({ plaintext: 'pw', alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', keyText: 'hunter2 hunter2', encoding: 'hex', serialization: 'compact' })
    const header = parts(token).header
    expect(header['p2c']).toBe(2048)
    expect(b64u(header['p2s'] as string).length).toBe(16)
    const out = await compactDecrypt(token, new TextEncoder().encode('hunter2 hunter2'), { keyManagementAlgorithms: ['PBES2-HS256+A128KW'] })
    expect(utf8(out.plaintext)).toBe('pw')
  })

  it('a p2c above what receivers accept by default is written as asked (jose refuses it unless raised)', async () => {
    const token = await encrypted({ plaintext: 'pw', alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', keyText: 'hunter2 hunter2', encoding: 'utf8', serialization: 'compact', p2c: 600_000 })
    expect(parts(token).header['p2c']).toBe(600_000)
    await expect(compactDecrypt(token, new TextEncoder().encode('hunter2 hunter2'), { keyManagementAlgorithms: ['PBES2-HS256+A128KW'] })).rejects.toThrow('out is of acceptable bounds')
    const out = await compactDecrypt(token, new TextEncoder().encode('hunter2 hunter2'), { keyManagementAlgorithms: ['PBES2-HS256+A128KW'], maxPBES2Count: 600_000 })
    expect(utf8(out.plaintext)).toBe('pw')
  })
})

describe('encryptJwe recipient key forms', () => {
  const ec = fixture('ec-p256-spki.pem')
  const forms: [string, string, string, string][] = [
    ['RSA SPKI PEM', 'RSA-OAEP-256', fixture('rsa-2048-spki.pem'), 'RSA 2048-bit public key'],
    ['RSA PKCS#1 public PEM', 'RSA-OAEP-256', fixture('rsa-2048-pkcs1-public.pem'), 'RSA 2048-bit public key'],
    ['RSA certificate', 'RSA-OAEP-256', fixture('rsa-2048-cert.pem'), "RSA 2048-bit certificate's public key (its dates and chain are not checked)"],
    ['RSA PKCS#8 private PEM', 'RSA-OAEP-256', fixture('rsa-2048-pkcs8.pem'), "RSA 2048-bit public key, derived from the private key given (a recipient's public key is enough to encrypt)"],
    ['RSA PKCS#1 private PEM', 'RSA-OAEP', fixture('rsa-2048-pkcs1-private.pem'), "RSA 2048-bit public key, derived from the private key given (a recipient's public key is enough to encrypt)"],
    ['EC P-256 SPKI PEM', 'ECDH-ES', ec, 'P-256 public key'],
    ['EC P-384 SEC1 private PEM', 'ECDH-ES+A192KW', fixture('ec-p384-sec1.pem'), "P-384 public key, derived from the private key given (a recipient's public key is enough to encrypt)"],
    ['EC P-521 certificate', 'ECDH-ES+A256KW', fixture('ec-p521-cert.pem'), "P-521 certificate's public key (its dates and chain are not checked)"],
    ['X25519 PKCS#8 private PEM', 'ECDH-ES+A128KW', fixture('x25519-pkcs8.pem'), "X25519 public key, derived from the private key given (a recipient's public key is enough to encrypt)"],
  ]

  it.each(forms)('%s', async (_name, alg, keyText, description) => {
    const result = await encryptJwe({ plaintext: 'x', alg, enc: 'A256GCM', keyText, encoding: 'utf8', serialization: 'compact' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.keyDescription).toBe(description)
    // The private key of the pair decrypts (jose, independently configured).
    const privateName = { 'RSA-OAEP-256': 'rsa-2048-pkcs8.pem', 'RSA-OAEP': 'rsa-2048-pkcs8.pem', 'ECDH-ES': 'ec-p256-pkcs8.pem', 'ECDH-ES+A192KW': 'ec-p384-pkcs8.pem', 'ECDH-ES+A256KW': 'ec-p521-pkcs8.pem', 'ECDH-ES+A128KW': 'x25519-pkcs8.pem' }[alg] as string
    const out = await compactDecrypt(result.value.token, createPrivateKey(fixture(privateName)), { keyManagementAlgorithms: [alg] })
    expect(utf8(out.plaintext)).toBe('x')
  })

  it('a JWKS: the member with the kid asked for, else the first that fits', async () => {
    const p256 = createPublicKey(ec).export({ format: 'jwk' })
    const rsaJwk = createPublicKey(fixture('rsa-2048-spki.pem')).export({ format: 'jwk' })
    const jwks = JSON.stringify({ keys: [{ ...rsaJwk, kid: 'sig', use: 'sig' }, { ...rsaJwk, kid: 'enc-a', use: 'enc' }, { ...p256, kid: 'ec' }, { ...rsaJwk, kid: 'enc-b' }] })
    const first = await encryptJwe({ plaintext: 'x', alg: 'RSA-OAEP-256', enc: 'A256GCM', keyText: jwks, encoding: 'utf8', serialization: 'compact' })
    expect(first.ok && first.value.header['kid']).toBe('enc-a')
    const chosen = await encryptJwe({ plaintext: 'x', alg: 'RSA-OAEP-256', enc: 'A256GCM', keyText: jwks, encoding: 'utf8', serialization: 'compact', kid: 'enc-b' })
    expect(chosen.ok && chosen.value.header['kid']).toBe('enc-b')
    const ecdh = await encryptJwe({ plaintext: 'x', alg: 'ECDH-ES', enc: 'A256GCM', keyText: jwks, encoding: 'utf8', serialization: 'compact' })
    expect(ecdh.ok && ecdh.value.header['kid']).toBe('ec')
  })

  it('a shared key as an oct JWK', async () => {
    const k = randomBytes(24)
    const result = await encryptJwe({ plaintext: 'x', alg: 'A192GCMKW', enc: 'A128GCM', keyText: JSON.stringify({ kty: 'oct', k: k.toString('base64url'), kid: 'shared' }), encoding: 'utf8', serialization: 'compact' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.header).toMatchObject({ alg: 'A192GCMKW', enc: 'A128GCM', kid: 'shared' })
    expect(result.value.keyDescription).toBe('192-bit shared key')
    expect(utf8((await compactDecrypt(result.value.token, new Uint8Array(k))).plaintext)).toBe('x')
  })
})

describe('encryptJwe refusals', () => {
  const rsaJwk = createPublicKey(fixture('rsa-2048-spki.pem')).export({ format: 'jwk' })
  const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey
  const cases: [string, Partial<JweEncryptInput>, string, string][] = [
    ['RSA1_5', { alg: 'RSA1_5' }, 'JWE_ALG_REFUSED', RSA1_5_REFUSED],
    ['an unknown alg', { alg: 'RSA-OAEP-1024' }, 'JWE_ALG_UNSUPPORTED', '"RSA-OAEP-1024" is not a key management algorithm JWT Lab encrypts with. Choose one of RSA-OAEP, RSA-OAEP-256, RSA-OAEP-384, RSA-OAEP-512, ECDH-ES, ECDH-ES+A128KW, ECDH-ES+A192KW, ECDH-ES+A256KW, A128KW, A192KW, A256KW, A128GCMKW, A192GCMKW, A256GCMKW, dir, PBES2-HS256+A128KW, PBES2-HS384+A192KW, PBES2-HS512+A256KW.'],
    ['an unknown enc', { enc: 'A256CTR' }, 'JWE_ENC_UNSUPPORTED', '"A256CTR" is not a content encryption algorithm. Choose one of A128GCM, A192GCM, A256GCM, A128CBC-HS256, A192CBC-HS384, A256CBC-HS512.'],
    ['an empty key', { keyText: '  \n' }, 'KEY_EMPTY', "The recipient key is empty. Paste the recipient's RSA public key (PEM or JWK)."],
    ['a 1024-bit RSA key', { keyText: pem(small) }, 'KEY_WRONG_SIZE', 'The RSA key has a 1024-bit modulus; RSA-OAEP keys must be 2048 bits or larger (RFC 7518 §4.3), and jose refuses smaller ones. Use a key of 2048 bits or more.'],
    ['an EC key for RSA-OAEP', { keyText: fixture('ec-p256-spki.pem') }, 'KEY_WRONG_TYPE', "RSA-OAEP-256 needs an RSA public key, but this is an EC key. Paste the recipient's RSA public key, or choose ECDH-ES for this key."],
    ['a secp256k1 key for ECDH-ES', { alg: 'ECDH-ES', keyText: fixture('ec-secp256k1-spki.pem') }, 'KEY_WRONG_TYPE', "ECDH-ES needs an EC key on P-256, P-384 or P-521, or an X25519 key, but this is an EC key on secp256k1. Paste the recipient's EC or X25519 public key, or choose RSA-OAEP-256 for this key."],
    ['an Ed25519 key for ECDH-ES', { alg: 'ECDH-ES', keyText: fixture('ed25519-spki.pem') }, 'KEY_WRONG_TYPE', "ECDH-ES needs an EC key on P-256, P-384 or P-521, or an X25519 key, but this is an Ed25519 key (it signs; ECDH-ES needs X25519). Paste the recipient's EC or X25519 public key, or choose RSA-OAEP-256 for this key."],
    ['an Ed25519 JWK for ECDH-ES', { alg: 'ECDH-ES', keyText: '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}' }, 'KEY_WRONG_TYPE', 'ECDH-ES needs an EC key on P-256, P-384 or P-521, or an X25519 key, but the JWK has "kty" "OKP" and "crv" "Ed25519". An Ed25519 key signs; ECDH-ES needs an X25519 key.'],
    ['a JWK for signatures', { keyText: JSON.stringify({ ...rsaJwk, use: 'sig' }) }, 'KEY_USE_MISMATCH', 'The key says "use": "sig", so it is not for encryption (that is "use": "enc"). Use the recipient\'s encryption key.'],
    ['a JWK for another alg', { keyText: JSON.stringify({ ...rsaJwk, alg: 'RSA-OAEP' }) }, 'KEY_ALG_MISMATCH', 'The key says "alg": "RSA-OAEP", so it is meant for that algorithm only, not RSA-OAEP-256. Choose RSA-OAEP, or use another key.'],
    ['a JWKS without that kid', { keyText: JSON.stringify({ keys: [{ ...rsaJwk, kid: 'a' }] }), kid: 'b' }, 'KEY_NOT_FOUND', 'The JWKS has no key with kid "b". Use one of its kids, or clear kid to use the first key that fits RSA-OAEP-256.'],
    ['a JWKS with signing keys only', { keyText: JSON.stringify({ keys: [{ ...rsaJwk, use: 'sig' }] }) }, 'KEY_NOT_FOUND', 'The JWKS has no key for RSA-OAEP-256 (one whose type fits, with "use" absent or "enc" and "alg" absent or "RSA-OAEP-256"). Paste the recipient\'s encryption key.'],
    ['a secret for RSA-OAEP', { keyText: 'my secret' }, 'KEY_WRONG_TYPE', "RSA-OAEP-256 encrypts for a public key: paste the recipient's RSA public key as PEM or JWK. To encrypt with a shared key choose A256KW or dir; with a password, PBES2-HS256+A128KW."],
    ['a PEM for A128KW', { alg: 'A128KW', keyText: fixture('rsa-2048-spki.pem') }, 'KEY_WRONG_TYPE', 'A128KW uses a shared key, not a PEM key. Paste the AES key both sides know, or choose RSA-OAEP-256 or ECDH-ES to encrypt for a public key.'],
    ['a 32-byte key for A128KW', { alg: 'A128KW', keyText: '00'.repeat(32), encoding: 'hex' }, 'KEY_WRONG_SIZE', 'The shared key is 32 bytes (256 bits), but A128KW wraps with a 128-bit AES key, so the key must be exactly 16 bytes. Paste a key of that size, or generate one.'],
    ['a 16-byte key for dir + A128CBC-HS256', { alg: 'dir', enc: 'A128CBC-HS256', keyText: '00'.repeat(16), encoding: 'hex' }, 'KEY_WRONG_SIZE', 'The shared key is 16 bytes (128 bits), but dir uses the key as the content encryption key of A128CBC-HS256, which takes exactly 32 bytes (256 bits). Paste a key of that size, or generate one.'],
    ['a short utf8 key for dir', { alg: 'dir', enc: 'A256GCM', keyText: 'secret', encoding: 'utf8' }, 'KEY_WRONG_SIZE', 'The shared key is 6 bytes (48 bits), but dir uses the key as the content encryption key of A256GCM, which takes exactly 32 bytes (256 bits). Paste a key of that size (with Secret encoding utf8 every character counts; for a hex or base64 key choose that encoding), or generate one.'],
    ['bad hex', { alg: 'A256KW', keyText: '0g', encoding: 'hex' }, 'SECRET_BAD_HEX', 'The secret is not hex: "g" at position 2 is not a hex digit (0-9, a-f). Fix it, or choose another secret encoding.'],
    ['p2c 0', { alg: 'PBES2-HS256+A128KW', keyText: 'pw', p2c: 0 }, 'JWE_OPTION_INVALID', 'The PBES2 count p2c must be a whole number from 1 to 10,000,000; 0 is not. RFC 7518 §4.8.1.2 asks for at least 1,000; the default is 2048, which every common receiver accepts.'],
    ['p2c too high', { alg: 'PBES2-HS256+A128KW', keyText: 'pw', p2c: 10_000_001 }, 'JWE_OPTION_INVALID', 'The PBES2 count p2c must be a whole number from 1 to 10,000,000; 10000001 is not. RFC 7518 §4.8.1.2 asks for at least 1,000; the default is 2048, which every common receiver accepts.'],
    ['an empty kid', { kid: '' }, 'JWE_OPTION_INVALID', 'The kid is empty. Type the key id the recipient knows the key by, or leave kid out.'],
    ['an empty password', { alg: 'PBES2-HS512+A256KW', keyText: '' }, 'KEY_EMPTY', 'The password is empty. Type the password both sides know.'],
    ['JSON that is not a key', { keyText: '{"kty":' }, 'KEY_INVALID', "The key is not valid JSON (Unexpected end of JSON input). Paste a JWK or a JWKS."],
  ]

  it.each(cases)('%s', async (_name, change, code, message) => {
    const result = await encryptJwe({ plaintext: 'x', alg: 'RSA-OAEP-256', enc: 'A256GCM', keyText: fixture('rsa-2048-spki.pem'), encoding: 'utf8', serialization: 'compact', ...change })
    expect(result).toEqual({ ok: false, error: { code, message } })
  })

  it('an EC point off the curve is an error, not a throw', async () => {
    const jwk = { kty: 'EC', crv: 'P-256', x: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', y: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE' }
    const result = await encryptJwe({ plaintext: 'x', alg: 'ECDH-ES', enc: 'A256GCM', keyText: JSON.stringify(jwk), encoding: 'utf8', serialization: 'compact' })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('ENCRYPT_FAILED')
    expect(!result.ok && result.error.message).toMatch(/^Encrypting with ECDH-ES and A256GCM failed: /)
  })
})

// The app's own round trip: what the Encrypt panel makes, the Decryption panel opens (with the
// recipient's private key as a user would paste it), and a nested JWT's inner token comes back.
describe('encryptJwe output opened by decryptJwe', () => {
  const ecdhPairs = { 'P-256': generateKeyPairSync('ec', { namedCurve: 'P-256' }), X25519: generateKeyPairSync('x25519') }
  const privatePem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }) as string
  const signed = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
  const rows = KEY_MANAGEMENT_ALGORITHMS.flatMap((alg, i) => (['compact', 'flattened', 'general'] as const).map((serialization, j) => [alg, CONTENT_ENCRYPTION_ALGORITHMS[(i + j) % 6] as string, serialization] as const))

  it.each(rows)('%s + %s, %s', async (alg, enc, serialization) => {
    let keyText: string
    let decryptKeyText: string
    let encoding: JweEncryptInput['encoding'] = 'utf8'
    if (alg.startsWith('RSA-OAEP')) {
      keyText = rsaPublicPem
      decryptKeyText = privatePem(rsa.privateKey)
    } else if (alg.startsWith('ECDH-ES')) {
      const pair = alg.length % 2 === 0 ? ecdhPairs['P-256'] : ecdhPairs.X25519
      keyText = pem(pair.publicKey)
      decryptKeyText = privatePem(pair.privateKey)
    } else if (alg.startsWith('PBES2')) {
      keyText = decryptKeyText = 'correct horse battery staple'
    } else {
      const size = alg === 'dir' ? ({ A128GCM: 16, A192GCM: 24, A256GCM: 32, 'A128CBC-HS256': 32, 'A192CBC-HS384': 48, 'A256CBC-HS512': 64 } as Record<string, number>)[enc] ?? 0 : Number(alg.slice(1, 4)) / 8
      keyText = decryptKeyText = randomBytes(size).toString('hex')
      encoding = 'hex'
    }
    const token = await encrypted({ plaintext: signed, alg, enc, keyText, encoding, serialization, zip: alg === 'A128KW' })
    const { decryptJwe } = await import('./decrypt')
    const opened = await decryptJwe({ text: token, keyText: decryptKeyText, encoding })
    if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.message}`)
    expect(opened.value.steps.filter((s) => s.verdict === 'fail').map((s) => s.explanation)).toEqual([])
    expect(opened.value.serialization).toBe(serialization)
    expect(opened.value.alg).toBe(alg)
    expect(opened.value.enc).toBe(enc)
    expect(opened.value.plaintextText).toBe(signed)
    expect(opened.value.innerToken).toBe(signed)
  })
})
