import { describe, expect, it } from 'vitest'
import { createMemo } from './create-memo'

/** A memo of `x => x * 10` that records which arguments were actually computed. */
function counted(max: number) {
  const computed: number[] = []
  const memo = createMemo((x: number) => {
    computed.push(x)
    return x * 10
  }, { max })
  return { memo, computed }
}

describe('createMemo', () => {
  it('computes each distinct argument once while it is remembered', () => {
    const { memo, computed } = counted(3)
    expect([memo(1), memo(2), memo(1), memo(2)]).toEqual([10, 20, 10, 20])
    expect(computed).toEqual([1, 2])
    expect(memo.size).toBe(2)
  })

  const evictions: { name: string; calls: number[]; then: number; recomputed: boolean }[] = [
    { name: 'the least recently used entry goes first', calls: [1, 2, 3, 4], then: 1, recomputed: true },
    { name: 'a newer entry survives the eviction', calls: [1, 2, 3, 4], then: 2, recomputed: false },
    { name: 'a hit makes an entry recent again', calls: [1, 2, 3, 1, 4], then: 1, recomputed: false },
    { name: 'the entry passed over by the hit is evicted instead', calls: [1, 2, 3, 1, 4], then: 2, recomputed: true },
  ]
  for (const c of evictions) {
    it(`max 3: ${c.name}`, () => {
      const { memo, computed } = counted(3)
      for (const x of c.calls) memo(x)
      expect(memo.size).toBe(3)
      const before = computed.length
      expect(memo(c.then)).toBe(c.then * 10)
      expect(computed.length - before).toBe(c.recomputed ? 1 : 0)
    })
  }

  it('clear forgets every entry, so the next call computes again', () => {
    const { memo, computed } = counted(4)
    memo(1)
    memo(2)
    memo.clear()
    expect(memo.size).toBe(0)
    memo(1)
    expect(computed).toEqual([1, 2, 1])
  })

  it('compares arguments with Object.is: an equal but different object is a new key', () => {
    const memo = createMemo((o: { n: number }) => ({ twice: o.n * 2 }), { max: 2 })
    const a = { n: 1 }
    expect(memo(a)).toBe(memo(a))
    expect(memo({ n: 1 })).not.toBe(memo(a))
  })

  it('a key function picks what identifies a call', () => {
    const computed: string[] = []
    const memo = createMemo((text: string, context: { keys: string; label: string }) => {
      computed.push(`${text}/${context.label}`)
      return text.length
    }, { max: 2, key: (text, context) => [text, context.keys] })
    memo('abc', { keys: 'k', label: 'first' })
    memo('abc', { keys: 'k', label: 'second' })
    memo('abc', { keys: 'other', label: 'third' })
    expect(computed).toEqual(['abc/first', 'abc/third'])
  })

  it('shares one promise between callers, pending or settled', async () => {
    let calls = 0
    const memo = createMemo(async (x: number) => {
      calls += 1
      return x + 1
    }, { max: 1 })
    const first = memo(5)
    expect(memo(5)).toBe(first)
    expect(await first).toBe(6)
    expect(await memo(5)).toBe(6)
    expect(calls).toBe(1)
  })

  it('keeps at least one entry whatever max says', () => {
    const { memo, computed } = counted(0)
    memo(7)
    memo(7)
    expect(computed).toEqual([7])
  })
})
