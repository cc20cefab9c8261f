import { decodeToken, type DecodedPart, type Finding } from '../core'
import type { TokenWorkerRequest, TokenWorkerResponse } from './token.worker'
import { joinPieces, type PayloadPiece } from './token-pieces'
import type { WorkerDecoded, WorkerLintContext } from './token-work'

export type { WorkerDecoded, WorkerLintContext } from './token-work'

/**
 * Inputs longer than this are extracted, decoded and linted in the token worker. Below it the work
 * takes a few milliseconds and a round trip to the worker would only add latency.
 */
export const HUGE_INPUT = 64 * 1024

let worker: Worker | null = null
let broken = false
let nextId = 1
const pending = new Map<number, { readonly resolve: (value: never) => void; readonly fallback: () => Promise<unknown>; readonly text?: string }>()
// Parts of decoded answers whose closing message has not come yet, by request.
const received = new Map<number, { readonly pieces: PayloadPiece[]; display?: string }>()

function partsOf(id: number): { readonly pieces: PayloadPiece[]; display?: string } {
  let parts = received.get(id)
  if (parts === undefined) {
    parts = { pieces: [] }
    received.set(id, parts)
  }
  return parts
}

/** Ends the worker; whatever it was asked is answered on the page instead: slower, but nothing is lost. */
function dropWorker(): void {
  worker?.terminate()
  worker = null
  received.clear()
  for (const { resolve, fallback } of pending.values()) void fallback().then((value) => resolve(value as never))
  pending.clear()
}

function getWorker(): Worker | null {
  if (worker !== null || broken) return worker
  try {
    const w = new Worker(new URL('./token.worker.ts', import.meta.url), { type: 'module', name: 'token' })
    w.onmessage = (event: MessageEvent<TokenWorkerResponse>) => {
      const message = event.data
      if (message.op === 'piece' || message.op === 'display') {
        const parts = partsOf(message.id)
        if (message.op === 'piece') parts.pieces.push(message.piece)
        else parts.display = message.text
        return
      }
      const entry = pending.get(message.id)
      pending.delete(message.id)
      if (message.op === 'decode') {
        const parts = partsOf(message.id)
        received.delete(message.id)
        const joined = message.pieces === 0 ? message.value : joinPieces(message.value, parts.pieces)
        const token = message.sameText ? (entry?.text ?? '') : joined.decoded.token
        entry?.resolve({ ...joined, payloadJson: message.display ? (parts.display ?? null) : joined.payloadJson, decoded: { ...joined.decoded, token } } as never)
        return
      }
      entry?.resolve(message.value as never)
    }
    w.onerror = (event) => {
      event.preventDefault()
      broken = true
      dropWorker()
    }
    worker = w
  } catch {
    // A browser or policy that refuses module workers: the page does the work itself.
    broken = true
  }
  return worker
}

/** Runs the work on the page after the current task, for when the worker cannot be had. */
function later<T>(compute: () => T | Promise<T>): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(compute()), 0))
}

// Omit over each member of the union, not over the union as a whole.
type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never

function ask<T>(request: WithoutId<TokenWorkerRequest>, fallback: () => T | Promise<T>): Promise<T> {
  const w = getWorker()
  if (w === null) return later(fallback)
  return new Promise<T>((resolve) => {
    const id = nextId++
    pending.set(id, { resolve: resolve as (value: never) => void, fallback: () => later(fallback), ...(request.op === 'decode' ? { text: request.text } : {}) })
    w.postMessage({ ...request, id } as TokenWorkerRequest)
  })
}

// A huge token is held by the store anyway; two entries let a pending decode and the shown one coexist.
const CACHE_SIZE = 2
interface Entry {
  readonly promise: Promise<WorkerDecoded>
  value?: WorkerDecoded
}
// Keyed by the text itself: a string remembers its hash, and a megabyte is not hashed again per lookup.
const decodes = { plain: new Map<string, Entry>(), extracted: new Map<string, Entry>() }
const payloadDisplays = new WeakMap<DecodedPart, string>()

function remember(map: Map<string, Entry>, text: string, entry: Entry): void {
  map.delete(text)
  map.set(text, entry)
  for (const old of map.keys()) {
    if (map.size <= CACHE_SIZE) break
    map.delete(old)
  }
}

/**
 * Extracts (when `extract`), decodes and formats a huge input in the token worker, once per input:
 * every caller asking for the same text shares one answer. Never rejects; when no worker can run,
 * the page does the same work in a task of its own.
 */
export function decodeHuge(text: string, extract = false): Promise<WorkerDecoded> {
  const map = extract ? decodes.extracted : decodes.plain
  const known = map.get(text)
  if (known !== undefined) return known.promise
  const entry: Entry = {
    promise: ask<WorkerDecoded>({ op: 'decode', text, extract }, async () => (await import('./token-work')).decodeInput(text, extract)).then((value) => {
      entry.value = value
      if (value.decoded.payload !== null && value.payloadJson !== null) payloadDisplays.set(value.decoded.payload, value.payloadJson)
      // The extracted token is stored next, and asked for as it is: it needs no second decode.
      if (extract) remember(decodes.plain, value.decoded.token, { promise: Promise.resolve(value), value })
      return value
    }),
  }
  remember(map, text, entry)
  return entry.promise
}

/** The decoded form of a huge input when {@link decodeHuge} has already answered for it. */
export function knownHugeDecode(text: string, extract = false): WorkerDecoded | undefined {
  return (extract ? decodes.extracted : decodes.plain).get(text)?.value
}

/** The display text the worker formatted for a payload it decoded; undefined for any other part. */
export function hugePayloadDisplay(part: DecodedPart): string | undefined {
  return payloadDisplays.get(part)
}

/**
 * Lints a huge token in the token worker with the page's key context (the worker loads the
 * on-demand rules and the common-secret list itself). Never rejects.
 */
export function lintHuge(token: string, context: WorkerLintContext): Promise<readonly Finding[]> {
  return ask<readonly Finding[]>({ op: 'lint', token, context }, async () => {
    // The lint code loads only here, when no worker can run: the first view does not carry it.
    const work = await import('./token-work')
    return work.lintDecoded(knownHugeDecode(token)?.decoded ?? decodeToken(token), context)
  })
}

/** Forgets every decoded huge input (part of "Forget everything"); the worker keeps none past its next two. */
export function forgetHugeTokens(): void {
  decodes.plain.clear()
  decodes.extracted.clear()
  // The worker's own two-entry memory goes with it; the next huge token starts a new one.
  dropWorker()
}
