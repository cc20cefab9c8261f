import { useSyncExternalStore } from 'react'

/**
 * The instant the prerendered page was rendered at, held while that page is rendered (at build time)
 * and hydrated (in the browser): times relative to "now" and the local-time rendering must come out
 * exactly as in the prerendered HTML until hydration is done, then they follow the real clock and the
 * user's own locale and time zone. Null when nothing is held (the usual client render).
 */
let held: number | null = null
const listeners = new Set<() => void>()

/** Holds "now" at `seconds` since the epoch for the prerender or the hydration. */
export function holdClock(seconds: number): void {
  held = seconds
}

/** Lets every clock follow the real time again (hydration is done). */
export function releaseClock(): void {
  if (held === null) return
  held = null
  // The bench times the load until hydration is done by this mark.
  performance.mark('jwt-lab:hydrated')
  for (const listener of [...listeners]) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const snapshot = () => held

/** The held instant in seconds, or null when clocks follow the real time. */
export function useHeldClock(): number | null {
  return useSyncExternalStore(subscribe, snapshot, snapshot)
}
