import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { DecodedToken } from '../types'
import { CandidateBatchBuilder } from './candidate-batch'
import { createCracker, type HmacAlgorithm } from './cracker'
import { runCrackJob } from './crack-job'
import { streamLines } from './line-splitter'

const HASH: Record<HmacAlgorithm, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }
const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url')

/** A compact token signed with node:crypto, independent of the code under test. */
function makeToken(alg: string, secret: string | Buffer, payload: object = { sub: '1234567890', name: 'Ada', iat: 1516239022 }): string {
  const input = `${b64url(JSON.stringify({ alg, typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`
  const hash = HASH[alg as HmacAlgorithm] ?? 'sha256'
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`
}

/** A minimal DecodedToken for a compact JWS, built with Buffer rather than the app's decoder. */
function decoded(token: string): DecodedToken {
  const parts = token.split('.')
  const part = (encoded: string, start: number) => ({
    encoded, start, bytes: new Uint8Array(Buffer.from(encoded, 'base64url')), text: null, kind: 'binary' as const, value: undefined, members: [],
  })
  const header = parts[0] === undefined ? null : part(parts[0], 0)
  const headerJson = header ? JSON.parse(Buffer.from(header.bytes).toString()) as { alg?: unknown } : {}
  return {
    kind: parts.length === 3 ? 'jws' : parts.length === 5 ? 'jwe' : 'unknown',
    token,
    header,
    payload: parts.length === 3 ? part(parts[1]!, parts[0]!.length + 1) : null,
    signature: parts.length === 3 ? part(parts[2]!, token.lastIndexOf('.') + 1) : null,
    alg: typeof headerJson.alg === 'string' ? headerJson.alg : undefined,
    diagnostics: [],
  }
}

const filler = Array.from({ length: 500 }, (_, i) => `filler-${i}`)
const ALGS: HmacAlgorithm[] = ['HS256', 'HS384', 'HS512']

describe.each(ALGS)('createCracker for %s', (alg) => {
  const crackerFor = (secret: string | Buffer) => {
    const result = createCracker(decoded(makeToken(alg, secret)))
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  }

  it.each([
    ['first in the list', 'secret', ['secret', ...filler], 0],
    ['last in the list', 'zz-last', [...filler, 'zz-last'], 500],
    ['absent', 'not-in-list', filler, -1],
    ['a non-ASCII UTF-8 secret', 'pässwörd-秘密-🔑', [...filler, 'pässwörd-秘密-🔑'], 500],
    ['a key longer than the block size', 'k'.repeat(200), [...filler, 'k'.repeat(199), 'k'.repeat(200)], 501],
    ['the empty secret', '', ['a', ''], 1],
  ])('tryBatch: %s', (_label, secret, list, expected) => {
    expect(crackerFor(secret).tryBatch(list)).toBe(expected)
  })

  it('tryPacked honours the range and finds raw (non-UTF-8) bytes', () => {
    const secret = Buffer.from([0xe9, 0x74, 0xe9]) // "été" in Latin-1: not valid UTF-8
    const cracker = crackerFor(secret)
    const builder = new CandidateBatchBuilder(8, 2)
    for (const word of filler.slice(0, 20)) builder.addString(word)
    builder.addBytes(secret, 0, secret.length)
    expect(cracker.tryPacked(builder.batch())).toBe(20)
    expect(cracker.tryPacked(builder.batch(), 0, 20)).toBe(-1)
    expect(cracker.tryPacked(builder.batch(), 20, 21)).toBe(20)
    expect(cracker.tryKey(secret)).toBe(true)
  })

  it('finds a secret only reachable through a mutation', async () => {
    const cracker = crackerFor('Dragon2024')
    const plain = await runCrackJob({ cracker, source: { kind: 'list', candidates: ['monkey', 'dragon', 'shadow'] }, mutations: false })
    expect(plain.ok && plain.value.found).toBe(null)
    const mutated = await runCrackJob({ cracker, source: { kind: 'list', candidates: ['monkey', 'dragon', 'shadow'] }, mutations: true })
    expect(mutated.ok && mutated.value.found?.secret).toBe('Dragon2024')
  })

  it('finds a planted secret in a streamed word list (CRLF lines, mutations on)', async () => {
    const cracker = crackerFor('ÄPFEL!')
    const text = `${filler.slice(0, 50).join('\r\n')}\r\näpfel\r\n`
    const bytes = new TextEncoder().encode(text)
    const source = new Blob([bytes]).stream()
    const result = await runCrackJob({
      cracker, mutations: true,
      source: { kind: 'lines', batches: streamLines(source), totalBytes: bytes.length },
    })
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.value.found).toEqual({ secret: 'ÄPFEL!', bytes: new TextEncoder().encode('ÄPFEL!'), utf8: true })
    }
  })
})

describe('runCrackJob', () => {
  const token = decoded(makeToken('HS256', 'mysecret'))
  const cracker = (() => {
    const r = createCracker(token)
    if (!r.ok) throw new Error(r.error.message)
    return r.value
  })()
  const list = [...filler, 'mysecret']

  it('splits a list between parts so that exactly one part finds the secret', async () => {
    const outcomes = await Promise.all([0, 1, 2].map((part) =>
      runCrackJob({ cracker: createCrackerOrThrow(), source: { kind: 'list', candidates: list, part, parts: 3 }, mutations: false })))
    const found = outcomes.map((o) => (o.ok ? o.value.found?.secret ?? null : 'error'))
    // 'mysecret' is at index 500, and 500 % 3 === 2.
    expect(found).toEqual([null, null, 'mysecret'])
    const tested = outcomes.map((o) => (o.ok ? o.value.tested : -1))
    expect(tested).toEqual([167, 167, 167])
  })

  it('reports the total up front and progress as it goes', async () => {
    let t = 0
    const reports: { tested: number; total?: number }[] = []
    const result = await runCrackJob({
      cracker, source: { kind: 'list', candidates: filler }, mutations: true,
      now: () => (t += 50), progressIntervalMs: 100, yieldIntervalMs: 1e9,
      onProgress: (p) => reports.push({ tested: p.tested, total: p.total }),
    })
    // Each "filler-N" word has the variants as given, upper-case and capitalised: 3 × 153 − 1 mutations.
    const total = 500 + 500 * (3 * 153 - 1)
    expect(result.ok && result.value.tested).toBe(total)
    expect(reports.length).toBeGreaterThan(2)
    expect(reports.every((r) => r.total === total)).toBe(true)
    expect(reports.at(-1)?.tested).toBe(total)
  })

  it('stops when the signal is aborted', async () => {
    const signal = { aborted: false }
    const result = await runCrackJob({
      cracker, source: { kind: 'list', candidates: filler }, mutations: true, signal, yieldIntervalMs: 0,
      onProgress: () => { signal.aborted = true },
      progressIntervalMs: 0,
    })
    expect(result.ok && result.value.cancelled).toBe(true)
    expect(result.ok && result.value.tested).toBeLessThan(5000)
  })

  it('returns READ_FAILED when the word list cannot be read', async () => {
    const failing = new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error('disk gone')) })
    const result = await runCrackJob({ cracker, source: { kind: 'lines', batches: streamLines(failing) }, mutations: false })
    expect(result).toEqual({ ok: false, error: { code: 'READ_FAILED', message: 'The word list could not be read (disk gone); choose the file again.' } })
  })

  function createCrackerOrThrow() {
    const r = createCracker(token)
    if (!r.ok) throw new Error(r.error.message)
    return r.value
  }
})

describe('createCracker errors', () => {
  const hs256 = makeToken('HS256', 'secret')
  it.each([
    ['an RS256 token', decoded(`${b64url('{"alg":"RS256"}')}.${b64url('{}')}.${b64url('sig')}`), 'NOT_HMAC',
      'This token uses RS256; cracking applies to HMAC tokens only (HS256, HS384, HS512), whose secret can be guessed offline.'],
    ['a JWE', decoded(`${b64url('{"alg":"dir","enc":"A256GCM"}')}..aXY.Y3Q.dGFn`), 'NOT_HMAC',
      'This is an encrypted token (JWE); cracking applies to HMAC-signed tokens only (HS256, HS384, HS512).'],
    ['two segments', decoded(`${b64url('{"alg":"HS256"}')}.${b64url('{}')}`), 'TOKEN_MALFORMED',
      'This is not a signed token of three dot-separated parts; paste a complete header.payload.signature token to crack it.'],
    ['no alg', decoded(`${b64url('{"typ":"JWT"}')}.${b64url('{}')}.${b64url('sig')}`), 'TOKEN_MALFORMED',
      'The header has no "alg" text, so the HMAC hash is unknown; cracking needs an HS256, HS384 or HS512 token.'],
    ['a truncated signature', decoded(hs256.slice(0, -4)), 'TOKEN_MALFORMED',
      'The signature is 29 bytes but HS256 signatures are 32 bytes; no secret can match, so check that the token is complete.'],
    ['a signature that is not base64url', { ...decoded(hs256), signature: { encoded: '***', start: 0, bytes: null } }, 'TOKEN_MALFORMED',
      'The signature is not valid base64url, so there is nothing to compare guesses against; paste the token exactly as issued.'],
  ])('%s', (_label, token, code, message) => {
    expect(createCracker(token)).toEqual({ ok: false, error: { code, message } })
  })

  it('accepts a raw target and rejects a non-HMAC alg given that way', () => {
    const [h, p, s] = hs256.split('.') as [string, string, string]
    const target = { signingInput: `${h}.${p}`, signature: new Uint8Array(Buffer.from(s, 'base64url')), alg: 'HS256' as const }
    const r = createCracker(target)
    expect(r.ok && r.value.tryBatch(['nope', 'secret'])).toBe(1)
    expect(createCracker({ ...target, alg: 'ES256' as unknown as 'HS256' })).toEqual({
      ok: false,
      error: { code: 'NOT_HMAC', message: 'This token uses ES256; cracking applies to HMAC tokens only (HS256, HS384, HS512), whose secret can be guessed offline.' },
    })
  })
})
