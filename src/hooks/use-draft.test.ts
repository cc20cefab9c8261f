import { describe, expect, it } from 'vitest'
import { draftText } from './use-draft'

describe('draftText', () => {
  const cases: { name: string; draft: { text: string; base: string } | null; current: string; shown: string }[] = [
    { name: 'no edit: the current value', draft: null, current: '{"a":1}', shown: '{"a":1}' },
    { name: 'edit of the current value: the edit', draft: { text: '{"a":2}', base: '{"a":1}' }, current: '{"a":1}', shown: '{"a":2}' },
    { name: 'edit of an older value: the current value', draft: { text: '{"a":2}', base: '{"a":0}' }, current: '{"a":1}', shown: '{"a":1}' },
    { name: 'an emptied field stays empty', draft: { text: '', base: 'x' }, current: 'x', shown: '' },
  ]
  for (const c of cases) it(c.name, () => expect(draftText(c.draft, c.current)).toBe(c.shown))
})
