/**
 * The SD-JWT room's face (RFC 9901 and SD-JWT VC): splitting, processing, verifying, issuing and
 * presenting. The app loads this room on demand (see `loadSdJwt` in the core's face); only
 * `splitSdJwt` and `looksLikeSdJwt` are small enough for first paint and are exported there directly.
 */
export { looksLikeSdJwt, splitSdJwt } from './split'
export { MAX_DEPTH, MAX_DISCLOSURES } from './limits'
export { NEVER_DISCLOSABLE_VC_CLAIMS, processSdJwt, SD_HASHES } from './process'
export { issueSdJwt, MAX_DECOYS } from './issue'
export { parentDisclosures, presentSdJwt } from './present'
export { DEFAULT_KB_CLOCK_SKEW, DEFAULT_KB_MAX_IAT_AGE, sdHashInput, verifySdJwt } from './verify'
export type {
  ClaimVisibility,
  DisclosablePointer,
  Disclosure,
  DisclosureContent,
  IssuedSdJwt,
  KeyBindingExpectation,
  ProcessedClaim,
  ProcessedSdJwt,
  SdJwtCheck,
  SdJwtCheckId,
  SdJwtErrorCode,
  SdJwtForm,
  SdJwtIssueInput,
  SdJwtParts,
  SdJwtPresentInput,
  SdJwtSpan,
  SdJwtVerification,
  SdJwtVerifyInput,
  UndisclosedDigest,
} from './types'
