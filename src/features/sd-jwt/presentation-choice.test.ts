import { describe, expect, it } from 'vitest'
import { parentDisclosures, toggleDisclosure, type PlacedDisclosure } from './presentation-choice'

// The shape of RFC 9901 §A.2 (recursive disclosures): address is disclosed, and its members' digests
// sit in the disclosed address object; nationality elements are in a plain array.
const disclosures: readonly PlacedDisclosure[] = [
  { index: 0, referencedAt: '/address', placedAt: '/address/street_address' },
  { index: 1, referencedAt: '/address', placedAt: '/address/locality' },
  { index: 2, referencedAt: '', placedAt: '/address' },
  { index: 3, referencedAt: '', placedAt: '/given_name' },
  { index: 4, referencedAt: '/nationalities', placedAt: '/nationalities/0' },
  { index: 5, referencedAt: null, placedAt: null },
  { index: 6, referencedAt: '/address/locality', placedAt: '/address/locality/area' },
]

describe('parentDisclosures', () => {
  it('finds the innermost disclosure whose value holds each digest', () => {
    expect([...parentDisclosures(disclosures)]).toEqual([
      [0, 2],
      [1, 2],
      [2, null],
      [3, null],
      [4, null],
      [5, null],
      [6, 1],
    ])
  })

  it('does not take /address/localityX as lying inside /address/locality', () => {
    const parents = parentDisclosures([
      { index: 0, referencedAt: '', placedAt: '/a' },
      { index: 1, referencedAt: '/ab', placedAt: '/ab/c' },
    ])
    expect(parents.get(1)).toBe(null)
  })
})

describe('toggleDisclosure', () => {
  const parents = parentDisclosures(disclosures)
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
})
