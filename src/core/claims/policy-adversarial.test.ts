/**
 * The audience check on an aud of 100,000 entries against an expected list of 100,000 (about a
 * megabyte each). The test timeout is a hang guard: includes() per entry was quadratic.
 */
import { describe, expect, it } from 'vitest'
import { checkPolicy } from './policy'

const N = 100_000
// Generous, for a loaded machine: the quadratic version took minutes here.
const HANG_GUARD = 30_000
const NOW = 1704078000
const audiences = Array.from({ length: N }, (_, i) => `https://api-${i}.example`)
const others = Array.from({ length: N }, (_, i) => `https://other-${i}.example`)

describe('aud against 100,000 expected audiences', () => {
  it.each<[string, string[], string[], 'pass' | 'fail', string | RegExp]>([
    ['the only match last in both', [...others, 'https://me.example'], [...audiences, 'https://me.example'], 'pass', 'aud contains "https://me.example", as expected.'],
    ['no match', others, audiences, 'fail', /^aud is \["https:\/\/other-0\.example",.*\.\.\., which does not contain the expected audience "https:\/\/api-0\.example", /],
  ])('%s', (_name, aud, audience, verdict, message) => {
    const check = checkPolicy({ alg: 'HS256' }, { aud }, { now: NOW, audience }).find((c) => c.id === 'aud')
    expect(check?.verdict).toBe(verdict)
    expect(check?.message).toMatch(message)
  }, HANG_GUARD)
})
