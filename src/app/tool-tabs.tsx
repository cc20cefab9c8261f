import { Suspense, useRef, useState, type ComponentType, type KeyboardEvent } from 'react'

/** One tab of the tools area below the debugger. */
export interface ToolTab {
  id: string
  label: string
  /** The panel, usually `lazy`: it is loaded when the tab is first opened. */
  Panel: ComponentType
  /** What shows while the panel loads. */
  loading?: string
}

/**
 * Accessible tabs (WAI-ARIA tabs pattern, arrow keys move between tabs). No tool is open at first:
 * none of them is about the token being read, so the page ends with the row of tabs until one is
 * chosen. A panel is mounted the first time its tab is opened and then kept mounted while hidden, so
 * long work in it (a cracking run, a practice session) survives switching tabs, while unvisited
 * tools cost nothing.
 */
export function ToolTabs({ tabs, label }: { tabs: readonly ToolTab[]; label: string }) {
  const [active, setActive] = useState('')
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set())
  const refs = useRef(new Map<string, HTMLButtonElement>())

  const open = (id: string) => {
    setActive(id)
    setVisited((v) => (v.has(id) ? v : new Set([...v, id])))
  }

  // With no tool open, the first tab is the one Tab reaches.
  const focusable = active === '' ? tabs[0]?.id : active

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = Math.max(0, tabs.findIndex((t) => t.id === (focusable ?? '')))
    const next =
      e.key === 'ArrowRight' ? (index + 1) % tabs.length
      : e.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? tabs.length - 1
      : -1
    const tab = tabs[next]
    if (!tab) return
    e.preventDefault()
    open(tab.id)
    refs.current.get(tab.id)?.focus()
  }

  return (
    <div className="flex min-w-0 flex-col">
      <div
        role="tablist"
        aria-label={label}
        onKeyDown={onKeyDown}
        className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800"
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el)
              else refs.current.delete(t.id)
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={active === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={focusable === t.id ? 0 : -1}
            onClick={() => open(t.id)}
            className={`-mb-px rounded-t-md border px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
              active === t.id
                ? 'border-slate-200 border-b-white bg-white text-slate-900 dark:border-slate-800 dark:border-b-slate-950 dark:bg-slate-950 dark:text-slate-100'
                : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {active === '' && (
        <p className="pt-2 text-sm text-slate-600 dark:text-slate-400">Choose a tool above to open it.</p>
      )}
      {tabs.map((t) =>
        visited.has(t.id) ? (
          <div
            key={t.id}
            role="tabpanel"
            id={`tabpanel-${t.id}`}
            aria-labelledby={`tab-${t.id}`}
            hidden={active !== t.id}
            className="pt-3"
          >
            <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">{t.loading ?? 'Loading…'}</p>}>
              <t.Panel />
            </Suspense>
          </div>
        ) : null,
      )}
    </div>
  )
}
