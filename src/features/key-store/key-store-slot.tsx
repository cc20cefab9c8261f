import { lazy, Suspense, useId, useState } from 'react'
import { Panel } from '../../components/panel'
import { useAppFields } from '../../store/app-store'

const KeyStorePanel = lazy(() => import('./key-store-panel').then((m) => ({ default: m.KeyStorePanel })))

/**
 * The `Key store` region: a collapsed panel at first paint (the page stays short and nothing moves
 * when its code arrives), opened by itself when the device remembers keys. Its form and the key
 * store's core load when it opens.
 */
export function KeyStoreSlot() {
  const headingId = useId()
  const { keyEntries, keyStoreLocked } = useAppFields('keyEntries', 'keyStoreLocked')
  const [collapsed, setCollapsed] = useState(keyEntries.length === 0 && !keyStoreLocked)
  const count = keyEntries.length
  return (
    <section aria-labelledby={headingId} className="min-w-0 lg:col-span-2">
      <Panel
        title="Key store"
        headingId={headingId}
        collapse={{ collapsed, onToggle: () => setCollapsed((c) => !c) }}
        actions={collapsed && count > 0 ? <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">{count === 1 ? '1 key' : `${count} keys`}{keyStoreLocked ? ', locked' : ''}</span> : undefined}
      >
        {!collapsed && (
          <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-300">Loading the key store…</p>}>
            <KeyStorePanel />
          </Suspense>
        )}
      </Panel>
    </section>
  )
}
