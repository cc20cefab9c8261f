import { createPublicKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/jws-valid.json'
import type { ParsedKey } from '../types'
import { exportJwks, exportKeyText } from './export'
import { parseKey } from './parse'

type V = { id: string; key: Record<string, string>; private_key?: Record<string, string>; public_key_pem?: string }
const byId = (id: string) => (vectors as unknown as V[]).find((v) => v.id === id)!

async function key(text: string): Promise<ParsedKey> {
  const result = await parseKey(text, { encoding: 'utf8' })
  if (!result.ok) throw new Error(result.error.message)
  return result.value.keys[0]!
}

describe('exportKeyText', () => {
  it('exports the jwt.io RS256 JWK as the jwt.io public PEM', async () => {
    const v = byId('jwtio-RS256')
    const result = await exportKeyText(await key(JSON.stringify(v.private_key)), 'pem', 'public')
    if (!result.ok) throw new Error(result.error.message)
    expect(createPublicKey(result.value).export({ type: 'spki', format: 'der' })).toEqual(createPublicKey(v.public_key_pem!).export({ type: 'spki', format: 'der' }))
  })

  it('the public JWK of a private key has no private members', async () => {
    const result = await exportKeyText(await key(JSON.stringify(byId('rfc7515-A.3-ES256').private_key)), 'jwk', 'public')
    expect(result.ok && JSON.parse(result.value)).toEqual(byId('rfc7515-A.3-ES256').key)
  })

  it.each([
    ['a public key has no private part', () => key(JSON.stringify(byId('rfc7515-A.2-RS256').key)), 'pem', 'private', 'KEY_NOT_PRIVATE', 'The key is an RSA public key (2048 bits), so there is no private key to export. Export the public part, or paste the private key.'],
    ['a secret has no public part', () => key('secret'), 'jwk', 'public', 'EXPORT_UNSUPPORTED', 'An HMAC secret has no public part: whoever verifies needs the secret itself. Export the private part (the secret) instead.'],
    ['a secret has no PEM', () => key('secret'), 'pem', 'private', 'EXPORT_UNSUPPORTED', 'An HMAC secret has no PEM form. Export it as a JWK, or copy the secret text.'],
  ] as const)('%s', async (_name, make, format, part, code, message) => {
    expect(await exportKeyText(await make(), format, part)).toEqual({ ok: false, error: { code, message } })
  })

  it('a secret exports as its oct JWK', async () => {
    expect(await exportKeyText(await key('secret'), 'jwk', 'private')).toEqual({ ok: true, value: JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }, null, 2) })
  })
})

describe('exportJwks', () => {
  it('publishes public keys only, with kid (the thumbprint when missing), never secrets', async () => {
    const rsa = await key(JSON.stringify({ ...byId('rfc7515-A.2-RS256').private_key, kid: 'r1' }))
    const ec = await key(JSON.stringify(byId('rfc7515-A.3-ES256').key))
    const secret = await key('secret')
    expect(JSON.parse(exportJwks([rsa, secret, ec]))).toEqual({
      keys: [
        { kid: 'r1', ...byId('rfc7515-A.2-RS256').key },
        { kid: ec.thumbprint, ...byId('rfc7515-A.3-ES256').key },
      ],
    })
  })
})
