import { Buffer } from 'node:buffer'
import { constants, createHmac, createPublicKey, verify, type JsonWebKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/jws-valid.json'
import { parseKey } from '../keys/parse'
import type { JwsAlgorithm, ParsedKey, SecretEncoding } from '../types'
import { decodeToken } from './decode'
import { signToken } from './sign'

async function keyFrom(text: string, encoding: SecretEncoding = 'utf8'): Promise<ParsedKey> {
  const parsed = await parseKey(text, { encoding })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value.keys[0] as ParsedKey
}

type Vector = (typeof vectors)[number] & { private_key?: Record<string, string> }

/** Verifies a compact JWS with node:crypto only, independently of the code under test. */
function nodeVerifies(token: string, alg: string, jwk: Record<string, string>): boolean {
  const [h, p, s] = token.split('.') as [string, string, string]
  const input = Buffer.from(`${h}.${p}`, 'ascii')
  const signature = Buffer.from(s, 'base64url')
  const bits = alg.slice(2)
  if (alg.startsWith('HS')) {
    return createHmac(`sha${bits}`, Buffer.from(jwk['k'] as string, 'base64url')).update(input).digest().equals(signature)
  }
  const publicJwk = Object.fromEntries(Object.entries(jwk).filter(([name]) => ['kty', 'n', 'e', 'crv', 'x', 'y'].includes(name)))
  const key = createPublicKey({ key: publicJwk as JsonWebKey, format: 'jwk' })
  if (alg.startsWith('RS')) return verify(`sha${bits}`, input, key, signature)
  if (alg.startsWith('PS')) {
    return verify(`sha${bits}`, input, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(bits) / 8 }, signature)
  }
  if (alg.startsWith('ES')) return verify(`sha${bits}`, input, { key, dsaEncoding: 'ieee-p1363' }, signature)
  return verify(null, input, key, signature)
}

const signable = (vectors as Vector[]).map((v) => [v.id, v, v.private_key ?? v.key] as const)

describe('signToken with the public vectors', () => {
  it.each(signable)('%s: signs the compacted header and payload so that node:crypto verifies it', async (_id, v, jwk) => {
    const key = await keyFrom(JSON.stringify(jwk))
    const result = await signToken({ header: v.expected.header_raw, payload: v.expected.payload_raw, alg: v.alg as JwsAlgorithm, key })
    if (!result.ok) throw new Error(result.error.message)
    const { token, header, payload, warnings } = result.value
    expect(header).toBe(JSON.stringify(v.expected.header))
    expect(payload).toBe(v.expected.payload_is_json ? JSON.stringify(v.expected.payload) : v.expected.payload_raw)
    const [h, p] = token.split('.')
    expect(Buffer.from(h as string, 'base64url').toString('utf8')).toBe(header)
    expect(Buffer.from(p as string, 'base64url').toString('utf8')).toBe(payload)
    expect(nodeVerifies(token, v.alg, jwk as Record<string, string>)).toBe(true)
    expect(warnings).toEqual([])
  })

  const deterministic = signable.filter(([, v]) => v.alg.startsWith('HS') || v.alg.startsWith('RS') || v.alg === 'EdDSA' || v.alg === 'Ed25519')
  it.each(deterministic)('%s: re-signing the exact header and payload text reproduces the vector token', async (_id, v, jwk) => {
    const key = await keyFrom(JSON.stringify(jwk))
    const result = await signToken({ header: v.expected.header_raw, payload: v.expected.payload_raw, alg: v.alg as JwsAlgorithm, key, keepText: true })
    expect(result.ok && result.value.token).toBe(v.token)
    if (v.expected.header_raw === JSON.stringify(v.expected.header) && !v.expected.payload_raw.includes('\r')) {
      // Already compact (the jwt.io vectors): the default, compacting mode gives the same token.
      const compacted = await signToken({ header: v.expected.header_raw, payload: v.expected.payload_raw, alg: v.alg as JwsAlgorithm, key })
      expect(compacted.ok && compacted.value.token).toBe(v.token)
    }
  })

  it('RFC 7515 A.1 signed from its exact bytes equals the RFC token, and decodes back to the same text', async () => {
    const v = vectors[0] as Vector
    const key = await keyFrom(JSON.stringify(v.key))
    const result = await signToken({ header: v.expected.header_raw, payload: v.expected.payload_raw, alg: 'HS256', key, keepText: true })
    expect(result).toEqual({ ok: true, value: { token: v.token, header: v.expected.header_raw, payload: v.expected.payload_raw, warnings: [] } })
    const decoded = decodeToken(v.token)
    expect(decoded.header?.text).toBe(v.expected.header_raw)
  })
})

describe('signToken header and payload handling', () => {
  const secret = 'a-string-secret-at-least-256-bits-long'
  const hmacJwk = { kty: 'oct', k: Buffer.from(secret).toString('base64url') }

  it('compacts JSON keeping member order, number text and string escapes', async () => {
    const key = await keyFrom(secret)
    const result = await signToken({
      header: '{\n  "alg": "HS256",\n  "typ": "JWT"\n}',
      payload: '{\n  "z": 1.0,\n  "a": 123456789012345678901234567890,\n  "s": "\\u00e9\\/"\n}',
      alg: 'HS256',
      key,
    })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.header).toBe('{"alg":"HS256","typ":"JWT"}')
    expect(result.value.payload).toBe('{"z":1.0,"a":123456789012345678901234567890,"s":"\\u00e9\\/"}')
    expect(nodeVerifies(result.value.token, 'HS256', hmacJwk)).toBe(true)
  })

  it('RFC 7797 b64 false (critical): the payload is the second segment as written, and jose verifies it', async () => {
    const key = await keyFrom(secret)
    const header = '{"alg":"HS256","b64":false,"crit":["b64"]}'
    const result = await signToken({ header, payload: '$02 paid', alg: 'HS256', key })
    if (!result.ok) throw new Error(result.error.message)
    const [h, p, sig] = result.value.token.split('.') as [string, string, string]
    expect(p).toBe('$02 paid')
    expect(sig).toBe(createHmac('sha256', secret).update(`${h}.$02 paid`).digest('base64url'))
    const { compactVerify } = await import('jose')
    await expect(compactVerify(result.value.token, Buffer.from(secret))).resolves.toBeTruthy()
  })

  it('a header repeating kid 40,000 times is signed in one pass, every kid set, and the warnings are capped', async () => {
    const key = { ...(await keyFrom(secret)), kid: 'k1' }
    const header = `{"alg":"HS256",${Array.from({ length: 40_000 }, () => '"kid":"x"').join(',')}}`
    const payload = `{${Array.from({ length: 30 }, () => '"a":1').join(',')}}`
    const result = await signToken({ header, payload, alg: 'HS256', key, syncHeader: true })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.header).toBe(`{"alg":"HS256",${Array.from({ length: 40_000 }, () => '"kid":"k1"').join(',')}}`)
    expect(result.value.warnings.filter((w) => w.startsWith('The header'))).toHaveLength(21)
    expect(result.value.warnings).toContain('The header repeats 39979 more member names.')
    expect(result.value.warnings).toContain('The payload repeats 9 more member names.')
    expect(nodeVerifies(result.value.token, 'HS256', hmacJwk)).toBe(true)
  }, 30_000)

  it('RFC 7797 refuses an unencoded payload with a dot', async () => {
    const key = await keyFrom(secret)
    const result = await signToken({ header: '{"alg":"HS256","b64":false,"crit":["b64"]}', payload: '1.5', alg: 'HS256', key })
    expect(result).toEqual({ ok: false, error: { code: 'PAYLOAD_HAS_DOT', message: 'The header says the payload is unencoded ("b64": false), but the payload contains \'.\', which the compact form cannot carry (RFC 7797 §5.2). Remove the dots from the payload, or remove "b64" and "crit" from the header.' } })
  })

  it('signs non-JSON payload text as its UTF-8 bytes', async () => {
    const key = await keyFrom(secret)
    const result = await signToken({ header: '{"alg":"HS256"}', payload: 'héllo\r\n', alg: 'HS256', key })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.token.split('.')[1]).toBe(Buffer.from('héllo\r\n', 'utf8').toString('base64url'))
    expect(result.value.warnings).toEqual([])
    expect(nodeVerifies(result.value.token, 'HS256', hmacJwk)).toBe(true)
  })

  it('warns when the payload looks like JSON but is not, and signs it as text', async () => {
    const key = await keyFrom(secret)
    const result = await signToken({ header: '{"alg":"HS256"}', payload: '{"a":1,}', alg: 'HS256', key })
    expect(result.ok && result.value.payload).toBe('{"a":1,}')
    expect(result.ok && result.value.warnings).toEqual([
      'The payload is not valid JSON (trailing commas are not allowed in JSON: remove the comma before the closing bracket (line 1, column 8)), so it was signed as plain text.',
    ])
  })

  it.each([
    ['sets alg as the first member when it is missing', '{"typ":"JWT"}', undefined, '{"alg":"HS256","typ":"JWT"}'],
    ['replaces alg in place', '{"typ":"JWT","alg":"none","x":1}', undefined, '{"typ":"JWT","alg":"HS256","x":1}'],
    ['fills an empty object', '{}', undefined, '{"alg":"HS256"}'],
    ['adds kid last', '{"typ":"JWT"}', 'key-1', '{"alg":"HS256","typ":"JWT","kid":"key-1"}'],
    ['replaces kid in place', '{"kid":"old","alg":"RS256"}', 'key-1', '{"kid":"key-1","alg":"HS256"}'],
    ['adds alg and kid to an empty object', '{}', 'k"1', '{"alg":"HS256","kid":"k\\"1"}'],
  ])('syncHeader %s', async (_name, header, kid, expected) => {
    const jwk = kid === undefined ? hmacJwk : { ...hmacJwk, kid }
    const key = await keyFrom(JSON.stringify(jwk))
    const result = await signToken({ header, payload: '{}', alg: 'HS256', key, syncHeader: true })
    expect(result.ok && result.value.header).toBe(expected)
    expect(result.ok && result.value.warnings).toEqual([])
  })

  it('syncHeader with keepText edits only the alg value', async () => {
    const key = await keyFrom(secret)
    const result = await signToken({ header: '{\r\n "typ": "JWT",\r\n "alg": "RS256"\r\n}', payload: '{}', alg: 'HS384', key, syncHeader: true, keepText: true })
    expect(result.ok && result.value.header).toBe('{\r\n "typ": "JWT",\r\n "alg": "HS384"\r\n}')
  })

  it('warns (without syncHeader) when the header alg differs from the signing algorithm', async () => {
    const key = await keyFrom(secret)
    const result = await signToken({ header: '{"alg":"RS256"}', payload: '{}', alg: 'HS256', key })
    expect(result.ok && result.value.warnings).toEqual([
      'The header\'s "alg" is "RS256", but the token is signed with HS256; verifiers go by the header, so it will not verify.',
    ])
  })

  it('warns when an HMAC secret is shorter than the hash (RFC 7518 §3.2)', async () => {
    const key = await keyFrom('secret')
    const result = await signToken({ header: '{"alg":"HS512"}', payload: '{}', alg: 'HS512', key })
    expect(result.ok && result.value.warnings).toEqual([
      'The HMAC secret is 48 bits (6 bytes), shorter than the 512 bits RFC 7518 §3.2 requires for HS512; short secrets can be brute-forced. Use a random secret of at least 64 bytes.',
    ])
    expect(result.ok && createHmac('sha512', 'secret').update(result.value.token.split('.').slice(0, 2).join('.')).digest('base64url')).toBe(result.ok && result.value.token.split('.')[2])
  })

  it('signs alg none with an empty signature', async () => {
    const result = await signToken({ header: '{"alg":"none"}', payload: '{"sub":"x"}', alg: 'none', key: null })
    expect(result).toEqual({ ok: true, value: { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', header: '{"alg":"none"}', payload: '{"sub":"x"}', warnings: [] } })
  })

  it('notes that a key is not used for alg none', async () => {
    const key = await keyFrom(secret)
    const result = await signToken({ header: '{"alg":"none"}', payload: '{}', alg: 'none', key })
    expect(result.ok && result.value.warnings).toEqual(['The algorithm is "none", so the key was not used and the token has no signature.'])
  })
})

describe('signToken errors', () => {
  it.each([
    ['{"alg":"HS256",}', 'HEADER_NOT_JSON', 'The header is not valid JSON: trailing commas are not allowed in JSON: remove the comma before the closing bracket (line 1, column 16). Fix the header before signing.'],
    ['{"alg":"HS256"', 'HEADER_NOT_JSON', "The header is not valid JSON: expected ',' or '}' after the member (line 1, column 15). Fix the header before signing."],
    ['', 'HEADER_NOT_JSON', 'The header is not valid JSON: there is no JSON value (line 1, column 1). Fix the header before signing.'],
    ['["alg"]', 'HEADER_NOT_OBJECT', 'The header must be a JSON object, such as {"alg":"HS256","typ":"JWT"}.'],
    ['"HS256"', 'HEADER_NOT_OBJECT', 'The header must be a JSON object, such as {"alg":"HS256","typ":"JWT"}.'],
  ])('refuses header %j with %s', async (header, code, message) => {
    const key = await keyFrom('a-string-secret-at-least-256-bits-long')
    expect(await signToken({ header, payload: '{}', alg: 'HS256', key })).toEqual({ ok: false, error: { code, message } })
  })

  it.each([
    ['HS256', 'Signing with HS256 needs a key: type or paste the shared secret into the signing key.'],
    ['RS256', 'Signing with RS256 needs a key: paste an RSA private key (PEM or JWK), or generate one.'],
    ['ES384', 'Signing with ES384 needs a key: paste an EC private key (PEM or JWK), or generate one.'],
    ['EdDSA', 'Signing with EdDSA needs a key: paste an Ed25519 or Ed448 private key (PEM or JWK), or generate one.'],
  ] as const)('refuses %s without a key', async (alg, message) => {
    expect(await signToken({ header: `{"alg":"${alg}"}`, payload: '{}', alg, key: null })).toEqual({ ok: false, error: { code: 'NO_SIGNING_KEY', message } })
  })

  it('refuses a public key (KEY_NOT_PRIVATE from the key import)', async () => {
    const v = vectors.find((x) => x.id === 'jwtio-RS256') as Vector
    const key = await keyFrom(JSON.stringify(v.key))
    const result = await signToken({ header: '{"alg":"RS256"}', payload: '{}', alg: 'RS256', key })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('KEY_NOT_PRIVATE')
    expect(!result.ok && result.error.message).toContain('RS256')
  })

  it('refuses a key that does not fit the algorithm (KEY_ALG_MISMATCH from the key import)', async () => {
    const v = vectors.find((x) => x.id === 'jwtio-ES256') as Vector
    const key = await keyFrom(JSON.stringify(v.private_key))
    const result = await signToken({ header: '{"alg":"RS256"}', payload: '{}', alg: 'RS256', key })
    expect(!result.ok && result.error.code).toBe('KEY_ALG_MISMATCH')
    expect(!result.ok && result.error.message).toContain('RS256')
    expect(!result.ok && result.error.message).toContain('P-256')
  })
})
