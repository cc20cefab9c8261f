import { createContext, useContext, type ReactNode } from 'react'
import type { DecodedToken } from '../core'
import { useDecodedToken } from './use-decoded-token'

const ShownToken = createContext<DecodedToken | null>(null)

/**
 * Reads the decoded token once for every view below. A keystroke changes the store's token at once
 * but the decoded token only in the deferred render that follows: a view reading it from here is not
 * rendered again for the keystroke itself, only when the decoded token it shows has changed (reading
 * the store in each view would render every one of them twice per paste).
 */
export function ShownTokenProvider({ children }: { readonly children: ReactNode }) {
  return <ShownToken.Provider value={useDecodedToken()}>{children}</ShownToken.Provider>
}

/** The decoded token the views show (see {@link ShownTokenProvider}, which must be above the caller). */
export function useShownToken(): DecodedToken {
  const decoded = useContext(ShownToken)
  if (decoded === null) throw new Error('useShownToken needs a ShownTokenProvider above it')
  return decoded
}
