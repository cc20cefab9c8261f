import { readFileSync } from 'node:fs'
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { SecretEncoding } from '../types'
import { decodeToken } from '../token/decode'
import { verifyToken } from '../token/verify'
import { parseKey } from './parse'

// Issue item: a key pasted without its PEM armour must be recognised by content, never used as an
// HMAC secret (the algorithm-confusion attack works exactly with such text).
const DIR = new URL('../../../test/fixtures/keys/', import.meta.url)
const read = (file: string) => readFileSync(new URL(file, DIR), 'utf8')
const bodyLines = (pem: string) => pem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'))
const der = (pem: string) => Buffer.from(bodyLines(pem).join(''), 'base64')

type Form = 'several lines' | 'one line' | 'base64url' | 'hex' | 'hex with colons'
const forms: Readonly<Record<Form, (pem: string) => string>> = {
  'several lines': (pem) => bodyLines(pem).join('\n'),
  'one line': (pem) => bodyLines(pem).join(''),
  base64url: (pem) => der(pem).toString('base64url'),
  hex: (pem) => der(pem).toString('hex'),
  'hex with colons': (pem) => der(pem).toString('hex').replace(/(..)(?!$)/g, '$1:'),
}

const files: readonly [string, string, string][] = [
  ['rsa-2048-spki.pem', 'pem-spki', 'SPKI public key'],
  ['rsa-2048-pkcs1-public.pem', 'pem-pkcs1-public', 'PKCS#1 RSA public key'],
  ['rsa-2048-cert.pem', 'pem-certificate', 'X.509 certificate'],
  ['ec-p256-spki.pem', 'pem-spki', 'SPKI public key'],
  ['ed25519-spki.pem', 'pem-spki', 'SPKI public key'],
  ['rsa-2048-pkcs8.pem', 'pem-pkcs8', 'PKCS#8 private key'],
  ['ec-p256-sec1.pem', 'pem-sec1', 'SEC1 EC private key'],
]
const encodingName: Readonly<Record<Form, string>> = {
  'several lines': 'base64', 'one line': 'base64', base64url: 'base64url', hex: 'hex', 'hex with colons': 'hex',
}

const cases = files.flatMap(([file, format, name]) =>
  (Object.keys(forms) as Form[]).flatMap((form) =>
    (['utf8', 'base64', 'base64url', 'hex'] as SecretEncoding[]).map((encoding) => ({ file, format, name, form, encoding }))),
)

describe('key material without PEM armour is recognised by content', () => {
  it.each(cases)('$file as $form with Secret encoding $encoding', async ({ file, format, name, form, encoding }) => {
    const pem = read(file)
    const viaPem = await parseKey(pem, { encoding: 'utf8' })
    const text = forms[form](pem)
    const bare = await parseKey(text, { encoding })
    if (!viaPem.ok || !bare.ok) throw new Error('fixture did not parse')
    expect(bare.value.format).toBe(format)
    expect(bare.value.keys.map((k) => k.thumbprint)).toEqual(viaPem.value.keys.map((k) => k.thumbprint))
    expect(bare.value.keys[0]!.kind).not.toBe('secret')
    expect(bare.value.notes[0]).toBe(
      `Recognised as a ${name} written as ${form === 'base64url' && !/[-_]/.test(text) ? 'base64' : encodingName[form]} without PEM armour (no BEGIN/END lines); it is used as that key, never as an HMAC secret.`,
    )
  })

  it.each(['several lines', 'one line', 'hex'] as Form[])('an HS256 token MACed with a public key written as %s does not verify', async (form) => {
    const text = forms[form](read('rsa-2048-spki.pem'))
    const header = Buffer.from('{"alg":"HS256"}').toString('base64url')
    const payload = Buffer.from('{"sub":"admin"}').toString('base64url')
    const mac = createHmac('sha256', text).update(`${header}.${payload}`).digest('base64url')
    for (const encoding of ['utf8', 'base64', 'hex'] as SecretEncoding[]) {
      const key = await parseKey(text, { encoding })
      if (!key.ok) throw new Error(key.error.message)
      const result = await verifyToken(decodeToken(`${header}.${payload}.${mac}`), key.value)
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'KEY_ALG_MISMATCH',
          message: 'The key is an RSA public key (2048 bits), but HS256 needs a shared secret. Using a public or private key as an HMAC secret is the algorithm-confusion attack, so it is refused. Choose RS256, RS384, RS512, PS256, PS384, PS512 for this key, or paste a shared secret.',
        },
      })
    }
  })

  it('the same public key as PEM gets the same refusal (one explanation for both)', async () => {
    const pem = read('rsa-2048-spki.pem')
    const header = Buffer.from('{"alg":"HS256"}').toString('base64url')
    const payload = Buffer.from('{"sub":"admin"}').toString('base64url')
    const mac = createHmac('sha256', pem).update(`${header}.${payload}`).digest('base64url')
    const key = await parseKey(pem, { encoding: 'utf8' })
    if (!key.ok) throw new Error(key.error.message)
    const result = await verifyToken(decodeToken(`${header}.${payload}.${mac}`), key.value)
    expect(result.ok ? 'verified?' : result.error.code).toBe('KEY_ALG_MISMATCH')
  })

  it('a DER structure that is recognised but broken is refused, not used as a secret', async () => {
    const bytes = der(read('ec-p256-spki.pem'))
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 5) ^ 0xff, bytes.length - 5) // a point that is not on the curve
    const result = await parseKey(bytes.toString('base64'), { encoding: 'utf8' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('KEY_NOT_A_SECRET')
    expect(result.error.message).toMatch(/^The text is base64 of a SPKI public key \(recognised by its content\), so it is not used as an HMAC secret, but the key could not be read: /)
  })

  it.each([
    ['a short base64 secret', 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=', 'base64'],
    ['a long hex secret', 'ab'.repeat(64), 'hex'],
    ['a passphrase', 'correct horse battery staple and more words than forty', 'utf8'],
  ] as [string, string, SecretEncoding][])('%s stays a secret', async (_name, text, encoding) => {
    const result = await parseKey(text, { encoding })
    expect(result.ok && result.value.format).toBe('secret')
  })
})
