import type { StateCreator } from 'zustand'
import type { AppState } from './app-store'

/** The encoded token text and what the extractor stripped from the last paste. */
export interface TokenSlice {
  /** The compact token exactly as shown in the `Encoded token` box (the single source of truth). */
  token: string
  /** Notes of what was removed around a pasted token (e.g. a `Bearer` prefix). */
  extractionNotes: readonly string[]
  setToken: (token: string, extractionNotes?: readonly string[]) => void
}

export const createTokenSlice: StateCreator<AppState, [], [], TokenSlice> = (set) => ({
  token: '',
  extractionNotes: [],
  setToken: (token, extractionNotes = []) => set({ token, extractionNotes }),
})
