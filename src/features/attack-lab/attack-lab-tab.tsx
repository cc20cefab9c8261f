import { lazy, Suspense } from 'react'

// The lab pulls in key generation, X.509 writing and the attack crafters: load them when the tab opens.
const AttackLabPanel = lazy(() => import('./attack-lab-panel').then((m) => ({ default: m.AttackLabPanel })))

/** The `Attack lab` tab, loaded on first open. */
export function AttackLabTab() {
  return (
    <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">Loading the attack lab…</p>}>
      <AttackLabPanel />
    </Suspense>
  )
}
