import { lazy, Suspense, useState } from 'react'
import { Panel } from '../../components/panel'

// The form and the JWE engine load when the user opens the disclosure, not at first paint.
const EncryptPanel = lazy(() => import('./encrypt-panel').then((m) => ({ default: m.EncryptPanel })))

/** A collapsed `Encrypt` panel: wraps the current token (or any text) into a JWE for a recipient. */
export function EncryptDisclosure() {
  const [collapsed, setCollapsed] = useState(true)
  return (
    <Panel title="Encrypt" collapse={{ collapsed, onToggle: () => setCollapsed((c) => !c) }}>
      {!collapsed && (
        <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-300">Loading the encryption form…</p>}>
          <EncryptPanel />
        </Suspense>
      )}
    </Panel>
  )
}
