import { vi } from 'vitest'

/**
 * Replaces `localStorage` with an in-memory stand-in, so a store under test persists as in the
 * browser; returns its items to inspect. Call it before the store module is imported.
 */
export function stubMemoryStorage(): Map<string, string> {
  const items = new Map<string, string>()
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  })
  return items
}
