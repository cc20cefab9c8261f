import { describe, expect, it } from 'vitest'
import type { PracticeResult } from '../../core'
import { mistakeIds, mistakeLabel, verdictLine } from './mistakes'

describe('verdictLine', () => {
  const cases: { name: string; verifier: 'Vulnerable verifier' | 'Correct verifier'; result: PracticeResult; line: string }[] = [
    {
      name: 'accepted through a mistake names it in plain words',
      verifier: 'Vulnerable verifier',
      result: { accepted: true, reason: 'Accepted: whatever', exploited: 'acceptNone' },
      line: 'Vulnerable verifier: accepted (exploited: Accepts "alg": "none" in any casing)',
    },
    {
      name: 'accepted without a mistake',
      verifier: 'Correct verifier',
      result: { accepted: true, reason: 'Accepted: fine' },
      line: 'Correct verifier: accepted',
    },
    {
      name: 'rejected gives the reason',
      verifier: 'Correct verifier',
      result: { accepted: false, reason: 'The token has no "exp" claim; this server requires an expiry time.' },
      line: 'Correct verifier: rejected: The token has no "exp" claim; this server requires an expiry time.',
    },
  ]
  for (const c of cases) it(c.name, () => expect(verdictLine(c.verifier, c.result)).toBe(c.line))
})

describe('mistake labels', () => {
  it('cover every mistake once', () => {
    expect(new Set(mistakeIds).size).toBe(12)
    expect(Object.keys(mistakeLabel).sort()).toEqual([...mistakeIds].sort())
  })
})
