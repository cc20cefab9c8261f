import { constants, createHmac, generateKeyPairSync, sign as nodeSign, type KeyObject } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/jws-valid.json'
import { generateKey } from '../keys/generate'
import { parseKey } from '../keys/parse'
import type { JwsAlgorithm, KeyInput } from '../types'
import { decodeToken } from './decode'
import { verifyToken } from './verify'

interface Vector {
  id: string
  alg: string
  token: string
  key: Record<string, unknown>
  private_key?: Record<string, unknown>
  public_key_pem?: string
  private_key_pem?: string
  secret_utf8?: string
}

const all = vectors as unknown as Vector[]

async function keyFrom(text: string, encoding: 'utf8' | 'base64url' = 'utf8'): Promise<KeyInput> {
  const parsed = await parseKey(text, { encoding })
  if (!parsed.ok) throw new Error(`fixture key did not parse: ${parsed.error.code} ${parsed.error.message}`)
  return parsed.value
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const b64u = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')
const fromB64u = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'))

describe('verifyToken with the public vectors', () => {
  for (const v of all) {
    const sources: [string, () => string | undefined][] = [
      ['key JWK', () => JSON.stringify(v.key)],
      ['private JWK (derived public)', () => (v.private_key ? JSON.stringify(v.private_key) : undefined)],
      ['public PEM', () => v.public_key_pem],
      ['private PEM (derived public)', () => v.private_key_pem],
      ['UTF-8 secret', () => v.secret_utf8],
    ]
    for (const [label, text] of sources) {
      const keyText = text()
      if (keyText === undefined) continue
      it(`${v.id} verifies with its ${label}`, async () => {
        const result = await verifyToken(decodeToken(v.token), await keyFrom(keyText))
        expect(result).toMatchObject({ ok: true, value: { valid: true, alg: v.alg, tried: 1, key: { index: 0 } } })
      })
    }
  }
})

/** Every token that differs from `token` in one character of header/payload or one bit of the signature. */
function* mutations(token: string): Generator<string> {
  const [h, p, s] = token.split('.') as [string, string, string]
  const signingInput = `${h}.${p}`
  for (let i = 0; i < signingInput.length; i++) {
    const c = signingInput[i] as string
    if (c === '.') continue
    const replacement = B64URL[B64URL.indexOf(c) ^ 1] as string
    yield `${signingInput.slice(0, i)}${replacement}${signingInput.slice(i + 1)}.${s}`
  }
  const sig = fromB64u(s)
  for (let i = 0; i < sig.length; i++) {
    const flipped = sig.slice()
    flipped[i] = (flipped[i] as number) ^ (1 << (i % 8))
    yield `${signingInput}.${b64u(flipped)}`
  }
  for (let i = 0; i < s.length; i++) {
    // The top bit of a sextet is never a padding bit, so the decoded signature always changes.
    const replacement = B64URL[B64URL.indexOf(s[i] as string) ^ 32] as string
    yield `${signingInput}.${s.slice(0, i)}${replacement}${s.slice(i + 1)}`
  }
}

describe('a one-bit or one-character change never verifies', () => {
  const seen = new Set<string>()
  for (const v of all) {
    if (seen.has(v.token)) continue
    seen.add(v.token)
    it(`${v.id}: every mutation fails`, async () => {
      const keys = await keyFrom(JSON.stringify(v.key))
      let count = 0
      for (const mutated of mutations(v.token)) {
        const result = await verifyToken(decodeToken(mutated), keys)
        if (result.ok && result.value.valid) throw new Error(`mutated token verified: ${mutated}`)
        count++
      }
      expect(count).toBeGreaterThan(v.token.length)
    })
  }
})

const encodeJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

function nodeToken(alg: string, key: KeyObject | Buffer, header: Record<string, unknown> = {}): string {
  const input = `${encodeJson({ alg, typ: 'JWT', ...header })}.${encodeJson({ sub: 'node', iat: 1700000000 })}`
  const hash = `sha${alg.slice(2) === '25519' || alg === 'EdDSA' ? '' : alg.slice(2)}`
  let sig: Buffer
  if (alg.startsWith('HS')) sig = createHmac(hash, key as Buffer).update(input).digest()
  else if (alg.startsWith('RS')) sig = nodeSign(hash, Buffer.from(input), key as KeyObject)
  else if (alg.startsWith('PS'))
    sig = nodeSign(hash, Buffer.from(input), { key: key as KeyObject, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 })
  else if (alg.startsWith('ES')) sig = nodeSign(hash, Buffer.from(input), { key: key as KeyObject, dsaEncoding: 'ieee-p1363' })
  else sig = nodeSign(null, Buffer.from(input), key as KeyObject)
  return `${input}.${sig.toString('base64url')}`
}

const NODE_KEYS = {
  rsa: () => generateKeyPairSync('rsa', { modulusLength: 2048 }),
  'P-256': () => generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  'P-384': () => generateKeyPairSync('ec', { namedCurve: 'P-384' }),
  'P-521': () => generateKeyPairSync('ec', { namedCurve: 'P-521' }),
  ed25519: () => generateKeyPairSync('ed25519'),
} as const
const PAIR_FOR: Record<string, keyof typeof NODE_KEYS> = {
  RS256: 'rsa', RS384: 'rsa', RS512: 'rsa', PS256: 'rsa', PS384: 'rsa', PS512: 'rsa',
  ES256: 'P-256', ES384: 'P-384', ES512: 'P-521', EdDSA: 'ed25519', Ed25519: 'ed25519',
}
const pairs = new Map<string, ReturnType<(typeof NODE_KEYS)['rsa']>>()
const pairFor = (alg: string) => {
  const name = PAIR_FOR[alg] as keyof typeof NODE_KEYS
  if (!pairs.has(name)) pairs.set(name, NODE_KEYS[name]())
  return pairs.get(name)!
}

describe('tokens signed by node:crypto verify in the core', () => {
  for (const alg of ['HS256', 'HS384', 'HS512']) {
    it(`${alg} (createHmac)`, async () => {
      const secret = Buffer.from('node-crypto-hmac-secret-of-some-length-0123456789')
      const result = await verifyToken(decodeToken(nodeToken(alg, secret)), await keyFrom(secret.toString('utf8')))
      expect(result).toMatchObject({ ok: true, value: { valid: true, alg } })
    })
  }
  for (const alg of Object.keys(PAIR_FOR)) {
    it(`${alg} (crypto.sign) with SPKI PEM and with JWK`, async () => {
      const { privateKey, publicKey } = pairFor(alg)
      const token = decodeToken(nodeToken(alg, privateKey))
      const pem = await verifyToken(token, await keyFrom(publicKey.export({ type: 'spki', format: 'pem' }) as string))
      expect(pem).toMatchObject({ ok: true, value: { valid: true, alg } })
      const jwk = await verifyToken(token, await keyFrom(JSON.stringify(publicKey.export({ format: 'jwk' }))))
      expect(jwk).toMatchObject({ ok: true, value: { valid: true, alg } })
    })
  }
})

describe('keys made by generateKey verify node:crypto signatures', () => {
  for (const alg of ['HS256', 'HS384', 'HS512', ...Object.keys(PAIR_FOR)] as JwsAlgorithm[]) {
    it(alg, async () => {
      const generated = await generateKey(alg)
      if (!generated.ok) throw new Error(generated.error.message)
      const { privateText, publicText } = generated.value
      if (alg.startsWith('HS')) {
        const token = nodeToken(alg, Buffer.from(fromB64u(privateText)))
        const result = await verifyToken(decodeToken(token), await keyFrom(publicText, 'base64url'))
        expect(result).toMatchObject({ ok: true, value: { valid: true } })
        return
      }
      const { createPrivateKey } = await import('node:crypto')
      const token = nodeToken(alg, createPrivateKey(privateText))
      expect(await verifyToken(decodeToken(token), await keyFrom(publicText))).toMatchObject({ ok: true, value: { valid: true } })
      expect(await verifyToken(decodeToken(token), await keyFrom(JSON.stringify(generated.value.publicJwk)))).toMatchObject({ ok: true, value: { valid: true } })
    })
  }
})

describe('ECDSA signature forms', () => {
  it('a DER-encoded ES256 signature is invalid with a reason', async () => {
    const { privateKey, publicKey } = pairFor('ES256')
    const input = `${encodeJson({ alg: 'ES256' })}.${encodeJson({ sub: 'der' })}`
    const der = nodeSign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'der' })
    const result = await verifyToken(decodeToken(`${input}.${der.toString('base64url')}`), await keyFrom(publicKey.export({ type: 'spki', format: 'pem' }) as string))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.valid).toBe(false)
    expect(result.value.reason).toBe(
      `The ES256 signature is DER-encoded (an ASN.1 SEQUENCE of two INTEGERs, ${der.length} bytes), but JWS needs the raw R||S (JOSE) form of exactly 64 bytes. Re-sign with a JOSE library, or convert the signature to R||S (node:crypto: dsaEncoding "ieee-p1363").`,
    )
  })
  it('a truncated ES384 signature is invalid with a reason', async () => {
    const { privateKey, publicKey } = pairFor('ES384')
    const token = nodeToken('ES384', privateKey)
    const cut = token.slice(0, -4)
    const result = await verifyToken(decodeToken(cut), await keyFrom(JSON.stringify(publicKey.export({ format: 'jwk' }))))
    expect(result).toMatchObject({
      ok: true,
      value: { valid: false, reason: 'The ES384 signature is 93 bytes, but it must be exactly 96 bytes (R||S, 48 bytes each). It was cut off or made for another curve.' },
    })
  })
})

const RS_VECTOR = all.find((v) => v.id === 'rfc7515-A.2-RS256') as Vector
const ES_VECTOR = all.find((v) => v.id === 'rfc7515-A.3-ES256') as Vector
const HS_VECTOR = all.find((v) => v.id === 'jwtio-HS256') as Vector

describe('JWKS key selection', () => {
  const rsa = { ...RS_VECTOR.key, kid: 'rsa-1' }
  const ec = { ...ES_VECTOR.key, kid: 'ec-1' }
  const other = { ...(all.find((v) => v.id === 'jwtio-ES256') as Vector).key, kid: 'ec-2' }

  it('without kid, tries the keys that fit and names the one that verified', async () => {
    const keys = await keyFrom(JSON.stringify({ keys: [rsa, other, ec] }))
    const result = await verifyToken(decodeToken(ES_VECTOR.token), keys)
    expect(result).toMatchObject({ ok: true, value: { valid: true, tried: 2, key: { index: 2, kid: 'ec-1', thumbprint: keys.keys[2]?.thumbprint } } })
  })

  it('with kid, uses only that key', async () => {
    const { privateKey, publicKey } = pairFor('ES256')
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'node-ec' }
    const keys = await keyFrom(JSON.stringify({ keys: [ec, jwk, other] }))
    const result = await verifyToken(decodeToken(nodeToken('ES256', privateKey, { kid: 'node-ec' })), keys)
    expect(result).toMatchObject({ ok: true, value: { valid: true, tried: 1, key: { index: 1, kid: 'node-ec' } } })
  })

  it('an unknown kid is an error listing the available kids', async () => {
    const { privateKey } = pairFor('ES256')
    const keys = await keyFrom(JSON.stringify({ keys: [ec, other] }))
    const result = await verifyToken(decodeToken(nodeToken('ES256', privateKey, { kid: 'nope' })), keys)
    expect(result).toEqual({
      ok: false,
      error: { code: 'KID_NOT_FOUND', message: 'The token\'s kid "nope" matches no key in the JWKS (available: "ec-1", "ec-2"). Paste the JWKS that holds key "nope".' },
    })
  })

  it('no fitting key among several is KEY_ALG_MISMATCH naming each', async () => {
    const keys = await keyFrom(JSON.stringify({ keys: [rsa, { ...ec, alg: 'ES256' }] }))
    const result = await verifyToken(decodeToken(HS_VECTOR.token), keys)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'KEY_ALG_MISMATCH',
        message: 'None of the 2 keys fits HS256: key 1 (kid "rsa-1") is an RSA public key (2048 bits); key 2 (kid "ec-1") is an EC P-256 public key for ES256. Paste the shared secret (HS256 uses an HMAC secret).',
      },
    })
  })

  it('several fitting keys that all fail: invalid, key null, tried counts them', async () => {
    const keys = await keyFrom(JSON.stringify({ keys: [other, { ...other, kid: 'ec-3' }] }))
    const result = await verifyToken(decodeToken(ES_VECTOR.token), keys)
    expect(result).toEqual({
      ok: true,
      value: { valid: false, alg: 'ES256', key: null, tried: 2, reason: 'None of the 2 keys that fit ES256 verified the signature (tried key 1 (kid "ec-2"), key 2 (kid "ec-3")).' },
    })
  })

  it('a key whose JWK alg names another algorithm is skipped', async () => {
    const keys = await keyFrom(JSON.stringify({ keys: [{ ...ec, alg: 'ES384' }, ec] }))
    const result = await verifyToken(decodeToken(ES_VECTOR.token), keys)
    expect(result).toMatchObject({ ok: true, value: { valid: true, tried: 1, key: { index: 1 } } })
  })
})

describe('verifyToken errors (signature not checked)', () => {
  const hsKey = () => keyFrom(HS_VECTOR.secret_utf8 as string)
  const cases: { name: string; token: string; key: () => Promise<KeyInput | null>; code: string; message: string }[] = [
    {
      name: 'no key',
      token: HS_VECTOR.token,
      key: async () => null,
      code: 'NO_KEY',
      message: 'No key given: paste the shared secret (HS256 uses an HMAC secret) into the verification key to check the signature.',
    },
    {
      name: 'alg none',
      token: `${encodeJson({ alg: 'none' })}.${encodeJson({ sub: 'x' })}.`,
      key: hsKey,
      code: 'ALG_NONE',
      message: "the token is unsecured (alg 'none') and has no signature",
    },
    {
      name: 'alg missing',
      token: `${encodeJson({ typ: 'JWT' })}.${encodeJson({ sub: 'x' })}.abc`,
      key: hsKey,
      code: 'ALG_MISSING',
      message: 'The header has no "alg" string, so it does not say how the token was signed. Add "alg" (e.g. "HS256") to the header.',
    },
    {
      name: 'alg NONE (case trick)',
      token: `${encodeJson({ alg: 'NONE' })}.${encodeJson({ sub: 'x' })}.`,
      key: hsKey,
      code: 'ALG_UNSUPPORTED',
      message: 'The algorithm "NONE" is not supported. "NONE" is a spelling of "none" used to slip unsigned tokens past careless verifiers. Supported: HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, ES256K, EdDSA, Ed25519, Ed448, ML-DSA-44, ML-DSA-65, ML-DSA-87.',
    },
    {
      name: 'alg unsupported',
      token: `${encodeJson({ alg: 'ES256X' })}.${encodeJson({ sub: 'x' })}.abc`,
      key: hsKey,
      code: 'ALG_UNSUPPORTED',
      message: 'The algorithm "ES256X" is not supported. Supported: HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, ES256K, EdDSA, Ed25519, Ed448, ML-DSA-44, ML-DSA-65, ML-DSA-87.',
    },
    {
      name: 'public RSA key for HS256 (algorithm confusion)',
      token: HS_VECTOR.token,
      key: () => keyFrom(JSON.stringify(RS_VECTOR.key)),
      code: 'KEY_ALG_MISMATCH',
      message: 'The key is an RSA public key (2048 bits), but HS256 needs a shared secret. Using a public or private key as an HMAC secret is the algorithm-confusion attack, so it is refused. Choose RS256, RS384, RS512, PS256, PS384, PS512 for this key, or paste a shared secret.',
    },
    {
      name: 'secret for RS256',
      token: RS_VECTOR.token,
      key: hsKey,
      code: 'KEY_ALG_MISMATCH',
      message: 'The key is a 304-bit HMAC secret, but RS256 needs an RSA key. Choose HS256, HS384, HS512 for this key, or paste an RSA key.',
    },
    {
      name: 'P-256 key for ES512',
      token: (all.find((v) => v.id === 'rfc7515-A.4-ES512') as Vector).token,
      key: () => keyFrom(JSON.stringify(ES_VECTOR.key)),
      code: 'KEY_ALG_MISMATCH',
      message: 'The key is an EC P-256 public key, but ES512 needs an EC key on curve P-521. Choose ES256 for this key, or paste an EC key on curve P-521.',
    },
    {
      name: 'JWE',
      token: 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d',
      key: hsKey,
      code: 'JWE_NOT_SUPPORTED',
      message: 'This is an encrypted token (JWE, five parts): it has no signature of its own. Decrypt it under Decryption; a nested token\'s inner signature is verified once you open the inner token.',
    },
    {
      name: 'two segments',
      token: `${encodeJson({ alg: 'HS256' })}.${encodeJson({ sub: 'x' })}`,
      key: hsKey,
      code: 'TOKEN_MALFORMED',
      message: 'The text is not a signed token (JWS) of three base64url parts separated by dots (header.payload.signature), so there is no signature to check.',
    },
    {
      name: 'signature not base64url',
      token: `${encodeJson({ alg: 'HS256' })}.${encodeJson({ sub: 'x' })}.***`,
      key: hsKey,
      code: 'TOKEN_MALFORMED',
      message: 'The signature part is not valid base64url, so it cannot be checked. Copy the token again, completely.',
    },
  ]
  for (const c of cases) {
    it(c.name, async () => {
      expect(await verifyToken(decodeToken(c.token), await c.key())).toEqual({ ok: false, error: { code: c.code, message: c.message } })
    })
  }
})

describe('invalid signatures carry a reason', () => {
  it('HS256 with the wrong secret', async () => {
    const keys = await keyFrom('not-the-secret')
    expect(await verifyToken(decodeToken(HS_VECTOR.token), keys)).toEqual({
      ok: true,
      value: {
        valid: false,
        alg: 'HS256',
        key: { index: 0, thumbprint: keys.keys[0]?.thumbprint },
        tried: 1,
        reason: "The signature does not match the token's header and payload under this key (a 112-bit HMAC secret). The token was changed after signing, or it was signed with a different key.",
      },
    })
  })
  it('RS256 signature of the wrong length', async () => {
    const [h, p] = RS_VECTOR.token.split('.')
    const result = await verifyToken(decodeToken(`${h}.${p}.${b64u(new Uint8Array(255))}`), await keyFrom(JSON.stringify(RS_VECTOR.key)))
    expect(result).toMatchObject({ ok: true, value: { valid: false, reason: 'The signature is 255 bytes, but a 2048-bit RSA key makes 256-byte signatures. It was cut off or made with another key.' } })
  })
})

describe('verifyToken never throws on random tokens (property)', () => {
  it('random three-part strings with each key kind', async () => {
    const { default: fc } = await import('fast-check')
    const keySets = await Promise.all([keyFrom(HS_VECTOR.secret_utf8 as string), keyFrom(JSON.stringify(RS_VECTOR.key)), keyFrom(JSON.stringify({ keys: [ES_VECTOR.key] }))])
    const segment = fc.string({ unit: fc.constantFrom(...'ABCxyz019-_=+/.'.split('')), maxLength: 60 })
    const header = fc.constantFrom('HS256', 'RS256', 'ES256', 'EdDSA', 'none', 'x').map((alg) => encodeJson({ alg, kid: 'k' }))
    await fc.assert(
      fc.asyncProperty(fc.oneof(header, segment), segment, segment, fc.nat(2), async (h, p, s, k) => {
        const result = await verifyToken(decodeToken(`${h}.${p}.${s}`), keySets[k] as KeyInput)
        return !(result.ok && result.value.valid)
      }),
      { numRuns: 300 },
    )
  })
})
