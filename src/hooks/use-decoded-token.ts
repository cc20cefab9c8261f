import { useDeferredValue } from 'react'
import { decodeToken, type DecodedToken } from '../core'
import { useAppStore } from '../store/app-store'

// One decode per distinct input, shared by every component that asks: the header, payload, claims and
// diagnostics views all read the same token, and a 1 MB token should be decoded once, not four times.
// A few entries, not one: while a deferred render of the new token is pending, urgent renders still
// ask for the previous one, and a single slot would make them evict each other.
const CACHE_SIZE = 4
const cache = new Map<string, DecodedToken>()

/** Forgets the recently decoded tokens (they are user data: "Forget everything" calls this). */
export function clearDecodeCache(): void {
  cache.clear()
}

/** Decodes `token`, reusing the result of a recent identical input. */
export function decodeCached(token: string): DecodedToken {
  const hit = cache.get(token)
  if (hit !== undefined) return hit
  const decoded = decodeToken(token)
  cache.set(token, decoded)
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value
    if (oldest !== undefined) cache.delete(oldest)
  }
  return decoded
}

/**
 * The decoded form of the store's `token`. The input is deferred, so typing in the token box stays
 * responsive: React renders the keystroke first and the (possibly slow) decode in the background.
 */
export function useDecodedToken(): DecodedToken {
  const token = useAppStore((s) => s.token)
  const deferred = useDeferredValue(token)
  return decodeCached(deferred)
}
