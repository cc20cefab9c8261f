/// <reference lib="webworker" />
/**
 * Huge tokens off the main thread: extracting a token from a pasted text, decoding it, formatting
 * its payload for display and linting it each take a few hundred milliseconds for a megabyte, and
 * the page must keep answering key presses meanwhile. One request in, one answer out, matched by `id`.
 */
import { decodeToken, type DecodedToken, type Finding } from '../core'
import { cutIntoPieces, type PayloadPiece } from './token-pieces'
import { decodeInput, lintDecoded, type WorkerDecoded, type WorkerLintContext } from './token-work'

/** What the page asks of the token worker. */
export type TokenWorkerRequest =
  | { readonly id: number; readonly op: 'decode'; readonly text: string; readonly extract: boolean }
  | { readonly id: number; readonly op: 'lint'; readonly token: string; readonly context: WorkerLintContext }

/** The worker's answer to the request with the same `id`. */
export type TokenWorkerResponse =
  | { readonly id: number; readonly op: 'piece'; readonly piece: PayloadPiece }
  | { readonly id: number; readonly op: 'display'; readonly text: string }
  | {
      readonly id: number
      readonly op: 'decode'
      readonly value: WorkerDecoded
      /** How many pieces came before (0: the payload is in `value`). */
      readonly pieces: number
      /** The display text came in a message of its own (`value.payloadJson` is null then). */
      readonly display: boolean
      /** `value.decoded.token` is left empty: it is the text the page sent, which the page still holds. */
      readonly sameText: boolean
    }
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
    const { id, text } = request
    const answer = decodeInput(text, request.extract, decodeOnce)
    const cut = cutIntoPieces(answer)
    // Each message costs the page a task to receive: the payload's members, then its display text,
    // go in messages of their own, and the closing one says what came before it.
    for (const piece of cut?.pieces ?? []) scope.postMessage({ id, op: 'piece', piece } satisfies TokenWorkerResponse)
    const shell = cut?.shell ?? answer
    const display = shell.payloadJson !== null
    if (display) scope.postMessage({ id, op: 'display', text: shell.payloadJson } satisfies TokenWorkerResponse)
    // The page keeps its own copy of the text: the same string, so comparing it with the store's is instant.
    const sameText = shell.decoded.token === text
    const value: WorkerDecoded = { ...shell, payloadJson: null, decoded: sameText ? { ...shell.decoded, token: '' } : shell.decoded }
    scope.postMessage({ id, op: 'decode', value, pieces: cut?.pieces.length ?? 0, display, sameText } satisfies TokenWorkerResponse)
    return
  }
  void lintDecoded(decodeOnce(request.token), request.context).then((value) => {
    const response: TokenWorkerResponse = { id: request.id, op: 'lint', value }
    scope.postMessage(response)
  })
}
