/** Teaching mode: a step-by-step walkthrough of how a JWS is encoded and signed. */
export { explainToken, type ExplainErrorCode } from './explain-token'
export type { Base64Group, Base64GroupTable } from './base64-groups'
export type { ExplainStep, ExplainStepId, ExplainValue } from './types'
export { memberAtEncodedOffset, memberAtTextOffset, memberEncodedRange } from './member-range'
