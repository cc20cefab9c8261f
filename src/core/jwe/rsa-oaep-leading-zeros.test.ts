/**
 * WebKitGTK's WebCrypto returns an RSA-OAEP plaintext without its leading zero bytes: a CEK that starts
 * with a zero byte comes back one byte short. The core puts the zeros back (the tag still checks the
 * CEK) and says why; a CEK of another size is still refused.
 */
import { constants, createCipheriv, generateKeyPairSync, publicEncrypt, randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { decryptJwe } from './decrypt'

const b64u = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64url')
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const keyText = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()

/** A compact RSA-OAEP + A256GCM JWE of `plaintext` whose CEK is `cek` (built with node:crypto). */
function jwe(cek: Buffer, plaintext: string): string {
  const protectedHeader = b64u(JSON.stringify({ alg: 'RSA-OAEP', enc: 'A256GCM' }))
  const iv = randomBytes(12)
  const encryptedKey = publicEncrypt({ key: rsa.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, cek)
  const cipher = createCipheriv('aes-256-gcm', cek, iv).setAAD(Buffer.from(protectedHeader, 'ascii'))
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [protectedHeader, b64u(encryptedKey), b64u(iv), b64u(ciphertext), b64u(cipher.getAuthTag())].join('.')
}

/** Makes WebCrypto's RSA-OAEP decryption drop leading zero bytes, as WebKitGTK's does. */
function dropLeadingZeros(): void {
  const decrypt = crypto.subtle.decrypt.bind(crypto.subtle)
  vi.spyOn(crypto.subtle, 'decrypt').mockImplementation(async (algorithm, key, data) => {
    const out = new Uint8Array(await decrypt(algorithm, key, data))
    if ((algorithm as { name: string }).name !== 'RSA-OAEP') return out.buffer
    let start = 0
    while (start < out.length && out[start] === 0) start++
    return out.slice(start).buffer
  })
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('RSA-OAEP CEK without its leading zero bytes', () => {
  it.each([1, 2])('restores %i dropped zero byte(s), decrypts, and says why', async (zeros) => {
    dropLeadingZeros()
    const cek = Buffer.concat([Buffer.alloc(zeros), randomBytes(32 - zeros)])
    cek[zeros] = 0x80
    const result = await decryptJwe({ text: jwe(cek, 'hello'), keyText, encoding: 'utf8' })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.plaintextText).toBe('hello')
    const step = result.value.steps.find((s) => s.id === 'cek')
    expect(step?.verdict).toBe('pass')
    expect(step?.explanation).toContain(`This browser's WebCrypto returned ${String(32 - zeros)} bytes for the 32-byte CEK: it drops an RSA-OAEP plaintext's leading zero bytes (WebKitGTK does)`)
  })

  it('still refuses a CEK of another size (16 bytes for A256GCM)', async () => {
    const result = await decryptJwe({ text: jwe(randomBytes(32), 'x').replace(/^[^.]+\.[^.]+/, (head) => {
      const [h] = head.split('.')
      return `${String(h)}.${b64u(publicEncrypt({ key: rsa.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, randomBytes(16)))}`
    }), keyText, encoding: 'utf8' })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const step = result.value.steps.find((s) => s.id === 'cek')
    expect(step?.verdict).toBe('fail')
    expect(step?.explanation).toContain('But the CEK it yields is 16 bytes, and "A256GCM" needs 32')
  })
})
