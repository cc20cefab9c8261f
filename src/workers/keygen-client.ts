import { err, type GenerateKeyOptions, type GeneratedKey, type JwsAlgorithm, type Result } from '../core'
import type { KeygenRequest, KeygenResponse } from './keygen.worker'

let worker: Worker | null = null
let nextId = 1
const pending = new Map<number, (result: Result<GeneratedKey>) => void>()

function failAll(message: string): void {
  for (const resolve of pending.values()) resolve(err('KEYGEN_FAILED', message))
  pending.clear()
  worker?.terminate()
  worker = null
}

function getWorker(): Worker {
  if (worker !== null) return worker
  const w = new Worker(new URL('./keygen.worker.ts', import.meta.url), { type: 'module', name: 'keygen' })
  w.onmessage = (event: MessageEvent<KeygenResponse>) => {
    const resolve = pending.get(event.data.id)
    pending.delete(event.data.id)
    resolve?.(event.data.result)
  }
  w.onerror = (event) => {
    event.preventDefault()
    failAll(`Key generation stopped unexpectedly${event.message ? `: ${event.message}` : ''}. Try again.`)
  }
  worker = w
  return w
}

/**
 * Generates a key with the core's `generateKey` in a Web Worker, so even RSA 4096 never blocks the
 * page. The worker is started on first use and kept for later requests.
 */
export function generateKeyInWorker(alg: JwsAlgorithm, options: GenerateKeyOptions = {}): Promise<Result<GeneratedKey>> {
  return new Promise((resolve) => {
    const id = nextId++
    pending.set(id, resolve)
    const request: KeygenRequest = { id, alg, options }
    getWorker().postMessage(request)
  })
}
