import { constants, createHash, generateKeyPairSync, sign as nodeSign, type KeyObject } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parseKey } from '../keys/parse'
import type { KeyInput } from '../types'
import { decodeToken } from './decode'
import { verifyToken } from './verify'

const encodeJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })

async function keyFrom(text: string): Promise<KeyInput> {
  const parsed = await parseKey(text, { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(`fixture key did not parse: ${parsed.error.code} ${parsed.error.message}`)
  return parsed.value
}

const jwk = (key: KeyObject, extra: Record<string, unknown> = {}) => ({ ...key.export({ format: 'jwk' }), ...extra })

/** A token signed by node:crypto, PS* with the given salt length (RSA_PSS_SALTLEN_* constants allowed). */
function signed(alg: 'RS256' | 'PS256' | 'PS384' | 'PS512', key: KeyObject, header: Record<string, unknown>, saltLength?: number): string {
  const input = `${encodeJson({ alg, typ: 'JWT', ...header })}.${encodeJson({ sub: 'hint', iat: 1700000000 })}`
  const hash = `sha${alg.slice(2)}`
  const sig = alg.startsWith('RS')
    ? nodeSign(hash, Buffer.from(input), key)
    : nodeSign(hash, Buffer.from(input), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: saltLength ?? Number(alg.slice(2)) / 8 })
  return `${input}.${sig.toString('base64url')}`
}

describe('a JWKS whose kid matches no key', () => {
  const cases: { name: string; keys: Record<string, unknown>[]; message: string }[] = [
    {
      name: 'names the key of the set that verifies anyway, by kid',
      keys: [jwk(ec.publicKey, { kid: 'ec_1' }), jwk(other.publicKey, { kid: 'rsa_pub_0' }), jwk(rsa.publicKey, { kid: 'rsa_pub_1' })],
      message:
        'The token\'s kid "gone" matches no key in the JWKS (available: "ec_1", "rsa_pub_0", "rsa_pub_1"). Paste the JWKS that holds key "gone". Key "rsa_pub_1" of this set verifies the signature, but the token\'s kid names a different key; a strict verifier rejects it.',
    },
    {
      name: 'names a key without kid by its position',
      keys: [jwk(other.publicKey, { kid: 'rsa_pub_0' }), jwk(rsa.publicKey)],
      message:
        'The token\'s kid "gone" matches no key in the JWKS (available: "rsa_pub_0"). Paste the JWKS that holds key "gone". Key 2 of this set verifies the signature, but the token\'s kid names a different key; a strict verifier rejects it.',
    },
    {
      name: 'keeps the plain error when no key of the set verifies',
      keys: [jwk(ec.publicKey, { kid: 'ec_1' }), jwk(other.publicKey, { kid: 'rsa_pub_0' })],
      message: 'The token\'s kid "gone" matches no key in the JWKS (available: "ec_1", "rsa_pub_0"). Paste the JWKS that holds key "gone".',
    },
    {
      name: 'does not use a key whose alg is for another algorithm',
      keys: [jwk(rsa.publicKey, { kid: 'rsa_pub_1', alg: 'PS256' })],
      message: 'The token\'s kid "gone" matches no key in the JWKS (available: "rsa_pub_1"). Paste the JWKS that holds key "gone".',
    },
  ]
  for (const c of cases) {
    it(c.name, async () => {
      const result = await verifyToken(decodeToken(signed('RS256', rsa.privateKey, { kid: 'gone' })), await keyFrom(JSON.stringify({ keys: c.keys })))
      expect(result).toEqual({ ok: false, error: { code: 'KID_NOT_FOUND', message: c.message } })
    })
  }
})

describe('a PS* signature with a non-standard salt length', () => {
  const reason = (salt: number, hash: number, alg: string) =>
    `The signature verifies with salt length ${salt}, but RFC 7518 §3.5 requires the salt to be as long as the hash (${hash} bytes for ${alg}): strict JWS verifiers reject this token. Re-sign with the standard salt length (node:crypto: saltLength ${hash}, or RSA_PSS_SALTLEN_DIGEST).`
  // 2048-bit key: emLen 256, so the largest salt is 256 - hLen - 2.
  const cases: { alg: 'PS256' | 'PS384' | 'PS512'; salt: number; hash: number }[] = [
    { alg: 'PS256', salt: 0, hash: 32 },
    { alg: 'PS256', salt: 20, hash: 32 },
    { alg: 'PS256', salt: 222, hash: 32 },
    { alg: 'PS384', salt: 0, hash: 48 },
    { alg: 'PS384', salt: 206, hash: 48 },
    { alg: 'PS512', salt: 190, hash: 64 },
  ]
  for (const c of cases) {
    it(`${c.alg} signed with salt length ${c.salt} is invalid with a hint`, async () => {
      const token = signed(c.alg, rsa.privateKey, {}, c.salt)
      const result = await verifyToken(decodeToken(token), await keyFrom(JSON.stringify(jwk(rsa.publicKey))))
      expect(result).toMatchObject({ ok: true, value: { valid: false, alg: c.alg, tried: 1, reason: reason(c.salt, c.hash, c.alg) } })
      expect(result.ok && result.value.matchesAsWritten).toBeFalsy()
    })
  }

  it('node:crypto maximum salt (RSA_PSS_SALTLEN_MAX_SIGN) is the 222-byte one for PS256', async () => {
    const token = signed('PS256', rsa.privateKey, {}, constants.RSA_PSS_SALTLEN_MAX_SIGN)
    const result = await verifyToken(decodeToken(token), await keyFrom(JSON.stringify(jwk(rsa.publicKey))))
    expect(result).toMatchObject({ ok: true, value: { valid: false, reason: reason(222, 32, 'PS256') } })
  })

  it('the standard salt length still verifies', async () => {
    const result = await verifyToken(decodeToken(signed('PS256', rsa.privateKey, {})), await keyFrom(JSON.stringify(jwk(rsa.publicKey))))
    expect(result).toMatchObject({ ok: true, value: { valid: true, alg: 'PS256', tried: 1 } })
  })

  it('a salt length not retried, or another key, stays a plain mismatch', async () => {
    for (const [token, key] of [
      [signed('PS256', rsa.privateKey, {}, 7), rsa.publicKey],
      [signed('PS256', rsa.privateKey, {}, 0), other.publicKey],
    ] as const) {
      const result = await verifyToken(decodeToken(token), await keyFrom(JSON.stringify(jwk(key))))
      expect(result).toMatchObject({
        ok: true,
        value: { valid: false, reason: "The signature does not match the token's header and payload under this key (an RSA public key (2048 bits)). The token was changed after signing, or it was signed with a different key." },
      })
    }
  })
})

describe('a Microsoft Graph access token (header nonce, Graph audience)', () => {
  const graphReason =
    "The signature matches only after Microsoft Graph's private nonce transformation (the header's nonce replaced by its SHA-256 hex digest before signing), so the token as written does not verify and only Microsoft Graph can validate it. This is a Microsoft Graph access token: to verify a token yourself, request one for your own API (its own scope and audience)."

  /** Signs as Graph does: over the header with its nonce replaced by the SHA-256 hex of the nonce. */
  function graphToken(aud: unknown, transform = true): string {
    const header = { typ: 'JWT', nonce: 'm4pLeNonce-Value_123', alg: 'RS256', kid: 'graph-key' }
    const payload = encodeJson({ aud, iss: 'https://sts.windows.net/tenant/', scp: 'User.Read' })
    const signedHeader = transform ? { ...header, nonce: createHash('sha256').update(header.nonce).digest('hex') } : header
    const sig = nodeSign('sha256', Buffer.from(`${encodeJson(signedHeader)}.${payload}`), rsa.privateKey)
    return `${encodeJson(header)}.${payload}.${sig.toString('base64url')}`
  }

  const key = () => keyFrom(JSON.stringify({ keys: [jwk(rsa.publicKey, { kid: 'graph-key' })] }))

  for (const aud of ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000', ['https://graph.microsoft.com']]) {
    it(`aud ${JSON.stringify(aud)}: matches only after the nonce transformation, never verified`, async () => {
      const result = await verifyToken(decodeToken(graphToken(aud)), await key())
      expect(result).toEqual({ ok: true, value: { valid: false, alg: 'RS256', key: { index: 0, kid: 'graph-key', thumbprint: expect.any(String) as string }, reason: graphReason, tried: 1 } })
    })
  }

  it('another audience gets the plain mismatch', async () => {
    const result = await verifyToken(decodeToken(graphToken('api://mine')), await key())
    expect(result).toMatchObject({ ok: true, value: { valid: false, reason: "The signature does not match the token's header and payload under this key (an RSA public key (2048 bits)). The token was changed after signing, or it was signed with a different key." } })
  })

  it('a Graph-audience token signed as written verifies normally', async () => {
    const result = await verifyToken(decodeToken(graphToken('https://graph.microsoft.com', false)), await key())
    expect(result).toMatchObject({ ok: true, value: { valid: true, alg: 'RS256', tried: 1 } })
  })
})
