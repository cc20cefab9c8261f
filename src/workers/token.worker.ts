/// <reference lib="webworker" />
/**
 * Huge tokens off the main thread: extracting a token from a pasted text, decoding it, formatting
 * its payload for display and linting it each take a few hundred milliseconds for a megabyte, and
 * the page must keep answering key presses meanwhile. One request in, one answer out, matched by `id`.
 */
import { decodeToken, type DecodedToken, type Finding } from '../core'
import { decodeInput, lintDecoded, type WorkerDecoded, type WorkerLintContext } from './token-work'

/** What the page asks of the token worker. */
export type TokenWorkerRequest =
  | { readonly id: number; readonly op: 'decode'; readonly text: string; readonly extract: boolean }
  | { readonly id: number; readonly op: 'lint'; readonly token: string; readonly context: WorkerLintContext }

/** The worker's answer to the request with the same `id`. */
export type TokenWorkerResponse =
  | { readonly id: number; readonly op: 'decode'; readonly value: WorkerDecoded }
  | { readonly id: number; readonly op: 'lint'; readonly value: readonly Finding[] }

const scope = self as unknown as DedicatedWorkerGlobalScope

// The last two decoded tokens, so the lint request that follows a decode does not decode again.
const decodedCache = new Map<string, DecodedToken>()

function decodeOnce(token: string): DecodedToken {
  const known = decodedCache.get(token)
  if (known !== undefined) return known
  const decoded = decodeToken(token)
  decodedCache.set(token, decoded)
  const oldest = decodedCache.keys().next()
  if (decodedCache.size > 2 && oldest.done !== true) decodedCache.delete(oldest.value)
  return decoded
}

scope.onmessage = (event: MessageEvent<TokenWorkerRequest>) => {
  const request = event.data
  if (request.op === 'decode') {
    const response: TokenWorkerResponse = { id: request.id, op: 'decode', value: decodeInput(request.text, request.extract, decodeOnce) }
    scope.postMessage(response)
    return
  }
  void lintDecoded(decodeOnce(request.token), request.context).then((value) => {
    const response: TokenWorkerResponse = { id: request.id, op: 'lint', value }
    scope.postMessage(response)
  })
}
