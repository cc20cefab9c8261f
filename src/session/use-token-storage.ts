import { useEffect, useState } from 'react'
import { tokenStorageDecision, type TokenStorageDecision } from '../core'
import { useAppStore } from '../store/app-store'
import { tokenOriginOf } from '../store/token-slice'

/** The real clock in whole seconds, re-read every `intervalMs` (storage ignores the policy's "now" override). */
function useRealClock(intervalMs: number): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000))
  useEffect(() => {
    const id = window.setInterval(() => setNow(Math.floor(Date.now() / 1000)), intervalMs)
    return () => window.clearInterval(id)
  }, [intervalMs])
  return now
}

/**
 * Whether the current token may be kept on this device without the opt-in (core
 * `tokenStorageDecision` with the token's origin and the real clock), as storage decides it.
 * Null while `enabled` is false, so views that show it only sometimes do not decode every keystroke.
 */
export function useTokenStorageDecision(enabled = true, intervalMs = 30_000): TokenStorageDecision | null {
  const token = useAppStore((s) => s.token)
  const exampleToken = useAppStore((s) => s.exampleToken)
  const now = useRealClock(intervalMs)
  return enabled ? tokenStorageDecision(token, { origin: tokenOriginOf({ token, exampleToken }), now }) : null
}
