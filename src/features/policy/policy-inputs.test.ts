import { beforeAll, describe, expect, it } from 'vitest'
import { fromDateTimeLocal, splitList, toDateTimeLocal } from './policy-inputs'

describe('splitList', () => {
  it.each([
    ['', []],
    ['  ', []],
    ['RS256', ['RS256']],
    ['RS256, ES256', ['RS256', 'ES256']],
    ['a,,b  c', ['a', 'b', 'c']],
  ])('%j', (text, expected) => expect(splitList(text)).toEqual(expected))
})

describe('datetime-local conversion (TZ=UTC)', () => {
  // Node re-reads TZ when it is assigned, so local time is UTC inside these tests.
  beforeAll(() => {
    process.env.TZ = 'UTC'
  })
  // 1300819380 is RFC 7519's example exp: 2011-03-22T18:43:00Z.
  it('shows now when there is no override', () => {
    expect(toDateTimeLocal('', 1300819380)).toBe('2011-03-22T18:43:00')
  })
  it('shows the override', () => {
    expect(toDateTimeLocal('2030-01-02T03:04:05.000Z', 0)).toBe('2030-01-02T03:04:05')
  })
  it('stores a picked time as ISO UTC', () => {
    expect(fromDateTimeLocal('2011-03-22T18:43:00')).toBe('2011-03-22T18:43:00.000Z')
    expect(fromDateTimeLocal('')).toBe('')
    expect(fromDateTimeLocal('not a date')).toBe('')
  })
})
