/** Claims: the registered-claim catalogue, editor schemas, times, the verifier policy and what may be stored. */
export { describeMember } from './catalogue'
export { headerJsonSchema, payloadJsonSchema, type ClaimJsonSchema, type ClaimPropertySchema } from './json-schema'
export { liveCredentialHint, type LiveCredentialHint } from './live-credential'
export { checkPolicy } from './policy'
export { describeTime, formatDuration, isoFromSeconds, type TimeInfo } from './time'
export {
  MAX_STORABLE_TOKEN_LENGTH,
  tokenStorageDecision,
  type TokenOrigin,
  type TokenStorageCode,
  type TokenStorageDecision,
  type TokenStorageOptions,
} from './token-storage'
