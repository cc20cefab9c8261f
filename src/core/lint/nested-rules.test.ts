// The inner token of a nested JWT, opened from its encrypted envelope (RFC 7519 §5.2, §5.3).
import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { decodeToken } from '../token'
import { lintToken, onDemandLintRules, resolveLintContext } from './index'
import { nestedTokenRule } from './nested-rules'

const b64u = (data: string) => Buffer.from(data).toString('base64url')
const jws = (header: object, payload: object) => decodeToken(`${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}.c2ln`)
const run = (token: ReturnType<typeof decodeToken>, envelopeHeader?: Record<string, string | string[]>) =>
  nestedTokenRule(token, resolveLintContext({ now: 0, ...(envelopeHeader === undefined ? {} : { envelopeHeader }) }))

describe('nestedTokenRule', () => {
  it('an unsigned inner token is high: the envelope proves nothing about the sender', () => {
    const findings = run(jws({ alg: 'none' }, { sub: 'a' }), { alg: 'RSA-OAEP', enc: 'A256GCM', cty: 'JWT' })
    expect(findings.map((f) => [f.id, f.severity, f.title])).toEqual([['nested-unsigned', 'high', 'Encrypted token whose inner token is unsigned']])
    expect(findings[0]?.reference).toBe('RFC 7519 §5.2 and §11.2; RFC 8725 §3.1')
  })

  it('replicated claims that differ from the inner ones are named with both values', () => {
    const findings = run(jws({ alg: 'ES256' }, { iss: 'https://real.example', aud: ['api'] }), { alg: 'dir', enc: 'A128GCM', iss: 'https://other.example', aud: ['api'], sub: 'bob' })
    expect(findings.map((f) => f.id)).toEqual(['nested-claims-disagree'])
    expect(findings[0]?.explanation).toBe(
      'The envelope replicates claims in its readable header (RFC 7519 §5.3), and they do not match the signed inner claims: "iss" is "https://other.example" in the envelope\'s header but "https://real.example" in the inner token; "sub" is "bob" in the envelope\'s header but absent in the inner token. A recipient or proxy that routes or authorises by the readable header acts on claims nobody signed.',
    )
  })

  it.each([
    ['a signed inner token whose replicated claims match', jws({ alg: 'ES256' }, { iss: 'i', aud: 'api' }), { alg: 'dir', iss: 'i', aud: 'api' }],
    ['a signed inner token and an envelope that replicates nothing', jws({ alg: 'RS256' }, { iss: 'i' }), { alg: 'RSA-OAEP' }],
    ['an unsigned token that was not opened from an envelope', jws({ alg: 'none' }, {}), undefined],
  ])('%s: no finding', (_name, token, envelope) => {
    expect(run(token, envelope)).toEqual([])
  })

  it('loads on demand only for an opened inner token, and runs through lintToken', async () => {
    const token = jws({ alg: 'none' }, { sub: 'a' })
    expect(onDemandLintRules(token)).toBeUndefined()
    const wanted = onDemandLintRules(token, { opened: true })
    expect(wanted?.sets).toEqual(['nested'])
    const ids = lintToken(token, { now: 0, envelopeHeader: { alg: 'RSA-OAEP' }, extraRules: await wanted!.load() }).map((f) => f.id)
    expect(ids).toContain('nested-unsigned')
    expect(ids).toContain('alg-none')
  })
})
