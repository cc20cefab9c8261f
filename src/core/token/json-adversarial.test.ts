/**
 * The JSON reader and printers on about a megabyte of hostile JSON: repeated member names deep
 * down, huge integers, deep values with many elements. The test timeout is a hang guard.
 */
import { describe, expect, it } from 'vitest'
import type { JsonValue } from '../types'
import { decodeToken } from './decode'
import { formatJsonValue, parseJsonText } from './json'

const MB = 1_000_000
/** Integers up to this many digits become big integers (MAX_BIGINT_DIGITS in json.ts). */
const MAX_BIGINT_DIGITS = 10_000
// Generous, for a loaded machine: copying the path for every repeated name took gigabytes.
const HANG_GUARD = 30_000
const b64u = (text: string): string => Buffer.from(text).toString('base64url')

describe('repeated member names on a megabyte', () => {
  it('records 150,000 repeats 999 levels deep, each with its path', () => {
    const n = 150_000
    const text = `${'{"a":'.repeat(999)}{${'"b":1,'.repeat(n)}"b":1}${'}'.repeat(999)}`
    const parsed = parseJsonText(text)
    expect(parsed.errors).toEqual([])
    expect(parsed.duplicates.length).toBe(n)
    const last = parsed.duplicates[n - 1]
    // The inner object opens at 999 × 5 characters; each "b":1, is 6 characters; the last of n + 1 is the nth repeat.
    expect({ name: last?.name, path: last?.path, offset: last?.offset, firstOffset: last?.firstOffset }).toEqual({
      name: 'b', path: Array(999).fill('a'), offset: 999 * 5 + 1 + 6 * n, firstOffset: 999 * 5 + 1,
    })
  }, HANG_GUARD)

  it('records one repeat in each of 70,000 objects 999 levels deep', () => {
    const n = 70_000
    const text = `${'{"a":'.repeat(998)}[${'{"b":1,"b":2},'.repeat(n)}0]${'}'.repeat(998)}`
    const parsed = parseJsonText(text)
    expect(parsed.duplicates.length).toBe(n)
    expect(parsed.duplicates[n - 1]?.path).toEqual([...Array(998).fill('a'), n - 1])
  }, HANG_GUARD)

  it('reports the first 20 repeats of a decoded payload and counts the rest', () => {
    const n = 150_000
    const token = decodeToken(`${b64u('{"alg":"HS256"}')}.${b64u(`{"x":{${'"b":1,'.repeat(n)}"b":1}}`)}.c2ln`)
    const repeats = token.diagnostics.filter((d) => d.code === 'DUPLICATE_MEMBER')
    expect(repeats.length).toBe(21)
    expect(repeats[0]?.message).toBe('The payload has the member "b" more than once inside "x". Parsers disagree on which value wins (most take the last), so different systems may read this token differently.')
    expect(repeats[20]?.message).toBe(`The payload repeats ${n - 20} more member names.`)
  }, HANG_GUARD)
})

describe('huge integers', () => {
  const valueOf = (text: string): JsonValue | undefined => parseJsonText(text).value

  it.each<[string, () => string, JsonValue]>([
    ['10,000 digits stay exact', () => `{"n":${'9'.repeat(MAX_BIGINT_DIGITS)}}`, { n: 10n ** 10_000n - 1n }],
    ['minus and 10,000 digits stay exact', () => `{"n":-${'9'.repeat(MAX_BIGINT_DIGITS)}}`, { n: -(10n ** 10_000n - 1n) }],
    ['10,001 digits read as JSON.parse reads them', () => `{"n":${'9'.repeat(MAX_BIGINT_DIGITS + 1)}}`, { n: Infinity }],
    ['a megabyte of digits', () => `{"n":${'9'.repeat(MB)}}`, { n: Infinity }],
    ['a megabyte of negative digits', () => `{"n":-${'9'.repeat(MB)}}`, { n: -Infinity }],
    ['100 integers of 10,000 digits', () => `[${Array(100).fill('1'.padEnd(MAX_BIGINT_DIGITS, '0')).join(',')}]`, Array(100).fill(10n ** 9_999n)],
  ])('%s', (_name, make, expected) => {
    expect(valueOf(make())).toEqual(expected)
  }, HANG_GUARD)

  it('keeps every digit in the member text', () => {
    const digits = '9'.repeat(MB)
    expect(parseJsonText(`{"n":${digits}}`).members[0]?.valueText).toBe(digits)
  }, HANG_GUARD)
})

describe('formatJsonValue on deep, wide values', () => {
  /** An array nested `depth` levels deep whose innermost array holds `n` ones. */
  function deep(depth: number, n: number): JsonValue {
    let value: JsonValue = Array(n).fill(1)
    for (let i = 0; i < depth; i++) value = [value]
    return value
  }

  it('prints 900 levels around 100,000 elements compactly instead of in hundreds of megabytes', () => {
    const value = deep(900, 100_000)
    expect(formatJsonValue(value)).toBe(JSON.stringify(value))
  }, HANG_GUARD)

  it('still indents a value whose indented form stays small', () => {
    const value = deep(3, 2)
    expect(formatJsonValue(value)).toBe(JSON.stringify(value, null, 2))
  })

  it('writes big integers as digits in the compact form too', () => {
    const value: JsonValue = [deep(900, 100_000), 12345678901234567890n, { s: 'x' }]
    expect(formatJsonValue(value)).toBe(`[${JSON.stringify(deep(900, 100_000))},12345678901234567890,{"s":"x"}]`)
  }, HANG_GUARD)
})
