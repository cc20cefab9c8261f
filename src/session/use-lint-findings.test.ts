import { describe, expect, it } from 'vitest'
import { createHmac } from 'node:crypto'
import { decodeToken, lintToken, parseKey, type SecretEncoding } from '../core'
import { lintKeyContext } from './use-lint-findings'
import type { ParsedKeyState } from './use-parsed-key'

const b64u = (s: string) => Buffer.from(s).toString('base64url')

function hs256(secret: string, payload: string): string {
  const input = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(payload)}`
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
}

async function parsed(text: string, encoding: SecretEncoding): Promise<ParsedKeyState> {
  const result = await parseKey(text, { encoding })
  return result.ok ? { status: 'ok', input: result.value } : { status: 'error', error: result.error }
}

describe('lintKeyContext', () => {
  it('passes a UTF-8 HMAC secret as typed text, so the common-secret rule sees it', async () => {
    const context = lintKeyContext('secret', 'utf8', await parsed('secret', 'utf8'))
    expect(context.secretText).toBe('secret')
    const ids = lintToken(decodeToken(hs256('secret', '{"sub":"1","exp":4102444800}')), { ...context, now: 1_767_225_600 }).map((f) => f.id)
    expect(ids).toEqual(['hmac-secret-common', 'hmac-secret-short'])
  })

  it('does not pass the text of an encoded secret as the secret itself', async () => {
    // "c2VjcmV0" is base64 for "secret": the lint must judge the bytes, not the base64 text.
    const context = lintKeyContext('c2VjcmV0', 'base64', await parsed('c2VjcmV0', 'base64'))
    expect(context.secretText).toBeUndefined()
    expect(context.keys?.format).toBe('secret')
  })

  it('gives no key while the key is still being read or could not be read', () => {
    expect(lintKeyContext('x', 'utf8', { status: 'pending' })).toEqual({ keys: null, secretText: undefined })
    expect(lintKeyContext('', 'utf8', { status: 'empty' })).toEqual({ keys: null, secretText: undefined })
  })
})
