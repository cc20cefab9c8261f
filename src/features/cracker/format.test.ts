import { describe, expect, it } from 'vitest'
import { formatBytes, formatCount, formatEta, formatRate, formatSpeed, toHex } from './format'

describe('cracker figures', () => {
  it.each([
    [0, '0'], [7, '7'], [1234, '1,234'], [1234567, '1,234,567'], [12.6, '13'], [-3, '0'],
  ])('formatCount(%d) is %s', (n, text) => expect(formatCount(n)).toBe(text))

  it.each([
    [0, '0 candidates/s'], [Number.NaN, '0 candidates/s'], [950.4, '950 candidates/s'],
    [12345, '12,300 candidates/s'], [987654, '988,000 candidates/s'], [1_234_567, '1.23 million candidates/s'],
  ])('formatRate(%d) is %s', (n, text) => expect(formatRate(n)).toBe(text))

  it.each<[number, number, number, 'running' | 'found' | 'ended', string]>([
    [500, 2, 0.004, 'found', 'found after 2 guesses'],
    [250, 1, 0.004, 'found', 'found after 1 guess'],
    [500, 2, 0.004, 'ended', 'not measured (2 guesses)'],
    [500, 2, 0.004, 'running', 'measuring…'],
    [20_000, 9_999, 0.499, 'found', 'found after 9,999 guesses'],
    [20_000, 10_000, 0.1, 'found', '20,000 candidates/s'],
    [950.4, 1_000, 0.5, 'found', '950 candidates/s'],
    [69, 1, 1.2, 'found', 'found after 1 guess'],
    [400, 475, 1.2, 'found', 'found after 475 guesses'],
    [400, 475, 1.2, 'running', 'measuring…'],
    [1_234_567, 5_000, 0.2, 'running', 'measuring…'],
    [1_234_567, 600_000, 0.49, 'running', '1.23 million candidates/s'],
  ])('formatSpeed(%d/s, %d tested, %d s, %s) is %s', (rate, tested, seconds, phase, text) => expect(formatSpeed(rate, tested, seconds, phase)).toBe(text))

  it.each([
    [0.2, 'under 1 s'], [42.4, '42 s'], [200, '3 min 20 s'], [7500, '2 h 5 min'], [90000, '1 d 1 h'],
    [Number.POSITIVE_INFINITY, 'more than a year'], [400 * 86400, 'more than a year'],
  ])('formatEta(%d) is %s', (n, text) => expect(formatEta(n)).toBe(text))

  it.each([
    [0, '0 bytes'], [1023, '1,023 bytes'], [1024, '1.0 KB'], [1536, '1.5 KB'], [5 * 1024 * 1024, '5.0 MB'], [3 * 1024 ** 3, '3.0 GB'],
  ])('formatBytes(%d) is %s', (n, text) => expect(formatBytes(n)).toBe(text))

  it('toHex writes two lowercase digits per byte', () => {
    expect(toHex(Uint8Array.from([0, 15, 16, 255]))).toBe('000f10ff')
  })
})
