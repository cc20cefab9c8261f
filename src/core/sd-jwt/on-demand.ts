/** The SD-JWT room as a module loaded at first use, so first-paint JavaScript does not carry it. */

/** The SD-JWT room's face. */
export type SdJwtModule = typeof import('./index')

let loading: Promise<SdJwtModule> | undefined

/**
 * Loads the SD-JWT room (processing, verification, issuing and presenting) once; later calls share
 * the same promise. A failed load (offline before the chunk was cached) is retried at the next call.
 */
export function loadSdJwt(): Promise<SdJwtModule> {
  loading ??= import('./index').catch((cause: unknown) => {
    loading = undefined
    throw cause
  })
  return loading
}
