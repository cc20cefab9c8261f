/** The published JWE examples of RFC 7516 Appendix A and RFC 7520 §5 decrypt to their published plaintexts. */
import { describe, expect, it } from 'vitest'
import rfc7516 from '../../../test/fixtures/vectors/jwe/rfc7516.json'
import rfc7520 from '../../../test/fixtures/vectors/jwe/rfc7520.json'
import { decryptJwe } from './decrypt'
import type { JweDecryption } from './types'

type CookbookKey = keyof typeof rfc7520.keys
const key = (name: CookbookKey) => JSON.stringify(rfc7520.keys[name])
const RSA1_5_REFUSAL =
  'The key management algorithm is "RSA1_5" (RSAES-PKCS1-v1_5), which this tool refuses: its padding check is a Bleichenbacher padding oracle — a decrypter that reveals whether padding was valid lets an attacker recover the CEK with many crafted tokens — so RFC 8725 §3.2 says not to use it, and maintained JOSE libraries (jose v6 among them) no longer offer it. Ask the sender to encrypt with "RSA-OAEP-256" (or "RSA-OAEP") to the same RSA key.'
const verdicts = (value: JweDecryption) => value.steps.map((s) => `${s.id}:${s.verdict}`).join(' ')

async function decrypted(text: string, keyText: string): Promise<JweDecryption> {
  const result = await decryptJwe({ text, keyText, encoding: 'utf8' })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

describe('RFC 7516 Appendix A', () => {
  it('A.1 RSA-OAEP with A256GCM', async () => {
    const value = await decrypted(rfc7516['A.1'].compact, JSON.stringify(rfc7516['A.1'].key))
    expect(value.plaintextText).toBe(rfc7516['A.1'].plaintext)
    expect(verdicts(value)).toBe('parse:pass key:pass cek:pass iv:pass aad:pass tag:pass decrypt:pass')
  })

  it('A.2 RSA1_5 is refused with the reason', async () => {
    const result = await decryptJwe({ text: rfc7516['A.2'].compact, keyText: JSON.stringify(rfc7516['A.1'].key), encoding: 'utf8' })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'JWE_ALG_REFUSED',
        message: RSA1_5_REFUSAL,
      },
    })
  })

  it('A.3 A128KW with A128CBC-HS256 (the key as JWK and as a base64url secret)', async () => {
    expect((await decrypted(rfc7516['A.3'].compact, JSON.stringify(rfc7516['A.3'].key))).plaintextText).toBe(rfc7516['A.3'].plaintext)
    const secret = await decryptJwe({ text: rfc7516['A.3'].compact, keyText: rfc7516['A.3'].key.k, encoding: 'base64url' })
    expect(secret.ok && secret.value.plaintextText).toBe(rfc7516['A.3'].plaintext)
  })

  it('A.1 split over lines as the RFC prints it', async () => {
    const compact = rfc7516['A.1'].compact
    const folded = compact.replace(/(.{64})/g, '$1\n')
    const value = await decrypted(folded, JSON.stringify(rfc7516['A.1'].key))
    expect(value.plaintextText).toBe(rfc7516['A.1'].plaintext)
    expect(value.steps[0]?.explanation).toMatch(/ Whitespace inside the token \(line breaks from copying\) was removed\.$/)
  })
})

describe('RFC 7520 §5 (JOSE Cookbook)', () => {
  const compactCases: [string, string, CookbookKey][] = [
    ['5.2', rfc7520['5.2'].compact, 'samwise'],
    ['5.4', rfc7520['5.4'].compact, 'peregrin'],
    ['5.5', rfc7520['5.5'].compact, 'meriadoc'],
    ['5.6', rfc7520['5.6'].compact, 'a128gcm'],
    ['5.7', rfc7520['5.7'].compact, 'a256gcmkw'],
    ['5.8', rfc7520['5.8'].compact, 'a128kw'],
    ['5.9', rfc7520['5.9'].compact, 'a128kw'],
  ]
  it.each(compactCases)('§%s', async (_section, compact, name) => {
    expect((await decrypted(compact, key(name))).plaintextText).toBe(rfc7520.plaintext)
  })

  it('§5.3 PBES2-HS512+A256KW with the password, UTF-8 (en dashes included)', async () => {
    const value = await decrypted(rfc7520['5.3'].compact, rfc7520['5.3'].password)
    expect(value.plaintextText).toBe(rfc7520['5.3'].plaintext)
    expect(value.steps.find((s) => s.id === 'cek')?.values.find((v) => v.label === 'Iterations (p2c)')?.value).toBe('8192')
  })

  it('§5.5 ECDH-ES: the CEK from ECDH and Concat KDF is the published one', async () => {
    const value = await decrypted(rfc7520['5.5'].compact, key('meriadoc'))
    const cek = value.steps.find((s) => s.id === 'cek')?.values.find((v) => v.label.startsWith('CEK'))?.value
    expect(cek).toBe(Buffer.from(rfc7520['5.5'].cek, 'base64url').toString('hex'))
  })

  it('§5.9 compressed content inflates', async () => {
    const value = await decrypted(rfc7520['5.9'].compact, key('a128kw'))
    expect(verdicts(value)).toBe('parse:pass key:pass cek:pass iv:pass aad:pass tag:pass decrypt:pass inflate:pass')
  })

  it.each([
    ['general', rfc7520['5.10'].json],
    ['flattened', rfc7520['5.10'].json_flat],
  ] as const)('§5.10 additional authenticated data, %s JSON', async (serialization, json) => {
    const value = await decrypted(JSON.stringify(json), key('a128kw'))
    expect(value.serialization).toBe(serialization)
    expect(value.plaintextText).toBe(rfc7520.plaintext)
    expect(value.steps.find((s) => s.id === 'aad')?.values[0]?.value).toBe(`${json.protected}.${json.aad}`)
  })

  it('§5.10 with the "aad" member changed fails the tag check', async () => {
    const json = { ...rfc7520['5.10'].json_flat, aad: Buffer.from('["vcard",[]]').toString('base64url') }
    const value = await decrypted(JSON.stringify(json), key('a128kw'))
    expect(value.steps.find((s) => s.verdict === 'fail')?.id).toBe('tag')
  })

  it.each([
    ['5.11', 'general', rfc7520['5.11'].json],
    ['5.11', 'flattened', rfc7520['5.11'].json_flat],
    ['5.12', 'general', rfc7520['5.12'].json],
    ['5.12', 'flattened', rfc7520['5.12'].json_flat],
  ] as const)('§%s %s JSON: "alg" and "kid" in the shared unprotected header decrypt, and the CEK is the published one', async (section, serialization, json) => {
    const value = await decrypted(JSON.stringify(json), key('a128kw'))
    expect(value.serialization).toBe(serialization)
    expect(value.plaintextText).toBe(rfc7520.plaintext)
    expect(verdicts(value)).toBe('parse:pass key:pass cek:pass iv:pass aad:pass tag:pass decrypt:pass')
    expect(value.header).toEqual({ alg: 'A128KW', enc: 'A128GCM', kid: '81b20965-8332-43d9-a468-82160ad91ac8' })
    const cek = value.steps.find((s) => s.id === 'cek')?.values.find((v) => v.label.startsWith('CEK'))?.value
    expect(cek).toBe(Buffer.from(rfc7520[section].cek, 'base64url').toString('hex'))
  })

  it('§5.11 only "enc" is protected: the AAD is that header alone', async () => {
    const value = await decrypted(JSON.stringify(rfc7520['5.11'].json), key('a128kw'))
    expect(value.protectedHeader).toEqual({ enc: 'A128GCM' })
    expect(value.steps.find((s) => s.id === 'aad')?.values[0]?.value).toBe('eyJlbmMiOiJBMTI4R0NNIn0')
  })

  it('§5.12 no protected header: the AAD is empty and the step says the headers are not authenticated', async () => {
    const value = await decrypted(JSON.stringify(rfc7520['5.12'].json), key('a128kw'))
    expect(value.protectedHeader).toEqual({})
    const aad = value.steps.find((s) => s.id === 'aad')
    expect(aad?.values[0]?.value).toBe('')
    expect(aad?.explanation).toMatch(/ This JWE has no protected header, so its headers are not authenticated at all\.$/)
  })

  it.each([
    ['5.11', { ...rfc7520['5.11'].json_flat, protected: Buffer.from('{"enc":"A128GCM" }').toString('base64url') }],
    ['5.12', { ...rfc7520['5.12'].json_flat, protected: Buffer.from('{}').toString('base64url') }],
  ] as const)('§%s with the protected header changed fails the tag check', async (_section, json) => {
    const result = await decryptJwe({ text: JSON.stringify(json), keyText: key('a128kw'), encoding: 'utf8' })
    expect(result.ok && result.value.steps.find((s) => s.verdict === 'fail')?.id).toBe('tag')
  })

  it('§5.13 several recipients: the one whose kid matches a key is decrypted, and named', async () => {
    const jwks = JSON.stringify({ keys: [rfc7520.keys.peregrin, rfc7520.keys.a256gcmkw] })
    const value = await decrypted(JSON.stringify(rfc7520['5.13'].json), jwks)
    expect(value.plaintextText).toBe(rfc7520.plaintext)
    expect(value.recipient).toEqual({ index: 1, count: 3 })
    expect(value.header).toMatchObject({ alg: 'ECDH-ES+A256KW', enc: 'A128CBC-HS256', cty: 'text/plain', kid: 'peregrin.took@tuckborough.example' })
    expect(value.steps[1]?.explanation).toBe(
      'Recipient 2 of 3 ("ECDH-ES+A256KW"): EC P-384 private key (JWKS key 1, kid "peregrin.took@tuckborough.example") — a P-384 private key agrees on a shared secret with the ephemeral key "epk" (P-384). Its kid matches the header\'s ("peregrin.took@tuckborough.example"). ' +
        `Recipient 1 was skipped: ${RSA1_5_REFUSAL}`,
    )
  })

  it('§5.13 with the A256GCMKW key only: recipient 3', async () => {
    const value = await decrypted(JSON.stringify(rfc7520['5.13'].json), key('a256gcmkw'))
    expect(value.recipient).toEqual({ index: 2, count: 3 })
    expect(value.plaintextText).toBe(rfc7520.plaintext)
  })

  it('§5.13 with only the RSA key (of the refused RSA1_5 recipient): no key fits', async () => {
    const value = await decrypted(JSON.stringify(rfc7520['5.13'].json), key('samwise'))
    expect(verdicts(value)).toBe('parse:pass key:fail')
    expect(value.steps[1]?.explanation).toMatch(/^No key fits any recipient\. Recipient 2 \("ECDH-ES\+A256KW"\) with RSA 4096-bit private key/)
  })
})

describe('RFC 7520 §6 nested signatures and encryption', () => {
  it('the plaintext is the inner JWS, handed on as innerToken', async () => {
    const value = await decrypted(rfc7520['6'].compact, key('samwise'))
    expect(value.header.cty).toBe('JWT')
    expect(value.plaintextText).toBe(rfc7520['6'].inner)
    expect(value.innerToken).toBe(rfc7520['6'].inner)
    expect(value.steps.find((s) => s.id === 'decrypt')?.explanation).toBe(
      'Decrypted with AES-128 in GCM mode: one operation decrypts and checks the 128-bit tag. The plaintext is a signed token (JWS), as "cty":"JWT" says: a nested JWT — verify the inner token\'s signature before trusting its claims.',
    )
  })
})
