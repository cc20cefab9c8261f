import type { SignatureImplementation } from './signature-implementation'

/** The module of the curves WebCrypto lacks (secp256k1, Ed448). */
export type CurveModule = typeof import('./noble-curves')

let loading: Promise<CurveModule> | undefined

/**
 * The curve module, loaded at first use: it stays out of the first-paint JavaScript, and a page
 * that never meets ES256K or Ed448 never loads it. A failed load (offline before it was cached) is
 * retried at the next use.
 */
export function loadCurves(): Promise<CurveModule> {
  loading ??= import('./noble-curves').catch((cause: unknown) => {
    loading = undefined
    throw cause
  })
  return loading
}

/** A {@link SignatureImplementation} whose code is in the curve module, loaded when first used. */
export function onDemand(pick: (module: CurveModule) => SignatureImplementation): SignatureImplementation {
  const implementation = async () => pick(await loadCurves())
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
