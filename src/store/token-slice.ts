import type { TokenOrigin } from '../core'
import type { SliceCreator, TokenSlice } from './app-state'

export const createTokenSlice: SliceCreator<TokenSlice> = (set) => ({
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
