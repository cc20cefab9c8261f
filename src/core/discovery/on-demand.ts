/** The discovery room as a module loaded at first use, so first-paint JavaScript does not carry it. */

/** The discovery room's face. */
export type DiscoveryModule = typeof import('./index')

let loading: Promise<DiscoveryModule> | undefined

/**
 * Loads the discovery room (planning and fetching) once; later calls share the same promise. A failed
 * load (offline before the chunk was cached) is retried at the next call.
 */
export function loadDiscovery(): Promise<DiscoveryModule> {
  loading ??= import('./index').catch((cause: unknown) => {
    loading = undefined
    throw cause
  })
  return loading
}
