/** The certificate room as a module loaded at first use, so first-paint JavaScript does not carry it. */

/** The certificate room's face. */
export type X509Module = typeof import('./index')

let loading: Promise<X509Module> | undefined

/**
 * Loads the certificate-chain checker once; later calls share the same promise. A failed load
 * (offline before the chunk was cached) is retried at the next call.
 */
export function loadX509(): Promise<X509Module> {
  loading ??= import('./index').catch((cause: unknown) => {
    loading = undefined
    throw cause
  })
  return loading
}
