import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { CheckTable, type Column } from './check-table'
import type { VerdictKind } from './verdict'

interface Row {
  readonly id: string
  readonly verdict: VerdictKind
  readonly message: string
}

const columns: readonly Column<Row>[] = [
  { header: 'Check', kind: 'header', cell: (r) => r.id, sub: (r) => `about ${r.id}` },
  { header: 'Verdict', kind: 'verdict' },
  { header: 'Message', card: 'body', cell: (r) => r.message },
  { header: 'Prevents', card: 'note', cell: () => 'replay' },
]

const rows: readonly Row[] = [
  { id: 'exp', verdict: 'pass', message: 'not expired' },
  { id: 'aud', verdict: 'fail', message: 'wrong audience' },
  { id: 'nbf', verdict: 'skip', message: 'no nbf' },
  { id: 'sig', verdict: 'pending', message: 'checking' },
]

const render = (props: Partial<Parameters<typeof CheckTable<Row>>[0]> = {}) =>
  renderToStaticMarkup(createElement(CheckTable<Row>, { label: 'Checks', columns, rows, rowKey: (r: Row) => r.id, verdict: (r: Row) => r.verdict, ...props }))

/** The text of every element of one tag, in document order. */
const texts = (html: string, tag: string) => [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>(.*?)</${tag}>`, 'g'))].map((m) => m[1]!.replace(/<[^>]+>/g, ''))

describe('CheckTable', () => {
  it('renders a named table: column headers, one row header per row with its sub text, then the cells', () => {
    const html = render()
    expect(html).toContain('<table aria-label="Checks"')
    expect(texts(html, 'th').slice(0, 4)).toEqual(['Check', 'Verdict', 'Message', 'Prevents'])
    expect(html.match(/<th scope="row"/g)).toHaveLength(rows.length)
    expect(texts(html, 'th').slice(4)).toEqual(['expabout exp', 'audabout aud', 'nbfabout nbf', 'sigabout sig'])
  })

  const verdicts: readonly [VerdictKind, string][] = [
    ['pass', 'Pass'],
    ['fail', 'Fail'],
    ['skip', 'Skipped'],
    ['pending', 'Pending'],
  ]
  for (const [kind, word] of verdicts) {
    it(`words a ${kind} verdict "${word}" in the verdict cell, the first data cell of its row`, () => {
      const html = render({ rows: rows.filter((r) => r.verdict === kind) })
      expect(texts(html, 'td')[0]).toBe(word)
    })
  }

  it('without a breakpoint there is no card list', () => {
    expect(render()).not.toContain('<ul')
  })

  it('with a breakpoint the same rows are also cards of a list of the same name, a failing one framed red', () => {
    const html = render({ cardsBelow: 'sm' })
    expect(html).toContain('<ul aria-label="Checks" class="flex flex-col gap-2 sm:hidden"')
    const cards = texts(html, 'li')
    expect(cards).toEqual(['expabout expPassnot expiredPrevents: replay', 'audabout audFailwrong audiencePrevents: replay', 'nbfabout nbfSkippedno nbfPrevents: replay', 'sigabout sigPendingcheckingPrevents: replay'])
    expect(html.match(/<li class="[^"]*border-rose-400/g)).toHaveLength(1)
    expect(html).toContain('hidden sm:block')
  })

  it('shows the empty text in one row spanning every column, and a note row before the row it belongs to', () => {
    const empty = render({ rows: [], empty: 'Nothing to check.' })
    expect(empty).toContain('<td colSpan="4"')
    expect(texts(empty, 'td')).toEqual(['Nothing to check.'])
    const noted = render({ noteBefore: (_r: Row, i: number) => (i === 2 ? '… 5 more …' : null) })
    expect(texts(noted, 'td').slice(6, 10)).toEqual(['… 5 more …', 'Skipped', 'no nbf', 'replay'])
  })
})
