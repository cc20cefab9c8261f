/**
 * Module worker that cracks one share of the work. The hot loop is the core cracker itself (its
 * WebAssembly SIMD engine where the browser has it, loaded when the run starts), so figures
 * measured in Node and in the page come from the same code.
 */
import { bundledCandidates, createFastestCracker, runCrackJob, streamLines } from '../core'
import type { CrackEngine, CrackProgress, CrackTarget, FoundSecret, GpuEntry } from '../core'

/** Where a worker's candidates come from. */
export type CrackWorkerSource =
  | { readonly kind: 'bundled' }
  /** Lines of `blob` whose first byte lies in `[start, end)`. */
  | { readonly kind: 'blob'; readonly blob: Blob; readonly start: number; readonly end: number }

/** Messages the page sends to the worker. */
export type CrackWorkerRequest =
  | {
      readonly type: 'start'
      readonly target: CrackTarget
      readonly source: CrackWorkerSource
      readonly mutations: boolean
      /** This worker takes bundled candidates `i` with `i % parts === part`. */
      readonly part: number
      readonly parts: number
      /** False forces the JavaScript engine. */
      readonly wasm?: boolean
      /** Try the GPU (WebGPU) first. */
      readonly gpu?: boolean
    }
  | { readonly type: 'cancel' }

/** Messages the worker sends back. */
export type CrackWorkerMessage =
  | { readonly type: 'engine'; readonly engine: CrackEngine; readonly fallbackReason?: string; readonly adapter?: string }
  | ({ readonly type: 'progress' } & CrackProgress)
  | ({ readonly type: 'found'; readonly tested: number } & FoundSecret)
  | { readonly type: 'done'; readonly tested: number; readonly cancelled: boolean }
  | { readonly type: 'error'; readonly code: string; readonly message: string }

// Captured once so the handlers keep talking to this worker's scope.
const scope = self
const signal = { aborted: false }
const post = (message: CrackWorkerMessage): void => scope.postMessage(message)

async function start(request: Extract<CrackWorkerRequest, { type: 'start' }>): Promise<void> {
  const gpu = request.gpu ? ((navigator as unknown as { gpu?: GpuEntry }).gpu ?? null) : undefined
  const chosen = await createFastestCracker(request.target, { wasm: request.wasm, gpu })
  if (!chosen.ok) {
    post({ type: 'error', code: chosen.error.code, message: chosen.error.message })
    return
  }
  const { cracker, engine, fallbackReason, adapter } = chosen.value
  post({ type: 'engine', engine, ...(fallbackReason === undefined ? {} : { fallbackReason }), ...(adapter === undefined ? {} : { adapter }) })
  const { source } = request
  const result = await runCrackJob({
    cracker,
    mutations: request.mutations,
    signal,
    onProgress: (progress) => post({ type: 'progress', ...progress }),
    source: source.kind === 'bundled'
      ? { kind: 'list', candidates: await bundledCandidates(), part: request.part, parts: request.parts }
      : {
          kind: 'lines',
          batches: streamLines(source.blob, { start: source.start, end: source.end }),
          totalBytes: source.end - source.start,
        },
  })
  if (!result.ok) {
    post({ type: 'error', code: result.error.code, message: result.error.message })
    return
  }
  const { found, tested, cancelled } = result.value
  if (found) post({ type: 'found', tested, ...found })
  post({ type: 'done', tested, cancelled })
}

scope.onmessage = (event: MessageEvent<CrackWorkerRequest>) => {
  const request = event.data
  if (request.type === 'cancel') signal.aborted = true
  else void start(request)
}
