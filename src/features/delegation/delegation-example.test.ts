import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildDelegationExample } from './delegation-example'

const NOW = 1_767_225_600

function parts(token: string): { header: unknown; payload: unknown; signingInput: string; signature: string } {
  const [h, p, s] = token.split('.') as [string, string, string]
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')),
    signingInput: `${h}.${p}`,
    signature: s,
  }
}

describe('buildDelegationExample', () => {
  it('signs the RFC 8693 nested-actor payload with a fresh 256-bit secret that node:crypto verifies', async () => {
    const built = await buildDelegationExample(NOW)
    if (!built.ok) throw new Error(built.error.message)
    const { token, secret } = built.value
    const secretBytes = Buffer.from(secret, 'base64url')
    expect(secretBytes.length).toBe(32)
    const t = parts(token)
    expect(t.header).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(createHmac('sha256', secretBytes).update(t.signingInput).digest('base64url')).toBe(t.signature)
    expect(t.payload).toEqual({
      iss: 'https://issuer.example.com',
      sub: 'user@example.com',
      aud: 'https://service26.example.com',
      scope: 'orders:read',
      iat: NOW,
      nbf: NOW,
      exp: NOW + 3600,
      may_act: { sub: 'https://service16.example.com' },
      act: { sub: 'https://service16.example.com', iss: 'https://issuer.example.com', act: { sub: 'https://service77.example.com' } },
    })
  })

  it('uses a new secret every time', async () => {
    const a = await buildDelegationExample(NOW)
    const b = await buildDelegationExample(NOW)
    if (!a.ok || !b.ok) throw new Error('example not built')
    expect(a.value.secret).not.toBe(b.value.secret)
  })
})
