/** RFC 8693 delegation: reading `act` chains, checking multi-hop call chains, and token exchange. */
export { delegationChain, MAX_ACTORS } from './chain'
export type { DelegationChain, DelegationErrorCode, DelegationParty, MayActCheck, PartyRole } from './chain'
export { compareHops, HOP_CHECK_PREVENTS, MAX_HOP_TOKENS, MIN_HOP_TOKENS } from './hops'
export type { CompareHopsOptions, HopCheck, HopCheckId } from './hops'
export { DEFAULT_EXCHANGE_LIFETIME, exchangeToken } from './exchange'
export type { ExchangeErrorCode, ExchangeInput } from './exchange'
