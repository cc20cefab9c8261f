import { lazy, Suspense } from 'react'
import { useShownToken } from '../../session/shown-token'
import { useIsJwe } from './jwe-token'

// Only an encrypted token needs it: the JWE engine and its views are a chunk of their own, so the
// first paint (and every page with a signed token) carries none of it.
const DecryptionPanel = lazy(() => import('./decryption-panel').then((m) => ({ default: m.DecryptionPanel })))

/** The Decryption panel where the token is a JWE (compact or JSON serialization); nothing otherwise. */
export function DecryptionSlot() {
  const decoded = useShownToken()
  const jwe = useIsJwe(decoded)
  if (!jwe) return null
  return (
    <Suspense fallback={<p className="rounded-md border border-slate-200 px-3 py-2 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-300">Loading the decryption panel…</p>}>
      <DecryptionPanel />
    </Suspense>
  )
}
