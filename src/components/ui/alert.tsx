import { Button } from './button'
import type { ReactNode } from 'react'

/** How urgent the message is: `warning` and `error` ask for attention, `info` and `neutral` inform. */
export type AlertTone = 'warning' | 'error' | 'info' | 'neutral'

const tones: Readonly<Record<AlertTone, string>> = {
  warning: 'border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100',
  error: 'border-rose-400 bg-rose-50 text-rose-900 dark:border-rose-500/60 dark:bg-rose-950/60 dark:text-rose-200',
  info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100',
  neutral: 'border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900',
}

const layouts = {
  // Across the page, under the header.
  banner: 'mx-4 mt-3 flex flex-wrap items-start gap-3 rounded-md border px-3 py-2 text-sm',
  // In the corner, above everything.
  toast: 'fixed right-4 bottom-4 z-50 flex max-w-sm items-center gap-3 rounded-lg border p-3 text-sm shadow-lg',
  // Inside a form, under what went wrong.
  inline: 'rounded-md border px-2 py-1 text-sm',
} as const

interface AlertProps {
  readonly tone: AlertTone
  readonly layout?: keyof typeof layouts
  /** `alert` interrupts a screen reader; `status` waits; `group` for a question with answers. */
  readonly role?: 'alert' | 'status' | 'group'
  /** Accessible name, when the page has several of these. */
  readonly label?: string
  /** Buttons at the end (Dismiss, Reload, the answers to a question). */
  readonly actions?: ReactNode
  readonly children: ReactNode
  readonly className?: string
}

/** A message box: a page banner, a corner toast, or an inline problem, in one of four tones. */
export function Alert({ tone, layout = 'inline', role = 'alert', label, actions, children, className = '' }: AlertProps) {
  const classes = `${layouts[layout]} ${tones[tone]} ${className}`
  if (actions === undefined && layout === 'inline') {
    return <p role={role} aria-label={label} className={classes}>{children}</p>
  }
  return (
    <div role={role} aria-label={label} className={classes}>
      <p className="min-w-0 flex-1">{children}</p>
      {actions !== undefined && <div className="flex gap-2">{actions}</div>}
    </div>
  )
}

/** The "Dismiss" answer of a banner, in the banner's own colour. */
export function DismissButton({ onClick }: { readonly onClick: () => void }) {
  return (
    <Button variant="outline" size="sm" onClick={onClick}>
      Dismiss
    </Button>
  )
}
