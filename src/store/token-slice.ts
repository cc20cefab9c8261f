import type { TokenOrigin } from '../core'
import type { AppState, SliceCreator, TokenSlice } from './app-state'

/** The claims and signature segments of a compact token (empty when missing). */
function segments(token: string): { readonly claims: string; readonly signature: string } {
  const first = token.indexOf('.')
  if (first < 0) return { claims: '', signature: '' }
  const second = token.indexOf('.', first + 1)
  if (second < 0) return { claims: token.slice(first + 1), signature: '' }
  return { claims: token.slice(first + 1, second), signature: token.slice(second + 1) }
}

/**
 * Drops the example's verification key when a token with other claims replaces the example: that
 * key was never the user's, so no verdict or finding should speak of it. Re-signing the example
 * keeps its claims, and tampering with it keeps its signature: both keep its key.
 */
function withoutExampleKey(s: AppState, token: string): Partial<AppState> {
  const exampleKey = s.exampleVerificationKey
  if (exampleKey === null || s.exampleToken === '' || s.token !== s.exampleToken || token === s.exampleToken) return {}
  const next = segments(token)
  const example = segments(s.exampleToken)
  if (next.claims === example.claims || next.signature === example.signature) return {}
  if (s.verificationKey !== exampleKey) return { exampleVerificationKey: null }
  return { verificationKey: '', secretEncoding: 'utf8', secretEncodingPicked: false, exampleVerificationKey: null }
}

export const createTokenSlice: SliceCreator<TokenSlice> = (set) => ({
  token: '',
  extractionNotes: [],
  signatureStale: false,
  exampleToken: '',
  exampleVerificationKey: null,
  setToken: (token, extractionNotes = []) =>
    set((s) => ({ ...withoutExampleKey(s, token), token, extractionNotes, signatureStale: false })),
  setEditedToken: (token, signatureStale) => set({ token, signatureStale, extractionNotes: [] }),
})

/** Where the current token came from: a built-in example (public demo data) or the user. */
export function tokenOriginOf(s: Pick<TokenSlice, 'token' | 'exampleToken'>): TokenOrigin {
  return s.exampleToken !== '' && s.token === s.exampleToken ? 'example' : 'user'
}
