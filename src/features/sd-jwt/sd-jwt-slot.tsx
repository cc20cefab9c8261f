import { lazy, Suspense } from 'react'
import { useShownToken } from '../../session/shown-token'

// Only an SD-JWT needs it: the SD-JWT engine and its views are a chunk of their own, so the first
// paint (and every page with a plain JWT) carries none of it.
const SdJwtPanel = lazy(() => import('./sd-jwt-panel').then((m) => ({ default: m.SdJwtPanel })))

/** The SD-JWT region where the Encoded token is an SD-JWT (compact, with or without a KB-JWT, or JSON); nothing otherwise. */
export function SdJwtSlot() {
  const decoded = useShownToken()
  if (decoded.sdJwt === undefined) return null
  return (
    <Suspense fallback={<p className="rounded-md border border-slate-200 px-3 py-2 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-300">Loading the SD-JWT panel…</p>}>
      <SdJwtPanel />
    </Suspense>
  )
}
