import { useState, type ReactNode } from 'react'
import { Button } from '../../components/ui'

/** Rows rendered before a "Show all" button: 10,000 disclosures at once would stall the page. */
export const FIRST_ROWS = 200

/** The first {@link FIRST_ROWS} items until the user asks for all, and the footer that offers it. */
export function useFirstRows<T>(items: readonly T[], noun: string): { readonly shown: readonly T[]; readonly footer: ReactNode } {
  const [all, setAll] = useState(false)
  if (all || items.length <= FIRST_ROWS) return { shown: items, footer: null }
  const total = items.length.toLocaleString('en-US')
  return {
    shown: items.slice(0, FIRST_ROWS),
    footer: (
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 px-3 py-2 text-sm dark:border-slate-800">
        <span className="text-slate-600 dark:text-slate-400">{`Showing the first ${FIRST_ROWS} of ${total} ${noun}.`}</span>
        <Button size="sm" onClick={() => setAll(true)}>{`Show all ${total} ${noun}`}</Button>
      </div>
    ),
  }
}
