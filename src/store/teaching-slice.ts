import type { StateCreator } from 'zustand'
import type { AppState } from './app-store'

/** Which decoded part a highlighted member belongs to. */
export type HighlightSegment = 'header' | 'payload'

/** Characters of the encoded token to highlight: a UTF-16 range `[start, end)` of the token string. */
export interface TokenHighlight {
  readonly segment: HighlightSegment
  readonly start: number
  readonly end: number
  /** The token the offsets refer to; a highlight of an older token is not drawn. */
  readonly token: string
}

/** A top-level JSON member to highlight in the Header/Payload editors and the Claims table. */
export interface JsonHighlight {
  readonly segment: HighlightSegment
  /** Index of the member in source order (repeated names stay apart). */
  readonly index: number
  readonly name: string
  /** The token whose decoded part the index refers to. */
  readonly token: string
}

/**
 * Teaching mode state shared between views: what hovering one view highlights in the others, and
 * whether the Explain walkthrough is open. Never persisted: a highlight is a pointer position.
 */
export interface TeachingSlice {
  /** Set when a member is hovered (editor or Claims row): the token characters that encode it. */
  highlight: TokenHighlight | null
  /** Set when encoded characters are hovered: the member they decode to (and kept in sync with `highlight`). */
  jsonHighlight: JsonHighlight | null
  explainOpen: boolean
  setHighlight: (highlight: TokenHighlight | null, jsonHighlight: JsonHighlight | null) => void
  setExplainOpen: (open: boolean) => void
}

export const createTeachingSlice: StateCreator<AppState, [], [], TeachingSlice> = (set) => ({
  highlight: null,
  jsonHighlight: null,
  explainOpen: false,
  setHighlight: (highlight, jsonHighlight) => set({ highlight, jsonHighlight }),
  setExplainOpen: (explainOpen) => set({ explainOpen }),
})
