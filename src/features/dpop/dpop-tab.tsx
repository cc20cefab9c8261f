import { lazy, Suspense } from 'react'

// The panel pulls in key generation and signing: load it when the tab is first shown, not at start-up.
const Panel = lazy(() => import('./dpop-panel').then((m) => ({ default: m.DpopPanel })))

/** The `DPoP` tab, loaded on first open. */
export function DpopTab() {
  return (
    <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">Loading the DPoP checker…</p>}>
      <Panel />
    </Suspense>
  )
}
