import { describe, expect, it } from 'vitest'
import type { JsonValue } from '../types'
import { describeTime, formatDuration, formatRelative, isoFromSeconds } from './time'

// Expected ISO strings come from GNU `date -u -d @<seconds> +%Y-%m-%dT%H:%M:%SZ`, with years outside
// 0–9999 written in the expanded form (sign and six digits) that Date#toISOString uses.
describe('isoFromSeconds', () => {
  it.each<[number | bigint, string]>([
    [0, '1970-01-01T00:00:00Z'],
    [-1, '1969-12-31T23:59:59Z'],
    [1300819380, '2011-03-22T18:43:00Z'], // RFC 7519 §3.1 example exp
    [1300819380.9, '2011-03-22T18:43:00Z'],
    [-0.5, '1969-12-31T23:59:59Z'],
    [253402300799, '9999-12-31T23:59:59Z'],
    [253402300800, '+010000-01-01T00:00:00Z'],
    [-62135596800, '0001-01-01T00:00:00Z'],
    [-62135596801, '0000-12-31T23:59:59Z'],
    [-62167219201, '-000001-12-31T23:59:59Z'],
    [8640000000000, '+275760-09-13T00:00:00Z'],
    [-8640000000000, '-271821-04-20T00:00:00Z'],
    // Beyond the range of Date: computed with bigint arithmetic.
    [8640000000001, '+275760-09-13T00:00:01Z'],
    [-8640000000001, '-271821-04-19T23:59:59Z'],
    [10000000000000, '+318857-05-20T17:46:40Z'],
    [-10000000000000, '-314918-08-13T06:13:20Z'],
    [99999999999999, '+3170843-11-07T09:46:39Z'],
    [67767976233316800, '+2147483647-12-29T12:00:00Z'],
    [67767976233316800n, '+2147483647-12-29T12:00:00Z'],
    [1300819380n, '2011-03-22T18:43:00Z'],
    [10n ** 400n, 'out of range'],
    [-(10n ** 400n), 'out of range'],
    [Infinity, 'out of range'],
    [NaN, 'out of range'],
  ])('%s → %s', (seconds, iso) => {
    expect(isoFromSeconds(seconds)).toBe(iso)
  })

  it('handles the largest double without throwing', () => {
    expect(isoFromSeconds(Number.MAX_VALUE)).toMatch(/^\+\d{290,}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  })
})

describe('formatDuration', () => {
  it.each<[number, string]>([
    [0, '0 seconds'],
    [1, '1 second'],
    [59.9, '59 seconds'],
    [60, '1 minute'],
    [300, '5 minutes'],
    [3599, '59 minutes'],
    [3600, '1 hour'],
    [10800, '3 hours'],
    [86400, '1 day'],
    [30 * 86400, '30 days'],
    [364 * 86400, '364 days'],
    [31556952, '1 year'],
    [-7200, '2 hours'],
    [8640000000000, '273,790 years'],
    [1e30, '3.17e+22 years'],
    [Infinity, 'an unimaginably long time'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })
})

describe('formatRelative', () => {
  it.each<[number, string]>([
    [0, 'just now'],
    [0.9, 'just now'],
    [-0.9, 'just now'],
    [1, 'in 1 second'],
    [300, 'in 5 minutes'],
    [330, 'in 5 minutes'],
    [-3 * 86400, '3 days ago'],
    [-10800, '3 hours ago'],
    [Infinity, 'in the far future'],
    [-Infinity, 'far in the past'],
    [NaN, 'at an unknown time'],
  ])('%s → %s', (delta, text) => {
    expect(formatRelative(delta)).toBe(text)
  })
})

describe('describeTime', () => {
  const now = 1704067200 // 2024-01-01T00:00:00Z

  it.each<[JsonValue, ReturnType<typeof describeTime>]>([
    [1704070800, { seconds: 1704070800, iso: '2024-01-01T01:00:00Z', relative: 'in 1 hour', looksLikeMilliseconds: false }],
    [1703808000, { seconds: 1703808000, iso: '2023-12-29T00:00:00Z', relative: '3 days ago', looksLikeMilliseconds: false }],
    [1704067200, { seconds: 1704067200, iso: '2024-01-01T00:00:00Z', relative: 'just now', looksLikeMilliseconds: false }],
    [1704067200000, { seconds: 1704067200000, iso: '+055969-09-28T00:00:00Z', relative: 'in 53,945 years', looksLikeMilliseconds: true }],
    [-1, { seconds: -1, iso: '1969-12-31T23:59:59Z', relative: '53 years ago', looksLikeMilliseconds: false }],
    [10000000000000n, { seconds: 1e13, iso: '+318857-05-20T17:46:40Z', relative: 'in 316,833 years', looksLikeMilliseconds: true }],
    [99999999999999, { seconds: 99999999999999, iso: '+3170843-11-07T09:46:39Z', relative: 'in 3,168,819 years', looksLikeMilliseconds: true }],
    [100000000000000, { seconds: 1e14, iso: '+3170843-11-07T09:46:40Z', relative: 'in 3,168,819 years', looksLikeMilliseconds: false }],
    [99999999999, { seconds: 99999999999, iso: '5138-11-16T09:46:39Z', relative: 'in 3,114 years', looksLikeMilliseconds: false }],
    ['1704067200', null],
    [null, null],
    [true, null],
    [[1704067200], null],
    [{ exp: 1 }, null],
  ])('%s', (value, expected) => {
    expect(describeTime(value, now)).toEqual(expected)
  })

  it('does not throw for a big integer beyond the double range', () => {
    const info = describeTime(10n ** 500n, now)
    expect(info).toEqual({ seconds: Infinity, iso: 'out of range', relative: 'in the far future', looksLikeMilliseconds: false })
  })
})
