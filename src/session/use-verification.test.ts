import { describe, expect, it } from 'vitest'
import { createHmac } from 'node:crypto'
import { decodeToken, parseKey, verifyToken, type KeyInput } from '../core'
import type { ParsedKeyState } from './use-parsed-key'
import { verificationView } from './use-verification'

const b64u = (s: string) => Buffer.from(s).toString('base64url')
const SECRET = 'a-secret-that-is-long-enough-for-hs256!!'

function hs256(secret: string): string {
  const input = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u('{"sub":"1"}')}`
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
}

async function secretKey(text: string): Promise<KeyInput> {
  const parsed = await parseKey(text, { encoding: 'utf8' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

const empty: ParsedKeyState = { status: 'empty' }
const pending: ParsedKeyState = { status: 'pending' }
const unreadable: ParsedKeyState = { status: 'error', error: { code: 'KEY_UNREADABLE', message: 'The key text is not a key.' } }

// The texts the status shows; the reasons a token cannot be checked at all come from the core.
describe('verificationView', () => {
  const cases: { name: string; token: string; key: ParsedKeyState; status: string; text: string | RegExp }[] = [
    { name: 'no key typed', token: hs256(SECRET), key: empty, status: 'not-checked', text: 'Signature not checked: add a verification key' },
    { name: 'key still being read', token: hs256(SECRET), key: pending, status: 'pending', text: 'Signature not checked: reading the key…' },
    { name: 'key unreadable', token: hs256(SECRET), key: unreadable, status: 'not-checked', text: 'Signature not checked: The key text is not a key.' },
    {
      name: "alg 'none', whatever the key box holds",
      token: `${b64u('{"alg":"none"}')}.${b64u('{"sub":"1"}')}.`,
      key: empty,
      status: 'not-checked',
      text: "Signature not checked: the token is unsecured (alg 'none') and has no signature",
    },
    {
      name: 'an encrypted token (JWE), before any key',
      token: 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d',
      key: pending,
      status: 'not-checked',
      text: /^Signature not checked: This is an encrypted token \(JWE, five parts\): it has no signature of its own\. Decrypt it under Decryption/,
    },
    {
      name: 'not a signed token',
      token: 'just some text',
      key: unreadable,
      status: 'not-checked',
      text: /^Signature not checked: The text is not a signed token \(JWS\)/,
    },
  ]
  for (const c of cases) {
    it(c.name, async () => {
      const view = verificationView(await verifyToken(decodeToken(c.token), null), c.key)
      expect(view.status).toBe(c.status)
      if (typeof c.text === 'string') expect(view.text).toBe(c.text)
      else expect(view.text).toMatch(c.text)
    })
  }

  it('verified: names the key by its thumbprint', async () => {
    const key = await secretKey(SECRET)
    const view = verificationView(await verifyToken(decodeToken(hs256(SECRET)), key), { status: 'ok', input: key })
    expect(view.status).toBe('verified')
    expect(view.text).toBe(`Signature verified with the key (thumbprint ${key.keys[0]!.thumbprint})`)
  })

  it('invalid: says the signature does not match', async () => {
    const key = await secretKey('another-secret-that-is-long-enough-too!!')
    const view = verificationView(await verifyToken(decodeToken(hs256(SECRET)), key), { status: 'ok', input: key })
    expect(view.status).toBe('invalid')
    expect(view.text).toMatch(/^Invalid signature: /)
  })
})
