import { createDecipheriv, createHash, generateKeyPairSync, pbkdf2Sync, sign as nodeSign } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { keyStoreEntries, keyStoreJwks, openKeyStore, PBKDF2_ITERATIONS, sealKeyStore, type KeyStoreEntry } from './index'

const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const ecPrivatePem = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const ecPublicPem = ec.publicKey.export({ type: 'spki', format: 'pem' }).toString()
const ecPrivateJwk = ec.privateKey.export({ format: 'jwk' })
const rsaPublicJwk = rsa.publicKey.export({ format: 'jwk' })
const rsaPrivatePem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()

/** RFC 7638 computed here by hand: the required members in lexicographic order, SHA-256, base64url. */
function thumbprintOf(jwk: Record<string, unknown>): string {
  const members = jwk.kty === 'EC' ? ['crv', 'kty', 'x', 'y'] : jwk.kty === 'RSA' ? ['e', 'kty', 'n'] : ['k', 'kty']
  const canonical = `{${members.map((m) => `${JSON.stringify(m)}:${JSON.stringify(jwk[m])}`).join(',')}}`
  return createHash('sha256').update(canonical).digest('base64url')
}

async function entriesOf(text: string, origin: KeyStoreEntry['origin'] = 'pasted', name?: string): Promise<KeyStoreEntry[]> {
  const r = await keyStoreEntries(text, { origin, encoding: 'utf8', ...(name === undefined ? {} : { name }) })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

function pemBody(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')
}

describe('keyStoreEntries', () => {
  it.each([
    { what: 'an EC private PEM', text: ecPrivatePem, visibility: 'private', kty: 'EC', kind: 'an EC P-256 private key', jwk: ecPrivateJwk },
    { what: 'an EC public PEM', text: ecPublicPem, visibility: 'public', kty: 'EC', kind: 'an EC P-256 public key', jwk: ecPrivateJwk },
    { what: 'an RSA public JWK', text: JSON.stringify(rsaPublicJwk), visibility: 'public', kty: 'RSA', kind: 'an RSA public key (2048 bits)', jwk: rsaPublicJwk },
  ] as const)('makes one entry of $what', async ({ text, visibility, kty, kind, jwk }) => {
    const [entry, ...rest] = await entriesOf(text, 'file', 'Mine')
    expect(rest).toEqual([])
    expect(entry).toMatchObject({ name: 'Mine', visibility, kty, kind, origin: 'file', thumbprint: thumbprintOf(jwk as Record<string, unknown>) })
    const stored = JSON.parse(entry!.text) as Record<string, unknown>
    expect('d' in stored).toBe(visibility === 'private')
  })

  it('makes an HMAC secret a private entry, named by what it is', async () => {
    const [entry] = await entriesOf('a-very-long-shared-secret-of-32-bytes!')
    expect(entry).toMatchObject({ kty: 'oct', visibility: 'private', name: '304-bit HMAC secret', kind: 'a 304-bit HMAC secret' })
  })

  it('gives one entry per key of a JWKS, named by kid', async () => {
    const jwks = JSON.stringify({ keys: [{ ...rsaPublicJwk, kid: 'one', alg: 'RS256' }, { ...ec.publicKey.export({ format: 'jwk' }), kid: 'two' }] })
    const entries = await entriesOf(jwks, 'discovered')
    expect(entries.map((e) => [e.name, e.kid, e.alg, e.origin])).toEqual([['one', 'one', 'RS256', 'discovered'], ['two', 'two', undefined, 'discovered']])
  })

  it("returns parseKey's error for text that is no key", async () => {
    const r = await keyStoreEntries('{"kty":"EC"', { origin: 'pasted', encoding: 'utf8' })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe('JSON_INVALID')
  })
})

describe('keyStoreJwks', () => {
  it('exports public members only by default, leaving secrets out and a pair once', async () => {
    const entries = [...(await entriesOf(ecPrivatePem)), ...(await entriesOf(ecPublicPem)), ...(await entriesOf('shared-secret')), ...(await entriesOf(rsaPrivatePem))]
    const jwks = JSON.parse(keyStoreJwks(entries)) as { keys: Record<string, unknown>[] }
    expect(jwks.keys.map((k) => [k.kty, k.kid])).toEqual([['EC', thumbprintOf(ecPrivateJwk)], ['RSA', thumbprintOf(rsa.publicKey.export({ format: 'jwk' }))]])
    for (const key of jwks.keys) for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) expect(key).not.toHaveProperty(member)
  })

  it('exports private members when asked', async () => {
    const jwks = JSON.parse(keyStoreJwks(await entriesOf(ecPrivatePem), { includePrivate: true })) as { keys: Record<string, unknown>[] }
    expect(jwks.keys[0]?.d).toBe(ecPrivateJwk.d)
  })

  it('round-trips: a JWKS export imports as the same keys', async () => {
    const entries = [...(await entriesOf(ecPrivatePem)), ...(await entriesOf(JSON.stringify(rsaPublicJwk)))]
    const back = await entriesOf(keyStoreJwks(entries, { includePrivate: true }))
    expect(back.map((e) => [e.thumbprint, e.visibility, e.kty])).toEqual(entries.map((e) => [e.thumbprint, e.visibility, e.kty]))
    const publicBack = await entriesOf(keyStoreJwks(entries))
    expect(publicBack.map((e) => [e.thumbprint, e.visibility])).toEqual(entries.map((e) => [e.thumbprint, 'public']))
  })
})

describe('sealKeyStore / openKeyStore', () => {
  it('round-trips, decrypts with node:crypto, and the sealed text holds no key material', async () => {
    const entries = [...(await entriesOf(ecPrivatePem, 'generated', 'signer')), ...(await entriesOf('hunter2-hunter2-hunter2'))]
    const sealed = await sealKeyStore(entries, 'correct horse')
    if (!sealed.ok) throw new Error(sealed.error.message)
    const opened = await openKeyStore(sealed.value, 'correct horse')
    expect(opened).toEqual({ ok: true, value: entries })

    const envelope = JSON.parse(sealed.value) as Record<string, string | number>
    expect(Object.keys(envelope).sort()).toEqual(['check', 'ciphertext', 'iterations', 'iv', 'kdf', 'salt', 'v'])
    expect(envelope.iterations).toBeGreaterThanOrEqual(600_000)
    const key = pbkdf2Sync('correct horse', Buffer.from(envelope.salt as string, 'base64url'), envelope.iterations as number, 32, 'sha256')
    const data = Buffer.from(envelope.ciphertext as string, 'base64url')
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv as string, 'base64url'))
    decipher.setAuthTag(data.subarray(data.length - 16))
    const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8')
    expect(JSON.parse(plain)).toEqual(entries)

    const d = ecPrivateJwk.d as string
    const dBytes = Buffer.from(d, 'base64url')
    for (const needle of ['"d"', pemBody(ecPrivatePem).slice(20, 60), d, dBytes.toString('base64'), dBytes.toString('hex'), 'hunter2', Buffer.from('hunter2').toString('base64url')]) {
      expect(sealed.value).not.toContain(needle)
    }
  }, 30_000)

  it('uses a fresh salt and IV each time', async () => {
    const [a, b] = await Promise.all([sealKeyStore([], 'pw'), sealKeyStore([], 'pw')])
    const ea = JSON.parse(a.ok ? a.value : '{}') as Record<string, string>
    const eb = JSON.parse(b.ok ? b.value : '{}') as Record<string, string>
    expect(ea.salt).not.toBe(eb.salt)
    expect(ea.iv).not.toBe(eb.iv)
    expect(Buffer.from(ea.salt!, 'base64url')).toHaveLength(16)
    expect(Buffer.from(ea.iv!, 'base64url')).toHaveLength(12)
  }, 30_000)

  it('refuses an empty passphrase', async () => {
    expect(await sealKeyStore([], '')).toEqual({ ok: false, error: { code: 'STORE_EMPTY_PASSPHRASE', message: 'Type a passphrase: the private keys are encrypted with it before they are stored.' } })
  })

  const TAMPERED = 'The stored keys were changed since they were encrypted, so they cannot be opened. Remove them and add the keys again.'

  it('tells a wrong passphrase, tampering, an unknown version and garbage apart', async () => {
    const entries = await entriesOf(ecPrivatePem)
    const sealed = await sealKeyStore(entries, 'right')
    if (!sealed.ok) throw new Error(sealed.error.message)
    const envelope = JSON.parse(sealed.value) as Record<string, unknown>
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64url')
      bytes[0] = (bytes[0] as number) ^ 1
      return bytes.toString('base64url')
    }
    const cases: readonly [string, string, string, string][] = [
      ['wrong passphrase', sealed.value, 'wrong', 'STORE_WRONG_PASSPHRASE'],
      ['changed ciphertext', JSON.stringify({ ...envelope, ciphertext: flip(envelope.ciphertext as string) }), 'right', 'STORE_TAMPERED'],
      ['changed IV', JSON.stringify({ ...envelope, iv: flip(envelope.iv as string) }), 'right', 'STORE_TAMPERED'],
      ['changed salt', JSON.stringify({ ...envelope, salt: flip(envelope.salt as string) }), 'right', 'STORE_WRONG_PASSPHRASE'],
      ['fewer iterations', JSON.stringify({ ...envelope, iterations: 1000 }), 'right', 'STORE_TAMPERED'],
      ['huge iterations', JSON.stringify({ ...envelope, iterations: 1e12 }), 'right', 'STORE_TAMPERED'],
      ['version 2', JSON.stringify({ ...envelope, v: 2 }), 'right', 'STORE_UNKNOWN_VERSION'],
      ['not JSON', 'garbage', 'right', 'STORE_MALFORMED'],
      ['an array', '[]', 'right', 'STORE_MALFORMED'],
    ]
    for (const [what, blob, passphrase, code] of cases) {
      const r = await openKeyStore(blob, passphrase)
      expect(r.ok ? 'opened' : r.error.code, what).toBe(code)
    }
    const wrong = await openKeyStore(sealed.value, 'wrong')
    expect(!wrong.ok && wrong.error.message).toBe('Wrong passphrase: the stored keys did not open with it. Type the passphrase they were stored with.')
    const tampered = await openKeyStore(JSON.stringify({ ...envelope, ciphertext: flip(envelope.ciphertext as string) }), 'right')
    expect(!tampered.ok && tampered.error.message).toBe(TAMPERED)
    const version = await openKeyStore(JSON.stringify({ ...envelope, v: 2 }), 'right')
    expect(!version.ok && version.error.message).toBe('The stored keys use format version 2, which this version of the app cannot read (it reads version 1). Open them with the version that stored them, or remove them.')
  }, 60_000)

  it('the sealed private key still signs after opening (checked with node:crypto)', async () => {
    const sealed = await sealKeyStore(await entriesOf(ecPrivatePem), 'pw')
    const opened = await openKeyStore(sealed.ok ? sealed.value : '', 'pw')
    if (!opened.ok) throw new Error(opened.error.message)
    const { createPrivateKey, verify } = await import('node:crypto')
    const key = createPrivateKey({ key: JSON.parse(opened.value[0]!.text) as import('node:crypto').JsonWebKey, format: 'jwk' })
    const signature = nodeSign('sha256', Buffer.from('x'), key)
    expect(verify('sha256', Buffer.from('x'), ec.publicKey, signature)).toBe(true)
  }, 30_000)

  it('asks for at least 600,000 iterations', () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000)
  })
})
