import { describe, expect, it } from 'vitest'
import { decodeToken } from '../token/decode'
import { listFindings, type ListedFinding } from './findings-list'
import { lintToken } from './index'

const NOW = 1704067200
const b64u = (data: string): string => Buffer.from(data).toString('base64url')

/** Each entry as `source severity what`, the way a reader scans the list. */
function summary(items: readonly ListedFinding[]): string[] {
  return items.map((i) =>
    i.source === 'decode'
      ? `decode ${i.severity} ${i.problem.diagnostic.code} ${i.problem.place.segment}:${i.problem.place.char}`
      : `security ${i.severity} ${i.finding.id}${i.problems.length > 0 ? ` [${i.problems.map((p) => `${p.diagnostic.code} ${p.place.segment}:${p.place.char}`).join(', ')}]` : ''}`,
  )
}

function listed(token: string): string[] {
  const decoded = decodeToken(token)
  return summary(listFindings(decoded, lintToken(decoded, { now: NOW })))
}

describe('listFindings', () => {
  it('lists the security findings of a clean-decoding token once each, on the findings scale', () => {
    const token = `${b64u('{"alg":"none"}')}.${b64u(`{"sub":"1","iat":${NOW},"exp":${NOW + 10 * 86400}}`)}.`
    expect(listed(token)).toEqual(['security critical alg-none', 'security low long-lifetime'])
  })

  it('folds padding problems into the non-canonical finding, with their places, instead of listing them twice', () => {
    const header = `${Buffer.from('{"alg":"HS256","ab":1}').toString('base64')}`
    expect(header.endsWith('=')).toBe(true)
    const token = `${header}.${b64u(`{"sub":"1","exp":${NOW + 60}}`)}.${b64u('x'.repeat(32))}`
    const items = listed(token)
    expect(items.filter((i) => i.includes('BASE64_NOT_BASE64URL'))).toHaveLength(1)
    const entry = items.find((i) => i.startsWith('security') && i.includes('non-canonical-base64url'))
    expect(entry).toBeDefined()
    expect(entry).toContain(`BASE64_NOT_BASE64URL header:${header.indexOf('=') + 1}`)
    // The padded header is rejected by strict verifiers: the finding is raised to the decode error's severity.
    expect(entry?.startsWith('security high')).toBe(true)
  })

  it('folds duplicate-member diagnostics into the duplicate-member finding', () => {
    const token = `${b64u('{"alg":"HS256"}')}.${b64u(`{"sub":"1","sub":"2","exp":${NOW + 60}}`)}.${b64u('x'.repeat(32))}`
    const items = listed(token)
    // The second "sub" starts at JSON offset 11, inside the 15th base64url character (11 × 4 / 3 = 14.7).
    expect(items.filter((i) => i.includes('DUPLICATE_MEMBER'))).toEqual(['security high duplicate-member [DUPLICATE_MEMBER payload:15]'])
  })

  it('keeps a decode problem no finding explains as its own entry, most severe first', () => {
    const token = `${b64u('{"alg":"HS256"')}.${b64u(`{"sub":"1","exp":${NOW + 60}}`)}.${b64u('x'.repeat(32))}`
    const items = listed(token)
    // The JSON text ends after 14 characters, inside the 19th base64url character (0-based offset 18.7).
    expect(items).toEqual(['decode high INVALID_JSON header:18'])
    // A critical finding goes before an info decode problem: severity first, source second.
    const unsigned = `${b64u('{"alg":"none"}')}.${b64u('not json')}.`
    expect(listed(unsigned)).toEqual(['security critical alg-none', 'decode info PAYLOAD_NOT_JSON payload:1'])
  })

  it('returns nothing for a token with neither problems nor findings', () => {
    const token = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(`{"sub":"1","iat":${NOW},"exp":${NOW + 600}}`)}.${b64u('x'.repeat(32))}`
    expect(listed(token)).toEqual([])
  })

  it('places problems of the JWE parts from their own first character', () => {
    const token = `${b64u('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a=.${b64u('iv')}.${b64u('ct')}.${b64u('tag')}`
    const decoded = decodeToken(token)
    const items = listFindings(decoded, [])
    const padded = items.find((i) => i.source === 'decode' && i.problem.diagnostic.code === 'BASE64_NOT_BASE64URL')
    expect(padded?.source === 'decode' && padded.problem.place).toEqual({ segment: 'encrypted_key', char: 2 })
  })
})
