/**
 * Sending a decoded huge payload in pieces: receiving one message costs the page time in proportion to
 * the objects it holds, so a payload with many members travels in several. Kept apart from the rest of
 * the token worker's work, which the page loads only when it has no worker.
 */
import { isJsonObject, type JsonMember, type JsonValue } from '../core'
import type { WorkerDecoded } from './token-work'

/** Top-level members per message when a decoded payload is sent in pieces. */
const PIECE_MEMBERS = 1000

/** One piece of a decoded payload's object: some of its members, in source order. */
export interface PayloadPiece {
  readonly entries: readonly (readonly [string, JsonValue])[]
  readonly members: readonly JsonMember[]
}

/**
 * Cuts a decoded answer whose payload is an object with many members into a light shell (the same
 * answer with the payload's value and members left empty) and pieces of at most a thousand members.
 * Receiving one message costs the page time in proportion to the objects it holds: in pieces, no
 * single task on the page takes long. Null when the payload is small enough to send whole.
 */
export function cutIntoPieces(answer: WorkerDecoded): { readonly shell: WorkerDecoded; readonly pieces: readonly PayloadPiece[] } | null {
  const payload = answer.decoded.payload
  const value = payload?.value
  if (payload === null || payload === undefined || !isJsonObject(value)) return null
  const entries = Object.entries(value)
  if (entries.length <= PIECE_MEMBERS && payload.members.length <= PIECE_MEMBERS) return null
  const pieces: PayloadPiece[] = []
  for (let i = 0; i < Math.max(entries.length, payload.members.length); i += PIECE_MEMBERS) {
    pieces.push({ entries: entries.slice(i, i + PIECE_MEMBERS), members: payload.members.slice(i, i + PIECE_MEMBERS) })
  }
  const shell: WorkerDecoded = { ...answer, decoded: { ...answer.decoded, payload: { ...payload, value: {}, members: [] } } }
  return { shell, pieces }
}

/** Puts an answer cut by {@link cutIntoPieces} back together: the same value, members and member order. */
export function joinPieces(shell: WorkerDecoded, pieces: readonly PayloadPiece[]): WorkerDecoded {
  const payload = shell.decoded.payload
  if (payload === null) return shell
  // fromEntries defines each member (a "__proto__" stays a member, as the decoder made it) in one fast pass.
  const value: { [name: string]: JsonValue } = Object.fromEntries(pieces.flatMap((piece) => piece.entries))
  const members = pieces.flatMap((piece) => piece.members)
  return { ...shell, decoded: { ...shell.decoded, payload: { ...payload, value, members } } }
}
