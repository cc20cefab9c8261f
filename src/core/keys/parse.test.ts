import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import vectors from '../../../test/fixtures/vectors/jws-valid.json'
import type { SecretEncoding } from '../types'
import { DERIVED_PUBLIC_NOTE, parseKey } from './parse'

const DIR = new URL('../../../test/fixtures/keys/', import.meta.url)
const read = (file: string) => readFileSync(new URL(file, DIR), 'utf8')
const body = (pem: string) => pem.split('\n').filter((line) => line !== '' && !line.startsWith('-----')).join('\n')
const rsaPublic = (vectors as unknown as { id: string; key: Record<string, string> }[]).find((v) => v.id === 'rfc7515-A.2-RS256')!.key
const rsaPrivate = (vectors as unknown as { id: string; private_key?: Record<string, string> }[]).find((v) => v.id === 'rfc7515-A.2-RS256')!.private_key!
const ecPublic = (vectors as unknown as { id: string; key: Record<string, string> }[]).find((v) => v.id === 'rfc7515-A.3-ES256')!.key
const { p: _p, ...rsaPrivateWithoutP } = rsaPrivate

const SUPPORTED = 'Supported: "PUBLIC KEY", "PRIVATE KEY", "RSA PUBLIC KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "CERTIFICATE".'
const DECRYPT = 'Decrypt it first, e.g. `openssl pkcs8 -in key.pem -out plain.pem` (or `openssl rsa`/`openssl ec -in key.pem -out plain.pem` for traditional keys), then paste plain.pem.'

interface ErrorCase {
  name: string
  text: string
  encoding?: SecretEncoding
  code: string
  message: string
}

const errorCases: ErrorCase[] = [
  { name: 'empty', text: '', code: 'KEY_EMPTY', message: 'The key is empty. Paste an HMAC secret, a PEM key or certificate, a JWK or a JWKS.' },
  { name: 'only whitespace', text: '  \n\t ', code: 'KEY_EMPTY', message: 'The key is empty. Paste an HMAC secret, a PEM key or certificate, a JWK or a JWKS.' },
  {
    name: 'certificate request label',
    text: '-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----',
    code: 'PEM_UNKNOWN_LABEL',
    message: `"CERTIFICATE REQUEST" is a certificate signing request, not a key. Paste the certificate or the public key instead. ${SUPPORTED}`,
  },
  {
    name: 'unknown label',
    text: '-----BEGIN DSA PRIVATE KEY-----\nMIIB\n-----END DSA PRIVATE KEY-----',
    code: 'PEM_UNKNOWN_LABEL',
    message: `The PEM label "DSA PRIVATE KEY" is not a key this tool understands. ${SUPPORTED}`,
  },
  {
    name: 'OpenSSH private key',
    text: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----',
    code: 'PEM_UNKNOWN_LABEL',
    message: `"OPENSSH PRIVATE KEY" is OpenSSH's own format, not a PEM key. Convert it with \`ssh-keygen -p -m PKCS8 -f key\` (it rewrites the file as "PRIVATE KEY"). ${SUPPORTED}`,
  },
  {
    name: 'BEGIN and END labels differ',
    text: `-----BEGIN PUBLIC KEY-----\n${body(read('rsa-2048-spki.pem'))}\n-----END PRIVATE KEY-----`,
    code: 'PEM_LABEL_MISMATCH',
    message: 'The PEM block begins with "-----BEGIN PUBLIC KEY-----" but ends with "-----END PRIVATE KEY-----". The two labels must be the same; the key was probably pasted from two different files.',
  },
  {
    name: 'END line missing',
    text: `-----BEGIN PUBLIC KEY-----\n${body(read('rsa-2048-spki.pem'))}`,
    code: 'PEM_MISSING_END',
    message: 'The PEM text has a "-----BEGIN PUBLIC KEY-----" line but no "-----END PUBLIC KEY-----" line after it. Copy the whole key, including the END line.',
  },
  {
    name: 'BEGIN line missing',
    text: `${body(read('rsa-2048-spki.pem'))}\n-----END PUBLIC KEY-----`,
    code: 'PEM_MISSING_BEGIN',
    message: 'The PEM text has an "-----END PUBLIC KEY-----" line without a matching "-----BEGIN PUBLIC KEY-----" line before it. Copy the whole key, including both lines.',
  },
  {
    name: 'encrypted PKCS#8',
    text: read('rsa-2048-pkcs8-encrypted.pem'),
    code: 'PEM_ENCRYPTED',
    message: `The private key is encrypted with a passphrase ("ENCRYPTED PRIVATE KEY"), and this tool does not ask for passphrases. ${DECRYPT}`,
  },
  {
    name: 'encrypted traditional key (Proc-Type)',
    text: read('rsa-2048-pkcs1-encrypted.pem'),
    code: 'PEM_ENCRYPTED',
    message: `The private key is encrypted with a passphrase ("RSA PRIVATE KEY" with Proc-Type: 4,ENCRYPTED), and this tool does not ask for passphrases. ${DECRYPT}`,
  },
  {
    name: 'PKCS#1 body under a PUBLIC KEY label',
    text: `-----BEGIN PUBLIC KEY-----\n${body(read('rsa-2048-pkcs1-public.pem'))}\n-----END PUBLIC KEY-----`,
    code: 'PEM_WRONG_LABEL',
    message: 'The PEM block is labelled "PUBLIC KEY" but holds a PKCS#1 RSA public key. Change its lines to "-----BEGIN RSA PUBLIC KEY-----" and "-----END RSA PUBLIC KEY-----".',
  },
  {
    name: 'SEC1 body under a PRIVATE KEY label',
    text: `-----BEGIN PRIVATE KEY-----\n${body(read('ec-p256-sec1.pem'))}\n-----END PRIVATE KEY-----`,
    code: 'PEM_WRONG_LABEL',
    message: 'The PEM block is labelled "PRIVATE KEY" but holds a SEC1 EC private key. Change its lines to "-----BEGIN EC PRIVATE KEY-----" and "-----END EC PRIVATE KEY-----".',
  },
  {
    name: 'body is not base64',
    text: '-----BEGIN PUBLIC KEY-----\nMIIB*IjANBg\n-----END PUBLIC KEY-----',
    code: 'PEM_BAD_BASE64',
    message: 'The body of the "PUBLIC KEY" PEM block is not valid base64. Copy the key again without changing its lines.',
  },
  {
    name: 'truncated body',
    text: read('rsa-2048-spki.pem').replace(/\n[^\n]*\n-----END/, '\n-----END'),
    code: 'PEM_INVALID',
    message: 'The body of the "PUBLIC KEY" PEM block is not a valid SPKI public key. Copy the key again, complete and unchanged.',
  },
  {
    name: 'EC PARAMETERS only',
    text: '-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----',
    code: 'PEM_NO_KEY',
    message: 'The PEM text holds only EC PARAMETERS, not a key. Paste the "-----BEGIN EC PRIVATE KEY-----" block (or a public key) as well.',
  },
  {
    name: 'X25519 key',
    text: read('x25519-pkcs8.pem'),
    code: 'KEY_UNSUPPORTED',
    message: 'The key is an X25519/X448 key, which is for key agreement (ECDH), not signatures. Use an Ed25519 key for EdDSA.',
  },
  {
    name: 'JSON array',
    text: JSON.stringify([rsaPublic]),
    code: 'JWK_NOT_OBJECT',
    message: 'The key is a JSON array. A JWKS is an object with a "keys" array: wrap it as {"keys": […]}.',
  },
  { name: 'JWK without kty', text: '{}', code: 'JWK_MISSING_MEMBER', message: 'The JWK has no "kty" member. Add "kty": "RSA", "EC", "OKP", "AKP" or "oct".' },
  {
    name: 'RSA JWK without n',
    text: '{"kty":"RSA","e":"AQAB"}',
    code: 'JWK_MISSING_MEMBER',
    message: 'The RSA JWK has no "n" member.',
  },
  {
    name: 'RSA private JWK without p',
    text: JSON.stringify(rsaPrivateWithoutP),
    code: 'JWK_MISSING_MEMBER',
    message: 'The RSA private JWK has no "p" member. WebCrypto needs all of d, p, q, dp, dq and qi to use an RSA private key.',
  },
  {
    name: 'EC JWK without crv',
    text: JSON.stringify({ kty: 'EC', x: ecPublic.x, y: ecPublic.y }),
    code: 'JWK_MISSING_MEMBER',
    message: 'The EC JWK has no "crv" member. Add "crv": "P-256", "P-384" or "P-521".',
  },
  {
    name: 'EC JWK without y',
    text: JSON.stringify({ kty: 'EC', crv: 'P-256', x: ecPublic.x }),
    code: 'JWK_MISSING_MEMBER',
    message: 'The EC JWK has no "y" member.',
  },
  {
    name: 'EC x of the wrong size',
    text: JSON.stringify({ ...ecPublic, x: 'AAAA' }),
    code: 'JWK_INVALID_MEMBER',
    message: 'The JWK member "x" is 3 bytes, but P-256 needs exactly 32.',
  },
  {
    name: 'n not base64url',
    text: JSON.stringify({ ...rsaPublic, n: 'ab+/' }),
    code: 'JWK_INVALID_MEMBER',
    message: 'The JWK member "n" must be a base64url string (letters, digits, "-" and "_", no padding).',
  },
  {
    name: 'kid not a string',
    text: JSON.stringify({ ...rsaPublic, kid: 7 }),
    code: 'JWK_INVALID_MEMBER',
    message: 'The JWK member "kid" must be a string.',
  },
  { name: 'empty oct k', text: '{"kty":"oct","k":""}', code: 'JWK_INVALID_MEMBER', message: 'The JWK member "k" is empty; an HMAC secret needs at least one byte.' },
  {
    name: 'unknown kty',
    text: '{"kty":"LWE","pub":"AAAA"}',
    code: 'JWK_UNSUPPORTED_KTY',
    message: 'The JWK\'s "kty" is "LWE", which is not supported. Use "RSA", "EC", "OKP" (Ed25519, Ed448), "AKP" (ML-DSA) or "oct" (HMAC secret).',
  },
  {
    name: 'EC curve brainpoolP256r1',
    text: JSON.stringify({ ...ecPublic, crv: 'brainpoolP256r1' }),
    code: 'JWK_UNSUPPORTED_CURVE',
    message: 'The EC curve "brainpoolP256r1" is not supported. JWS uses P-256 (ES256), P-384 (ES384), P-521 (ES512) and secp256k1 (ES256K).',
  },
  {
    name: 'OKP curve X25519',
    text: '{"kty":"OKP","crv":"X25519","x":"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo"}',
    code: 'JWK_UNSUPPORTED_CURVE',
    message: 'The OKP curve "X25519" cannot sign JWS here: X25519 is for key agreement (ECDH), not signatures. Use an Ed25519 or Ed448 key.',
  },
  {
    name: 'JWKS keys not an array',
    text: '{"keys":{"kty":"oct","k":"AAAA"}}',
    code: 'JWKS_INVALID',
    message: 'The JWKS member "keys" must be an array of JWKs, e.g. {"keys": [{"kty":"RSA",…}]}.',
  },
  {
    name: 'JWKS without keys',
    text: '{"keys":[]}',
    code: 'JWKS_NO_USABLE_KEYS',
    message: 'The JWKS has no keys ("keys" is empty). Paste a JWKS with at least one signing key.',
  },
  {
    name: 'JWKS with no usable key',
    text: JSON.stringify({ keys: [{ kty: 'RSA', kid: 'a', e: 'AQAB' }, { ...ecPublic, use: 'enc' }] }),
    code: 'JWKS_NO_USABLE_KEYS',
    message:
      'None of the 2 keys in the JWKS can verify signatures. Skipped key 1 (kid "a"): The RSA JWK has no "n" member. Skipped key 2: it is marked "use": "enc", not for signatures.',
  },
  {
    name: 'hex secret with a non-hex digit',
    text: 'deadbeeg',
    encoding: 'hex',
    code: 'SECRET_BAD_HEX',
    message: 'The secret is not hex: "g" at position 8 is not a hex digit (0-9, a-f). Fix it, or choose another secret encoding.',
  },
  {
    name: 'hex secret of odd length',
    text: 'abc',
    encoding: 'hex',
    code: 'SECRET_BAD_HEX',
    message: 'The hex secret has an odd number of digits (3); every byte needs two. Add the missing digit, or choose another secret encoding.',
  },
  {
    name: 'base64 secret with base64url characters',
    text: 'ab-_',
    encoding: 'base64',
    code: 'SECRET_BAD_BASE64',
    message: 'The secret is not base64: "-" at position 3 is not a base64 character. "-" belongs to base64url: choose that secret encoding.',
  },
  {
    name: 'base64url secret with base64 characters',
    text: 'ab+/',
    encoding: 'base64url',
    code: 'SECRET_BAD_BASE64URL',
    message: 'The secret is not base64url: "+" at position 3 is not a base64url character. "+" belongs to base64: choose that secret encoding.',
  },
  {
    name: 'base64url secret with a stray character',
    text: 'abc.def',
    encoding: 'base64url',
    code: 'SECRET_BAD_BASE64URL',
    message: 'The secret is not base64url: "." at position 4 is not a base64url character. Fix it, or choose another secret encoding.',
  },
  {
    name: 'base64 secret of impossible length',
    text: 'abcde',
    encoding: 'base64',
    code: 'SECRET_BAD_BASE64',
    message: 'The base64 secret has 5 characters, which no byte string encodes to (one character too many or too few). Check that it was copied completely.',
  },
]

describe('parseKey refuses malformed keys with exact codes and messages', () => {
  it.each(errorCases)('$name', async ({ text, encoding, code, message }) => {
    expect(await parseKey(text, { encoding: encoding ?? 'utf8' })).toEqual({ ok: false, error: { code, message } })
  })

  it('invalid JSON names the parser problem', async () => {
    const result = await parseKey('{"kty":"RSA",', { encoding: 'utf8' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('JSON_INVALID')
    expect(result.error.message).toMatch(/^The key looks like JSON but is not valid JSON \(.+\)\. Fix the JSON of the JWK or JWKS\.$/)
  })

  it('an EC point that is not on the curve is JWK_INVALID', async () => {
    const result = await parseKey(JSON.stringify({ ...ecPublic, y: ecPublic.x }), { encoding: 'utf8' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('JWK_INVALID')
    expect(result.error.message).toMatch(/^The EC JWK is not a valid key: .+\. Check that it was copied completely\.$/)
  })
})

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))

describe('parseKey reads HMAC secrets in each encoding', () => {
  const cases: { text: string; encoding: SecretEncoding; expected: Uint8Array; notes?: string[] }[] = [
    { text: 'your-256-bit-secret', encoding: 'utf8', expected: bytes('your-256-bit-secret') },
    { text: 'pässwörd ✓', encoding: 'utf8', expected: new Uint8Array(Buffer.from('pässwörd ✓')) },
    {
      text: ' secret\n',
      encoding: 'utf8',
      expected: bytes(' secret\n'),
      notes: ['The secret starts or ends with whitespace (spaces or line breaks); it is part of the secret as typed.'],
    },
    { text: 'deadBEEF', encoding: 'hex', expected: new Uint8Array([0xde, 0xad, 0xbe, 0xef]) },
    { text: '0xde ad\nbe ef', encoding: 'hex', expected: new Uint8Array([0xde, 0xad, 0xbe, 0xef]) },
    { text: 'aGVsbG8/Pz8=', encoding: 'base64', expected: bytes('hello???') },
    { text: 'aGVsbG8_Pz8', encoding: 'base64url', expected: bytes('hello???') },
    { text: 'aGVs\nbG8', encoding: 'base64url', expected: bytes('hello') },
  ]
  it.each(cases)('$encoding $text', async ({ text, encoding, expected, notes }) => {
    const result = await parseKey(text, { encoding })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.format).toBe('secret')
    expect(result.value.notes).toEqual(notes ?? [])
    const key = result.value.keys[0]!
    expect(key).toMatchObject({ kind: 'secret', kty: 'oct', bits: expected.length * 8 })
    expect(new Uint8Array(key.secret!)).toEqual(expected)
    expect(key.jwk).toEqual({ kty: 'oct', k: Buffer.from(expected).toString('base64url') })
  })

  it('a base64 text that is not key material stays a secret in every encoding', async () => {
    const text = Buffer.alloc(48, 7).toString('base64')
    for (const encoding of ['utf8', 'base64'] as const) {
      const result = await parseKey(text, { encoding })
      if (!result.ok) throw new Error(result.error.message)
      expect(result.value.format).toBe('secret')
    }
  })
})

describe('parseKey reads JWKs and JWKS', () => {
  it('a private JWK carries its public JWK and the derived-public note', async () => {
    const result = await parseKey(JSON.stringify({ ...rsaPrivate, kid: 'k1', alg: 'RS256', use: 'sig' }), { encoding: 'utf8' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.notes).toEqual([DERIVED_PUBLIC_NOTE])
    expect(result.value.keys[0]).toMatchObject({ kind: 'private', kty: 'RSA', bits: 2048, kid: 'k1', alg: 'RS256', use: 'sig' })
    expect(result.value.keys[0]!.publicJwk).toEqual({ ...rsaPublic, kid: 'k1', alg: 'RS256', use: 'sig' })
  })

  it('an oct JWK is a secret', async () => {
    const result = await parseKey('{"kty":"oct","k":"c2VjcmV0","kid":"s"}', { encoding: 'hex' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.format).toBe('jwk')
    expect(result.value.keys[0]).toMatchObject({ kind: 'secret', kty: 'oct', bits: 48, kid: 's' })
    expect(new Uint8Array(result.value.keys[0]!.secret!)).toEqual(bytes('secret'))
  })

  it('a JWKS keeps usable keys in order and names the skipped ones', async () => {
    const text = JSON.stringify({
      keys: [{ ...rsaPublic, kid: 'r' }, { kty: 'OKP', crv: 'X25519', kid: 'x', x: 'hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo' }, { ...ecPublic, kid: 'e' }],
    })
    const result = await parseKey(text, { encoding: 'utf8' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.format).toBe('jwks')
    expect(result.value.keys.map((k) => k.kid)).toEqual(['r', 'e'])
    expect(result.value.notes).toEqual([
      'Skipped key 2 (kid "x"): The OKP curve "X25519" cannot sign JWS here: X25519 is for key agreement (ECDH), not signatures. Use an Ed25519 or Ed448 key.',
    ])
  })
})

describe('parseKey never throws', () => {
  const junk = [
    '-----BEGIN', '-----BEGIN PUBLIC KEY-----', '-----END-----', '{', '[', '{"keys":null}', '{"kty":null}', 'null',
    '\u0000\uffff\ud800', '-----BEGIN PUBLIC KEY-----\n\n-----END PUBLIC KEY-----', '-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----',
    '-----BEGIN RSA PRIVATE KEY-----\nMAMCAQA=\n-----END RSA PRIVATE KEY-----', 'M'.repeat(100_000), '{"kty":"RSA","n":"","e":""}',
  ]
  it.each(junk.map((text) => [text.slice(0, 40), text]))('%j', async (_label, text) => {
    for (const encoding of ['utf8', 'hex', 'base64', 'base64url'] as const) {
      const result = await parseKey(text, { encoding })
      expect(typeof result.ok).toBe('boolean')
    }
  })
})

describe('parseKey never throws on random input (property)', () => {
  it('random text, random PEM bodies and random JSON', async () => {
    const { default: fc } = await import('fast-check')
    const pemish = fc
      .tuple(fc.constantFrom('PUBLIC KEY', 'PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'CERTIFICATE', 'RSA PUBLIC KEY'), fc.uint8Array({ maxLength: 300 }))
      .map(([label, der]) => `-----BEGIN ${label}-----\n${Buffer.from([0x30, ...der]).toString('base64')}\n-----END ${label}-----`)
    const text = fc.oneof(fc.string({ maxLength: 200 }), pemish, fc.json().map((j) => j), fc.jsonValue().map((v) => JSON.stringify({ keys: [v] })))
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom('utf8', 'hex', 'base64', 'base64url' as const), async (input, encoding) => {
        const result = await parseKey(input, { encoding })
        return typeof result.ok === 'boolean'
      }),
      { numRuns: 300 },
    )
  })
})

describe('parseKey stays fast on 1 MB of pasted text', () => {
  const MB = 1 << 20
  it.each([
    ['repeated BEGIN markers', '-----BEGIN '.repeat(MB / 11)],
    ['a BEGIN line and 1 MB of body', `-----BEGIN PUBLIC KEY-----\n${'A'.repeat(MB)}`],
    ['1 MB of base64', 'M'.repeat(MB)],
    ['1 MB of JSON', JSON.stringify({ keys: Array.from({ length: MB / 40 }, () => ({ kty: 'oct' })) })],
  ])('%s', async (_name, text) => {
    const start = performance.now()
    const result = await parseKey(text, { encoding: 'utf8' })
    expect(typeof result.ok).toBe('boolean')
    expect(performance.now() - start).toBeLessThan(10_000) // hang guard, not a speed target
  })
})

it('a JWKS with many unusable keys lists ten and counts the rest', async () => {
  const text = JSON.stringify({ keys: [...Array.from({ length: 12 }, () => ({ kty: 'oct' })), { kty: 'oct', k: 'c2VjcmV0' }] })
  const result = await parseKey(text, { encoding: 'utf8' })
  if (!result.ok) throw new Error(result.error.message)
  expect(result.value.notes).toHaveLength(11)
  expect(result.value.notes[0]).toBe('Skipped key 1: The oct JWK has no "k" member.')
  expect(result.value.notes[10]).toBe('… and 2 more keys were skipped.')
})
