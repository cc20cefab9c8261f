import { useDeferredValue } from 'react'
import { decodeToken, type DecodedToken } from '../core'
import { createMemo } from '../hooks/create-memo'
import { useAppStore } from '../store/app-store'

/**
 * Decodes `token`, reusing the result of a recent identical input. One decode per distinct input is
 * shared by every component that asks: the header, payload, claims and diagnostics views all read
 * the same token, and a 1 MB token should be decoded once, not four times. A few entries, not one:
 * while a deferred render of the new token is pending, urgent renders still ask for the previous
 * one, and a single slot would make them evict each other.
 */
export const decodeCached = createMemo((token: string): DecodedToken => decodeToken(token), { max: 4 })

/**
 * The decoded form of the store's `token`. The input is deferred, so typing in the token box stays
 * responsive: React renders the keystroke first and the (possibly slow) decode in the background.
 */
export function useDecodedToken(): DecodedToken {
  const token = useAppStore((s) => s.token)
  const deferred = useDeferredValue(token)
  return decodeCached(deferred)
}
