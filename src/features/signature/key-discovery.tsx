import { useEffect, useRef, useState } from 'react'
import { keyTextUrl, loadDiscovery, offersDiscovery, type DecodedToken, type DiscoveryPlan, type FetchedKeys } from '../../core'
import { Button } from '../../components/ui'

/** Per request; a discovery that takes longer is reported as a timeout, not left hanging. */
const TIMEOUT_MS = 10_000

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'planned'; readonly plan: DiscoveryPlan }
  | { readonly kind: 'fetching'; readonly plan: DiscoveryPlan; readonly controller: AbortController }
  | { readonly kind: 'failed'; readonly message: string; readonly url?: string }

/**
 * Opt-in key discovery next to the key box. `Fetch keys` only lists the exact URLs that would be
 * requested; `Allow and fetch` requests them. Nothing is requested on load, on paste or from a link.
 */
export function KeyDiscovery({ decoded, keyText, onFetched }: {
  readonly decoded: DecodedToken
  readonly keyText: string
  readonly onFetched: (keys: FetchedKeys) => void
}) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' })
  const controllerRef = useRef<AbortController | null>(null)
  const keyUrl = keyTextUrl(keyText)
  // A new token or key text makes an old plan stale: start again from the button.
  const subject = keyUrl ?? decoded.token
  const [planFor, setPlanFor] = useState(subject)
  if (planFor !== subject) {
    setPlanFor(subject)
    if (phase.kind !== 'fetching') setPhase({ kind: 'idle' })
  }
  useEffect(() => () => controllerRef.current?.abort(), [])

  if (!offersDiscovery(decoded, keyText) && phase.kind === 'idle') return null

  const plan = async () => {
    const m = await loadDiscovery()
    const planned = m.discoveryPlan(keyUrl !== undefined ? keyText : decoded)
    setPhase(planned.ok ? { kind: 'planned', plan: planned.value } : { kind: 'failed', message: planned.error.message })
  }

  const fetchNow = async (p: DiscoveryPlan) => {
    const controller = new AbortController()
    controllerRef.current = controller
    setPhase({ kind: 'fetching', plan: p, controller })
    const m = await loadDiscovery()
    const result = await m.fetchKeys(p, { fetch: (url, init) => fetch(url, init), timeoutMs: TIMEOUT_MS, signal: controller.signal })
    controllerRef.current = null
    if (result.ok) {
      setPhase({ kind: 'idle' })
      onFetched(result.value)
    } else {
      setPhase({ kind: 'failed', message: result.error.message, url: result.error.code === 'NETWORK' ? firstUrl(p) : undefined })
    }
  }

  return (
    <div className="flex flex-col gap-2 text-sm">
      {(phase.kind === 'idle' || phase.kind === 'failed') && (
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" onClick={() => void plan()}>Fetch keys</Button>
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {keyUrl !== undefined ? 'The key box holds a URL: keys can be fetched from it.' : 'The token names a place to fetch its keys from.'} Nothing is requested until you allow it.
          </span>
        </div>
      )}
      {(phase.kind === 'planned' || phase.kind === 'fetching') && <PlanList plan={phase.plan} />}
      {phase.kind === 'planned' && (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="primary" onClick={() => void fetchNow(phase.plan)}>Allow and fetch</Button>
          <Button size="sm" variant="quiet" onClick={() => setPhase({ kind: 'idle' })}>Cancel</Button>
        </div>
      )}
      <div role="status" aria-label="Key discovery" className="[overflow-wrap:anywhere]">
        {phase.kind === 'fetching' && (
          <div className="flex flex-wrap items-center gap-2">
            <span>Fetching keys…</span>
            <Button size="sm" variant="quiet" onClick={() => phase.controller.abort()}>Cancel</Button>
          </div>
        )}
        {phase.kind === 'failed' && (
          <p className="text-rose-700 dark:text-rose-300">
            {phase.message}
            {phase.url !== undefined && (
              <> <a href={phase.url} target="_blank" rel="noreferrer noopener" className="underline">Open {phase.url}</a></>
            )}
          </p>
        )}
      </div>
    </div>
  )
}

function PlanList({ plan }: { readonly plan: DiscoveryPlan }) {
  return (
    <div className="flex flex-col gap-1 rounded border border-slate-300 p-2 dark:border-slate-600">
      <p>Only these URLs are requested, in this order, without cookies; the token and the key are never sent:</p>
      <ol aria-label="URLs to request" className="list-decimal pl-5">
        {plan.steps.map((s, i) => (
          <li key={i} className="[overflow-wrap:anywhere]">
            {s.kind === 'jwks-from-metadata' ? <span>{s.why}</span> : <><code>{s.url}</code> <span className="text-xs">— {s.why}</span></>}
          </li>
        ))}
      </ol>
      {plan.namedByToken && (
        <p className="text-amber-800 dark:text-amber-200">This URL comes from the token itself: a key it serves proves nothing unless you trust that URL.</p>
      )}
    </div>
  )
}

function firstUrl(plan: DiscoveryPlan): string | undefined {
  for (const s of plan.steps) if (s.kind !== 'jwks-from-metadata') return s.url
  return undefined
}

/** Where a fetched key came from, in words for the verdict line. */
export function keyOrigin(keys: FetchedKeys): string {
  const { plan, keyUrl } = keys
  switch (plan.source) {
    case 'iss':
      return `Key fetched from ${keyUrl}, found through the metadata of the issuer ${plan.subject}.`
    case 'key-url':
      return `Key fetched from ${keyUrl}, the URL you pasted.`
    case 'jku':
    case 'x5u':
      return `Key fetched from ${keyUrl}, which the token’s own ${plan.source} names: a key named by the token itself proves nothing unless you trust that URL.`
  }
}
