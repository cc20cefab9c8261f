import type { StateCreator } from 'zustand'
import type { TokenOrigin } from '../core'
import type { AppState } from './app-store'

/** The encoded token text and what the extractor stripped from the last paste. */
export interface TokenSlice {
  /** The compact token exactly as shown in the `Encoded token` box (the single source of truth). */
  token: string
  /** Notes of what was removed around a pasted token (e.g. a `Bearer` prefix). */
  extractionNotes: readonly string[]
  /**
   * True when the header or payload was edited without a signing key: the token then carries the old
   * signature, which no longer matches.
   */
  signatureStale: boolean
  /**
   * The text of the built-in example last loaded (empty when none). The token's origin is
   * `example` only while the token is exactly that text: any edit, paste, signing or link makes it
   * the user's own token, whichever code path wrote it. See {@link tokenOriginOf}.
   */
  exampleToken: string
  setToken: (token: string, extractionNotes?: readonly string[]) => void
  /** Stores a token re-encoded from edited header/payload JSON; `stale` says the signature is the old one. */
  setEditedToken: (token: string, stale: boolean) => void
}

export const createTokenSlice: StateCreator<AppState, [], [], TokenSlice> = (set) => ({
  token: '',
  extractionNotes: [],
  signatureStale: false,
  exampleToken: '',
  setToken: (token, extractionNotes = []) => set({ token, extractionNotes, signatureStale: false }),
  setEditedToken: (token, signatureStale) => set({ token, signatureStale, extractionNotes: [] }),
})

/** Where the current token came from: a built-in example (public demo data) or the user. */
export function tokenOriginOf(s: Pick<TokenSlice, 'token' | 'exampleToken'>): TokenOrigin {
  return s.exampleToken !== '' && s.token === s.exampleToken ? 'example' : 'user'
}
