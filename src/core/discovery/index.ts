/** The discovery room: plan the exact requests, then make them only when asked. */
export { discoveryPlan } from './plan'
export { fetchKeys } from './fetch-keys'
export { checkDiscoveryUrl } from './url-policy'
export type { DiscoveryErrorCode, DiscoveryPlan, DiscoveryStep, DiscoverySource, FetchedKeys, FetchKeysOptions, FetchLike } from './types'
