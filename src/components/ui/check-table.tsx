import { useEffect, useRef, useState, type HTMLAttributes, type Key, type ReactNode } from 'react'
import { Verdict, type VerdictKind } from './verdict'

/** One column of a {@link CheckTable}: its heading, its cells, and where it goes in a narrow-screen card. */
export interface Column<Row> {
  /** Column heading; a `note` column repeats it as the label of its card line. */
  readonly header: string
  /** What the cell shows. A `verdict` column needs none: it shows the row's verdict word. */
  readonly cell?: (row: Row) => ReactNode
  /**
   * `header`: the row's name, a `<th scope="row">` (and the card's title); `verdict`: the row's
   * verdict word (and the card's right-hand corner); otherwise a plain data cell.
   */
  readonly kind?: 'header' | 'verdict'
  /** Small text under a header cell (in a card: after the title). */
  readonly sub?: (row: Row) => ReactNode
  /** Width of the column (a Tailwind width class); any width makes the table fixed-layout. */
  readonly width?: string
  /** Classes of the cell besides its padding (replaces the header cell's `font-medium`). */
  readonly className?: string
  /** In a card: `meta` small text after the title, `body` a line of its own, `note` a small labelled line. */
  readonly card?: 'meta' | 'body' | 'note'
  /** In a stacked table (`stackBelow`): the cell takes a line of its own under the others. */
  readonly stacked?: 'line'
}

/** Attributes of a body row: handlers, extra classes, `data-*` markers. */
export type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { readonly [data: `data-${string}`]: string | boolean | undefined }

interface CheckTableProps<Row> {
  /** Accessible name of the table (and of the card list). */
  readonly label: string
  readonly columns: readonly Column<Row>[]
  readonly rows: readonly Row[]
  readonly rowKey: (row: Row, index: number) => Key
  /** The verdict of a row: the `verdict` column's word, and a red frame on a failing card. */
  readonly verdict?: (row: Row) => VerdictKind
  /** Below this breakpoint the rows are cards (a list of the same name) instead of table rows; unset: always a table. */
  readonly cardsBelow?: 'sm' | 'lg'
  /** Minimum width of the table (a Tailwind class): narrower screens scroll it sideways. */
  readonly minWidth?: string
  /**
   * Below this breakpoint the table stays a table but each row wraps: its `stacked: 'line'` cells go
   * on a line of their own under the others, so nothing scrolls sideways on a phone (and the
   * column of such a cell loses its heading there, which the cell's own text makes up for).
   */
  readonly stackBelow?: 'sm'
  readonly caption?: ReactNode
  /** Shown in one full-width row instead of the rows (e.g. why there is nothing to show). */
  readonly empty?: ReactNode
  /** A full-width note row before a row (e.g. "… 40 more groups …"), or nothing. */
  readonly noteBefore?: (row: Row, index: number) => ReactNode
  readonly rowAttributes?: (row: Row, index: number) => RowAttributes
  /** Classes of the table body, e.g. a monospace font for all cells. */
  readonly bodyClassName?: string
  /** `bleed`: edge to edge at the bottom of a panel; `box`: a bordered box of its own. */
  readonly frame?: 'bleed' | 'box'
  /** Below the table, inside its frame (e.g. a "Show all" line). */
  readonly footer?: ReactNode
  readonly className?: string
}

const frames = {
  bleed: '-mx-3 -mb-3 overflow-x-auto',
  box: 'min-w-0 overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700',
} as const

// Literal class names, so Tailwind sees them.
const tableShownFrom = { sm: 'hidden sm:block', lg: 'hidden lg:block' } as const
const cardsHiddenFrom = { sm: 'sm:hidden', lg: 'lg:hidden' } as const

const cellPadding = 'px-3 py-1.5'
const bodyRowClass = 'border-b border-slate-100 align-top last:border-b-0 dark:border-slate-800'

/**
 * A table of checks (or any rows) described once by its columns, rendered as a `<table>` and, on
 * narrow screens, as a list of cards with the same name: the name, a verdict in the corner, the
 * details below.
 */
export function CheckTable<Row>(props: CheckTableProps<Row>) {
  const { label, columns, rows, cardsBelow, frame = 'bleed', footer, className = '' } = props
  const table = (
    <ScrollFrame label={label} className={`${frames[frame]} ${cardsBelow !== undefined ? tableShownFrom[cardsBelow] : ''} ${className}`}>
      <WideTable {...props} />
      {footer}
    </ScrollFrame>
  )
  if (cardsBelow === undefined) return table
  return (
    <>
      <ul aria-label={label} className={`flex flex-col gap-2 ${cardsHiddenFrom[cardsBelow]}`}>
        {rows.map((row, i) => (
          <Card key={props.rowKey(row, i)} row={row} columns={columns} verdict={props.verdict?.(row)} />
        ))}
      </ul>
      {table}
    </>
  )
}

/**
 * The frame that scrolls a table sideways when it is wider than the screen (large type, a phone).
 * While it does, it is focusable and named, so keyboard users can scroll it too; while it does not,
 * it adds no stop to the Tab order.
 */
function ScrollFrame({ label, className, children }: { readonly label: string; readonly className: string; readonly children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  const [scrolls, setScrolls] = useState(false)
  useEffect(() => {
    const frame = ref.current
    if (frame === null || typeof ResizeObserver === 'undefined') return
    const measure = () => setScrolls(frame.scrollWidth > frame.clientWidth + 1)
    const observer = new ResizeObserver(measure)
    observer.observe(frame)
    if (frame.firstElementChild) observer.observe(frame.firstElementChild)
    measure()
    return () => observer.disconnect()
  }, [])
  return (
    <div ref={ref} className={className} {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': `${label} (scrolls sideways)` } : {})}>
      {children}
    </div>
  )
}

// Literal class names, so Tailwind sees them. Explicit roles keep the table semantics that a
// `display: grid` row would otherwise lose in some browsers.
const stackedRow = 'max-sm:grid max-sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]'
const stackedLine = 'max-sm:col-span-2 max-sm:pt-0'
const stackedHeading = 'max-sm:sr-only'

function WideTable<Row>({ label, columns, rows, rowKey, verdict, minWidth = '', caption, empty, noteBefore, rowAttributes, bodyClassName, stackBelow }: CheckTableProps<Row>) {
  const fixed = columns.some((c) => c.width !== undefined)
  const stack = stackBelow !== undefined
  const roles = (role: string) => (stack ? { role } : {})
  return (
    <table {...roles('table')} aria-label={label} className={`w-full border-collapse text-left text-sm ${fixed ? 'table-fixed' : ''} ${minWidth}`}>
      {caption !== undefined && <caption className="px-3 py-1.5 text-left text-xs text-slate-600 dark:text-slate-400">{caption}</caption>}
      {fixed && (
        <colgroup>
          {columns.map((c) => <col key={c.header} className={c.width} />)}
        </colgroup>
      )}
      <thead>
        <tr
          {...roles('row')}
          className={`border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase dark:border-slate-800 dark:bg-slate-800/50 dark:text-slate-300 ${caption !== undefined ? 'border-t' : ''} ${stack ? stackedRow : ''}`}
        >
          {columns.map((c) => (
            // The row draws headers in capitals: Firefox and WebKit would name them so ("CLAIM").
            <th key={c.header} {...roles('columnheader')} scope="col" aria-label={c.header} className={`${cellPadding} font-semibold ${stack && c.stacked === 'line' ? stackedHeading : ''}`}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={bodyClassName}>
        {empty !== undefined && empty !== null && <NoteRow span={columns.length} className="py-3">{empty}</NoteRow>}
        {rows.map((row, i) => {
          const note = noteBefore?.(row, i)
          const { className = '', ...attributes } = rowAttributes?.(row, i) ?? {}
          return (
            <RowWithNote key={rowKey(row, i)} note={note} span={columns.length}>
              <tr {...roles('row')} className={`${bodyRowClass} ${className} ${stack ? stackedRow : ''}`} {...attributes}>
                {columns.map((c) => <Cell key={c.header} column={c} row={row} verdict={verdict?.(row)} stack={stack} />)}
              </tr>
            </RowWithNote>
          )
        })}
      </tbody>
    </table>
  )
}

function RowWithNote({ note, span, children }: { readonly note: ReactNode; readonly span: number; readonly children: ReactNode }) {
  return (
    <>
      {note !== undefined && note !== null && <NoteRow span={span} className="py-1 font-sans text-xs italic">{note}</NoteRow>}
      {children}
    </>
  )
}

function NoteRow({ span, className, children }: { readonly span: number; readonly className: string; readonly children: ReactNode }) {
  return (
    <tr className={bodyRowClass}>
      <td colSpan={span} className={`px-3 text-slate-600 dark:text-slate-400 ${className}`}>{children}</td>
    </tr>
  )
}

function Cell<Row>({ column, row, verdict, stack }: { readonly column: Column<Row>; readonly row: Row; readonly verdict: VerdictKind | undefined; readonly stack: boolean }) {
  const line = stack && column.stacked === 'line' ? stackedLine : ''
  const role = stack ? { role: column.kind === 'header' ? 'rowheader' : 'cell' } : {}
  if (column.kind === 'verdict') return <td {...role} className={`${cellPadding} ${line}`}>{verdict !== undefined && <Verdict kind={verdict} />}</td>
  const content = column.cell?.(row)
  if (column.kind !== 'header') return <td {...role} className={`${cellPadding} ${line} ${column.className ?? ''}`}>{content}</td>
  const sub = column.sub?.(row)
  return (
    <th {...role} scope="row" className={`${cellPadding} ${line} text-left ${column.className ?? 'font-medium'}`}>
      {content}
      {sub !== undefined && <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">{sub}</span>}
    </th>
  )
}

function Card<Row>({ row, columns, verdict }: { readonly row: Row; readonly columns: readonly Column<Row>[]; readonly verdict: VerdictKind | undefined }) {
  const title = columns.find((c) => c.kind === 'header')
  const meta = columns.filter((c) => c.card === 'meta')
  return (
    <li className={`rounded-md border px-3 py-2 ${verdict === 'fail' ? 'border-rose-400 dark:border-rose-500/70' : 'border-slate-200 dark:border-slate-700'}`}>
      <p className="flex flex-wrap items-baseline gap-x-2">
        {title !== undefined && <span className="font-semibold">{title.cell?.(row)}</span>}
        {title?.sub !== undefined && <span className="text-xs text-slate-600 dark:text-slate-400">{title.sub(row)}</span>}
        {meta.map((c) => <span key={c.header} className="text-xs text-slate-600 dark:text-slate-400">{c.cell?.(row)}</span>)}
        {verdict !== undefined && <Verdict kind={verdict} className="ml-auto" />}
      </p>
      {columns.map((c) =>
        c.card === 'body' ? (
          <p key={c.header} className="break-words">{c.cell?.(row)}</p>
        ) : c.card === 'note' ? (
          <p key={c.header} className="mt-1 text-xs break-words text-slate-700 dark:text-slate-300">
            <span className="font-semibold">{c.header}:</span> {c.cell?.(row)}
          </p>
        ) : null,
      )}
    </li>
  )
}
