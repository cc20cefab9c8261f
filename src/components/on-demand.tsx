import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react'
import { Alert, Button } from './ui'

/** What an on-demand view says while its code loads and when the code did not arrive. */
export interface OnDemandTexts {
  readonly loading: string
  /** Says what did not load, that nothing on the page changed, and what to do. */
  readonly failed: string
}

/** The rejection of a failed load, told apart from an error thrown while rendering. */
class LoadFailure extends Error {}

interface BoundaryProps {
  readonly failed: string
  readonly onRetry: () => void
  readonly children: ReactNode
}

/**
 * Shows the failure of a load, with a button that tries again. Any other error is not this
 * boundary's to explain: it is thrown on to the page, as it would be without the boundary.
 */
class LoadBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  override render() {
    const { error } = this.state
    if (error === null) return this.props.children
    if (!(error instanceof LoadFailure)) throw error
    return (
      <Alert tone="error" actions={<Button size="sm" onClick={this.props.onRetry}>Try again</Button>}>
        {this.props.failed}
      </Alert>
    )
  }
}

/**
 * A component whose code is a chunk of its own, fetched when it is first rendered, so the first paint
 * carries none of it (React `lazy`). Meanwhile it shows `loading`; if the chunk does not arrive
 * (offline before the app was stored for offline use), it shows `failed` with a Try again button,
 * and the next mount tries again too. Nothing else on the page depends on it, so nothing is lost.
 */
export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P & { readonly onDemand: OnDemandTexts }> {
  const attempt = () => lazy(() => load().then((loaded) => ({ default: loaded }), (cause: unknown) => {
    failed = true
    throw new LoadFailure('The code of this view did not arrive', { cause })
  }))
  let shared = attempt()
  let failed = false
  const fresh = () => {
    if (failed) {
      failed = false
      shared = attempt()
    }
    return shared
  }

  function OnDemand({ onDemand: texts, ...props }: P & { readonly onDemand: OnDemandTexts }) {
    const [Loaded, setLoaded] = useState(fresh)
    const [tries, setTries] = useState(0)
    const retry = () => {
      const next = fresh()
      setLoaded(() => next)
      setTries((n) => n + 1)
    }
    return (
      <LoadBoundary key={tries} failed={texts.failed} onRetry={retry}>
        <Suspense fallback={<p className="rounded-md border border-slate-200 px-3 py-2 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-300">{texts.loading}</p>}>
          <Loaded {...(props as unknown as P)} />
        </Suspense>
      </LoadBoundary>
    )
  }
  return OnDemand
}
