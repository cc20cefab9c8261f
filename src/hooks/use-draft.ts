import { useCallback, useState } from 'react'

/**
 * A text the user may edit that starts as a copy of a value elsewhere in the app. The edit belongs
 * to the value it was made from: once that value changes, the copy follows it again.
 */
export interface Draft {
  readonly text: string
  readonly base: string
}

/** What a draft field shows: the user's edit while its base is current, else the current value. */
export function draftText(draft: Draft | null, current: string): string {
  return draft !== null && draft.base === current ? draft.text : current
}

/**
 * An editable copy of `current` (e.g. the payload prefilled from the token): returns the text to
 * show, a setter for edits and a reset that goes back to following `current`.
 */
export function useDraft(current: string): readonly [string, (text: string) => void, () => void] {
  const [draft, setDraft] = useState<Draft | null>(null)
  const set = useCallback((text: string) => setDraft({ text, base: current }), [current])
  const reset = useCallback(() => setDraft(null), [])
  return [draftText(draft, current), set, reset] as const
}
