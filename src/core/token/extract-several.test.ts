/**
 * Pasted text with several tokens: which one is picked, what the others are called and where they
 * are, and that the scan stays linear on a megabyte of near-tokens (counted in steps, not time).
 */
import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { extractToken, MAX_TOKEN_CANDIDATES, scanTokenCandidates, type ScanMeter, type TokenCandidate } from './extract'

const b64u = (s: string) => Buffer.from(s).toString('base64url')
const jwt = (header: object, payload: object, sig = 'c2ln') => `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}.${sig}`
const ACCESS = jwt({ alg: 'RS256', typ: 'at+jwt' }, { sub: 'alice', scope: 'read' })
const ID = jwt({ alg: 'RS256' }, { sub: 'alice', aud: 'client-1', nonce: 'n' })
const REFRESH = jwt({ alg: 'HS256', typ: 'JWT' }, { typ: 'Refresh', sub: 'alice' })
const OTHER = jwt({ alg: 'ES256' }, { sub: 'bob' })

/** What a candidate says, without its notes (checked separately). */
const shape = (c: TokenCandidate) => ({ token: c.token, name: c.name, source: c.source, position: c.position, label: c.label })
const at = (text: string, token: string) => text.indexOf(token) + 1

describe('extractToken with several tokens in the pasted text', () => {
  it('picks access_token from a token response with access, ID and refresh tokens', () => {
    const text = JSON.stringify({ access_token: ACCESS, id_token: ID, refresh_token: REFRESH, token_type: 'Bearer', expires_in: 300 }, null, 2)
    const result = extractToken(text)
    expect(result.token).toBe(ACCESS)
    expect(result.stripped).toEqual(['Picked access_token (1 of 3 tokens in the pasted text).'])
    expect(result.candidates?.map(shape)).toEqual([
      { token: ACCESS, name: 'access_token', source: 'json', position: at(text, ACCESS), label: 'access_token' },
      { token: ID, name: 'id_token', source: 'json', position: at(text, ID), label: 'id_token' },
      { token: REFRESH, name: 'refresh_token', source: 'json', position: at(text, REFRESH), label: 'refresh_token' },
    ])
    // Each candidate carries the notes for picking it, so the user can pick again from the same paste.
    expect(result.candidates?.map((c) => c.stripped)).toEqual([
      ['Picked access_token (1 of 3 tokens in the pasted text).'],
      ['Picked id_token (2 of 3 tokens in the pasted text).'],
      ['Picked refresh_token (3 of 3 tokens in the pasted text).'],
    ])
  })

  it('names an opaque refresh token as not a JWT and lists only the JWTs', () => {
    const text = `{"id_token":"${ID}","access_token":"${ACCESS}","refresh_token":"8xLOxBtZp8","token_type":"Bearer"}`
    const result = extractToken(text)
    expect(result.token).toBe(ACCESS)
    expect(result.stripped).toEqual([
      'Picked access_token (2 of 2 tokens in the pasted text).',
      'The JSON member "refresh_token" is not a JWT (an opaque value only its issuer can read), so it is not decoded.',
    ])
    expect(result.candidates?.map((c) => c.name)).toEqual(['id_token', 'access_token'])
  })

  it.each<[string, string, string, string, readonly (Partial<ReturnType<typeof shape>>)[]]>([
    ['two tokens in a log line (name=value fields)', `2026-12-01T10:00:00Z INFO login id_token=${ID} access_token=${ACCESS} user=alice`, ACCESS,
      'Picked access_token (2 of 2 tokens in the pasted text).',
      [{ name: 'id_token', source: 'pair', label: 'id_token' }, { name: 'access_token', source: 'pair', label: 'access_token' }]],
    ['two unnamed tokens in a log line: the first', `verify failed for ${OTHER} after ${ID}.`, OTHER,
      'Picked the token at position 19 (1 of 2 tokens in the pasted text).',
      // "verify failed for " is 18 characters, " after " 7.
      [{ name: undefined, source: 'text', position: 19, label: 'the token at position 19' }, { name: undefined, source: 'text', label: `the token at position ${19 + OTHER.length + 7}` }]],
    ['an Authorization header and a cookie', `Authorization: Bearer ${ACCESS}\r\nCookie: theme=dark; session=${REFRESH}`, ACCESS,
      'Picked the Bearer token (1 of 2 tokens in the pasted text).',
      [{ name: 'Authorization', source: 'authorization', position: 23, label: 'the Bearer token' }, { name: 'session', source: 'pair', label: 'session' }]],
    ['a cookie before a DPoP Authorization header', `Cookie: jwt=${OTHER}\nauthorization: DPoP ${ACCESS}`, ACCESS,
      'Picked the DPoP token (2 of 2 tokens in the pasted text).',
      [{ name: 'jwt', source: 'pair', position: 13 }, { name: 'Authorization', source: 'authorization', label: 'the DPoP token' }]],
    ['access_token over id_token in a URL fragment', `https://app.example/cb#id_token=${ID}&access_token=${ACCESS}&state=x`, ACCESS,
      'Picked access_token (2 of 2 tokens in the pasted text).',
      [{ name: 'id_token', source: 'pair' }, { name: 'access_token', source: 'pair' }]],
    ['the fragment over the query between equal names', `https://a.example/cb?token=${OTHER}#token=${ID}`, ID,
      'Picked token (2 of 2 tokens in the pasted text).',
      [{ name: 'token' }, { name: 'token' }]],
    ['escaped JSON inside a log line', `msg="{\\"id_token\\":\\"${ID}\\",\\"access_token\\": \\"${ACCESS}\\"}"`, ACCESS,
      'Picked access_token (2 of 2 tokens in the pasted text).',
      [{ name: 'id_token', source: 'json' }, { name: 'access_token', source: 'json' }]],
    ['YAML-like fields', `id_token: ${ID}\nrefresh_token: ${REFRESH}`, ID,
      'Picked id_token (1 of 2 tokens in the pasted text).',
      [{ name: 'id_token', source: 'pair' }, { name: 'refresh_token', source: 'pair' }]],
    ['a named token over an unnamed one', `${OTHER} and jwt=${ID}`, ID,
      'Picked jwt (2 of 2 tokens in the pasted text).',
      [{ source: 'text' }, { name: 'jwt', source: 'pair' }]],
  ])('%s', (_name, text, token, note, expected) => {
    const result = extractToken(text)
    expect(result.token).toBe(token)
    expect(result.stripped).toEqual([note])
    const candidates = result.candidates ?? []
    expect(candidates).toHaveLength(expected.length)
    expected.forEach((want, i) => expect(shape(candidates[i] as TokenCandidate)).toMatchObject(want))
  })

  it('counts positions in the pasted text, invisible characters included, and keeps their notes', () => {
    const text = `\u200bid_token=${ID}\u200b access_token=${ACCESS}`
    const result = extractToken(text)
    // U+200B and "id_token=" come before the first token; the second follows U+200B and " access_token=" (14).
    expect(result.candidates?.map((c) => c.position)).toEqual([11, 11 + ID.length + 1 + 14])
    expect(result.stripped).toEqual([
      'Removed the invisible character U+200B at positions 1 and ' + String(11 + ID.length) + '.',
      'Picked access_token (2 of 2 tokens in the pasted text).',
    ])
  })

  it('names a look-alike letter in the picked token', () => {
    const bent = `${ACCESS.slice(0, 30)}\u0435${ACCESS.slice(31)}`
    const result = extractToken(`id_token=${ID} access_token=${bent}`)
    expect(result.token).toBe(bent)
    expect(result.stripped[1]).toBe("The token holds a non-ASCII character: U+0435 'е' at position 31. A token is ASCII only, so it is probably a look-alike letter from a font, a chat app or a translation: retype it.")
  })

  it('lists one token once, and a single distinct token gets no picker', () => {
    expect(extractToken(`access_token=${ACCESS} again access_token=${ACCESS}`).candidates).toBeUndefined()
    const result = extractToken(`a=${ACCESS} b=${ID} c=${ACCESS}`)
    expect(result.candidates?.map((c) => c.name)).toEqual(['a', 'b'])
  })

  it(`offers at most ${MAX_TOKEN_CANDIDATES} tokens and says how many were left out`, () => {
    const tokens = Array.from({ length: 25 }, (_, i) => jwt({ alg: 'HS256' }, { n: i }))
    const result = extractToken(tokens.map((t, i) => `t${i}=${t}`).join('\n'))
    expect(result.candidates).toHaveLength(MAX_TOKEN_CANDIDATES)
    expect(result.token).toBe(tokens[0])
    expect(result.stripped).toEqual([
      'Picked t0 (1 of 25 tokens in the pasted text).',
      'Only the first 20 are offered to pick from; 5 more were left out.',
    ])
  })

  it('does not take version numbers or file names for tokens', () => {
    expect(extractToken(`release 1.2.3 ships app.min.js and ${ACCESS}`).candidates).toBeUndefined()
  })
})

describe('scanTokenCandidates on a megabyte of hostile text', () => {
  const MB = 1_000_000
  const mega = (unit: string) => unit.repeat(Math.ceil(MB / unit.length))
  const distinct = () => Array.from({ length: MB / 20 }, (_, i) => `eyJ${i}.e.e`).join(' ')

  // Work is counted, not timed: a busy machine cannot make this fail, a quadratic step would.
  it.each<[string, () => string]>([
    ['eyJ.eyJ. repeated', () => mega('eyJ.eyJ.')],
    ['one token repeated', () => mega('eyJ.eyJ.e ')],
    ['distinct tokens, far more than are listed', distinct],
    ['tokens after long names', () => mega(`${'n'.repeat(200)}=eyJ.e.e `)],
    ['tokens after quotes and colons', () => mega('"":"":"":"eyJ.e.e" ')],
    ['tokens after spaces', () => mega(`${' '.repeat(40)}eyJ.e.e`)],
    ['dots only', () => '.'.repeat(MB)],
    ['a word of a megabyte', () => 'e'.repeat(MB)],
  ])('%s', (_name, make) => {
    const text = make()
    const meter: ScanMeter = { steps: 0 }
    const { found } = scanTokenCandidates(text, meter)
    expect(found.length).toBeLessThanOrEqual(MAX_TOKEN_CANDIDATES)
    expect(meter.steps).toBeLessThanOrEqual(8 * text.length)
  })

  it('lists the first tokens of a megabyte of distinct ones and counts the rest', () => {
    const text = distinct()
    const result = extractToken(text)
    expect(result.candidates).toHaveLength(MAX_TOKEN_CANDIDATES)
    expect(result.token).toBe('eyJ0.e.e')
    expect(result.stripped).toEqual([
      `Picked the token at position 1 (1 of ${MB / 20} tokens in the pasted text).`,
      `Only the first ${MAX_TOKEN_CANDIDATES} are offered to pick from; ${MB / 20 - MAX_TOKEN_CANDIDATES} more were left out.`,
    ])
  })

  it('does twice the work on twice the text', () => {
    const steps = (text: string) => {
      const meter: ScanMeter = { steps: 0 }
      scanTokenCandidates(text, meter)
      return meter.steps
    }
    const unit = 'id_token=eyJ.e.e "a":"eyJ.f.f" Bearer eyJ.g.g '
    const once = steps(unit.repeat(20_000))
    expect(steps(unit.repeat(40_000)) / once).toBeCloseTo(2, 1)
  })
})
