/** DPoP (RFC 9449): checking and creating proof-of-possession JWTs. */
export { checkDpopProof, DEFAULT_DPOP_MAX_AGE, type DpopCheck, type DpopCheckId, type DpopCheckInput } from './check-proof'
export { createDpopProof, type CreateDpopErrorCode, type CreateDpopProofInput } from './create-proof'
export type { HtuErrorCode } from './htu'
