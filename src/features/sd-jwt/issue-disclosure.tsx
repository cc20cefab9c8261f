import { lazy, Suspense, useState } from 'react'
import { Panel } from '../../components/panel'

// The builders and the SD-JWT engine load when the user opens the disclosure, not at first paint.
const IssuePanel = lazy(() => import('./issue-panel').then((m) => ({ default: m.IssuePanel })))

/** A collapsed `Issue an SD-JWT` panel: the issuer's builder and the holder's presentation builder. */
export function IssueDisclosure() {
  const [collapsed, setCollapsed] = useState(true)
  return (
    <Panel title="Issue an SD-JWT" collapse={{ collapsed, onToggle: () => setCollapsed((c) => !c) }}>
      {!collapsed && (
        <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-300">Loading the SD-JWT builders…</p>}>
          <IssuePanel />
        </Suspense>
      )}
    </Panel>
  )
}
