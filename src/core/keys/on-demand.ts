import type { SignatureImplementation } from './signature-implementation'

/** The module of the curves WebCrypto lacks (secp256k1, Ed448). */
export type CurveModule = typeof import('./noble-curves')

/** The module of ML-DSA (RFC 9964), which WebCrypto lacks in shipping browsers. */
export type MlDsaModule = typeof import('./ml-dsa')

/**
 * A module loaded at first use: it stays out of the first-paint JavaScript, and a page that never
 * needs it never loads it. A failed load (offline before it was cached) is retried at the next use.
 */
function loader<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined
  return () => {
    loading ??= load().catch((cause: unknown) => {
      loading = undefined
      throw cause
    })
    return loading
  }
}

/** The curve module (ES256K, Ed448), loaded at first use. */
export const loadCurves: () => Promise<CurveModule> = loader(() => import('./noble-curves'))

/** The ML-DSA module (ML-DSA-44/65/87), loaded at first use. */
export const loadMlDsa: () => Promise<MlDsaModule> = loader(() => import('./ml-dsa'))

/** A {@link SignatureImplementation} whose code is in a module loaded when first used. */
function deferred(implementation: () => Promise<SignatureImplementation>): SignatureImplementation {
  return {
    importKey: async (material, usage) => (await implementation()).importKey(material, usage),
    sign: async (key, data) => (await implementation()).sign(key, data),
    verify: async (key, signature, data) => (await implementation()).verify(key, signature, data),
    generatePair: async (options) => {
      const generate = (await implementation()).generatePair
      if (generate === undefined) throw new Error('this algorithm generates no key pairs')
      return generate(options)
    },
  }
}

/** An implementation in the curve module, loaded when first used. */
export function onDemand(pick: (module: CurveModule) => SignatureImplementation): SignatureImplementation {
  return deferred(async () => pick(await loadCurves()))
}

/** An implementation in the ML-DSA module, loaded when first used. */
export function mlDsaOnDemand(pick: (module: MlDsaModule) => SignatureImplementation): SignatureImplementation {
  return deferred(async () => pick(await loadMlDsa()))
}
