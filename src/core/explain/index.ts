/** Teaching mode: a step-by-step walkthrough of how a JWS is encoded and signed. */
export { explainToken } from './explain-token'
export type { ExplainErrorCode } from './explain-token'
export { BASE64URL_ALPHABET, base64urlGroups, DEFAULT_GROUP_LIMIT } from './base64-groups'
export type { Base64Group, Base64GroupTable } from './base64-groups'
export type { ExplainStep, ExplainStepId, ExplainValue } from './types'
export { memberAtEncodedOffset, memberAtTextOffset, memberEncodedRange } from './member-range'
