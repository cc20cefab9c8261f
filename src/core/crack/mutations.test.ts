import { describe, expect, it } from 'vitest'
import { CandidateBatchBuilder } from './candidate-batch'
import { caseVariants, countMutations, expandMutations, MUTATION_SUFFIXES, MutationExpander } from './mutations'

describe('mutation rules', () => {
  it('has 152 suffixes: 0-9, 00-99, 1990-2030 and "!"', () => {
    expect(MUTATION_SUFFIXES.length).toBe(152)
    expect(MUTATION_SUFFIXES.slice(0, 11)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '00'])
    expect(MUTATION_SUFFIXES.slice(108, 112)).toEqual(['98', '99', '1990', '1991'])
    expect(MUTATION_SUFFIXES.slice(-2)).toEqual(['2030', '!'])
  })

  it.each([
    ['dragon', ['dragon', 'DRAGON', 'Dragon']],
    ['DrAgOn', ['DrAgOn', 'dragon', 'DRAGON', 'Dragon']],
    ['123456', ['123456']],
    ['élan', ['élan', 'ÉLAN', 'Élan']],
    ['', ['']],
  ])('case variants of %j', (word, expected) => {
    expect(caseVariants(word)).toEqual(expected)
  })

  it('expands a word into its variants with and without suffixes, never the word itself', () => {
    const all = expandMutations('abc')
    expect(all.length).toBe(3 * 153 - 1)
    expect(countMutations('abc')).toBe(458)
    expect(all).not.toContain('abc')
    expect(all.slice(0, 3)).toEqual(['abc0', 'abc1', 'abc2'])
    for (const m of ['abc00', 'abc99', 'abc1990', 'abc2030', 'abc!', 'ABC', 'ABC7', 'Abc', 'Abc2024']) expect(all).toContain(m)
    expect(countMutations('2024')).toBe(152)
  })

  it.each(['dragon', 'Dragon', 'x', '123', 'émile', 'straße', 'naïve🔑'])('packs the same mutations as expandMutations for %j', (word) => {
    const builder = new CandidateBatchBuilder(4, 2)
    const bytes = new TextEncoder().encode(word)
    new MutationExpander().addMutations(bytes, 0, bytes.length, builder)
    const batch = builder.batch()
    const decoded: string[] = []
    for (let i = 0; i < batch.count; i++) decoded.push(new TextDecoder().decode(batch.bytes.subarray(batch.offsets[i]!, batch.offsets[i + 1]!)))
    expect(decoded).toEqual(expandMutations(word))
  })

  it('only appends suffixes to lines that are not UTF-8', () => {
    const builder = new CandidateBatchBuilder()
    new MutationExpander().addMutations(Uint8Array.from([0xe9, 0x41]), 0, 2, builder)
    const batch = builder.batch()
    expect(batch.count).toBe(152)
    expect([...batch.bytes.subarray(batch.offsets[151]!, batch.offsets[152]!)]).toEqual([0xe9, 0x41, 0x21])
  })
})

describe('bundled candidates', () => {
  it('starts with the empty secret and the default JWT secrets, then common passwords, without duplicates', async () => {
    const { bundledCandidates } = await import('./bundled-candidates')
    const { defaultJwtSecrets } = await import('./default-jwt-secrets')
    const list = await bundledCandidates()
    expect(list[0]).toBe('')
    expect(list[1]).toBe(defaultJwtSecrets[0])
    for (const s of ['secret', 'your-256-bit-secret', '123456', 'password', 'qwerty', 'dragon']) expect(list).toContain(s)
    expect(new Set(list).size).toBe(list.length)
    expect(list.length).toBeGreaterThan(40000)
  })
})
