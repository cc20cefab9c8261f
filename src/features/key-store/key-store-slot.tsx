import { lazy, Suspense } from 'react'

const KeyStorePanel = lazy(() => import('./key-store-panel').then((m) => ({ default: m.KeyStorePanel })))

/** The key store region; its code (and the key store's core) loads after the first paint. */
export function KeyStoreSlot() {
  return (
    <div className="min-w-0 lg:col-span-2">
      <Suspense fallback={null}>
        <KeyStorePanel />
      </Suspense>
    </div>
  )
}
