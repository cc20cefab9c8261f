/** Input that cannot be decrypted: exact codes and messages, and the key step's words for a key that does not fit. */
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import rfc7516 from '../../../test/fixtures/vectors/jwe/rfc7516.json'
import rfc7520 from '../../../test/fixtures/vectors/jwe/rfc7520.json'
import { decryptJwe } from './decrypt'
import type { JweDecryptInput } from './types'

const b64u = (text: string) => Buffer.from(text).toString('base64url')
const compactWith = (header: object) => `${b64u(JSON.stringify(header))}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA`
const A128KW = JSON.stringify(rfc7520.keys.a128kw)

describe('errors', () => {
  const cases: [string, Partial<JweDecryptInput>, string, string][] = [
    ['empty text', { text: '  ' }, 'JWE_EMPTY', 'The JWE is empty. Paste an encrypted token: five base64url parts separated by dots, or its JSON serialization.'],
    ['a JWS', { text: 'eyJhbGciOiJIUzI1NiJ9.e30.AAAA' }, 'JWE_NOT_JWE', 'This token has three parts: it is a signed token (JWS), not an encrypted one (JWE, five parts). There is nothing to decrypt; paste it into Encoded token to read and verify it.'],
    ['four parts', { text: 'a.b.c.d' }, 'JWE_NOT_JWE', 'A compact JWE has five base64url parts separated by dots (header.encrypted_key.iv.ciphertext.tag); this text has 4. Copy the whole token.'],
    ['padding in a part', { text: 'eyJhbGciOiJkaXIifQ..AAAA=.AAAA.AAAA' }, 'JWE_PART_INVALID', 'The initialization vector (part 3) has = padding, which base64url in JOSE omits, so it is not base64url. Copy the token again without changing it.'],
    ['header not JSON', { text: `${b64u('{"alg":')}..AAAA.AAAA.AAAA` }, 'JWE_HEADER_INVALID', 'The protected header (part 1) is not valid JSON: {"alg":. Copy the token again; a changed character in the header breaks it.'],
    ['JWS JSON', { text: '{"payload":"e30","signatures":[]}' }, 'JWE_NOT_JWE', 'This JSON has "payload"/"signature(s)": it is a signed token in JWS JSON serialization, not an encrypted one. Paste it into Encoded token.'],
    ['no alg', { text: compactWith({ enc: 'A128GCM' }) }, 'JWE_ALG_MISSING', 'The JOSE header has no "alg" (key management algorithm), so there is no way to obtain the content key. The token is incomplete.'],
    ['unknown alg', { text: compactWith({ alg: 'RSA-OAEP-1024', enc: 'A128GCM' }) }, 'JWE_ALG_UNSUPPORTED', 'The key management algorithm "RSA-OAEP-1024" is not a registered JWE algorithm this tool decrypts. Supported: "RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512", "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW", "A128KW", "A192KW", "A256KW", "A128GCMKW", "A192GCMKW", "A256GCMKW", "dir", "PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW".'],
    ['alg "__proto__"', { text: compactWith({ alg: '__proto__', enc: 'A128GCM' }) }, 'JWE_ALG_UNSUPPORTED', 'The key management algorithm "__proto__" is not a registered JWE algorithm this tool decrypts. Supported: "RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512", "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW", "A128KW", "A192KW", "A256KW", "A128GCMKW", "A192GCMKW", "A256GCMKW", "dir", "PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW".'],
    ['no enc', { text: compactWith({ alg: 'A128KW' }) }, 'JWE_ENC_MISSING', 'The JOSE header has no "enc" (content encryption algorithm). The token is incomplete.'],
    ['unknown enc', { text: compactWith({ alg: 'A128KW', enc: 'A128CBC' }) }, 'JWE_ENC_UNSUPPORTED', 'The content encryption algorithm "A128CBC" is not a registered JWE "enc". Supported: "A128GCM", "A192GCM", "A256GCM", "A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512".'],
    ['zip GZIP', { text: compactWith({ alg: 'A128KW', enc: 'A128GCM', zip: 'GZIP' }) }, 'JWE_ZIP_UNSUPPORTED', 'The header\'s "zip" is "GZIP"; the only registered compression is "DEF" (raw DEFLATE).'],
    ['crit', { text: compactWith({ alg: 'A128KW', enc: 'A128GCM', crit: ['exp'], exp: 1 }) }, 'JWE_CRIT_UNSUPPORTED', 'The header marks "exp" as critical ("crit"); this tool understands no JWE extension parameters, and a recipient must refuse a token with critical parameters it does not understand (RFC 7516 §4.1.13).'],
    ['p2c not a number', { text: compactWith({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2s: 'AAAAAAAAAAA', p2c: '1000' }) }, 'JWE_PBES2_COUNT_INVALID', 'PBES2 needs the iteration count "p2c" as a positive whole number in the header; it is "1000", so the token is broken.'],
    ['empty key', { text: rfc7516['A.3'].compact, keyText: '' }, 'KEY_EMPTY', 'The decryption key is empty. Paste the private key (PEM or JWK), the JWKS, the shared secret or the password the token was encrypted for.'],
    ['broken JSON key', { text: rfc7516['A.3'].compact, keyText: '{"kty":' }, 'KEY_INVALID', 'The decryption key starts like JSON but is not valid JSON. Paste a whole JWK ({"kty":…}) or JWKS ({"keys":[…]}).'],
    ['public JWK', { text: rfc7516['A.1'].compact, keyText: JSON.stringify({ kty: 'RSA', n: rfc7516['A.1'].key.n, e: 'AQAB' }) }, 'KEY_NOT_PRIVATE', 'The JWK is a public RSA key (no "d"): a public key encrypts, only the private key decrypts. Paste the private JWK.'],
    ['Ed25519 JWK', { text: rfc7516['A.1'].compact, keyText: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'AAAA', d: 'AAAA' }) }, 'KEY_INVALID', 'The JWK is an OKP key on "Ed25519"; JWE key agreement (ECDH-ES) uses X25519 among OKP curves (Ed25519 is for signatures).'],
    ['bad bound', { text: rfc7516['A.3'].compact, maxPbes2Count: 0 }, 'JWE_OPTION_INVALID', 'The PBES2 iteration bound must be a positive whole number; it is 0.'],
  ]
  it.each(cases)('%s', async (_name, input, code, message) => {
    expect(await decryptJwe({ text: '', keyText: A128KW, encoding: 'utf8', ...input })).toEqual({ ok: false, error: { code, message } })
  })

  it('a public PEM key is refused: only the private key decrypts', async () => {
    const publicPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'pem', type: 'spki' }).toString()
    expect(await decryptJwe({ text: rfc7516['A.1'].compact, keyText: publicPem, encoding: 'utf8' })).toEqual({
      ok: false,
      error: { code: 'KEY_NOT_PRIVATE', message: 'This is a SPKI public key: a public key encrypts, only the private key decrypts. Paste the recipient\'s private key ("-----BEGIN PRIVATE KEY-----", "RSA PRIVATE KEY" or "EC PRIVATE KEY").' },
    })
  })

  it('header members in both the protected and the per-recipient header', async () => {
    const json = { ...rfc7520['5.10'].json_flat, header: { alg: 'A128KW' } }
    expect(await decryptJwe({ text: JSON.stringify(json), keyText: A128KW, encoding: 'utf8' })).toEqual({
      ok: false,
      error: { code: 'JWE_HEADER_DUPLICATE', message: 'The header member "alg" appears both in the protected header and in the per-recipient header ("header"); RFC 7516 §7.2.1 requires them to be disjoint, so the token is invalid.' },
    })
  })

  it.each([
    ['a megabyte of garbage', 'x'.repeat(1024 * 1024)],
    ['dots only', '....'],
    ['JSON array', '[1,2]'],
    ['JSON with a non-object recipient', '{"ciphertext":"AAAA","recipients":[1]}'],
  ])('hostile text (%s) is an error, never a throw', async (_name, text) => {
    const result = await decryptJwe({ text, keyText: A128KW, encoding: 'utf8' })
    expect(result.ok).toBe(false)
  })
})

describe('a key of the wrong kind fails the key step, naming what is needed', () => {
  const cases: [string, string, string, JweDecryptInput['encoding'], string][] = [
    ['a secret for RSA-OAEP', rfc7516['A.1'].compact, 'my secret', 'utf8', '"RSA-OAEP" needs an RSA private key (PEM "PRIVATE KEY" or "RSA PRIVATE KEY", or a private RSA JWK with "d"); the key given is typed text (a shared secret, or a password for PBES2).'],
    ['an RSA key for A128KW', rfc7516['A.3'].compact, JSON.stringify(rfc7516['A.1'].key), 'utf8', '"A128KW" needs a 128-bit (16-byte) shared AES key (typed as a secret, or an "oct" JWK); the key given is RSA 2048-bit private key (JWK).'],
    ['a short secret for A128KW, with the encoding that fits', rfc7516['A.3'].compact, rfc7516['A.3'].key.k, 'utf8', '"A128KW" needs a 128-bit (16-byte) shared AES key; the secret is 22 bytes as UTF-8. As base64url or base64 it would be 16 bytes: choose that secret encoding.'],
    ['a P-256 key for a P-384 epk', rfc7520['5.4'].compact, JSON.stringify(rfc7520.keys.meriadoc), 'utf8', 'The ephemeral key "epk" is on P-384, the key given on P-256: key agreement needs both on the same curve. Paste the recipient\'s P-384 private key.'],
    ['a key marked for signatures', rfc7516['A.3'].compact, JSON.stringify({ ...rfc7516['A.3'].key, use: 'sig' }), 'utf8', 'The key is marked "use":"sig", not "enc": it is published for signatures, and strict libraries refuse it for decryption. Use the recipient\'s encryption key ("use":"enc").'],
    ['a key bound to another alg', rfc7516['A.3'].compact, JSON.stringify({ ...rfc7516['A.3'].key, alg: 'A128GCMKW' }), 'utf8', 'The key is marked "alg":"A128GCMKW", but the token uses "A128KW"; a key is bound to the algorithm it names. Use the key made for "A128KW".'],
    ['a dir key of the wrong size', rfc7520['5.6'].compact, '00112233445566778899aabbccddeeff00', 'hex', '"dir" with "A128GCM" needs the 16-byte (128-bit) content encryption key itself; the secret is 17 bytes as hex. Paste the right key, or choose the secret encoding it was written in.'],
  ]
  it.each(cases)('%s', async (_name, text, keyText, encoding, explanation) => {
    const result = await decryptJwe({ text, keyText, encoding })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.steps.map((s) => `${s.id}:${s.verdict}`)).toEqual(['parse:pass', 'key:fail'])
    expect(result.value.steps[1]?.explanation).toBe(explanation)
    expect(result.value.plaintext).toBeUndefined()
  })
})
