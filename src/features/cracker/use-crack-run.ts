import { useCallback, useEffect, useRef, useState } from 'react'
import type { CrackTarget } from '../../core'
import { startCracking, type CrackingEngine, type CrackingProgress } from '../../workers/crack-client'
import { useAppStore } from '../../store/app-store'
import { toHex } from './format'

/** A run's progress and how long the run has taken so far, to tell a measured speed from a tiny sample. */
export type RunProgress = CrackingProgress & { readonly elapsedSeconds: number }

/** Where the candidates of a run come from. */
export type CandidateSource = { readonly kind: 'bundled' } | { readonly kind: 'file'; readonly file: File }

/** What the cracker is doing, or how its last run ended. */
export type CrackRunState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly progress: RunProgress | null }
  | { readonly phase: 'found'; readonly secret: string; readonly utf8: boolean; readonly tested: number; readonly progress: RunProgress | null }
  | { readonly phase: 'not-found' | 'cancelled'; readonly tested: number; readonly progress: RunProgress | null }
  | { readonly phase: 'error'; readonly message: string; readonly progress: RunProgress | null }

/** Options of one run. */
export interface CrackRunOptions {
  readonly target: CrackTarget
  readonly source: CandidateSource
  readonly mutations: boolean
  readonly workers: number
  /** Try the GPU first (WebGPU, HS256). */
  readonly gpu: boolean
}

/**
 * Runs the cracker in Web Workers and keeps its state for the panel. A found secret goes straight
 * into the verification key, so the Signature status confirms it independently of the cracker.
 */
export function useCrackRun(): {
  state: CrackRunState
  /** The engine of the current or last run, once its first worker has chosen it. */
  engine: CrackingEngine | null
  start: (options: CrackRunOptions) => void
  cancel: () => void
  reset: () => void
} {
  const [state, setState] = useState<CrackRunState>({ phase: 'idle' })
  const [engine, setEngine] = useState<CrackingEngine | null>(null)
  const handle = useRef<{ cancel(): void } | null>(null)
  // Each run gets a number; callbacks of a run that was replaced or reset are ignored.
  const runId = useRef(0)

  const stop = useCallback(() => {
    runId.current++
    handle.current?.cancel()
    handle.current = null
  }, [])

  useEffect(() => stop, [stop])

  const start = useCallback((options: CrackRunOptions) => {
    stop()
    const id = runId.current
    const live = () => runId.current === id
    let last: RunProgress | null = null
    const started = performance.now()
    const elapsedSeconds = () => (performance.now() - started) / 1000
    setState({ phase: 'running', progress: null })
    setEngine(null)
    handle.current = startCracking({
      token: options.target,
      source: options.source.kind === 'bundled' ? 'bundled' : options.source.file,
      mutations: options.mutations,
      workers: options.workers,
      gpu: options.gpu,
      onEngine: (chosen) => {
        if (live()) setEngine(chosen)
      },
      onProgress: (progress) => {
        if (!live()) return
        last = { ...progress, elapsedSeconds: elapsedSeconds() }
        setState({ phase: 'running', progress: last })
      },
      onFound: (found) => {
        if (!live()) return
        const store = useAppStore.getState()
        // Bytes that are not UTF-8 cannot round-trip through text; hex keeps them exact.
        store.setVerificationKey(found.utf8 ? found.secret : toHex(found.bytes))
        store.setSecretEncoding(found.utf8 ? 'utf8' : 'hex')
        setState({ phase: 'found', secret: found.secret, utf8: found.utf8, tested: last?.tested ?? 0, progress: last })
      },
      onDone: (summary) => {
        if (!live()) return
        handle.current = null
        // The summary counts every worker's last report; the throttled progress may lag behind it.
        const progress: RunProgress = { ...(last ?? { rate: 0 }), tested: Math.max(last?.tested ?? 0, summary.tested), elapsedSeconds: elapsedSeconds() }
        if (summary.error) setState({ phase: 'error', message: summary.error.message, progress })
        else if (summary.found) setState((s) => (s.phase === 'found' ? { ...s, tested: summary.tested, progress } : s))
        else setState({ phase: summary.cancelled ? 'cancelled' : 'not-found', tested: summary.tested, progress })
      },
    })
  }, [stop])

  const cancel = useCallback(() => {
    // The client reports the cancellation through onDone, which ends the run's state.
    handle.current?.cancel()
  }, [])

  const reset = useCallback(() => {
    stop()
    setState({ phase: 'idle' })
    setEngine(null)
  }, [stop])

  return { state, engine, start, cancel, reset }
}
