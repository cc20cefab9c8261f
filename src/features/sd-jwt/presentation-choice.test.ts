import { describe, expect, it } from 'vitest'
import { toggleDisclosure } from './presentation-choice'

// Parents in the shape of RFC 9901 §A.2 (recursive disclosures): 0 and 1 sit in the disclosed
// address (2), 6 sits in 1; 3, 4 and 5 are in the issuer-signed payload itself.
const parents = new Map<number, number | null>([[0, 2], [1, 2], [2, null], [3, null], [4, null], [5, null], [6, 1]])

describe('toggleDisclosure', () => {
  it.each([
    ['choosing a nested one chooses the chain it sits in', [], 6, true, [1, 2, 6]],
    ['choosing a top-level one chooses only it', [0, 2], 3, true, [0, 2, 3]],
    ['dropping a parent drops everything inside it', [0, 1, 2, 3, 6], 2, false, [3]],
    ['dropping a leaf keeps its parent', [1, 2, 6], 6, false, [1, 2]],
  ] as const)('%s', (_name, before, index, on, after) => {
    expect([...toggleDisclosure(new Set(before), index, on, parents)].sort()).toEqual(after)
  })

  it('stops on a cyclic map instead of looping', () => {
    const cyclic = new Map<number, number | null>([[0, 1], [1, 0]])
    expect([...toggleDisclosure(new Set(), 0, true, cyclic)].sort()).toEqual([0, 1])
    expect([...toggleDisclosure(new Set([0, 1]), 0, false, cyclic)]).toEqual([])
  })

  it('drops a chain of 20,000 nested disclosures in one pass', () => {
    const chain = new Map<number, number | null>(Array.from({ length: 20_000 }, (_, i) => [i, i === 0 ? null : i - 1]))
    const all = new Set(chain.keys())
    const started = performance.now()
    expect(toggleDisclosure(all, 0, false, chain).size).toBe(0)
    expect(toggleDisclosure(new Set(), 19_999, true, chain).size).toBe(20_000)
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})
