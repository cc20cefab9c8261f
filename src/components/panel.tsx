import type { ReactNode } from 'react'

interface PanelProps {
  /** Heading text (an `h2`). */
  readonly title: ReactNode
  /** Extra classes for the heading, e.g. the segment colour of the Header/Payload panes. */
  readonly titleClassName?: string
  /** Small controls at the right of the heading (copy buttons, toggles). */
  readonly actions?: ReactNode
  readonly children: ReactNode
  readonly className?: string
  /** Id for the heading, so a region can be labelled by it. */
  readonly headingId?: string
}

/** A titled card: the common frame of every pane on the page. */
export function Panel({ title, titleClassName = '', actions, children, className = '', headingId }: PanelProps) {
  return (
    <div
      className={`flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      <div className="flex min-h-9 flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-1.5 dark:border-slate-800">
        <h2 id={headingId} className={`text-sm font-semibold tracking-wide uppercase ${titleClassName || 'text-slate-700 dark:text-slate-200'}`}>
          {title}
        </h2>
        {actions !== undefined && <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      <div className="min-w-0 p-3">{children}</div>
    </div>
  )
}
