import { describe, expect, it } from 'vitest'
import { createHmac } from 'node:crypto'
import { decodeToken } from './decode'
import { reencodeToken, type ReencodeInput } from './reencode'

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url')
const HEADER_RAW = '{"alg":"HS256",\r\n "typ":"JWT"}'
const PAYLOAD_RAW = '{"sub":"1",\r\n "n":1.0}'
const TOKEN = `${b64u(HEADER_RAW)}.${b64u(PAYLOAD_RAW)}.b2xkLXNpZw`

function input(patch: Partial<ReencodeInput>): ReencodeInput {
  return {
    decoded: decodeToken(TOKEN),
    headerText: undefined,
    payloadText: undefined,
    payloadIsJson: true,
    signingKey: '',
    signingEncoding: 'utf8',
    algorithm: 'HS256',
    ...patch,
  }
}

describe('reencodeToken without a signing key', () => {
  const cases: { name: string; patch: Partial<ReencodeInput>; token: string }[] = [
    {
      name: 'edited payload: compacted, header segment and old signature kept',
      patch: { payloadText: '{\n  "sub": "2",\n  "n": 1.0,\n  "big": 123456789012345678901\n}' },
      token: `${b64u(HEADER_RAW)}.${b64u('{"sub":"2","n":1.0,"big":123456789012345678901}')}.b2xkLXNpZw`,
    },
    {
      name: 'edited header: compacted, payload segment kept byte for byte',
      patch: { headerText: '{ "alg": "HS256", "kid": "k1" }' },
      token: `${b64u('{"alg":"HS256","kid":"k1"}')}.${b64u(PAYLOAD_RAW)}.b2xkLXNpZw`,
    },
    {
      name: 'plain-text payload is encoded as typed',
      patch: { payloadText: 'hello  world', payloadIsJson: false },
      token: `${b64u(HEADER_RAW)}.${b64u('hello  world')}.b2xkLXNpZw`,
    },
  ]
  for (const c of cases) {
    it(c.name, async () => {
      const out = await reencodeToken(input(c.patch))
      expect(out).toEqual({ ok: true, value: { token: c.token, stale: true, notes: [] } })
    })
  }

  it('refuses invalid JSON and names the pane', async () => {
    const payload = await reencodeToken(input({ payloadText: '{"a":1,}' }))
    expect(payload.ok).toBe(false)
    expect(payload).toMatchObject({ ok: false, error: { code: 'PAYLOAD_INVALID_JSON' } })
    expect(!payload.ok && payload.error.message.startsWith('The payload JSON is not valid: ')).toBe(true)
    const header = await reencodeToken(input({ headerText: '{"alg":' }))
    expect(header).toMatchObject({ ok: false, error: { code: 'HEADER_INVALID_JSON' } })
    expect(!header.ok && header.error.message.startsWith('The header JSON is not valid: ')).toBe(true)
  })
})

describe('reencodeToken with a signing key', () => {
  it('signs HS256 over exactly the encoded bytes (checked with node:crypto)', async () => {
    const secret = 'a-secret-that-is-long-enough-for-hs256!!'
    const out = await reencodeToken(input({ payloadText: '{ "sub": "3" }', signingKey: secret }))
    expect(out.ok).toBe(true)
    if (!out.ok) return
    expect(out.value.stale).toBe(false)
    const [h, p, s] = out.value.token.split('.') as [string, string, string]
    expect(Buffer.from(p, 'base64url').toString()).toBe('{"sub":"3"}')
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(s).toBe(createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url'))
  })

  it('keeps the old signature and explains when the key cannot sign', async () => {
    const out = await reencodeToken(input({ payloadText: '{"sub":"4"}', signingKey: '{"kty":"EC"}' }))
    expect(out.ok).toBe(true)
    if (!out.ok) return
    expect(out.value.stale).toBe(true)
    expect(out.value.token).toBe(`${b64u(HEADER_RAW)}.${b64u('{"sub":"4"}')}.b2xkLXNpZw`)
    expect(out.value.notes).toHaveLength(1)
    expect(out.value.notes[0]).toMatch(/^Not re-signed: /)
  })
})
