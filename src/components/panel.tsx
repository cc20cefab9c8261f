import { useId, type ReactNode } from 'react'

interface PanelProps {
  /** Heading text (an `h2`). */
  readonly title: ReactNode
  /** The heading's name as written, for a title that is not plain text (a swatch beside the word). */
  readonly label?: string
  /** Extra classes for the heading, e.g. the segment colour of the Header/Payload panes. */
  readonly titleClassName?: string
  /** Small controls at the right of the heading (copy buttons, toggles). */
  readonly actions?: ReactNode
  readonly children: ReactNode
  readonly className?: string
  /** Id for the heading, so a region can be labelled by it. */
  readonly headingId?: string
  /**
   * Makes the panel collapsible: the heading becomes a disclosure button and the body is hidden
   * while `collapsed`. Tools that not every token needs start collapsed, so the page stays short.
   */
  readonly collapse?: { readonly collapsed: boolean; readonly onToggle: () => void }
}

/** A titled card: the common frame of every pane on the page. */
export function Panel({ title, label, titleClassName = '', actions, children, className = '', headingId, collapse }: PanelProps) {
  const bodyId = useId()
  // Firefox's accessibility tree takes CSS text-transform into names ("SIGNING" where Chromium says
  // "Signing"): a text title names the heading, the region it labels and the button as written.
  const name = label ?? (typeof title === 'string' ? title : undefined)
  const headingClass = `text-sm font-semibold tracking-wide uppercase ${titleClassName || 'text-slate-700 dark:text-slate-200'}`
  return (
    <div
      className={`flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      <div
        className={`flex min-h-9 flex-wrap items-center gap-2 px-3 py-1.5 ${collapse?.collapsed ? '' : 'border-b border-slate-200 dark:border-slate-800'}`}
      >
        <h2 id={headingId} className={headingClass} aria-label={collapse === undefined ? name : undefined}>
          {collapse === undefined ? (
            title
          ) : (
            <button
              type="button"
              aria-label={name}
              aria-expanded={!collapse.collapsed}
              aria-controls={bodyId}
              onClick={collapse.onToggle}
              className="flex items-center gap-1.5 rounded uppercase focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
            >
              <span aria-hidden="true" className={`inline-block text-xs transition-transform ${collapse.collapsed ? '' : 'rotate-90'}`}>
                ▶
              </span>
              {title}
            </button>
          )}
        </h2>
        {actions !== undefined && <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      <div id={bodyId} hidden={collapse?.collapsed === true} className="min-w-0 p-3">
        {children}
      </div>
    </div>
  )
}
