import { lazy, Suspense, useState } from 'react'
import { keyTextUrl, offersDiscovery, type DecodedToken } from '../../core'
import { Button } from '../../components/ui'

// The list, the requests and their messages load at the first press: first paint carries only the button.
const DiscoveryFlow = lazy(() => import('./discovery-flow').then((m) => ({ default: m.DiscoveryFlow })))

/**
 * Opt-in key discovery next to the key box. `Fetch keys` only lists the exact URLs that would be
 * requested; `Allow and fetch` requests them. Nothing is requested on load, on paste or from a link.
 * Another token or key text closes an open discovery (and cancels its requests).
 */
export function KeyDiscovery({ decoded, keyText, onFetched }: {
  readonly decoded: DecodedToken
  readonly keyText: string
  readonly onFetched: (keyText: string, origin: string, keyUrl: string) => void
}) {
  const keyUrl = keyTextUrl(keyText)
  const subject = keyUrl ?? decoded.token
  const [openFor, setOpenFor] = useState<string | null>(null)
  if (openFor !== null && openFor !== subject) setOpenFor(null)

  if (openFor === subject) {
    return (
      <Suspense fallback={<p className="text-sm">Loading…</p>}>
        <DiscoveryFlow decoded={decoded} keyText={keyText} onFetched={onFetched} onClose={() => setOpenFor(null)} />
      </Suspense>
    )
  }
  if (!offersDiscovery(decoded, keyText)) return null
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Button size="sm" onClick={() => setOpenFor(subject)}>Fetch keys</Button>
      <span className="text-xs text-slate-600 dark:text-slate-400">
        {keyUrl !== undefined ? 'The key box holds a URL: keys can be fetched from it.' : 'The token names a place to fetch its keys from.'} Nothing is requested until you allow it.
      </span>
    </div>
  )
}
