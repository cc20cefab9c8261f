// A JWE in JSON serialization (RFC 7516 §7.2) is named as one, not as a JWS or a broken token, and
// points at the Decryption region; the JWS JSON reader refuses it.
import { describe, expect, it } from 'vitest'
import { decodeToken } from './decode'
import { readJwsJsonObject } from './jws-json-object'
import { verifyToken } from './verify'

const flattened = '{"protected":"eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0","iv":"AAAA","ciphertext":"AAAA","tag":"AAAA"}'
const general = '{"protected":"eyJlbmMiOiJBMTI4R0NNIn0","recipients":[{"header":{"alg":"A128KW"},"encrypted_key":"AAAA"},{"header":{"alg":"dir"}}],"iv":"AAAA","ciphertext":"AAAA","tag":"AAAA"}'

describe('a JWE in JSON serialization', () => {
  it.each([
    ['flattened', flattened, 'flattened syntax'],
    ['general', general, 'general syntax with 2 recipients'],
  ])('%s: an info diagnostic names it and points at Decryption key', (_name, text, syntax) => {
    const first = decodeToken(text).diagnostics[0]
    expect(first).toMatchObject({ severity: 'info', code: 'JWE_JSON_SERIALIZATION' })
    expect(first?.message).toBe(`This is an encrypted token (JWE) in JSON serialization (RFC 7516 §7.2), ${syntax}: its parts are JSON members, not '.'-separated parts. Paste the key into Decryption key to decrypt it there.`)
  })

  it('the verdict says it has no signature of its own, and where to decrypt it', async () => {
    const result = await verifyToken(decodeToken(flattened), null)
    expect(result).toEqual({
      ok: false,
      error: { code: 'JWE_NOT_SUPPORTED', message: "This is an encrypted token (JWE) in JSON serialization: it has no signature of its own. Decrypt it under Decryption; a nested token's inner signature is verified once you open the inner token." },
    })
  })

  it('the JWS JSON reader refuses it, so the JWS panel stays away', () => {
    expect(readJwsJsonObject(flattened)).toEqual({
      ok: false,
      error: { code: 'NOT_JWS_JSON', message: 'The JSON object has "ciphertext": it is an encrypted token (JWE) in JSON serialization, not a JWS. It is decrypted under Decryption.' },
    })
  })
})
