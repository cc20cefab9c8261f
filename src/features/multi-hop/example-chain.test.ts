import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { compareHops, decodeToken } from '../../core'
import { buildExampleChain, EXAMPLE_ISSUER, SERVICE_A, SERVICE_B, SERVICE_C, SERVICE_X, type ExampleChainKind } from './example-chain'
import { splitIssuers } from './trusted-issuers'

const NOW = 1_767_225_600

function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as Record<string, unknown>
}

async function chain(kind: ExampleChainKind) {
  const built = await buildExampleChain(kind, NOW)
  if (!built.ok) throw new Error(built.error.message)
  return built.value
}

describe('buildExampleChain', () => {
  it('valid: A → B → C, each token HMAC-signed with the returned secret, actors nested, scopes narrowing', async () => {
    const { tokens, issuer, secret } = await chain('valid')
    expect(issuer).toBe(EXAMPLE_ISSUER)
    expect(tokens).toHaveLength(3)
    for (const token of tokens) {
      const [h, p, s] = token.split('.') as [string, string, string]
      expect(createHmac('sha256', Buffer.from(secret, 'base64url')).update(`${h}.${p}`).digest('base64url')).toBe(s)
    }
    const [t1, t2, t3] = tokens.map(payloadOf) as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>]
    expect(t1).toMatchObject({ iss: EXAMPLE_ISSUER, sub: 'alice@example.com', aud: SERVICE_A, scope: 'orders:read orders:write profile', exp: NOW + 3600 })
    expect(t1['act']).toBeUndefined()
    expect(t2).toMatchObject({ iss: EXAMPLE_ISSUER, sub: 'alice@example.com', aud: SERVICE_B, scope: 'orders:read orders:write', act: { sub: SERVICE_A }, iat: NOW, exp: NOW + 3600 })
    expect(t3).toMatchObject({ sub: 'alice@example.com', aud: SERVICE_C, scope: 'orders:read', act: { sub: SERVICE_B, act: { sub: SERVICE_A } } })
    expect(new Set([t1['jti'], t2['jti'], t3['jti']]).size).toBe(3)
  })

  it('valid: every hop check passes', async () => {
    const { tokens, issuer } = await chain('valid')
    const checks = compareHops(tokens.map((t) => decodeToken(t)), { trustedIssuers: [issuer] })
    expect(checks.filter((c) => c.verdict !== 'pass')).toEqual([])
    expect(checks).toHaveLength(3 + 2 * 6)
  })

  it.each([
    ['scope-widened', 'scope', 'orders:read admin'],
    ['aud-mismatch', 'aud', 'orders:read'],
  ] as const)('%s: only the %s check of hop 2 fails', async (kind, id, scope) => {
    const { tokens, issuer } = await chain(kind)
    expect(payloadOf(tokens[2] as string)['scope']).toBe(scope)
    if (kind === 'aud-mismatch') expect((payloadOf(tokens[2] as string)['act'] as Record<string, unknown>)['sub']).toBe(SERVICE_X)
    const failing = compareHops(tokens.map((t) => decodeToken(t)), { trustedIssuers: [issuer] }).filter((c) => c.verdict !== 'pass')
    expect(failing.map((c) => [c.id, c.hop, c.verdict])).toEqual([[id, 2, 'fail']])
  })
})

describe('splitIssuers', () => {
  it.each([
    ['', []],
    ['  ', []],
    ['https://a.example', ['https://a.example']],
    ['https://a.example, https://b.example', ['https://a.example', 'https://b.example']],
    ['https://a.example\nhttps://b.example ,, c', ['https://a.example', 'https://b.example', 'c']],
  ])('%j → %j', (text, expected) => {
    expect(splitIssuers(text)).toEqual(expected)
  })
})
