import { useEffect, useRef, useState } from 'react'
import { keyTextUrl, loadDiscovery, type DecodedToken, type DiscoveryPlan, type FetchedKeys } from '../../core'
import { Button } from '../../components/ui'
import { useLatest } from '../../hooks/use-latest'
import { useAppFields } from '../../store/app-store'

/** Per request; a discovery that takes longer is reported as a timeout, not left hanging. */
const TIMEOUT_MS = 10_000

type Phase =
  | { readonly kind: 'list' }
  | { readonly kind: 'fetching'; readonly controller: AbortController }
  | { readonly kind: 'failed'; readonly message: string; readonly url?: string }

/**
 * The opened discovery (loaded on demand, when `Fetch keys` is first pressed): the exact URLs that
 * would be requested, `Allow and fetch` to request them, progress with Cancel, and plain errors.
 * The parent remounts it for another token or key text.
 */
export function DiscoveryFlow({ decoded, keyText, onFetched, onClose }: {
  readonly decoded: DecodedToken
  readonly keyText: string
  readonly onFetched: (keyText: string, origin: string, keyUrl: string) => void
  readonly onClose: () => void
}) {
  const [phase, setPhase] = useState<Phase>({ kind: 'list' })
  const [remember, setRemember] = useState(false)
  const { allowedIssuers, allowIssuer } = useAppFields('allowedIssuers', 'allowIssuer')
  const controllerRef = useRef<AbortController | null>(null)
  // Set once the remembered issuer's discovery started: it starts once per opening, not per render.
  const autoStarted = useRef(false)
  const keyUrl = keyTextUrl(keyText)
  const planned = useLatest([keyUrl ?? decoded.token], () =>
    loadDiscovery().then((m) => m.discoveryPlan(keyUrl !== undefined ? keyText : decoded)),
  )
  const plan = planned.status === 'done' && planned.value.ok ? planned.value.value : undefined
  // An issuer the user allowed and asked to remember: the press of `Fetch keys` that opened this is
  // the permission, so the URLs are listed and requested at once.
  const remembered = plan?.source === 'iss' && allowedIssuers.includes(plan.subject)
  useEffect(() => {
    if (plan === undefined || !remembered || autoStarted.current) return
    autoStarted.current = true
    void fetchNow(plan)
  })
  useEffect(
    () => () => {
      controllerRef.current?.abort()
      autoStarted.current = false
    },
    [],
  )

  if (planned.status !== 'done') return <p className="text-sm">Working out the URLs…</p>
  if (!planned.value.ok) {
    return (
      <div role="status" aria-label="Key discovery" className="text-sm text-rose-700 [overflow-wrap:anywhere] dark:text-rose-300">
        <p>{planned.value.error.message}</p>
      </div>
    )
  }
  const allowed = planned.value.value

  async function fetchNow(plan: DiscoveryPlan) {
    const controller = new AbortController()
    controllerRef.current = controller
    setPhase({ kind: 'fetching', controller })
    const m = await loadDiscovery()
    const result = await m.fetchKeys(plan, { fetch: (url, init) => fetch(url, init), timeoutMs: TIMEOUT_MS, signal: controller.signal })
    controllerRef.current = null
    if (result.ok) {
      onFetched(result.value.keyText, keyOrigin(result.value), result.value.keyUrl)
      onClose()
    } else {
      setPhase({ kind: 'failed', message: result.error.message, url: result.error.code === 'NETWORK' ? firstUrl(plan) : undefined })
    }
  }

  const allowAndFetch = () => {
    if (remember && allowed.source === 'iss') allowIssuer(allowed.subject)
    void fetchNow(allowed)
  }

  return (
    <div className="flex flex-col gap-2 text-sm">
      {phase.kind === 'failed' && (
        <Button
          size="sm"
          className="self-start"
          onClick={() => (remembered ? void fetchNow(allowed) : setPhase({ kind: 'list' }))}
        >
          Fetch keys
        </Button>
      )}
      {phase.kind !== 'failed' && <PlanList plan={allowed} />}
      {remembered && phase.kind !== 'failed' && (
        <p>You allowed this issuer before and asked to remember it, so its keys are fetched at once. Settings lists the allowed issuers; remove it there to be asked again.</p>
      )}
      {phase.kind === 'list' && !remembered && (
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" variant="primary" onClick={allowAndFetch}>Allow and fetch</Button>
          <Button size="sm" variant="quiet" onClick={onClose}>Cancel</Button>
          {allowed.source === 'iss' && (
            <label className="flex items-center gap-1 text-xs">
              <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
              <span>Remember that I allow this issuer</span>
            </label>
          )}
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
function keyOrigin(keys: FetchedKeys): string {
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
