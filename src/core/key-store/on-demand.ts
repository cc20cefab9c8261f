/** The key store as a module loaded at first use: it is not needed for the first paint. */

/** The key store room's face. */
export type KeyStoreModule = typeof import('./index')

let loading: Promise<KeyStoreModule> | undefined

/** Loads the key store once; a failed load (offline before the chunk was cached) is retried at the next call. */
export function loadKeyStore(): Promise<KeyStoreModule> {
  loading ??= import('./index').catch((cause: unknown) => {
    loading = undefined
    throw cause
  })
  return loading
}
