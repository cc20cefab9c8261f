/** Claims: the registered-claim catalogue, vendor claim dictionaries, editor schemas, times, the verifier policy and what may be stored. */
export { describeMember, type MemberContext } from './catalogue'
export { recogniseIssuer } from './vendors'
export type { MemberDescription, RecognisedIssuer, VendorId, VendorNote } from './vendors/types'
export { headerJsonSchema, memberMarkdown, payloadJsonSchema, type ClaimJsonSchema, type ClaimPropertySchema } from './json-schema'
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
