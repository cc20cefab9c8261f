import { lazy, Suspense } from 'react'

// The panel pulls in key generation and signing: load it when the tab is first shown, not at start-up.
const Panel = lazy(() => import('./delegation-panel').then((m) => ({ default: m.DelegationPanel })))

/** The `Delegation` tab, loaded on first open. */
export function DelegationTab() {
  return (
    <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">Loading the delegation tools…</p>}>
      <Panel />
    </Suspense>
  )
}
