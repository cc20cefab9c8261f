import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decodeToken, formatJson, lintToken, loadCommonSecrets } from '../core'
import { decodeHuge, forgetHugeTokens, hugePayloadDisplay, knownHugeDecode, lintHuge } from './token-client'
import { cutIntoPieces, joinPieces } from './token-pieces'
import { decodeInput, lintDecoded } from './token-work'

const b64u = (s: string) => Buffer.from(s).toString('base64url')

function hs256(payload: object, secret = 'secret'): string {
  const input = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(JSON.stringify(payload))}`
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
}

const big = hs256({ sub: 'big', list: Array.from({ length: 9000 }, (_, i) => `item-${i}`) })

describe('decodeInput (the token worker\'s decode)', () => {
  it('decodes as the core does and formats the JSON payload as the editor would', () => {
    const answer = decodeInput(big, false)
    expect(answer.extraction).toBeNull()
    expect(answer.decoded).toEqual(decodeToken(big))
    expect(answer.payloadJson).toBe(formatJson(answer.decoded.payload?.text ?? '', { alreadyValid: true }))
  })

  it('extracts the token from a pasted header line and decodes the token, not the line', () => {
    const answer = decodeInput(`Authorization: Bearer ${big}`, true)
    expect(answer.extraction?.token).toBe(big)
    expect(answer.extraction?.stripped.join(' ')).toContain('Bearer')
    expect(answer.decoded.token).toBe(big)
  })

  it('gives no display text for a payload that is not JSON', () => {
    expect(decodeInput(`${b64u('{"alg":"HS256"}')}.${b64u('plain text')}.c2ln`, false).payloadJson).toBeNull()
  })
})

describe('lintDecoded (the token worker\'s lint)', () => {
  it('finds what lintToken finds with the common-secret list, which it loads itself', async () => {
    const token = hs256({ sub: 'x', iat: 1_700_000_000 }, 'secret')
    const keys = { format: 'secret' as const, keys: [], notes: [] }
    const common = await loadCommonSecrets()
    const context = { keys, secretText: 'secret', now: 1_700_000_100, allowedAlgorithms: [] as string[], envelopeHeader: undefined }
    const expected = lintToken(decodeToken(token), { ...context, commonSecrets: common })
    const found = await lintDecoded(decodeToken(token), { ...context, commonSecrets: true })
    expect(found).toEqual(expected)
    expect(found.map((f) => f.id)).toContain('missing-exp')
  })

  it('has nothing to say about an empty token', async () => {
    expect(await lintDecoded(decodeToken(''), { keys: null, secretText: undefined, commonSecrets: false, now: 0, allowedAlgorithms: [], envelopeHeader: undefined })).toEqual([])
  })
})

describe('token client without a worker (as in Node, or a browser that refuses one)', () => {
  it('answers on the page, shares one answer per input, and remembers the payload display', async () => {
    forgetHugeTokens()
    const first = decodeHuge(big)
    expect(decodeHuge(big)).toBe(first)
    const answer = await first
    expect(answer.decoded).toEqual(decodeToken(big))
    expect(knownHugeDecode(big)).toBe(answer)
    expect(hugePayloadDisplay(answer.decoded.payload!)).toBe(answer.payloadJson)
    forgetHugeTokens()
    expect(knownHugeDecode(big)).toBeUndefined()
  })

  it('remembers an extracted token under its own text, so storing it needs no second decode', async () => {
    forgetHugeTokens()
    const answer = await decodeHuge(`Bearer ${big}`, true)
    expect(knownHugeDecode(big)).toBe(answer)
  })

  it('lints on the page too', async () => {
    const findings = await lintHuge(big, { keys: null, secretText: undefined, commonSecrets: false, now: 1_700_000_000, allowedAlgorithms: [], envelopeHeader: undefined })
    expect(findings.map((f) => f.id)).toEqual(lintToken(decodeToken(big), { now: 1_700_000_000 }).map((f) => f.id))
    expect(findings.map((f) => f.id)).toContain('oversized-token')
  })
})

describe('pieces (a payload with many members sent in several messages)', () => {
  it('joins back to the same answer: members in order, repeated names, "__proto__" kept as a member', () => {
    const members = Array.from({ length: 2500 }, (_, i) => `"c${i}":{"n":${i},"big":123456789012345678901234567890}`)
    const text = `{"__proto__":{"polluted":true},${members.join(',')},"c7":"again"}`
    const answer = decodeInput(`${b64u('{"alg":"HS256"}')}.${b64u(text)}.c2ln`, false)
    const cut = cutIntoPieces(answer)
    expect(cut?.pieces.length).toBe(3)
    expect(cut?.shell.decoded.payload?.members).toEqual([])
    const joined = joinPieces(structuredClone(cut!.shell), structuredClone(cut!.pieces))
    expect(joined).toEqual(answer)
    const value = joined.decoded.payload?.value as Record<string, unknown>
    expect(Object.keys(value)).toEqual(Object.keys(answer.decoded.payload?.value as object))
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(joined.decoded.payload?.members.length).toBe(2502)
  })

  it('sends a small payload whole', () => {
    expect(cutIntoPieces(decodeInput(big, false))).toBeNull()
  })
})
