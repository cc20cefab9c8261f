import { useEffect, useState } from 'react'
import { useAppStore } from '../store/app-store'
import { useHeldClock } from './hydration-clock'

function parseOverride(text: string): number | null {
  if (text.trim() === '') return null
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000)
}

/**
 * The current time in whole seconds since the epoch, re-rendering the caller every `intervalMs` so
 * relative times ("in 5 minutes") keep ticking. A valid `nowOverride` (ISO date-time) in the store
 * freezes "now" at that instant instead. While a prerendered page is rendered or hydrated, "now" is
 * the instant it was prerendered at (see hydration-clock.ts), so the hydration finds the same text.
 */
export function useNow(intervalMs = 1000): number {
  const override = parseOverride(useAppStore((s) => s.nowOverride))
  const held = useHeldClock()
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000))
  useEffect(() => {
    if (override !== null) return
    const id = window.setInterval(() => setNow(Math.floor(Date.now() / 1000)), intervalMs)
    return () => window.clearInterval(id)
  }, [override, intervalMs])
  return override ?? held ?? now
}
