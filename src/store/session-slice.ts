import type { AppState, DecryptionSlice, SessionSlice, SliceCreator, TokenSlice } from './app-state'

/**
 * The token fields of an update that puts a different token in the box: the extraction notes, the
 * stale-signature flag and the envelope of a nested JWT described the token being replaced, so they go with it.
 */
export function replacedToken(token: string): Pick<TokenSlice, 'token' | 'extractionNotes' | 'signatureStale'> & Pick<DecryptionSlice, 'envelope'> {
  return { token, extractionNotes: [], signatureStale: false, envelope: null }
}

/** The fields that are set; a field left out (`undefined`) must not overwrite what is in the store. */
function given<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => ({
  pastedTokens: [],
  storePaste: ({ token, stripped, candidates = [] }) => {
    get().setToken(token, stripped)
    set({ pastedTokens: candidates, envelope: null })
  },
  loadSession: ({ token, verificationKey, secretEncoding, signingKey, signingEncoding, algorithm, origin }) => {
    const patch: Partial<AppState> = { ...replacedToken(token), pastedTokens: [], ...given({ verificationKey, secretEncoding, signingKey, signingEncoding, algorithm }) }
    if (origin === 'example') {
      patch.exampleToken = token
      patch.exampleVerificationKey = verificationKey ?? null
    }
    // The encoding came with the session's key, not from the user: a key they type next reads as text.
    if (secretEncoding !== undefined) patch.secretEncodingPicked = false
    set(patch)
  },
  setKeyPair: ({ signingKey, verificationKey, encoding }) =>
    set({ signingKey, verificationKey, ...given({ signingEncoding: encoding, secretEncoding: encoding }) }),
})
