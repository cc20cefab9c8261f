import { useEffect, useSyncExternalStore } from 'react'

/**
 * One shared moment after which heavy extras may load: the first view has been painted (two animation
 * frames after the first mount) and the main thread is idle, or the user asked for the editor. Monaco
 * and the service worker's precache wait for it, so neither competes with the first decoded view.
 */
let reached = false
let scheduled = false
const listeners = new Set<() => void>()

/** Longest wait for an idle moment: a busy page still gets its editor. */
const IDLE_TIMEOUT_MS = 3000

/** Marks the moment as reached now (the user focused, clicked or typed in a read-only view). */
export function reachFirstViewIdle(): void {
  if (reached) return
  reached = true
  for (const listener of [...listeners]) listener()
}

function schedule(): void {
  if (scheduled || reached) return
  scheduled = true
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(reachFirstViewIdle, { timeout: IDLE_TIMEOUT_MS })
      else setTimeout(reachFirstViewIdle, 100)
    }),
  )
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const snapshot = () => reached

/** True once the first view is painted and the page idle (starts the wait on first use). */
export function useAfterFirstView(): boolean {
  const value = useSyncExternalStore(subscribe, snapshot, snapshot)
  useEffect(schedule, [])
  return value
}
