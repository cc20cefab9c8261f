/** DPoP (RFC 9449): checking and creating proof-of-possession JWTs. */
export { checkDpopProof, DEFAULT_DPOP_CLOCK_SKEW, DEFAULT_DPOP_MAX_AGE, DPOP_CHECK_ORDER } from './check-proof'
export type { DpopCheck, DpopCheckId, DpopCheckInput } from './check-proof'
export { createDpopProof } from './create-proof'
export type { CreateDpopErrorCode, CreateDpopProofInput } from './create-proof'
export { accessTokenHash } from './ath'
export { normaliseHtu } from './htu'
export type { HtuErrorCode } from './htu'
