import { useAppStore } from '../store/app-store'
import type { HighlightSegment } from '../store/teaching-slice'

// What teaching mode highlights, for the views that draw it. Hovering sets it through the store's
// actions (highlightMember, highlightAtTokenOffset, clearHighlight).

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
