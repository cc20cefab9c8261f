import { describe, expect, it } from 'vitest'
import { chosenPointers, claimTree, escapePointerToken, MAX_CLAIM_NODES, unescapePointerToken } from './claim-tree'

describe('claimTree', () => {
  it('lists top-level members, nested members and array elements in document order with their pointers', () => {
    const tree = claimTree('{"given_name":"Ada","address":{"street":"1 Main","country":"UK"},"nationalities":["GB",{"x":1}]}')
    expect(tree).toEqual({
      ok: true,
      truncated: false,
      nodes: [
        { pointer: '/given_name', label: 'given_name', kind: 'member', depth: 0, parent: null, note: null },
        { pointer: '/address', label: 'address', kind: 'member', depth: 0, parent: null, note: null },
        { pointer: '/address/street', label: 'street', kind: 'member', depth: 1, parent: '/address', note: null },
        { pointer: '/address/country', label: 'country', kind: 'member', depth: 1, parent: '/address', note: null },
        { pointer: '/nationalities', label: 'nationalities', kind: 'member', depth: 0, parent: null, note: null },
        { pointer: '/nationalities/0', label: '[0]', kind: 'element', depth: 1, parent: '/nationalities', note: null },
        { pointer: '/nationalities/1', label: '[1]', kind: 'element', depth: 1, parent: '/nationalities', note: null },
        { pointer: '/nationalities/1/x', label: 'x', kind: 'member', depth: 2, parent: '/nationalities/1', note: null },
      ],
    })
  })

  it.each([
    ['a/b', '/a~1b'],
    ['m~n', '/m~0n'],
    ['~/', '/~0~1'],
  ])('escapes the member name %j as the pointer %j and reads it back', (name, pointer) => {
    const tree = claimTree(JSON.stringify({ [name]: 1 }))
    expect(tree.ok && tree.nodes.map((n) => [n.pointer, n.label])).toEqual([[pointer, name]])
    expect(escapePointerToken(name)).toBe(pointer.slice(1))
    expect(unescapePointerToken(pointer.slice(1))).toBe(name)
  })

  it('notes the claims that must stay in plain view at the top level only, and the reserved names at any depth', () => {
    const tree = claimTree('{"iss":"https://i.example","cnf":{"jwk":{}},"vct":"v","inner":{"iss":"x","_sd":[]}}')
    expect(tree.ok && tree.nodes.map((n) => [n.pointer, n.note])).toEqual([
      ['/iss', 'SD-JWT VC (§3.2.2.2) keeps iss in plain view'],
      ['/cnf', 'the holder key (RFC 9901 §4.1.2) must stay in plain view for key binding'],
      ['/cnf/jwk', null],
      ['/vct', 'SD-JWT VC (§3.2.2.2) keeps vct in plain view'],
      ['/inner', null],
      ['/inner/iss', null],
      ['/inner/_sd', 'reserved by RFC 9901 (§4.2.1): holds the digests, never a claim of its own'],
    ])
  })

  it.each([
    ['{"a":', /^The payload is not valid JSON: /],
    ['[1,2]', /^The payload must be a JSON object: its members are the claims\.$/],
    ['"text"', /^The payload must be a JSON object/],
    ['', /^The payload is not valid JSON: /],
  ])('refuses %j with a message', (text, message) => {
    const tree = claimTree(text)
    expect(tree.ok).toBe(false)
    if (!tree.ok) expect(tree.message).toMatch(message)
  })

  it(`stops after ${MAX_CLAIM_NODES} claims and says so`, () => {
    const big = JSON.stringify({ list: Array.from({ length: 5000 }, (_, i) => i) })
    const tree = claimTree(big)
    expect(tree.ok && tree.nodes.length).toBe(MAX_CLAIM_NODES)
    expect(tree.ok && tree.truncated).toBe(true)
    expect(tree.ok && tree.nodes[MAX_CLAIM_NODES - 1]?.pointer).toBe(`/list/${MAX_CLAIM_NODES - 2}`)
  })

  it('keeps the checked pointers in document order, whatever order they were ticked in', () => {
    const tree = claimTree('{"a":1,"b":{"c":2},"d":[3]}')
    if (!tree.ok) throw new Error('expected a tree')
    expect(chosenPointers(tree.nodes, new Set(['/d/0', '/a', '/b/c', '/nowhere']))).toEqual(['/a', '/b/c', '/d/0'])
  })
})
