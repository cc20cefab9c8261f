import { describe, expect, it } from 'vitest'
import { droppedFields, sanitizePersisted } from './persisted'

describe('persisted practice progress', () => {
  const cases: { name: string; stored: unknown; kept: string[] | undefined }[] = [
    { name: 'challenge ids are kept in order', stored: ['none', 'kid-sql'], kept: ['none', 'kid-sql'] },
    { name: 'duplicates are kept once', stored: ['none', 'none'], kept: ['none'] },
    { name: 'non-strings and odd names are dropped', stored: ['none', 7, 'Bad Id', '<script>', ''], kept: ['none'] },
    { name: 'a non-array is dropped entirely', stored: 'none', kept: undefined },
  ]
  for (const c of cases) {
    it(c.name, () => {
      expect(sanitizePersisted({ solvedChallenges: c.stored }).solvedChallenges).toEqual(c.kept)
    })
  }

  it('reports a progress list of the wrong type as dropped', () => {
    const raw = { solvedChallenges: { none: true } }
    expect(droppedFields(raw, sanitizePersisted(raw))).toEqual(['solvedChallenges'])
  })
})
