import { describe, expect, it } from 'vitest'
import type { JsonValue } from '../../core'
import { markCounts, valueAt, valueText, visibilityRows } from './claim-visibility'

describe('valueAt', () => {
  const root = { a: { 'b/c': [10, { d: null }] }, '': 1, 'm~n': true }
  it.each([
    ['', root],
    ['/a/b~1c/0', 10],
    ['/a/b~1c/1/d', null],
    ['/', 1],
    ['/m~0n', true],
    ['/a/b~1c/2', undefined],
    ['/a/b~1c/01', undefined],
    ['/a/b~1c/-1', undefined],
    ['/a/x', undefined],
    ['/a/b~1c/0/deeper', undefined],
    ['/toString', undefined],
  ] as const)('%j → %j', (pointer, expected) => {
    expect(valueAt(root, pointer)).toEqual(expected)
  })
})

describe('valueText', () => {
  it.each([
    [undefined, '(missing)'],
    ['Ada', '"Ada"'],
    [12345678901234567890n, '12345678901234567890'],
    [[1], 'array of 1 element'],
    [[1, 2], 'array of 2 elements'],
    [{ a: 1 }, 'object with 1 member'],
    [{}, 'object with 0 members'],
    ['<img src=x onerror=alert(1)>', '"<img src=x onerror=alert(1)>"'],
  ] as const)('%s → %s', (value, text) => {
    expect(valueText(value as JsonValue | undefined)).toBe(text)
  })

  it('cuts a long value to 160 characters', () => {
    const text = valueText('x'.repeat(500))
    expect(text).toHaveLength(160)
    expect(text.endsWith('…')).toBe(true)
  })
})

describe('visibilityRows', () => {
  const rows = visibilityRows({
    processedPayload: { iss: 'https://issuer.example', address: { locality: 'Anytown' }, nationalities: ['DE'], given_name: 'Ada' },
    claims: [
      { pointer: '/iss', visibility: 'always-visible', disclosure: null },
      { pointer: '/address', visibility: 'disclosed', disclosure: 2 },
      { pointer: '/address/locality', visibility: 'disclosed', disclosure: 1 },
      { pointer: '/nationalities', visibility: 'always-visible', disclosure: null },
      { pointer: '/nationalities/0', visibility: 'disclosed', disclosure: 4 },
      { pointer: '/given_name', visibility: 'disclosed', disclosure: 0 },
    ],
    undisclosed: [
      { digest: 'd-top', at: '', kind: 'property' },
      { digest: 'd-addr', at: '/address', kind: 'property' },
      { digest: 'd-nat', at: '/nationalities', kind: 'element' },
    ],
  })

  it('marks each claim and puts each withheld digest after the claims of its object or array', () => {
    expect(rows.map((r) => [r.pointer, r.mark, r.value, r.disclosure, r.digest])).toEqual([
      ['/iss', 'always-visible', '"https://issuer.example"', null, null],
      ['/address', 'disclosed', 'object with 1 member', 2, null],
      ['/address/locality', 'disclosed', '"Anytown"', 1, null],
      ['/address', 'withheld', null, null, 'd-addr'],
      ['/nationalities', 'always-visible', 'array of 1 element', null, null],
      ['/nationalities/0', 'disclosed', '"DE"', 4, null],
      ['/nationalities', 'withheld', null, null, 'd-nat'],
      ['/given_name', 'disclosed', '"Ada"', 0, null],
      ['', 'withheld', null, null, 'd-top'],
    ])
  })

  it('counts the marks', () => {
    expect(markCounts(rows)).toEqual({ 'always-visible': 2, disclosed: 4, withheld: 3 })
  })

  it('places 10,000 withheld digests among 10,000 claims in well under a second', () => {
    const claims = Array.from({ length: 10_000 }, (_, i) => ({ pointer: `/c${i}`, visibility: 'always-visible' as const, disclosure: null }))
    const undisclosed = Array.from({ length: 10_000 }, (_, i) => ({ digest: `d${i}`, at: '', kind: 'property' as const }))
    const started = performance.now()
    const many = visibilityRows({ processedPayload: {}, claims, undisclosed })
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(many).toHaveLength(20_000)
    expect(many[9_999]?.pointer).toBe('/c9999')
    expect(many[10_000]?.digest).toBe('d0')
  })

  it('puts a withheld digest of a container with no visible claim first', () => {
    const only = visibilityRows({ processedPayload: {}, claims: [], undisclosed: [{ digest: 'x', at: '/gone', kind: 'property' }] })
    expect(only.map((r) => [r.pointer, r.mark])).toEqual([['/gone', 'withheld']])
  })
})
