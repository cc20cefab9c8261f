import { createHash, createHmac, createPublicKey, generateKeyPairSync, sign as nodeSign } from 'node:crypto'
import { compactVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { ed25519 } from '@noble/curves/ed25519.js'
import { ED25519_SMALL_ORDER } from '../../../test/differential/forge'
import { parseKey } from '../keys/parse'
import { checkKeyFits } from '../keys/import'
import type { KeyInput, ParsedKey, Verification } from '../types'
import { decodeToken } from './decode'
import { verifyToken } from './verify'

// "Signature verified" must mean a strict verifier would accept the token with that key. Tokens here
// are made with node:crypto, independently of the core's signer.
const b64u = (data: string | Buffer) => Buffer.from(data).toString('base64url')
const SECRET = 'a-secret-that-is-long-enough-for-hs256-and-hs384-x'
const mac = (hash: string, input: string) => createHmac(hash, SECRET).update(input).digest()
const secretKey = async (): Promise<KeyInput> => {
  const parsed = await parseKey(SECRET, { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}
const hs = (header: object, payload = b64u('{"sub":"admin"}'), hash = 'sha256') => {
  const h = b64u(JSON.stringify(header))
  return `${h}.${payload}.${b64u(mac(hash, `${h}.${payload}`))}`
}
const verify = async (token: string, key?: KeyInput) => verifyToken(decodeToken(token), key ?? (await secretKey()))
const verdict = async (token: string, key?: KeyInput): Promise<Verification> => {
  const result = await verify(token, key)
  if (!result.ok) throw new Error(`not checked: ${result.error.message}`)
  return result.value
}
const STRICT = (clauses: string) => `The signature matches over the text as written, but ${clauses}: strict JWS verifiers reject this token.`

describe('crit (RFC 7515 §4.1.11) is honoured', () => {
  it.each([
    ['an unknown extension', { alg: 'HS256', crit: ['x'], x: 1 }, 'the header marks "x" as critical, an extension this verifier does not implement'],
    ['an empty list', { alg: 'HS256', crit: [] }, 'the header\'s "crit" is an array that is empty, not a non-empty array of parameter names'],
    ['a registered parameter', { alg: 'HS256', crit: ['alg'] }, 'the header\'s "crit" lists "alg", which may not be listed there'],
    ['a string instead of a list', { alg: 'HS256', crit: 'x', x: 1 }, 'the header\'s "crit" is a string, not a non-empty array of parameter names'],
    ['a number in the list', { alg: 'HS256', crit: [1] }, 'the header\'s "crit" is an array, not a non-empty array of parameter names'],
    ['an absent member', { alg: 'HS256', crit: ['x'] }, 'the header\'s "crit" lists "x", which the header does not have'],
    ['a repeated name', { alg: 'HS256', crit: ['b64', 'b64'], b64: true }, 'the header\'s "crit" lists "b64" more than once'],
    ['an empty name', { alg: 'HS256', crit: [''] }, 'the header\'s "crit" is an array, not a non-empty array of parameter names'],
    ['a critical b64 that is not a boolean', { alg: 'HS256', crit: ['b64'], b64: 'no' }, 'the header\'s critical "b64" is not true or false'],
  ])('%s: the MAC matches, the verdict is not verified', async (_name, header, clause) => {
    expect(await verdict(hs(header))).toEqual({ valid: false, alg: 'HS256', key: expect.anything(), reason: STRICT(clause), matchesAsWritten: true, tried: 1 })
  })

  it('several problems are all named', async () => {
    const v = await verdict(hs({ alg: 'HS256', crit: ['alg', 'y', 'z'], z: 1 }))
    expect(v.reason).toBe(STRICT('the header\'s "crit" lists "alg", which may not be listed there; the header\'s "crit" lists "y", which the header does not have; the header marks "z" as critical, an extension this verifier does not implement'))
  })

  it('a wrong MAC with an unknown crit says both', async () => {
    const h = b64u('{"alg":"HS256","crit":["x"],"x":1}')
    const token = `${h}.${b64u('{}')}.${b64u(Buffer.alloc(32))}`
    expect((await verdict(token)).reason).toBe(
      'The signature does not match the token\'s header and payload under this key (a 400-bit HMAC secret). The token was changed after signing, or it was signed with a different key. Strict JWS verifiers would reject the token anyway: the header marks "x" as critical, an extension this verifier does not implement.',
    )
  })
})

describe('other header members a strict verifier needs', () => {
  it.each([
    ['a number', 7, 'the number 7'],
    ['an object', { id: 'k' }, 'an object'],
  ])('a kid that is %s is not verified', async (_name, kid, shown) => {
    const v = await verdict(hs({ alg: 'HS256', kid }))
    expect(v.reason).toBe(STRICT(`the header's "kid" is ${shown}, not a string (RFC 7515 §4.1.4), so no key can be chosen by it`))
    expect(decodeToken(hs({ alg: 'HS256', kid })).diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'KID_NOT_STRING']])
  })
})

describe('RFC 7797 unencoded payloads (b64: false) are implemented', () => {
  const header = b64u('{"alg":"HS256","b64":false,"crit":["b64"]}')

  it('the payload is signed as written, verified here and by jose, and shown as text', async () => {
    const payload = '$.02 is not allowed here, so: $02'.replace('.', '')
    const token = `${header}.${payload}.${b64u(mac('sha256', `${header}.${payload}`))}`
    expect(await verdict(token)).toMatchObject({ valid: true })
    await expect(compactVerify(token, Buffer.from(SECRET))).resolves.toBeTruthy()
    const decoded = decodeToken(token)
    expect(decoded.payload).toMatchObject({ kind: 'text', text: payload })
    expect(decoded.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
  })

  it('a JSON payload written as is decodes as JSON', async () => {
    const payload = '{"sub":"admin","n":1}'
    const decoded = decodeToken(`${header}.${payload}.${b64u(mac('sha256', `${header}.${payload}`))}`)
    expect(decoded.payload).toMatchObject({ kind: 'json', value: { sub: 'admin', n: 1 } })
  })

  it('a MAC over the base64url payload (b64 read as true) does not verify', async () => {
    const payload = b64u('{"sub":"admin"}')
    const other = b64u(mac('sha256', `${header}.${b64u(payload)}`))
    expect(await verdict(`${header}.${payload}.${other}`)).toMatchObject({ valid: false })
  })

  it('b64: false that crit does not list is ignored, as jose ignores it', async () => {
    const token = hs({ alg: 'HS256', b64: false })
    expect(await verdict(token)).toMatchObject({ valid: true })
    await expect(compactVerify(token, Buffer.from(SECRET))).resolves.toBeTruthy()
  })

  it('an unencoded payload with a dot cannot be compact: the part count says why', () => {
    const d = decodeToken(`${header}.a.b.${b64u(Buffer.alloc(32))}`).diagnostics[0]!
    expect(d.code).toBe('SEGMENT_COUNT')
    expect(d.message).toBe('The token has 4 parts separated by \'.\', but a signed JWT has 3 (header.payload.signature) and an encrypted one 5. The header says the payload is unencoded ("b64": false), and an unencoded payload that contains \'.\' cannot travel in the compact form (RFC 7797 §5.2): send it detached or in the JSON serialization.')
  })
})

describe('lenient segment text is never "verified"', () => {
  const h = b64u('{"alg":"HS256"}')
  const p = b64u('{"sub":"admin"}')
  const sig = mac('sha256', `${h}.${p}`)

  it('a padded signature matches but is refused', async () => {
    const token = `${h}.${p}.${sig.toString('base64')}`
    expect(token.endsWith('=')).toBe(true)
    expect(await verdict(token)).toMatchObject({ valid: false, matchesAsWritten: true, reason: STRICT("the signature is padded base64 (with '='), not base64url") })
  })

  it('AWS ALB style: every segment padded, signed over the padded text', async () => {
    const ph = Buffer.from('{"alg":"HS256","typ":"JWT","x":"a"}').toString('base64')
    const pp = Buffer.from('{"sub":"alb-user-1"}').toString('base64')
    expect(ph.endsWith('=') && pp.endsWith('=')).toBe(true)
    const token = `${ph}.${pp}.${mac('sha256', `${ph}.${pp}`).toString('base64')}`
    expect((await verdict(token)).reason).toBe(STRICT("the header, payload and signature are padded base64 (with '='), not base64url"))
  })

  it('+ and / instead of - and _', async () => {
    let payload = p
    let s = b64u(mac('sha256', `${h}.${payload}`))
    for (let i = 0; !/[-_]/.test(s); i++) {
      payload = b64u(`{"sub":"admin","n":${i}}`)
      s = b64u(mac('sha256', `${h}.${payload}`))
    }
    const token = `${h}.${payload}.${s.replace(/-/g, '+').replace(/_/g, '/')}`
    expect((await verdict(token)).reason).toBe(STRICT("the signature uses '+' or '/' of standard base64, not base64url"))
  })

  it.each([
    ['a space', (s: string) => `${s.slice(0, 10)} ${s.slice(10)}`],
    ['a line break', (s: string) => `${s.slice(0, 10)}\n${s.slice(10)}`],
    ['a stray symbol', (s: string) => `${s}!`],
  ])('%s inside the signature', async (_name, change) => {
    const token = `${h}.${p}.${change(b64u(sig))}`
    expect((await verdict(token)).reason).toBe(STRICT('the signature contains characters outside base64url (such as spaces, line breaks or stray symbols)'))
  })

  it('one extra character (a length of 4n+1) is refused even though the rest matches', async () => {
    const h384 = b64u('{"alg":"HS384"}')
    const s384 = b64u(mac('sha384', `${h384}.${p}`))
    expect(s384.length % 4).toBe(0)
    const token = `${h384}.${p}.${s384}A`
    expect((await verdict(token)).reason).toBe(STRICT('the signature has a length no base64url encoding produces (a character too many or too few)'))
  })

  it('a canonical token still verifies', async () => {
    expect(await verdict(`${h}.${p}.${b64u(sig)}`)).toMatchObject({ valid: true })
  })
})

// RFC 8032 small-order points: the identity verifies R = identity, S = 0 for any message in Node's and
// Chromium's WebCrypto, so the core must refuse the key itself.
const IDENTITY_X = 'AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const SMALL_ORDER = ED25519_SMALL_ORDER
const ED_WEAK = 'The Ed25519 key cannot be trusted: its public key is a small-order point (such as the identity), for which a signature with R = identity and S = 0 verifies any payload. Use the issuer\'s real key.'

describe('weak or degenerate public keys are refused', () => {
  it('the identity key really forges in WebCrypto, and the core refuses it', async () => {
    const h = b64u('{"alg":"EdDSA"}')
    const p = b64u('{"sub":"admin","any":"payload"}')
    const forged = Buffer.concat([Buffer.from('01' + '00'.repeat(31), 'hex'), Buffer.alloc(32)])
    const raw = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: IDENTITY_X }, 'Ed25519', false, ['verify'])
    expect(await crypto.subtle.verify('Ed25519', raw, forged, Buffer.from(`${h}.${p}`))).toBe(true)
    const parsed = await parseKey(JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: IDENTITY_X }), { encoding: 'utf8' })
    expect(parsed).toEqual({ ok: false, error: { code: 'KEY_WEAK', message: ED_WEAK } })
    // A key built by hand (not through parseKey) is refused at verification too.
    const handMade: ParsedKey = { kind: 'public', kty: 'OKP', crv: 'Ed25519', bits: 256, jwk: { kty: 'OKP', crv: 'Ed25519', x: IDENTITY_X }, publicJwk: { kty: 'OKP', crv: 'Ed25519', x: IDENTITY_X }, thumbprint: 't' }
    const result = await verify(`${h}.${p}.${b64u(forged)}`, { format: 'jwk', keys: [handMade], notes: [] })
    expect(result.ok ? 'verified?' : result.error.code).toBe('KEY_WEAK')
  })

  it('the list is every small-order encoding, by an independent implementation (@noble/curves)', () => {
    expect(SMALL_ORDER).toHaveLength(14)
    for (const hex of SMALL_ORDER) expect(ed25519.Point.fromBytes(Buffer.from(hex, 'hex'), true).isSmallOrder(), hex).toBe(true)
    // And an ordinary key is not on it.
    const { publicKey } = generateKeyPairSync('ed25519')
    const x = Buffer.from((publicKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url')
    expect(ed25519.Point.fromBytes(x).isSmallOrder()).toBe(false)
  })

  it.each(SMALL_ORDER)('small-order encoding %s is refused as JWK and as PEM', async (hex) => {
    const x = Buffer.from(hex, 'hex').toString('base64url')
    expect(await parseKey(JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x }), { encoding: 'utf8' })).toEqual({ ok: false, error: { code: 'KEY_WEAK', message: ED_WEAK } })
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(hex, 'hex')])
    const pem = `-----BEGIN PUBLIC KEY-----\n${spki.toString('base64')}\n-----END PUBLIC KEY-----\n`
    const viaPem = await parseKey(pem, { encoding: 'utf8' })
    expect(viaPem.ok ? 'accepted' : viaPem.error.code).toBe('KEY_WEAK')
  })

  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const n = (rsa.publicKey.export({ format: 'jwk' }) as { n: string }).n

  it('RSA e = 1: WebCrypto in Node accepts a forged signature (the padded message itself); the core refuses the key', async () => {
    const h = b64u('{"alg":"RS256"}')
    const p = b64u('{"sub":"admin"}')
    const digestInfo = Buffer.from('3031300d060960864801650304020105000420', 'hex')
    const t = Buffer.concat([digestInfo, createHash('sha256').update(`${h}.${p}`).digest()])
    const em = Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(256 - 3 - t.length, 0xff), Buffer.from([0]), t])
    const raw = await crypto.subtle.importKey('jwk', { kty: 'RSA', n, e: 'AQ' }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify'])
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', raw, em, Buffer.from(`${h}.${p}`))).toBe(true)
    expect(await parseKey(JSON.stringify({ kty: 'RSA', n, e: 'AQ' }), { encoding: 'utf8' })).toEqual({
      ok: false,
      error: { code: 'KEY_WEAK', message: 'The RSA key cannot be trusted: its public exponent e is 1, so anyone can forge signatures without the private key (with e = 1 a padded message is its own signature). Use the issuer\'s real key.' },
    })
    const pem = createPublicKey({ key: { kty: 'RSA', n, e: 'AQ' }, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string
    expect(await parseKey(pem, { encoding: 'utf8' })).toEqual({
      ok: false,
      error: { code: 'KEY_WEAK', message: 'The SPKI public key cannot be trusted: its public exponent e is 1, so anyone can forge signatures without the private key (with e = 1 a padded message is its own signature). Use the issuer\'s real key.' },
    })
  })

  it.each([
    ['AA', 'its public exponent e is 0, so anyone can forge signatures without the private key (with e = 1 a padded message is its own signature)'],
    ['Ag', 'its public exponent e is 2, so anyone can forge signatures without the private key (with e = 1 a padded message is its own signature)'],
    ['BA', 'its public exponent e is even (4), which no valid RSA key has'],
    ['AQAA', 'its public exponent e is even, which no valid RSA key has'],
  ])('RSA e = %s is refused', async (e, why) => {
    expect(await parseKey(JSON.stringify({ kty: 'RSA', n, e }), { encoding: 'utf8' })).toEqual({
      ok: false, error: { code: 'KEY_WEAK', message: `The RSA key cannot be trusted: ${why}. Use the issuer's real key.` },
    })
  })

  it('an even RSA modulus is refused (it has the factor 2)', async () => {
    const bytes = Buffer.from(n, 'base64url')
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) & 0xfe, bytes.length - 1)
    expect(await parseKey(JSON.stringify({ kty: 'RSA', n: bytes.toString('base64url'), e: 'AQAB' }), { encoding: 'utf8' })).toEqual({
      ok: false, error: { code: 'KEY_WEAK', message: "The RSA key cannot be trusted: its modulus n is even, so it factors at once and anyone can forge signatures. Use the issuer's real key." },
    })
  })

  it('an RSA modulus under 1024 bits is refused for verification, with a clear message', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 512 })
    const h = b64u('{"alg":"RS256"}')
    const p = b64u('{"sub":"admin"}')
    const s = nodeSign('sha256', Buffer.from(`${h}.${p}`), small.privateKey)
    const key = await parseKey(small.publicKey.export({ type: 'spki', format: 'pem' }) as string, { encoding: 'utf8' })
    if (!key.ok) throw new Error(key.error.message)
    expect(await verify(`${h}.${p}.${b64u(s)}`, key.value)).toEqual({
      ok: false,
      error: { code: 'KEY_WEAK', message: 'The key is an RSA public key (512 bits), which cannot be trusted: its 512-bit modulus can be factored, so signatures made with it prove nothing. Verification needs at least 1024 bits (2048 or more is the norm).' },
    })
  })
})

describe('RSA keys from 1024 to 2047 bits are checked but not called verified', () => {
  it('the signature matches, the verdict says why it is refused', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
    const h = b64u('{"alg":"RS256"}')
    const p = b64u('{"sub":"admin"}')
    const s = nodeSign('sha256', Buffer.from(`${h}.${p}`), privateKey)
    const key = await parseKey(publicKey.export({ type: 'spki', format: 'pem' }) as string, { encoding: 'utf8' })
    if (!key.ok) throw new Error(key.error.message)
    expect(await verdict(`${h}.${p}.${b64u(s)}`, key.value)).toMatchObject({
      valid: false,
      matchesAsWritten: true,
      reason: STRICT('the key is a 1024-bit RSA key, and RFC 7518 §3.3 requires 2048 bits or more for RS256'),
    })
    await expect(compactVerify(`${h}.${p}.${b64u(s)}`, publicKey)).rejects.toThrow(/2048/)
  })
})

describe('key_ops and use decide what a JWK may do (RFC 7517 §4.2, §4.3)', () => {
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const pub = ec.publicKey.export({ format: 'jwk' }) as Record<string, string>
  const priv = ec.privateKey.export({ format: 'jwk' }) as Record<string, string>
  const h = b64u('{"alg":"ES256"}')
  const p = b64u('{"sub":"admin"}')
  const token = `${h}.${p}.${b64u(nodeSign('sha256', Buffer.from(`${h}.${p}`), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }))}`
  const keyFor = async (jwk: object) => {
    const parsed = await parseKey(JSON.stringify(jwk), { encoding: 'utf8' })
    if (!parsed.ok) throw new Error(parsed.error.message)
    return parsed.value
  }

  it.each([
    [['sign'], '"sign"'],
    [[], 'an empty list'],
    [['encrypt', 'wrapKey'], '"encrypt", "wrapKey"'],
  ])('key_ops %j: not used to verify', async (ops, listed) => {
    expect(await verify(token, await keyFor({ ...pub, key_ops: ops }))).toEqual({
      ok: false,
      error: { code: 'KEY_USE_MISMATCH', message: `The key is an EC P-256 public key whose JWK "key_ops" (${listed}) do not include "verify", so it may not be used to verify signatures (RFC 7517 §4.3). Use a key meant for this, or add "verify" to its key_ops if it is yours.` },
    })
  })

  it('key_ops that a public key cannot do make the JWK unusable (WebCrypto refuses it too)', async () => {
    expect(await verify(token, await keyFor({ ...pub, key_ops: ['sign', 'verify'] }))).toEqual({
      ok: false,
      error: { code: 'KEY_USE_MISMATCH', message: 'The key is an EC P-256 public key whose JWK "key_ops" ("sign", "verify") include "sign", which a public key cannot do: the JWK contradicts itself, and WebCrypto-based verifiers (such as jose) refuse it. Remove those operations from key_ops.' },
    })
  })

  it('a JWK marked "alg": "Ed25519" is not used for a token that says "EdDSA" (exact, as jose compares)', async () => {
    const ed = generateKeyPairSync('ed25519')
    const eh = b64u('{"alg":"EdDSA"}')
    const edToken = `${eh}.${p}.${b64u(nodeSign(null, Buffer.from(`${eh}.${p}`), ed.privateKey))}`
    const result = await verify(edToken, await keyFor({ ...(ed.publicKey.export({ format: 'jwk' }) as object), alg: 'Ed25519' }))
    expect(result).toEqual({
      ok: false,
      error: { code: 'KEY_ALG_MISMATCH', message: 'The key is an Ed25519 public key marked for "Ed25519" (its JWK "alg"), but the token uses EdDSA. Use Ed25519, or remove "alg" from the JWK if the key is meant for EdDSA.' },
    })
  })

  it('key_ops ["verify"] verifies', async () => {
    expect(await verify(token, await keyFor({ ...pub, key_ops: ['verify'] }))).toMatchObject({ ok: true, value: { valid: true } })
  })

  it('use "enc" is not used to verify', async () => {
    const result = await verify(token, await keyFor({ ...pub, use: 'enc' }))
    expect(result.ok ? 'verified?' : result.error.code).toBe('KEY_USE_MISMATCH')
  })

  it('a private key whose key_ops lack "sign" is not used to sign', async () => {
    const key = (await keyFor({ ...priv, key_ops: ['verify'] })).keys[0]!
    expect(checkKeyFits(key, 'ES256', 'sign')).toEqual({
      ok: false,
      error: { code: 'KEY_USE_MISMATCH', message: 'The key is an EC P-256 private key whose JWK "key_ops" ("verify") do not include "sign", so it may not be used to sign (RFC 7517 §4.3). Use a key meant for this, or add "sign" to its key_ops if it is yours.' },
    })
    expect(checkKeyFits((await keyFor({ ...priv, key_ops: ['sign'] })).keys[0]!, 'ES256', 'sign').ok).toBe(true)
  })

  it.each([['a string', 'verify'], ['a repeated op', ['verify', 'verify']], ['a number', [1]]])('key_ops as %s is a malformed JWK', async (_name, ops) => {
    expect(await parseKey(JSON.stringify({ ...pub, key_ops: ops }), { encoding: 'utf8' })).toEqual({
      ok: false, error: { code: 'JWK_INVALID_MEMBER', message: 'The JWK member "key_ops" must be an array of distinct strings such as ["verify"] (RFC 7517 §4.3).' },
    })
  })

  it('in a JWKS the key whose key_ops allow verify is the one used', async () => {
    const jwks = { keys: [{ ...pub, kid: 'a', key_ops: ['sign'] }, { ...pub, kid: 'b', key_ops: ['verify'] }] }
    expect(await verify(token, await keyFor(jwks))).toMatchObject({ ok: true, value: { valid: true, key: { index: 1, kid: 'b' } } })
  })
})
