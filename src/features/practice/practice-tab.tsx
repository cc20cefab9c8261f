import { lazy, Suspense } from 'react'

// The practice verifier and its virtual server are only needed once the tab is opened.
const PracticePanel = lazy(() => import('./practice-panel').then((m) => ({ default: m.PracticePanel })))

/** The `Practice verifier` tab, loaded on first open. */
export function PracticeTab() {
  return (
    <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">Loading the practice verifier…</p>}>
      <PracticePanel />
    </Suspense>
  )
}
