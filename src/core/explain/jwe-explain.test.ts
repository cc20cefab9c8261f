// The walkthrough of an encrypted token, on the RFC 7516 Appendix A examples: the five parts with
// their sizes (A.1: 256-byte RSA-OAEP encrypted key, 12-byte IV, 16-byte tag; A.3: a 40-byte wrapped CEK),
// where the CEK comes from, and that the protected header is AAD, not encrypted.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeToken } from '../token/decode'
import { explainToken } from './explain-token'

const RFC7516 = JSON.parse(readFileSync(new URL('../../../test/fixtures/vectors/jwe/rfc7516.json', import.meta.url), 'utf8')) as Record<'A.1' | 'A.3', { compact: string; plaintext: string }>

async function steps(compact: string) {
  const result = await explainToken(decodeToken(compact), null)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('the JWE walkthrough', () => {
  it('RFC 7516 A.1 (RSA-OAEP, A256GCM): header steps, then the five parts, the CEK and the AAD', async () => {
    const all = await steps(RFC7516['A.1'].compact)
    expect(all.map((s) => s.id)).toEqual(['header-json', 'header-bytes', 'header-base64url', 'jwe-parts', 'jwe-cek', 'jwe-aad'])
    const parts = all.find((s) => s.id === 'jwe-parts')!
    expect(parts.values.map((v) => [v.label, v.value])).toEqual([
      // {"alg":"RSA-OAEP","enc":"A256GCM"} is 34 bytes; the IV is RFC 7516 A.1.4's [227, 197, 117, 252, 2, 219, 233, 68, 180, 225, 77, 219].
      ['Protected header', '34 bytes: "alg" RSA-OAEP, "enc" A256GCM'],
      ['Encrypted key', '256 bytes'],
      ['IV', `12 bytes: ${hexGroups([227, 197, 117, 252, 2, 219, 233, 68, 180, 225, 77, 219])}`],
      // AES-GCM ciphertext is as long as the plaintext.
      ['Ciphertext', `${new TextEncoder().encode(RFC7516['A.1'].plaintext).length} bytes`],
      ['Authentication tag', '16 bytes'],
    ])
    expect(all.find((s) => s.id === 'jwe-cek')!.explanation).toContain('a random CEK is encrypted to the recipient\'s RSA public key (RSAES-OAEP)')
    const aad = all.find((s) => s.id === 'jwe-aad')!
    expect(aad.explanation).toContain('"A256GCM" is AES-GCM')
    expect(aad.explanation).toContain('The protected header is not encrypted: its base64url text is the additional authenticated data (AAD)')
    expect(aad.values[0]).toEqual({ label: 'AAD (ASCII of the protected header)', value: 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ', mono: true })
  })

  it('RFC 7516 A.3 (A128KW, A128CBC-HS256): a wrapped CEK and the CBC-HMAC construction', async () => {
    const all = await steps(RFC7516['A.3'].compact)
    // A128CBC-HS256 needs a 32-byte CEK; AES key wrap adds 8 bytes (RFC 3394).
    expect(all.find((s) => s.id === 'jwe-parts')!.values.find((v) => v.label === 'Encrypted key')!.value).toBe('40 bytes')
    expect(all.find((s) => s.id === 'jwe-cek')!.explanation).toContain('With "A128KW" a shared AES key wraps a random CEK (AES key wrap, RFC 3394)')
    expect(all.find((s) => s.id === 'jwe-aad')!.explanation).toContain('"A128CBC-HS256" is AES-CBC for secrecy plus HMAC for integrity')
  })
})

/** Bytes as lower-case hex in groups of three bytes, as the walkthrough lists them. */
function hexGroups(bytes: number[]): string {
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0'))
  const groups: string[] = []
  for (let i = 0; i < hex.length; i += 3) groups.push(hex.slice(i, i + 3).join(''))
  return groups.join(' ')
}
