/**
 * Main-thread controller of the secret cracker: validates the token, spreads the work over module
 * workers, aggregates their progress and stops them all as soon as one finds the secret.
 */
import { createCracker } from '../core'
import type { CoreError, CrackEngine, CrackTarget, DecodedToken, FoundSecret } from '../core'
import type { CrackWorkerMessage, CrackWorkerRequest, CrackWorkerSource } from './crack.worker'

/** Aggregated progress over all workers. */
export interface CrackingProgress {
  /** Candidates tried so far. */
  readonly tested: number
  /** Candidates to try in all, when known (the bundled list). */
  readonly total?: number
  /** Share of the work done, 0..1 (by candidates for the bundled list, by bytes for a file). */
  readonly fraction?: number
  /** Candidates per second over all workers. */
  readonly rate: number
  /** Estimated seconds left. */
  readonly etaSeconds?: number
}

/** The engine the workers run on, as the first worker reports it. */
export interface CrackingEngine {
  readonly engine: CrackEngine
  /** Why a slower engine runs than the one asked for. */
  readonly fallbackReason?: string
  /** The GPU adapter, for `webgpu`. */
  readonly adapter?: string
}

/** How a cracking run ended. */
export interface CrackingSummary {
  readonly found: boolean
  readonly tested: number
  readonly cancelled: boolean
  /** Set when the run could not start or a worker failed. */
  readonly error?: CoreError
}

/** Options of {@link startCracking}. */
export interface StartCrackingOptions {
  readonly token: DecodedToken | CrackTarget
  /** The bundled list, or a user's word list (one candidate per line, read as a stream). */
  readonly source: 'bundled' | Blob
  readonly mutations: boolean
  /** Number of workers (default: the number of logical processors). */
  readonly workers?: number
  readonly onProgress?: (progress: CrackingProgress) => void
  readonly onFound?: (found: FoundSecret) => void
  /** Called once, when the first worker has chosen its engine. */
  readonly onEngine?: (engine: CrackingEngine) => void
  /** False forces the JavaScript engine (default: WebAssembly SIMD where available). */
  readonly wasm?: boolean
  /** Try the GPU (WebGPU, HS256) first; one worker drives it, since the device is shared. */
  readonly gpu?: boolean
  readonly onDone?: (summary: CrackingSummary) => void
  /** Creates one worker (tests inject a fake). */
  readonly createWorker?: () => Worker
}

const PROGRESS_INTERVAL_MS = 100

function defaultWorker(): Worker {
  return new Worker(new URL('./crack.worker.ts', import.meta.url), { type: 'module' })
}

interface WorkerState {
  tested: number
  rate: number
  total?: number
  bytesDone: number
  done: boolean
}

/**
 * Starts cracking `token` with `source`. Errors (not an HMAC token, a failing worker or file) end
 * the run through `onDone` with `error` set; `cancel()` stops every worker at once.
 */
export function startCracking(options: StartCrackingOptions): { cancel(): void } {
  const cracker = createCracker(options.token)
  let finished = false
  const finish = (summary: CrackingSummary): void => {
    if (finished) return
    finished = true
    for (const w of workers) w.terminate()
    options.onDone?.(summary)
  }
  const workers: Worker[] = []
  if (!cracker.ok) {
    const error = cracker.error
    queueMicrotask(() => finish({ found: false, tested: 0, cancelled: false, error }))
    return { cancel: () => finish({ found: false, tested: 0, cancelled: true }) }
  }
  const target: CrackTarget = {
    signingInput: cracker.value.signingInput,
    alg: cracker.value.alg,
    signature: 'signingInput' in options.token ? options.token.signature : (options.token.signature?.bytes ?? new Uint8Array()),
  }
  const hardware = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2
  const blob = options.source === 'bundled' ? null : options.source
  // More workers than lines would only read the same tiny file several times.
  const count = options.gpu ? 1 : Math.max(1, Math.min(16, Math.floor(options.workers ?? hardware), blob ? Math.max(1, Math.ceil(blob.size / 4096)) : 16))
  const states: WorkerState[] = []
  const started = performance.now()
  let lastReport = 0
  let engineReported = false

  const tested = (): number => states.reduce((sum, s) => sum + s.tested, 0)
  const report = (force: boolean): void => {
    const now = performance.now()
    if (!options.onProgress || (!force && now - lastReport < PROGRESS_INTERVAL_MS)) return
    lastReport = now
    const done = tested()
    const rate = states.reduce((sum, s) => sum + (s.done ? 0 : s.rate), 0) || (done * 1000) / Math.max(1, now - started)
    let total: number | undefined
    let fraction: number | undefined
    let etaSeconds: number | undefined
    if (blob) {
      fraction = blob.size === 0 ? 1 : Math.min(1, states.reduce((sum, s) => sum + s.bytesDone, 0) / blob.size)
      const elapsed = (now - started) / 1000
      if (fraction > 0) etaSeconds = (elapsed * (1 - fraction)) / fraction
    } else if (states.every((s) => s.total !== undefined)) {
      total = states.reduce((sum, s) => sum + (s.total ?? 0), 0)
      fraction = total === 0 ? 1 : Math.min(1, done / total)
      if (rate > 0) etaSeconds = Math.max(0, total - done) / rate
    }
    options.onProgress({ tested: done, total, fraction, rate, etaSeconds })
  }

  for (let k = 0; k < count; k++) {
    const state: WorkerState = { tested: 0, rate: 0, bytesDone: 0, done: false }
    states.push(state)
    const worker = (options.createWorker ?? defaultWorker)()
    workers.push(worker)
    worker.onmessage = (event: MessageEvent<CrackWorkerMessage>) => {
      if (finished) return
      const message = event.data
      switch (message.type) {
        case 'engine':
          if (!engineReported) {
            engineReported = true
            options.onEngine?.({
              engine: message.engine,
              ...(message.fallbackReason === undefined ? {} : { fallbackReason: message.fallbackReason }),
              ...(message.adapter === undefined ? {} : { adapter: message.adapter }),
            })
          }
          break
        case 'progress':
          state.tested = message.tested
          state.rate = message.rate
          state.total = message.total
          state.bytesDone = message.bytesDone ?? 0
          report(false)
          break
        case 'found':
          state.tested = message.tested
          report(true)
          options.onFound?.({ secret: message.secret, bytes: message.bytes, utf8: message.utf8 })
          finish({ found: true, tested: tested(), cancelled: false })
          break
        case 'done':
          state.tested = message.tested
          state.done = true
          if (states.every((s) => s.done)) {
            report(true)
            finish({ found: false, tested: tested(), cancelled: message.cancelled })
          }
          break
        case 'error':
          finish({ found: false, tested: tested(), cancelled: false, error: { code: message.code, message: message.message } })
          break
      }
    }
    worker.onerror = () => {
      finish({
        found: false, tested: tested(), cancelled: false,
        error: { code: 'WORKER_FAILED', message: 'A cracking worker stopped unexpectedly; reload the page and try again.' },
      })
    }
    const source: CrackWorkerSource = blob
      ? { kind: 'blob', blob, start: Math.floor((blob.size * k) / count), end: Math.floor((blob.size * (k + 1)) / count) }
      : { kind: 'bundled' }
    const request: CrackWorkerRequest = {
      type: 'start', target, source, mutations: options.mutations, part: k, parts: count,
      ...(options.wasm === undefined ? {} : { wasm: options.wasm }),
      ...(options.gpu ? { gpu: true } : {}),
    }
    worker.postMessage(request)
  }

  return {
    cancel() {
      for (const w of workers) w.postMessage({ type: 'cancel' } satisfies CrackWorkerRequest)
      finish({ found: false, tested: tested(), cancelled: true })
    },
  }
}
