import { useDeferredValue } from 'react'
import { decodeToken, type DecodedToken } from '../core'
import { createMemo } from '../hooks/create-memo'
import { useLatest } from '../hooks/use-latest'
import { useAppStore } from '../store/app-store'
import { decodeHuge, HUGE_INPUT, knownHugeDecode } from '../workers/token-client'

/**
 * Decodes `token`, reusing the result of a recent identical input. One decode per distinct input is
 * shared by every component that asks: the header, payload, claims and diagnostics views all read
 * the same token (a huge one as the token worker decoded it, once it has). A few entries, not one: while a deferred render of the new token is pending,
 * urgent renders still ask for the previous one, and a single slot would make them evict each other.
 */
export const decodeCached = createMemo(
  // A huge token the token worker has decoded is not decoded again here, whoever asks.
  (token: string): DecodedToken => (token.length > HUGE_INPUT ? knownHugeDecode(token)?.decoded : undefined) ?? decodeToken(token),
  { max: 4 },
)

// What the views showed last: a huge token being decoded in the worker leaves them on it meanwhile.
let shown: DecodedToken = decodeCached('')

/** Forgets the token the views showed last (part of "Forget everything"). */
export function forgetShownToken(): void {
  shown = decodeCached('')
}

function show(decoded: DecodedToken): DecodedToken {
  shown = decoded
  return decoded
}

/**
 * The decoded form of the store's `token`. The input is deferred, so typing in the token box stays
 * responsive: React renders the keystroke first and the decode in the background. A huge token
 * (over {@link HUGE_INPUT}) is decoded in the token worker, and until it answers the views keep the
 * token they showed; its `token` differs from the store's then, as for any deferred render.
 */
export function useDecodedToken(): DecodedToken {
  const token = useAppStore((s) => s.token)
  const deferred = useDeferredValue(token)
  const huge = deferred.length > HUGE_INPUT
  const latest = useLatest(
    huge ? ['decode', deferred] : null,
    () => decodeHuge(deferred).then((answer) => answer.decoded),
    () => {
      const known = knownHugeDecode(deferred)
      return known === undefined ? undefined : { value: known.decoded }
    },
    // Rendering a huge token's views takes tens of milliseconds: in slices, key presses get through.
    { transition: true },
  )
  if (!huge) return show(decodeCached(deferred))
  if (latest.status === 'done') return show(latest.value)
  return shown
}

/** True while the store's token is a huge one the token worker has not decoded yet. */
export function useDecodingInBackground(): boolean {
  const token = useAppStore((s) => s.token)
  const decoded = useDecodedToken()
  return token.length > HUGE_INPUT && decoded.token !== token
}
