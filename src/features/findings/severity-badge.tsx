import type { FindingSeverity } from '../../core'

const style: Readonly<Record<FindingSeverity, string>> = {
  critical: 'bg-rose-700 text-white ring-rose-800 dark:bg-rose-600 dark:ring-rose-400',
  high: 'bg-rose-100 text-rose-900 ring-rose-300 dark:bg-rose-950 dark:text-rose-100 dark:ring-rose-700',
  medium: 'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-700',
  low: 'bg-sky-100 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-700',
  info: 'bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600',
}

/** Severity words shown in the badge: the text carries the meaning, the colour only repeats it. */
export const severityLabel: Readonly<Record<FindingSeverity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
}

/** A finding's severity as a labelled badge. */
export function SeverityBadge({ severity }: { readonly severity: FindingSeverity }) {
  return (
    <span className={`inline-block w-16 shrink-0 rounded px-1.5 text-center text-xs font-semibold ring-1 ${style[severity]}`}>
      {severityLabel[severity]}
    </span>
  )
}
