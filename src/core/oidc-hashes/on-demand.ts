/** The OpenID Connect hash checks as a module loaded at first use (Ed448's SHAKE256 is not first-paint weight). */

/** The OpenID Connect hash room's face. */
export type OidcHashesModule = typeof import('./index')

let loading: Promise<OidcHashesModule> | undefined

/** Loads the hash checks once; a failed load (offline before the chunk was cached) is retried at the next call. */
export function loadOidcHashes(): Promise<OidcHashesModule> {
  loading ??= import('./index').catch((cause: unknown) => {
    loading = undefined
    throw cause
  })
  return loading
}
