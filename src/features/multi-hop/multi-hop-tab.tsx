import { lazy, Suspense } from 'react'

// The panel pulls in key generation and signing: load it when the tab is first shown, not at start-up.
const Panel = lazy(() => import('./multi-hop-panel').then((m) => ({ default: m.MultiHopPanel })))

/** The `Multi-hop` tab, loaded on first open. */
export function MultiHopTab() {
  return (
    <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">Loading the multi-hop checker…</p>}>
      <Panel />
    </Suspense>
  )
}
