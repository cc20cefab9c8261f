import { memberAtEncodedOffset, memberEncodedRange, type DecodedPart } from '../core'
import { useAppStore } from '../store/app-store'
import type { HighlightSegment, JsonHighlight } from '../store/teaching-slice'
import { decodeCached } from '../session/use-decoded-token'

// Hover mapping between the encoded token and the JSON views (teaching mode). These are plain
// functions, not hooks: mouse handlers call them, and they read the current token from the store.

function partOf(token: string, segment: HighlightSegment): DecodedPart | null {
  return decodeCached(token)[segment]
}

function sameHighlight(a: JsonHighlight | null, b: JsonHighlight | null): boolean {
  return a === b || (a !== null && b !== null && a.segment === b.segment && a.index === b.index && a.token === b.token)
}

/**
 * Highlights top-level member `index` of the header or payload: the token characters that encode it
 * and the member itself in the JSON views. An index the token does not have clears the highlight.
 */
export function highlightMember(segment: HighlightSegment, index: number | null): void {
  const { token, jsonHighlight, setHighlight } = useAppStore.getState()
  const part = index === null ? null : partOf(token, segment)
  const member = index === null ? undefined : part?.members[index]
  const range = part === null || index === null ? null : memberEncodedRange(part, index)
  if (member === undefined || range === null || index === null) {
    if (jsonHighlight !== null || useAppStore.getState().highlight !== null) setHighlight(null, null)
    return
  }
  const next: JsonHighlight = { segment, index, name: member.name, token }
  if (sameHighlight(jsonHighlight, next)) return
  setHighlight({ segment, start: range.start, end: range.end, token }, next)
}

/** Highlights the member whose encoding includes the token character at `offset`, or clears. */
export function highlightAtTokenOffset(offset: number | null): void {
  if (offset === null) {
    highlightMember('header', null)
    return
  }
  const decoded = decodeCached(useAppStore.getState().token)
  for (const segment of ['header', 'payload'] as const) {
    const part = decoded[segment]
    if (part === null) continue
    const index = memberAtEncodedOffset(part, offset)
    if (index !== null) {
      highlightMember(segment, index)
      return
    }
  }
  highlightMember('header', null)
}

/** Clears both highlights (the pointer left a mapped view). */
export function clearHighlight(): void {
  const { highlight, jsonHighlight, setHighlight } = useAppStore.getState()
  if (highlight !== null || jsonHighlight !== null) setHighlight(null, null)
}

/** The highlighted member index of `segment` for `token`, or null. */
export function useHighlightedMember(segment: HighlightSegment, token: string): number | null {
  const h = useAppStore((s) => s.jsonHighlight)
  return h !== null && h.segment === segment && h.token === token ? h.index : null
}

/** The highlighted token range for `token`, or null. */
export function useTokenHighlight(token: string): { readonly start: number; readonly end: number } | null {
  const h = useAppStore((s) => s.highlight)
  return h !== null && h.token === token ? h : null
}
