/// <reference lib="webworker" />
/**
 * Huge tokens off the main thread: extracting a token from a pasted text, decoding it, formatting
 * its payload for display and linting it each take a few hundred milliseconds for a megabyte, and
 * the page must keep answering key presses meanwhile. One request in, one answer out, matched by `id`.
 */
import { decodeToken, type DecodedToken, type Finding } from '../core'
import { cutIntoPieces, decodeInput, lintDecoded, type PayloadPiece, type WorkerDecoded, type WorkerLintContext } from './token-work'

/** What the page asks of the token worker. */
export type TokenWorkerRequest =
  | { readonly id: number; readonly op: 'decode'; readonly text: string; readonly extract: boolean }
  | { readonly id: number; readonly op: 'lint'; readonly token: string; readonly context: WorkerLintContext }

/** The worker's answer to the request with the same `id`. */
export type TokenWorkerResponse =
  | { readonly id: number; readonly op: 'piece'; readonly piece: PayloadPiece }
  | { readonly id: number; readonly op: 'decode'; readonly value: WorkerDecoded; readonly pieces: number }
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
    const answer = decodeInput(request.text, request.extract, decodeOnce)
    const cut = cutIntoPieces(answer)
    // The pieces go first; the shell that closes the answer says how many there were.
    for (const piece of cut?.pieces ?? []) scope.postMessage({ id: request.id, op: 'piece', piece } satisfies TokenWorkerResponse)
    scope.postMessage({ id: request.id, op: 'decode', value: cut?.shell ?? answer, pieces: cut?.pieces.length ?? 0 } satisfies TokenWorkerResponse)
    return
  }
  void lintDecoded(decodeOnce(request.token), request.context).then((value) => {
    const response: TokenWorkerResponse = { id: request.id, op: 'lint', value }
    scope.postMessage(response)
  })
}
