/// <reference lib="webworker" />
/**
 * Key generation off the main thread: an RSA 4096 key pair can take seconds, and the page must stay
 * responsive meanwhile. One request in, one `Result` out, matched by `id`.
 */
import { generateKey, type GenerateKeyOptions, type GeneratedKey, type JwsAlgorithm, type Result } from '../core'

/** A request to the key generation worker. */
export interface KeygenRequest {
  readonly id: number
  readonly alg: JwsAlgorithm
  readonly options?: GenerateKeyOptions
}

/** The worker's answer to the request with the same `id`. */
export interface KeygenResponse {
  readonly id: number
  readonly result: Result<GeneratedKey>
}

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (event: MessageEvent<KeygenRequest>) => {
  const { id, alg, options } = event.data
  void generateKey(alg, options ?? {}).then((result) => {
    const response: KeygenResponse = { id, result }
    scope.postMessage(response)
  })
}
