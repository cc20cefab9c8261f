/** The verdict of one check. `pending` while an asynchronous check (the signature) has no answer yet. */
export type VerdictKind = 'pass' | 'fail' | 'skip' | 'pending'

/** How a verdict of a check is worded everywhere in the app. */
export const verdictText = { pass: 'Pass', fail: 'Fail', skip: 'Skipped', pending: 'Pending' } as const

/** Text colours of a verdict (the word itself carries the meaning; colour only reinforces it). */
export const verdictStyle = {
  pass: 'text-emerald-800 dark:text-emerald-300',
  fail: 'text-rose-800 dark:text-rose-300',
  skip: 'text-slate-600 dark:text-slate-300',
  pending: 'text-slate-600 dark:text-slate-300',
} as const

/** A framed verdict: the left border and the background carry the colour. */
const badgeStyle = {
  pass: 'border-emerald-500 bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  fail: 'border-rose-500 bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-100',
  skip: 'border-slate-400 bg-slate-50 text-slate-800 dark:bg-slate-800 dark:text-slate-100',
  pending: 'border-slate-400 bg-slate-50 text-slate-800 dark:bg-slate-800 dark:text-slate-100',
} as const

interface VerdictProps {
  readonly kind: VerdictKind
  /** Words other than Pass / Fail / Skipped, where the check has its own (e.g. "Matches"). */
  readonly words?: Partial<Record<VerdictKind, string>>
  /** `text`: the coloured word in a table or a line; `badge`: framed, next to a heading. */
  readonly look?: 'text' | 'badge'
  readonly className?: string
}

/** A check's verdict as a word, coloured to match. */
export function Verdict({ kind, words, look = 'text', className = '' }: VerdictProps) {
  const style = look === 'badge' ? `rounded border-l-4 px-2 py-0.5 text-sm ${badgeStyle[kind]}` : verdictStyle[kind]
  return <span className={`font-semibold ${style} ${className}`.trim()}>{words?.[kind] ?? verdictText[kind]}</span>
}
