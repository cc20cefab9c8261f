import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signToken } from '../../core'
import { generateExchangeKey, signingKeyForExchange } from './exchange-key'

describe('generateExchangeKey', () => {
  it('HS256: a 256-bit base64url secret that is its own verification text', async () => {
    const made = await generateExchangeKey('HS256')
    if (!made.ok) throw new Error(made.error.message)
    expect(made.value.alg).toBe('HS256')
    expect(made.value.key.kind).toBe('secret')
    expect(made.value.verificationEncoding).toBe('base64url')
    expect(Buffer.from(made.value.verificationText, 'base64url')).toEqual(Buffer.from(made.value.key.secret as Uint8Array))
    expect(made.value.key.bits).toBe(256)
  })

  it('ES256: what it signs verifies with its public PEM in node:crypto', async () => {
    const made = await generateExchangeKey('ES256')
    if (!made.ok) throw new Error(made.error.message)
    expect(made.value.verificationText).toMatch(/^-----BEGIN PUBLIC KEY-----\n/)
    const signed = await signToken({ header: '{"typ":"JWT"}', payload: '{"sub":"x"}', alg: 'ES256', key: made.value.key, syncHeader: true })
    if (!signed.ok) throw new Error(signed.error.message)
    const [h, p, s] = signed.value.token.split('.') as [string, string, string]
    const valid = verify('sha256', Buffer.from(`${h}.${p}`), { key: createPublicKey(made.value.verificationText), dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))
    expect(valid).toBe(true)
  })
})

describe('signingKeyForExchange', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const rsaPrivatePem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const rsaPublicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString()

  it.each([
    ['empty box', '   ', 'The Signing key box is empty. Generate an exchange key here, or put a secret or private key into Signing key.'],
    ['a public key', rsaPublicPem, 'The Signing key box holds a public key; signing the exchanged token needs the private key or the secret.'],
  ])('%s is refused', async (_name, text, message) => {
    expect(await signingKeyForExchange(text, 'utf8', 'RS256')).toEqual({ ok: false, error: { code: 'EXCHANGE_KEY', message } })
  })

  it('a secret keeps its text and encoding, and the chosen HMAC algorithm', async () => {
    const found = await signingKeyForExchange('a shared secret of at least 32 bytes!', 'utf8', 'HS384')
    if (!found.ok) throw new Error(found.error.message)
    expect(found.value).toMatchObject({ alg: 'HS384', verificationText: 'a shared secret of at least 32 bytes!', verificationEncoding: 'utf8' })
  })

  it('an RSA private key is verified by the public PEM openssl would write; an unfitting algorithm falls back to RS256', async () => {
    const found = await signingKeyForExchange(rsaPrivatePem, 'utf8', 'HS256')
    if (!found.ok) throw new Error(found.error.message)
    expect(found.value.alg).toBe('RS256')
    expect(found.value.verificationText).toBe(rsaPublicPem)
    expect(found.value.description).toBe('the current signing key (an RSA private key (2048 bits), RS256)')
  })
})
