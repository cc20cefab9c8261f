import { useCallback, useSyncExternalStore } from 'react'
import type { ExtractState, StoreApi, UseBoundStore } from 'zustand'

/** What {@link bindStore} adds to zustand's hook. */
export interface ServerSnapshot {
  /**
   * Fixes React's server snapshot at the current state: call it right before hydrating the
   * prerendered page. Parts that hydrate later (their code arrives later) then still find the state
   * the page was rendered with, and follow any change made since right after they hydrate.
   */
  freezeServerSnapshot(): void
}

/**
 * The hook of a zustand store, as zustand's `create` makes it, with one difference: React's "server
 * snapshot" (what the prerender renders, and what the client reads while it hydrates the prerendered
 * page) is the store's state at boot, not its defaults. The page is prerendered after boot has
 * loaded the opening example, and is hydrated only when the client's state at boot is the same, so
 * both sides must read that state; zustand's own hook would read the bare defaults. Until frozen, the
 * server snapshot is the current state (the prerender reads the state it was handed).
 */
export function bindStore<S extends StoreApi<unknown>>(api: S): UseBoundStore<S> & ServerSnapshot {
  let frozen: { readonly state: ExtractState<S> } | null = null
  const current = () => api.getState() as ExtractState<S>
  function useBoundStore<U>(selector: (state: ExtractState<S>) => U = (state) => state as U): U {
    const read = useCallback(() => selector(current()), [selector])
    const readServer = useCallback(() => selector(frozen === null ? current() : frozen.state), [selector])
    return useSyncExternalStore(api.subscribe, read, readServer)
  }
  const freezeServerSnapshot = () => {
    frozen = { state: current() }
  }
  return Object.assign(useBoundStore, api, { freezeServerSnapshot }) as UseBoundStore<S> & ServerSnapshot
}
