import { decodeToken, memberAtEncodedOffset, memberEncodedRange, type DecodedPart } from '../core'
import { createMemo } from '../hooks/create-memo'
import type { HighlightSegment, JsonHighlight, SliceCreator, TeachingSlice } from './app-state'

export type { HighlightSegment, JsonHighlight, TokenHighlight } from './app-state'

// Hover events arrive many times a second and a token may be 1 MB: the token being hovered is
// decoded once, not per event. One entry: only the current token is ever hovered.
const decodeHovered = createMemo(decodeToken, { max: 1 })

function partOf(token: string, segment: HighlightSegment): DecodedPart | null {
  return decodeHovered(token)[segment]
}

/** Drops the decoded token kept for hovering (it is user data: "Forget everything" calls this). */
export function clearTeachingMemo(): void {
  decodeHovered.clear()
}

function sameHighlight(a: JsonHighlight | null, b: JsonHighlight): boolean {
  return a !== null && a.segment === b.segment && a.index === b.index && a.token === b.token
}

export const createTeachingSlice: SliceCreator<TeachingSlice> = (set, get) => ({
  highlight: null,
  jsonHighlight: null,
  explainOpen: false,
  highlightMember: (segment, index) => {
    const { token, jsonHighlight, clearHighlight } = get()
    const part = index === null ? null : partOf(token, segment)
    const member = index === null ? undefined : part?.members[index]
    const range = part === null || index === null ? null : memberEncodedRange(part, index)
    if (member === undefined || range === null || index === null) {
      clearHighlight()
      return
    }
    const next: JsonHighlight = { segment, index, name: member.name, token }
    if (sameHighlight(jsonHighlight, next)) return
    set({ highlight: { segment, start: range.start, end: range.end, token }, jsonHighlight: next })
  },
  highlightAtTokenOffset: (offset) => {
    const { token, highlightMember, clearHighlight } = get()
    if (offset !== null) {
      for (const segment of ['header', 'payload'] as const) {
        const part = partOf(token, segment)
        const index = part === null ? null : memberAtEncodedOffset(part, offset)
        if (index !== null) {
          highlightMember(segment, index)
          return
        }
      }
    }
    clearHighlight()
  },
  clearHighlight: () => {
    const { highlight, jsonHighlight } = get()
    // Pointer events repeat: an update that changes nothing would still wake every subscriber.
    if (highlight !== null || jsonHighlight !== null) set({ highlight: null, jsonHighlight: null })
  },
  setExplainOpen: (explainOpen) => set({ explainOpen }),
})
