import { describe, expect, it } from 'vitest'
import { isJsonJwe } from './jwe-token'
import { hexPreview, takesSharedSecret } from './secret-encodings'

describe('isJsonJwe', () => {
  // RFC 7516 Appendix A.4.7 (general) and A.5 (flattened), trimmed to their members' shapes.
  const general = '{"protected":"eyJlbmMiOiJBMTI4Q0JDLUhTMjU2In0","unprotected":{"jku":"https://server.example.com/keys.jwks"},"recipients":[{"header":{"alg":"RSA1_5","kid":"2011-04-29"},"encrypted_key":"UGhIOguC7Iu"}],"iv":"AxY8DCtDaGlsbGljb3RoZQ","ciphertext":"KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY","tag":"Mz-VPPyU4RlcuYv1IwIvzw"}'
  const flattened = '{"protected":"eyJlbmMiOiJBMTI4Q0JDLUhTMjU2In0","header":{"alg":"A128KW","kid":"7"},"encrypted_key":"6KB707dM9YTIgHtLvtgWQ8mKwboJW3of9locizkDTHzBC2IlrT1oOQ","iv":"AxY8DCtDaGlsbGljb3RoZQ","ciphertext":"KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY","tag":"U0m_YmjN04DJvceFICbCVQ"}'
  it.each<[string, string, boolean]>([
    ['the general syntax', general, true],
    ['the flattened syntax, with spaces around it', `  \n${flattened}\n`, true],
    ['a JWS in JSON serialization', '{"payload":"eyJzdWIiOiIxIn0","protected":"eyJhbGciOiJIUzI1NiJ9","signature":"c2ln"}', false],
    ['a ciphertext that is not a string', '{"protected":"e30","ciphertext":42}', false],
    ['"ciphertext" only inside a string', '{"note":"\\"ciphertext\\""}', false],
    ['"ciphertext" nested below the top level', '{"inner":{"ciphertext":"x"}}', false],
    ['broken JSON', '{"ciphertext":"x"', false],
    ['a JSON array', '[{"ciphertext":"x"}]', false],
    ['a compact JWE (the decoder reports those)', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..aXY.Y3Q.dGFn', false],
    ['empty text', '', false],
  ])('%s', (_name, text, expected) => {
    expect(isJsonJwe(text)).toBe(expected)
  })

  it('a megabyte of JSON-looking text is answered quickly', () => {
    const text = `{"ciphertext":"${'A'.repeat(1_000_000)}"`
    const start = performance.now()
    expect(isJsonJwe(text)).toBe(false)
    expect(performance.now() - start).toBeLessThan(1000)
  })
})

describe('takesSharedSecret', () => {
  it.each<[string | undefined, boolean]>([
    ['A128KW', true], ['A192KW', true], ['A256KW', true], ['A128GCMKW', true], ['A256GCMKW', true], ['dir', true], [undefined, true],
    ['RSA-OAEP', false], ['RSA-OAEP-256', false], ['ECDH-ES', false], ['ECDH-ES+A128KW', false], ['PBES2-HS256+A128KW', false], ['A512KW', false], ['xA128KW', false],
  ])('%s → %s', (alg, expected) => {
    expect(takesSharedSecret(alg)).toBe(expected)
  })
})

describe('hexPreview', () => {
  it('shows bytes as hex pairs', () => {
    expect(hexPreview(Uint8Array.of(0, 15, 16, 255))).toBe('00 0f 10 ff')
  })
  it('cuts after 4096 bytes and counts the rest', () => {
    const out = hexPreview(new Uint8Array(5000).fill(0xab))
    expect(out.startsWith('ab ab ')).toBe(true)
    expect(out.endsWith(' … (904 more bytes)')).toBe(true)
    expect(out.split(' ').filter((x) => x === 'ab')).toHaveLength(4096)
  })
})
