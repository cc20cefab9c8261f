/**
 * JWEs built by hand with node:crypto (an implementation independent of jose and of the core's
 * WebCrypto diagnostic) decrypt for every alg × enc pair, from every key form; tampering with each
 * part names the step that failed; the zip and PBES2 bounds hold.
 */
import {
  constants,
  createCipheriv,
  createHash,
  createHmac,
  diffieHellman,
  generateKeyPairSync,
  pbkdf2Sync,
  publicEncrypt,
  randomBytes,
  type CipherGCMTypes,
  type KeyObject,
} from 'node:crypto'
import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decryptJwe } from './decrypt'
import type { JweDecryption } from './types'

const b64u = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64url')
const fromB64u = (text: string): Buffer => Buffer.from(text, 'base64url')

const ENC_SIZES: Record<string, { cek: number; iv: number }> = {
  A128GCM: { cek: 16, iv: 12 },
  A192GCM: { cek: 24, iv: 12 },
  A256GCM: { cek: 32, iv: 12 },
  'A128CBC-HS256': { cek: 32, iv: 16 },
  'A192CBC-HS384': { cek: 48, iv: 16 },
  'A256CBC-HS512': { cek: 64, iv: 16 },
}
const ENCS = Object.keys(ENC_SIZES)

/** RFC 7516 §5.1 steps 11–16 with node:crypto: AES-GCM, or AES-CBC + HMAC (RFC 7518 §5.2.2.1). */
function encryptContent(enc: string, cek: Buffer, iv: Buffer, plaintext: Buffer, aad: Buffer): { ciphertext: Buffer; tag: Buffer } {
  if (enc.endsWith('GCM')) {
    const cipher = createCipheriv(`aes-${cek.length * 8}-gcm` as CipherGCMTypes, cek, iv)
    cipher.setAAD(aad)
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
    return { ciphertext, tag: cipher.getAuthTag() }
  }
  const half = cek.length / 2
  const cipher = createCipheriv(`aes-${half * 8}-cbc`, cek.subarray(half), iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  const al = Buffer.alloc(8)
  al.writeBigUInt64BE(BigInt(aad.length * 8))
  const mac = createHmac(`sha${half * 16}`, cek.subarray(0, half)).update(Buffer.concat([aad, iv, ciphertext, al])).digest()
  return { ciphertext, tag: mac.subarray(0, half) }
}

function aesKwWrap(kek: Buffer, cek: Buffer): Buffer {
  const cipher = createCipheriv(`id-aes${kek.length * 8}-wrap`, kek, Buffer.from('A6A6A6A6A6A6A6A6', 'hex'))
  return Buffer.concat([cipher.update(cek), cipher.final()])
}

function concatKdf(z: Buffer, bits: number, algorithmId: string): Buffer {
  const prefixed = (data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    return Buffer.concat([len, data])
  }
  const supp = Buffer.alloc(4)
  supp.writeUInt32BE(bits)
  const other = Buffer.concat([prefixed(Buffer.from(algorithmId)), prefixed(Buffer.alloc(0)), prefixed(Buffer.alloc(0)), supp])
  const rounds: Buffer[] = []
  for (let i = 1; rounds.length * 32 < bits / 8; i++) {
    const counter = Buffer.alloc(4)
    counter.writeUInt32BE(i)
    rounds.push(createHash('sha256').update(Buffer.concat([counter, z, other])).digest())
  }
  return Buffer.concat(rounds).subarray(0, bits / 8)
}

interface Recipient {
  readonly rsa: { publicKey: KeyObject; privateKey: KeyObject }
  readonly ec: Record<'P-256' | 'P-384' | 'P-521', { publicKey: KeyObject; privateKey: KeyObject }>
  readonly x25519: { publicKey: KeyObject; privateKey: KeyObject }
  readonly secrets: Record<number, Buffer>
  readonly password: string
}

const recipient: Recipient = {
  rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  ec: {
    'P-256': generateKeyPairSync('ec', { namedCurve: 'P-256' }),
    'P-384': generateKeyPairSync('ec', { namedCurve: 'P-384' }),
    'P-521': generateKeyPairSync('ec', { namedCurve: 'P-521' }),
  },
  x25519: generateKeyPairSync('x25519'),
  secrets: { 16: randomBytes(16), 24: randomBytes(24), 32: randomBytes(32), 48: randomBytes(48), 64: randomBytes(64) },
  password: 'correct horse battery staple',
}

interface Built {
  readonly token: string
  readonly keyText: string
  readonly cek: Buffer
}

interface BuildOptions {
  readonly plaintext?: Buffer
  readonly extraHeader?: Record<string, unknown>
  readonly zip?: boolean
  readonly curve?: 'P-256' | 'P-384' | 'P-521' | 'X25519'
  readonly p2c?: number
}

/** A compact JWE for `alg`/`enc`, built with node:crypto alone, and the private key text to decrypt it. */
function build(alg: string, enc: string, options: BuildOptions = {}): Built {
  const sizes = ENC_SIZES[enc] as { cek: number; iv: number }
  const header: Record<string, unknown> = { alg, enc, ...options.extraHeader }
  let cek: Buffer = randomBytes(sizes.cek)
  let encryptedKey: Buffer = Buffer.alloc(0)
  let keyText = ''
  const kwBits = Number(/A(128|192|256)(GCM)?KW$/.exec(alg)?.[1] ?? 0)
  if (alg.startsWith('RSA-OAEP')) {
    const hash = alg === 'RSA-OAEP' ? 'sha1' : `sha${alg.slice(-3)}`
    encryptedKey = publicEncrypt({ key: recipient.rsa.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, cek)
    keyText = recipient.rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  } else if (alg.startsWith('ECDH-ES')) {
    const curve = options.curve ?? 'P-256'
    const pair = curve === 'X25519' ? recipient.x25519 : recipient.ec[curve]
    const ephemeral = curve === 'X25519' ? generateKeyPairSync('x25519') : generateKeyPairSync('ec', { namedCurve: curve })
    const z = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: pair.publicKey })
    header.epk = ephemeral.publicKey.export({ format: 'jwk' })
    if (alg === 'ECDH-ES') cek = concatKdf(z, sizes.cek * 8, enc)
    else encryptedKey = aesKwWrap(concatKdf(z, kwBits, alg), cek)
    keyText = JSON.stringify(pair.privateKey.export({ format: 'jwk' }))
  } else if (alg.startsWith('PBES2')) {
    const p2s = randomBytes(16)
    const p2c = options.p2c ?? 1000
    header.p2s = b64u(p2s)
    header.p2c = p2c
    const bits = Number(alg.slice(-5, -2))
    const kek = pbkdf2Sync(recipient.password, Buffer.concat([Buffer.from(alg), Buffer.from([0]), p2s]), p2c, bits / 8, `sha${alg.slice(8, 11)}`)
    encryptedKey = aesKwWrap(kek, cek)
    keyText = recipient.password
  } else if (alg.endsWith('GCMKW')) {
    const kek = recipient.secrets[kwBits / 8] as Buffer
    const iv = randomBytes(12)
    const cipher = createCipheriv(`aes-${kwBits}-gcm` as CipherGCMTypes, kek, iv)
    encryptedKey = Buffer.concat([cipher.update(cek), cipher.final()])
    header.iv = b64u(iv)
    header.tag = b64u(cipher.getAuthTag())
    keyText = kek.toString('hex')
  } else if (alg.endsWith('KW')) {
    const kek = recipient.secrets[kwBits / 8] as Buffer
    encryptedKey = aesKwWrap(kek, cek)
    keyText = kek.toString('hex')
  } else if (alg === 'dir') {
    cek = recipient.secrets[sizes.cek] as Buffer
    keyText = cek.toString('hex')
  }
  if (options.zip === true) header.zip = 'DEF'
  const protectedText = b64u(JSON.stringify(header))
  const iv = randomBytes(sizes.iv)
  const plaintext = options.plaintext ?? Buffer.from(`secret message for ${alg} + ${enc}`)
  const body = options.zip === true ? deflateRawSync(plaintext) : plaintext
  const { ciphertext, tag } = encryptContent(enc, cek, iv, body, Buffer.from(protectedText, 'ascii'))
  return { token: [protectedText, b64u(encryptedKey), b64u(iv), b64u(ciphertext), b64u(tag)].join('.'), keyText, cek }
}

const SHARED_KEY_ALGS = ['A128KW', 'A192KW', 'A256KW', 'A128GCMKW', 'A192GCMKW', 'A256GCMKW', 'dir']
const ALGS = ['RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512', 'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW', ...SHARED_KEY_ALGS, 'PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW']

async function decrypt(built: Built, extra: Partial<Parameters<typeof decryptJwe>[0]> = {}): Promise<JweDecryption> {
  const result = await decryptJwe({ text: built.token, keyText: built.keyText, encoding: SHARED_KEY_ALGS.includes(built.token.length > 0 ? algOf(built.token) : '') ? 'hex' : 'utf8', ...extra })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

function algOf(token: string): string {
  return (JSON.parse(fromB64u(token.split('.')[0] as string).toString()) as { alg: string }).alg
}

const verdicts = (value: JweDecryption) => value.steps.map((s) => `${s.id}:${s.verdict}`).join(' ')
const failing = (value: JweDecryption) => value.steps.find((s) => s.verdict === 'fail')

describe('JWEs built with node:crypto decrypt', () => {
  const pairs = ALGS.flatMap((alg) => ENCS.map((enc) => [alg, enc] as const))
  it.each(pairs)('%s with %s', async (alg, enc) => {
    const value = await decrypt(build(alg, enc))
    expect(value.plaintextText).toBe(`secret message for ${alg} + ${enc}`)
    expect(value.alg).toBe(alg)
    expect(value.enc).toBe(enc)
    const cekSkipped = alg === 'dir' || alg === 'ECDH-ES'
    expect(verdicts(value)).toBe(`parse:pass key:pass cek:${cekSkipped ? 'skip' : 'pass'} iv:pass aad:pass tag:pass decrypt:pass`)
  })

  it.each(['P-256', 'P-384', 'P-521', 'X25519'] as const)('ECDH-ES and ECDH-ES+A256KW on %s', async (curve) => {
    for (const alg of ['ECDH-ES', 'ECDH-ES+A256KW']) {
      const built = build(alg, 'A256GCM', { curve })
      const value = await decrypt(built)
      expect(value.plaintextText).toBe(`secret message for ${alg} + A256GCM`)
      if (alg === 'ECDH-ES') expect(value.steps.find((s) => s.id === 'cek')?.values.at(-1)?.value).toBe(built.cek.toString('hex'))
    }
  })

  const rsaForms: [string, string][] = [
    ['PKCS#8 PEM', recipient.rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()],
    ['PKCS#1 PEM', recipient.rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString()],
    ['private JWK', JSON.stringify(recipient.rsa.privateKey.export({ format: 'jwk' }))],
    ['JWKS with use "enc"', JSON.stringify({ keys: [{ ...recipient.rsa.privateKey.export({ format: 'jwk' }), use: 'enc', kid: 'r1' }] })],
  ]
  it.each(rsaForms)('RSA-OAEP-256 with the key as %s', async (_form, keyText) => {
    const value = await decrypt({ ...build('RSA-OAEP-256', 'A128GCM'), keyText })
    expect(value.plaintextText).toBe('secret message for RSA-OAEP-256 + A128GCM')
  })

  const ecForms: [string, string][] = [
    ['SEC1 PEM', recipient.ec['P-384'].privateKey.export({ format: 'pem', type: 'sec1' }).toString()],
    ['PKCS#8 PEM', recipient.ec['P-384'].privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()],
  ]
  it.each(ecForms)('ECDH-ES+A128KW on P-384 with the key as %s', async (_form, keyText) => {
    const value = await decrypt({ ...build('ECDH-ES+A128KW', 'A128GCM', { curve: 'P-384' }), keyText })
    expect(value.plaintextText).toBe('secret message for ECDH-ES+A128KW + A128GCM')
  })

  it('X25519 from a PKCS#8 PEM', async () => {
    const keyText = recipient.x25519.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    const value = await decrypt({ ...build('ECDH-ES', 'A128CBC-HS256', { curve: 'X25519' }), keyText })
    expect(value.plaintextText).toBe('secret message for ECDH-ES + A128CBC-HS256')
    expect(value.key?.description).toBe('X25519 private key (PEM PKCS#8 private key)')
  })

  it.each([
    ['hex', (k: Buffer) => k.toString('hex')],
    ['base64', (k: Buffer) => k.toString('base64')],
    ['base64url', (k: Buffer) => k.toString('base64url')],
  ] as const)('a shared A256KW key typed as %s', async (encoding, write) => {
    const built = build('A256KW', 'A256GCM')
    const result = await decryptJwe({ text: built.token, keyText: write(recipient.secrets[32] as Buffer), encoding })
    expect(result.ok && result.value.plaintextText).toBe('secret message for A256KW + A256GCM')
  })

  it('a 16-character UTF-8 secret as an A128KW key', async () => {
    const kek = Buffer.from('sixteen byte key')
    const cek = randomBytes(16)
    const protectedText = b64u(JSON.stringify({ alg: 'A128KW', enc: 'A128GCM' }))
    const iv = randomBytes(12)
    const { ciphertext, tag } = encryptContent('A128GCM', cek, iv, Buffer.from('hi'), Buffer.from(protectedText))
    const token = [protectedText, b64u(aesKwWrap(kek, cek)), b64u(iv), b64u(ciphertext), b64u(tag)].join('.')
    const result = await decryptJwe({ text: token, keyText: 'sixteen byte key', encoding: 'utf8' })
    expect(result.ok && result.value.plaintextText).toBe('hi')
  })
})

describe('tampering with each part names the failing step', () => {
  const flip = (token: string, part: number, byte = 0): string => {
    const parts = token.split('.')
    const bytes = fromB64u(parts[part] as string)
    bytes[byte] = (bytes[byte] as number) ^ 0x01
    parts[part] = b64u(bytes)
    return parts.join('.')
  }
  const cases: [string, string, number, string][] = [
    ['A128KW', 'A128GCM', 1, 'cek'],
    ['A128KW', 'A128GCM', 2, 'tag'],
    ['A128KW', 'A128GCM', 3, 'tag'],
    ['A128KW', 'A128GCM', 4, 'tag'],
    ['RSA-OAEP-256', 'A256CBC-HS512', 1, 'cek'],
    ['RSA-OAEP-256', 'A256CBC-HS512', 2, 'tag'],
    ['RSA-OAEP-256', 'A256CBC-HS512', 3, 'tag'],
    ['RSA-OAEP-256', 'A256CBC-HS512', 4, 'tag'],
    ['A256GCMKW', 'A128CBC-HS256', 1, 'cek'],
    ['PBES2-HS256+A128KW', 'A128GCM', 1, 'cek'],
    ['ECDH-ES+A128KW', 'A128GCM', 1, 'cek'],
    ['ECDH-ES+A128KW', 'A128GCM', 3, 'tag'],
    ['dir', 'A128GCM', 3, 'tag'],
  ]
  it.each(cases)('%s + %s, part %i flipped: %s fails', async (alg, enc, part, step) => {
    const built = build(alg, enc)
    const value = await decrypt({ ...built, token: flip(built.token, part) })
    expect(failing(value)?.id).toBe(step)
    expect(value.plaintext).toBeUndefined()
  })

  it('a changed protected header (still JSON) fails the tag check, and the key is vouched for', async () => {
    const built = build('A128KW', 'A128GCM', { extraHeader: { kid: 'k1' } })
    const parts = built.token.split('.')
    parts[0] = b64u(fromB64u(parts[0] as string).toString().replace('"k1"', '"k0"'))
    const value = await decrypt({ ...built, token: parts.join('.') })
    expect(verdicts(value)).toBe('parse:pass key:pass cek:pass iv:pass aad:pass tag:fail decrypt:skip')
    expect(failing(value)?.explanation).toBe(
      'The authentication tag does not match (AES-GCM tag check). The CEK passed its own integrity check, so the key is right: the ciphertext, the IV, the tag, the protected header or the "aad" member was changed after encryption (tampering, or a copy error). Copy the token again unchanged; if it still fails, it was altered.',
    )
  })

  it('a protected header that no longer parses is an error, not a decryption', async () => {
    const built = build('A128KW', 'A128GCM')
    const result = await decryptJwe({ text: `f${built.token.slice(1)}`, keyText: built.keyText, encoding: 'hex' })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('JWE_HEADER_INVALID')
  })

  it('a wrong A128KW key fails the cek step with the reason', async () => {
    const built = build('A128KW', 'A128GCM')
    const value = await decrypt({ ...built, keyText: randomBytes(16).toString('hex') })
    expect(verdicts(value)).toBe('parse:pass key:pass cek:fail')
    expect(failing(value)?.explanation).toBe(
      'AES Key Wrap (RFC 3394) unwrapping of the encrypted key failed its integrity check: this is not the key the CEK was wrapped with (wrong key or the key of another "kid"), or the encrypted key was changed. Check that this is the key the token was encrypted to (its "kid", if any, should match the header\'s), and that the encrypted key was copied unchanged.',
    )
  })

  it('a wrong RSA key fails the cek step at the OAEP padding check', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    const value = await decrypt({ ...build('RSA-OAEP', 'A128GCM'), keyText: other })
    expect(failing(value)?.id).toBe('cek')
    expect(failing(value)?.explanation).toMatch(/^RSA-OAEP decryption of the encrypted key failed its padding check: the encrypted key was not encrypted to this RSA key/)
  })

  it('a wrong password fails the cek step and says so', async () => {
    const value = await decrypt({ ...build('PBES2-HS384+A192KW', 'A192CBC-HS384'), keyText: 'Tr0ub4dor&3' })
    expect(failing(value)?.id).toBe('cek')
    expect(failing(value)?.explanation).toBe(
      'PBKDF2-SHA-384 with 1000 iterations turned the password into a 192-bit key-wrapping key; AES Key Wrap (RFC 3394) unwrapping of the encrypted key failed its integrity check: the password is wrong (PBES2 has no other check: a wrong password gives a wrong key-wrapping key), or the encrypted key, "p2s" or "p2c" were changed. Check the password — it is used exactly as typed, as UTF-8.',
    )
  })

  it('a wrong dir key fails the tag step, saying a wrong key looks the same there', async () => {
    const value = await decrypt({ ...build('dir', 'A128CBC-HS256'), keyText: randomBytes(32).toString('hex') })
    expect(verdicts(value)).toBe('parse:pass key:pass cek:skip iv:pass aad:pass tag:fail decrypt:skip')
    expect(failing(value)?.explanation).toBe(
      'The authentication tag does not match (HMAC over AAD, IV, ciphertext and AAD length). "dir" has no check of the key before this one, so either the key is wrong (another shared key, or the right one in another secret encoding) or the ciphertext, IV, tag or protected header was changed. Check the key first (its kid, its encoding), then the token.',
    )
  })

  it('a cut IV fails the iv step', async () => {
    const built = build('A128KW', 'A128GCM')
    const parts = built.token.split('.')
    parts[2] = b64u(fromB64u(parts[2] as string).subarray(0, 8))
    const value = await decrypt({ ...built, token: parts.join('.') })
    expect(failing(value)).toMatchObject({ id: 'iv', explanation: '"A128GCM" uses a 96-bit (12-byte) IV; this one is 8 bytes, so the IV part was cut, padded or replaced. Copy the token again unchanged.' })
  })
})

describe('keys chosen by kid', () => {
  const a = randomBytes(16)
  const b = randomBytes(16)
  const token = (kek: Buffer) => {
    const cek = randomBytes(16)
    const protectedText = b64u(JSON.stringify({ alg: 'A128KW', enc: 'A128GCM', kid: 'a' }))
    const iv = randomBytes(12)
    const { ciphertext, tag } = encryptContent('A128GCM', cek, iv, Buffer.from('for a'), Buffer.from(protectedText))
    return [protectedText, b64u(aesKwWrap(kek, cek)), b64u(iv), b64u(ciphertext), b64u(tag)].join('.')
  }
  const jwk = (kid: string, k: Buffer) => ({ kty: 'oct', kid, use: 'enc', k: b64u(k) })

  it('the key whose kid matches is tried first and named', async () => {
    const result = await decryptJwe({ text: token(a), keyText: JSON.stringify({ keys: [jwk('b', b), jwk('a', a)] }), encoding: 'utf8' })
    expect(result.ok && result.value.plaintextText).toBe('for a')
    expect(result.ok && result.value.key).toMatchObject({ kid: 'a', description: '128-bit shared key (JWKS key 2, kid "a")' })
    expect(result.ok && result.value.steps[1]?.explanation).toBe('"A128KW": 128-bit shared key (JWKS key 2, kid "a") — a 128-bit shared key (JWK "oct"). Its kid matches the header\'s ("a").')
  })

  it('a JWKS without the header\'s kid fails the cek step and points at the kid', async () => {
    const result = await decryptJwe({ text: token(a), keyText: JSON.stringify({ keys: [jwk('b', b)] }), encoding: 'utf8' })
    const value = result.ok ? result.value : undefined
    expect(value && failing(value)?.id).toBe('cek')
    expect(value && failing(value)?.explanation).toMatch(/ The header names kid "a" but this key's kid is "b": most likely the wrong key\. No key given has that kid\.$/)
  })
})

describe('nested tokens', () => {
  const jws = (() => {
    const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(JSON.stringify({ sub: 'alice', iss: 'https://issuer.example' }))}`
    return `${input}.${b64u(createHmac('sha256', 'inner-secret').update(input).digest())}`
  })()
  it.each([
    ['cty "JWT"', { cty: 'JWT' }, jws],
    ['cty "application/jwt"', { cty: 'application/jwt' }, jws],
    ['cty "jwt" and whitespace around the inner token', { cty: 'jwt' }, `\n ${jws}\r\n`],
    ['no cty, the plaintext is a JWS', {}, jws],
  ])('%s → innerToken', async (_name, extraHeader, plaintext) => {
    const value = await decrypt(build('RSA-OAEP-256', 'A256GCM', { extraHeader, plaintext: Buffer.from(plaintext) }))
    expect(value.innerToken).toBe(jws)
    expect(value.steps.find((s) => s.id === 'decrypt')?.explanation).toMatch(/a nested JWT — verify the inner token's signature before trusting its claims\.$/)
  })

  it('binary plaintext has no text and no inner token', async () => {
    const value = await decrypt(build('A128KW', 'A128GCM', { plaintext: Buffer.from([0xff, 0xfe, 0x00, 0x80]) }))
    expect(value.plaintext).toEqual(new Uint8Array([0xff, 0xfe, 0x00, 0x80]))
    expect(value.plaintextText).toBeUndefined()
    expect(value.innerToken).toBeUndefined()
  })
})

describe('bounds against hostile tokens', () => {
  it('a zip bomb (100 MB of zeros) stops at the plaintext limit, quickly', async () => {
    const built = build('A128KW', 'A128GCM', { zip: true, plaintext: Buffer.alloc(100 * 1024 * 1024) })
    expect(built.token.length).toBeLessThan(200_000)
    const started = performance.now()
    const value = await decrypt(built)
    expect(performance.now() - started).toBeLessThan(3000)
    expect(verdicts(value)).toBe('parse:pass key:pass cek:pass iv:pass aad:pass tag:pass decrypt:pass inflate:fail')
    expect(failing(value)?.explanation).toBe(
      'Inflation was stopped at the limit of 1,048,576 bytes: the compressed plaintext expands to more than that — possibly a decompression bomb (a small token that inflates to gigabytes). If you trust the token, raise the plaintext size limit and decrypt again.',
    )
    expect(value.plaintext).toBeUndefined()
  })

  it('a zipped plaintext within the limit inflates; a lower limit stops it', async () => {
    const built = build('ECDH-ES+A128KW', 'A128GCM', { zip: true, plaintext: Buffer.from('a'.repeat(5000)) })
    const value = await decrypt(built)
    expect(value.plaintextText).toBe('a'.repeat(5000))
    expect(value.steps.at(-1)).toMatchObject({ id: 'inflate', verdict: 'pass' })
    const limited = await decrypt(built, { maxPlaintextBytes: 4096 })
    expect(failing(limited)?.id).toBe('inflate')
  })

  it('p2c of 10^9 is refused before deriving anything', async () => {
    const header = b64u(JSON.stringify({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2s: b64u(randomBytes(16)), p2c: 1_000_000_000 }))
    const token = [header, b64u(randomBytes(24)), b64u(randomBytes(12)), b64u(randomBytes(20)), b64u(randomBytes(16))].join('.')
    const started = performance.now()
    const result = await decryptJwe({ text: token, keyText: 'password', encoding: 'utf8' })
    expect(performance.now() - started).toBeLessThan(200)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'JWE_PBES2_COUNT_TOO_HIGH',
        message:
          'The PBES2 iteration count "p2c" is 1,000,000,000, above the 1,000,000 this tool runs without asking: every iteration costs CPU time, and a huge count is a known way to hang a decrypter, so nothing was derived. If you trust this token, raise the PBES2 iteration bound to at least 1,000,000,000 and decrypt again.',
      },
    })
  })

  it('p2c at the bound decrypts, one above is refused', async () => {
    const built = build('PBES2-HS256+A128KW', 'A128GCM', { p2c: 2000 })
    expect((await decrypt(built, { maxPbes2Count: 2000 })).plaintextText).toBe('secret message for PBES2-HS256+A128KW + A128GCM')
    const refused = await decryptJwe({ text: built.token, keyText: built.keyText, encoding: 'utf8', maxPbes2Count: 1999 })
    expect(!refused.ok && refused.error.code).toBe('JWE_PBES2_COUNT_TOO_HIGH')
  })
  it('several PBES2 recipients share one iteration budget', async () => {
    const recipientOf = () => ({ header: { alg: 'PBES2-HS256+A128KW', p2s: b64u(randomBytes(16)), p2c: 600 }, encrypted_key: b64u(randomBytes(24)) })
    const jwe = { protected: b64u(JSON.stringify({ enc: 'A128GCM' })), recipients: [recipientOf(), recipientOf(), recipientOf()], iv: b64u(randomBytes(12)), ciphertext: b64u(randomBytes(8)), tag: b64u(randomBytes(16)) }
    const result = await decryptJwe({ text: JSON.stringify(jwe), keyText: 'wrong password', encoding: 'utf8', maxPbes2Count: 1000 })
    const value = result.ok ? result.value : undefined
    expect(value && failing(value)?.id).toBe('cek')
    expect(value && failing(value)?.explanation).toMatch(/ Further PBES2 attempts were not made: together they would exceed the PBES2 iteration bound; raise it to try them\.$/)
  })
})

describe('the encrypted key part must fit the algorithm', () => {
  it('empty for A128KW: the cek step says the token was cut', async () => {
    const built = build('A128KW', 'A128GCM')
    const parts = built.token.split('.')
    parts[1] = ''
    const value = await decrypt({ ...built, token: parts.join('.') })
    expect(failing(value)).toMatchObject({ id: 'cek', explanation: '"A128KW" carries the CEK in the encrypted key (part 2 of a compact JWE, "encrypted_key" in JSON), but it is empty: the token was cut, or its "alg" was changed (from "dir"?).' })
  })

  it('present for dir: the cek step says it must be empty', async () => {
    const built = build('dir', 'A128GCM')
    const parts = built.token.split('.')
    parts[1] = b64u(randomBytes(24))
    const value = await decrypt({ ...built, token: parts.join('.') })
    expect(failing(value)).toMatchObject({ id: 'cek', explanation: 'With "dir" the CEK is not transported, so the encrypted key must be empty (RFC 7518 §4.5); this token has 24 bytes there: it is malformed, or its "alg" was changed.' })
  })
})
