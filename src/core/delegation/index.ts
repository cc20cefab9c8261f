/** RFC 8693 delegation: reading `act` chains, checking multi-hop call chains, and token exchange. */
export { delegationChain, type DelegationChain, type DelegationErrorCode, type DelegationParty, type MayActCheck, type PartyRole } from './chain'
export { compareHops, MAX_HOP_TOKENS, MIN_HOP_TOKENS, type CompareHopsOptions, type HopCheck, type HopCheckId } from './hops'
export { DEFAULT_EXCHANGE_LIFETIME, exchangeToken, type ExchangeErrorCode, type ExchangeInput } from './exchange'
