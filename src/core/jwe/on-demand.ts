/** The JWE room as a module loaded at first use, so first-paint JavaScript does not carry it. */

/** The JWE room's face. */
export type JweModule = typeof import('./index')

let loading: Promise<JweModule> | undefined

/**
 * Loads the JWE room (decryption and its shapes) once; later calls share the same promise. A failed
 * load (offline before the chunk was cached) is retried at the next call.
 */
export function loadJwe(): Promise<JweModule> {
  loading ??= import('./index').catch((cause: unknown) => {
    loading = undefined
    throw cause
  })
  return loading
}
