/**
 * Shared keys for dir and AES key wrap: too short (refused, with a finding) or typed text (decrypted,
 * with a finding and a warning in the key step). Tokens are made here with node:crypto, independently
 * of the core's encryption.
 */
import { createCipheriv, randomBytes, type CipherGCMTypes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { jweSharedKeyFindings } from '../lint/jwe-rules'
import { decryptJwe } from './decrypt'
import { encryptJwe } from './encrypt'
import type { SecretEncoding } from '../types'

const b64u = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url')
const PLAINTEXT = 'a shared-key payload'

/** A compact JWE with AES-GCM content encryption under `cek`, its key managed as `alg` says (`encryptedKey` already made). */
function gcmJwe(header: Record<string, unknown>, cek: Buffer, encryptedKey: Buffer): string {
  const protectedText = b64u(JSON.stringify(header))
  const iv = randomBytes(12)
  const cipher = createCipheriv(`aes-${cek.length * 8}-gcm` as CipherGCMTypes, cek, iv)
  cipher.setAAD(Buffer.from(protectedText, 'ascii'))
  const ciphertext = Buffer.concat([cipher.update(PLAINTEXT, 'utf8'), cipher.final()])
  return [protectedText, b64u(encryptedKey), b64u(iv), b64u(ciphertext), b64u(cipher.getAuthTag())].join('.')
}

const dirJwe = (key: Buffer, enc = 'A256GCM') => gcmJwe({ alg: 'dir', enc }, key, Buffer.alloc(0))

/** RFC 3394 key wrap of a fresh 128-bit CEK under `kek`, the content in A128GCM. */
function kwJwe(kek: Buffer): string {
  const cek = randomBytes(16)
  const wrap = createCipheriv(`id-aes${kek.length * 8}-wrap`, kek, Buffer.from('A6A6A6A6A6A6A6A6', 'hex'))
  return gcmJwe({ alg: `A${kek.length * 8}KW`, enc: 'A128GCM' }, cek, Buffer.concat([wrap.update(cek), wrap.final()]))
}

const TEXT_KEY = 'correct horse battery staple 123' // 32 printable characters: the right length for A256GCM
const RANDOM_32 = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 128) % 256))

const textFinding = (dirOrAlg: 'dir' | 'A128KW', bytes: number, source: string) => ({
  id: 'jwe-key-text',
  severity: 'medium',
  title: dirOrAlg === 'dir' ? 'A typed text is used as the dir key' : 'A typed text is used as the A128KW key',
  explanation:
    `The ${bytes}-byte key is all printable characters (${source}): a password or passphrase in the place of ${dirOrAlg === 'dir' ? 'the content encryption key of "A256GCM"' : 'the key-wrapping key of "A128KW"'}, which should be random bytes. ` +
    `Text has far fewer unpredictable bits than its ${bytes * 8}-bit length suggests, and "${dirOrAlg}" adds no key derivation, so anyone holding a token can test guesses offline at the speed of AES${dirOrAlg === 'dir' ? ', and one guessed key opens every token' : ''}.`,
  fix: `Generate a random ${dirOrAlg === 'dir' ? 32 : 16}-byte key (crypto.getRandomValues, or a generated "oct" JWK) and share it as base64url or hex; to encrypt with a password, use PBES2-HS512+A256KW, which slows guessing.`,
  reference: dirOrAlg === 'dir' ? 'RFC 7518 §4.5; RFC 8725 §3.5' : 'RFC 7518 §4.4; RFC 8725 §3.5',
})

const shortFinding = (title: string, explanation: string, want: number, reference: string) => ({
  id: 'jwe-key-short',
  severity: 'high',
  title,
  explanation: `${explanation} Decryption refuses it, and a sender that made it fit by padding, repeating or truncating it protects the token with fewer bits than the algorithm promises.`,
  fix: `Use a random key of exactly ${want} bytes (for example a generated "oct" JWK), the same on both sides; if the key is right, check the secret encoding it was written in.`,
  reference,
})

describe('shared keys for dir and AES key wrap, decrypted', () => {
  const cases: [string, string, string, SecretEncoding, string, unknown[] | undefined][] = [
    ['dir with a 32-character passphrase as UTF-8: decrypts, with a finding', dirJwe(Buffer.from(TEXT_KEY)), TEXT_KEY, 'utf8', 'parse:pass key:pass cek:skip iv:pass aad:pass tag:pass decrypt:pass', [textFinding('dir', 32, 'the secret read as UTF-8')]],
    ['dir with 32 random bytes as hex: no finding', dirJwe(RANDOM_32), RANDOM_32.toString('hex'), 'hex', 'parse:pass key:pass cek:skip iv:pass aad:pass tag:pass decrypt:pass', undefined],
    ['dir with the same key as an "oct" JWK: no finding', dirJwe(RANDOM_32), JSON.stringify({ kty: 'oct', k: b64u(RANDOM_32) }), 'utf8', 'parse:pass key:pass cek:skip iv:pass aad:pass tag:pass decrypt:pass', undefined],
    [
      'dir A256GCM with 16 random bytes: refused at the key step',
      dirJwe(RANDOM_32),
      RANDOM_32.subarray(0, 16).toString('hex'),
      'hex',
      'parse:pass key:fail',
      [shortFinding('Shared key too short for dir with A256GCM: 16 bytes, 32 needed', 'With "dir" the shared key is the content encryption key of "A256GCM", which is exactly 32 bytes (256 bits); the secret read as hex gives 16 bytes (128 bits).', 32, 'RFC 7518 §4.5 and §5')],
    ],
    [
      'dir with a short word: too short and text',
      dirJwe(RANDOM_32),
      'secret',
      'utf8',
      'parse:pass key:fail',
      [
        shortFinding('Shared key too short for dir with A256GCM: 6 bytes, 32 needed', 'With "dir" the shared key is the content encryption key of "A256GCM", which is exactly 32 bytes (256 bits); the secret read as UTF-8 gives 6 bytes (48 bits).', 32, 'RFC 7518 §4.5 and §5'),
        { ...textFinding('dir', 6, 'the secret read as UTF-8'), fix: textFinding('dir', 32, '').fix },
      ],
    ],
    ['A128KW with a 16-character password: decrypts, with a finding', kwJwe(Buffer.from('passwordpassword')), 'passwordpassword', 'utf8', 'parse:pass key:pass cek:pass iv:pass aad:pass tag:pass decrypt:pass', [textFinding('A128KW', 16, 'the secret read as UTF-8')]],
    [
      'A128KW with an 8-byte "oct" JWK',
      kwJwe(randomBytes(16)),
      JSON.stringify({ kty: 'oct', k: b64u(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8])) }),
      'utf8',
      'parse:pass key:fail',
      [shortFinding('Shared key too short for A128KW: 8 bytes, 16 needed', 'With "A128KW" the shared key is the key-wrapping key of "A128KW", which is exactly 16 bytes (128 bits); the JWK\'s "k" gives 8 bytes (64 bits).', 16, 'RFC 7518 §4.4 and §4.7')],
    ],
  ]
  it.each(cases)('%s', async (_name, text, keyText, encoding, verdicts, findings) => {
    const result = await decryptJwe({ text, keyText, encoding })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.steps.map((s) => `${s.id}:${s.verdict}`).join(' ')).toBe(verdicts)
    expect(result.value.findings).toEqual(findings)
    if (findings !== undefined && verdicts.includes('decrypt:pass')) {
      expect(result.value.plaintextText).toBe(PLAINTEXT)
      expect(result.value.steps[1]?.explanation).toMatch(new RegExp(` Warning: ${(findings[0] as { title: string }).title}\\.$`))
    }
  })

  it('the key step of a short key still says what is needed and what the secret is', async () => {
    const result = await decryptJwe({ text: dirJwe(RANDOM_32), keyText: 'secret', encoding: 'utf8' })
    expect(result.ok && result.value.steps[1]?.explanation).toBe('"dir" with "A256GCM" needs the 32-byte (256-bit) content encryption key itself; the secret is 6 bytes as UTF-8. Paste the right key, or choose the secret encoding it was written in.')
  })
})

describe('jweSharedKeyFindings', () => {
  it.each([
    ['RSA-OAEP', 'A256GCM', Buffer.from('short')],
    ['ECDH-ES', 'A128GCM', Buffer.from('short')],
    ['PBES2-HS256+A128KW', 'A128GCM', Buffer.from('a password')],
    ['dir', 'A999GCM', Buffer.from('short')],
    ['A256GCMKW', 'A128GCM', RANDOM_32],
    ['dir', 'A128CBC-HS256', RANDOM_32],
  ])('%s / %s: nothing to say', (alg, enc, bytes) => {
    expect(jweSharedKeyFindings({ alg, enc, bytes, source: 'the key' })).toEqual([])
  })

  it('A192GCMKW with 16 random bytes: too short (24 needed)', () => {
    expect(jweSharedKeyFindings({ alg: 'A192GCMKW', enc: 'A128GCM', bytes: RANDOM_32.subarray(0, 16), source: 'the key' }).map((f) => f.title)).toEqual([
      'Shared key too short for A192GCMKW: 16 bytes, 24 needed',
    ])
  })

  it('dir with A256CBC-HS512 needs 64 bytes: 32 random bytes are short', () => {
    expect(jweSharedKeyFindings({ alg: 'dir', enc: 'A256CBC-HS512', bytes: RANDOM_32, source: 'the key' }).map((f) => f.title)).toEqual([
      'Shared key too short for dir with A256CBC-HS512: 32 bytes, 64 needed',
    ])
  })
})

describe('shared keys for dir and AES key wrap, encrypted', () => {
  it.each([
    ['dir with a passphrase as UTF-8', 'dir', 'A256GCM', TEXT_KEY, 'utf8', ['A typed text is used as the dir key']],
    ['A128KW with a password as UTF-8', 'A128KW', 'A128GCM', 'passwordpassword', 'utf8', ['A typed text is used as the A128KW key']],
    ['dir with random bytes as hex', 'dir', 'A256GCM', RANDOM_32.toString('hex'), 'hex', undefined],
    ['PBES2 with a password: no shared-key finding (PBKDF2 slows guessing)', 'PBES2-HS256+A128KW', 'A128GCM', 'a password', 'utf8', undefined],
  ] as const)('%s', async (_name, alg, enc, keyText, encoding, titles) => {
    const result = await encryptJwe({ plaintext: PLAINTEXT, keyText, encoding, alg, enc, serialization: 'compact' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.findings?.map((f) => f.title)).toEqual(titles)
    const back = await decryptJwe({ text: result.value.token, keyText, encoding })
    expect(back.ok && back.value.plaintextText).toBe(PLAINTEXT)
  })

  it('the finding names the key as the encrypt form describes it', async () => {
    const result = await encryptJwe({ plaintext: PLAINTEXT, keyText: TEXT_KEY, encoding: 'utf8', alg: 'dir', enc: 'A256GCM', serialization: 'flattened' })
    expect(result.ok && result.value.findings?.[0]?.explanation).toMatch(/^The 32-byte key is all printable characters \(the shared key \(256-bit shared key[^)]*\)\): a password or passphrase in the place of the content encryption key of "A256GCM"/)
  })
})
