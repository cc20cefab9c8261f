import type { ReactNode } from 'react'

interface LabelledTextProps {
  /** The lead-in words, without the colon. */
  readonly label: string
  readonly children: ReactNode
  /** `note`: small, muted text (references, asides). */
  readonly look?: 'body' | 'note'
}

const looks = { body: 'break-words', note: 'text-xs break-words text-slate-600 dark:text-slate-400' } as const

/** A paragraph that starts with a label in medium weight: "Fix: …", "Reference: …". */
export function LabelledText({ label, children, look = 'body' }: LabelledTextProps) {
  return (
    <p className={looks[look]}>
      <span className="font-medium">{label}: </span>
      {children}
    </p>
  )
}
