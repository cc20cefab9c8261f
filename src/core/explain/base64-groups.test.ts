import { describe, expect, it } from 'vitest'
import { base64urlGroups } from './base64-groups'

const bytesOf = (text: string) => new TextEncoder().encode(text)

describe('base64urlGroups', () => {
  it('splits "Man" into the textbook bits TWFu', () => {
    expect(base64urlGroups(bytesOf('Man')).groups).toEqual([
      { index: 0, bytesHex: '4d 61 6e', bits: '010011 010110 000101 101110', fillBits: 0, values: [19, 22, 5, 46], chars: 'TWFu', padding: '' },
    ])
  })

  it.each([
    ['length ≡ 0 (mod 3)', '{"alg":"HS256","typ":"JWT"}x'],
    ['length ≡ 1 (mod 3)', '{"alg":"HS256","typ":"JWT"}'],
    ['length ≡ 2 (mod 3)', '{"alg":"ES256","kid":"k1"}x'],
  ])('matches Buffer base64url group by group: %s', (_name, text) => {
    const bytes = bytesOf(text)
    const table = base64urlGroups(bytes, 100)
    expect(table.total).toBe(Math.ceil(bytes.length / 3))
    expect(table.omitted).toBe(0)
    table.groups.forEach((group, i) => {
      const chunk = Buffer.from(bytes.subarray(i * 3, i * 3 + 3))
      expect(group.index).toBe(i)
      expect(group.chars).toBe(chunk.toString('base64url'))
      expect(group.bytesHex).toBe(chunk.toString('hex').replace(/(..)(?=.)/g, '$1 '))
      expect(group.padding).toBe(chunk.toString('base64').replace(/[^=]/g, ''))
    })
    expect(table.groups.map((g) => g.chars).join('')).toBe(Buffer.from(bytes).toString('base64url'))
  })

  it('fills a final 1-byte group with 4 zero bits and a 2-byte group with 2', () => {
    expect(base64urlGroups(bytesOf('M')).groups[0]).toEqual({ index: 0, bytesHex: '4d', bits: '010011 010000', fillBits: 4, values: [19, 16], chars: 'TQ', padding: '==' })
    expect(base64urlGroups(bytesOf('Ma')).groups[0]).toEqual({ index: 0, bytesHex: '4d 61', bits: '010011 010110 000100', fillBits: 2, values: [19, 22, 4], chars: 'TWE', padding: '=' })
  })

  it('uses "-" and "_" where base64 has "+" and "/"', () => {
    const group = base64urlGroups(new Uint8Array([0xfb, 0xff, 0xbf])).groups[0]
    expect(group?.chars).toBe(Buffer.from([0xfb, 0xff, 0xbf]).toString('base64url'))
    expect(group?.chars).toBe('-_-_')
  })

  it('caps long inputs and always shows the final group', () => {
    const bytes = new Uint8Array(100_001).map((_, i) => i * 7)
    const table = base64urlGroups(bytes, 24)
    expect(table.total).toBe(33_334)
    expect(table.groups).toHaveLength(24)
    expect(table.omitted).toBe(33_310)
    expect(table.groups.map((g) => g.index).slice(-2)).toEqual([22, 33_333])
    expect(table.groups[23]?.chars).toBe(Buffer.from(bytes.subarray(99_999)).toString('base64url'))
  })

  it('gives an empty table for no bytes', () => {
    expect(base64urlGroups(new Uint8Array(0))).toEqual({ groups: [], total: 0, omitted: 0 })
  })
})
