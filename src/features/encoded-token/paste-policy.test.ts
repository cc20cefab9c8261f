import { describe, expect, it } from 'vitest'
import { BARE_TOKEN, DEFER_EXTRACTION, changePolicy, insertedLength, pasteMayExtract } from './paste-policy'

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'

describe('insertedLength', () => {
  const cases: [string, string, string, number][] = [
    ['one keystroke at the end', 'abc', 'abcd', 1],
    ['one keystroke in the middle', 'abc', 'abXc', 1],
    ['a paste into the middle', 'abc', 'aXYZbc', 3],
    ['a paste replacing everything', 'abc', 'XYZW', 4],
    ['a deletion inserts nothing', 'abcdef', 'abf', 0],
    ['a selection replaced by one character', 'abcdef', 'aXf', 1],
    ['repeated characters are matched from both ends', 'aaaa', 'aaaaaa', 2],
    ['into an empty box', '', TOKEN, TOKEN.length],
  ]
  for (const [name, before, after, expected] of cases) {
    it(name, () => {
      expect(insertedLength(before, after)).toBe(expected)
    })
  }
})

describe('BARE_TOKEN', () => {
  const cases: [string, string, boolean][] = [
    ['a compact token', TOKEN, true],
    ['padding and standard base64 characters (decode reports on them)', 'ab+/==.cd', true],
    ['an empty text', '', true],
    ['an Authorization header', `Authorization: Bearer ${TOKEN}`, false],
    ['a token with a trailing newline', `${TOKEN}\n`, false],
    ['a URL fragment', `https://app.example/#id_token=${TOKEN}`, false],
  ]
  for (const [name, text, expected] of cases) {
    it(name, () => {
      expect(BARE_TOKEN.test(text)).toBe(expected)
    })
  }
})

describe('changePolicy', () => {
  const header = `Authorization: Bearer ${TOKEN}`
  const huge = `Bearer ${TOKEN}${' '.repeat(DEFER_EXTRACTION)}`
  const hugeBare = 'a'.repeat(DEFER_EXTRACTION + 1)
  const cases: [string, string, string, ReturnType<typeof changePolicy>][] = [
    ['a typed space stays as typed', TOKEN, `${TOKEN} `, 'as-typed'],
    ['a deletion stays as typed', header, header.slice(1), 'as-typed'],
    ['a pasted header is extracted from', '', header, 'extract'],
    ['a pasted bare token goes through extraction (which leaves it alone)', '', TOKEN, 'extract'],
    ['a huge paste with more than token characters is extracted later', '', huge, 'later'],
    ['a huge bare paste is not deferred', '', hugeBare, 'extract'],
    ['exactly the limit is not deferred', '', `Bearer ${'a'.repeat(DEFER_EXTRACTION - 7)}`, 'extract'],
  ]
  for (const [name, before, after, expected] of cases) {
    it(name, () => {
      expect(changePolicy(before, after)).toBe(expected)
    })
  }
})

describe('pasteMayExtract', () => {
  const cases: [string, string, boolean, boolean][] = [
    ['a header pasted over everything', `Bearer ${TOKEN}`, true, true],
    ['a header pasted into part of the text', `Bearer ${TOKEN}`, false, false],
    ['a bare token pasted over everything', TOKEN, true, false],
  ]
  for (const [name, pasted, replacesAll, expected] of cases) {
    it(name, () => {
      expect(pasteMayExtract(pasted, replacesAll)).toBe(expected)
    })
  }
})
