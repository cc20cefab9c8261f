import { checkDiscoveryUrl } from '../core'
import type { DiscoverySlice, SliceCreator } from './app-state'

/** A list that could grow without end would be a store that grows without end. */
export const MAX_ALLOWED_ISSUERS = 50

/**
 * Whether `issuer` may be remembered: a URL discovery may request (https, or http to a loopback
 * host, no credentials), kept as the token's `iss` spells it, since issuers are compared exactly.
 */
export function isRememberableIssuer(issuer: unknown): issuer is string {
  return typeof issuer === 'string' && issuer.trim() === issuer && checkDiscoveryUrl(issuer, 'issuer').ok
}

export const createDiscoverySlice: SliceCreator<DiscoverySlice> = (set) => ({
  allowedIssuers: [],
  allowIssuer: (issuer) => {
    if (!isRememberableIssuer(issuer)) return
    set((s) => (s.allowedIssuers.includes(issuer) ? {} : { allowedIssuers: [...s.allowedIssuers, issuer].slice(-MAX_ALLOWED_ISSUERS) }))
  },
  forgetAllowedIssuer: (issuer) => set((s) => ({ allowedIssuers: s.allowedIssuers.filter((i) => i !== issuer) })),
})
