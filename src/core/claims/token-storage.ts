import { decodeToken } from '../token'

/** Where the token in the box came from: a built-in example (public demo data) or the user. */
export type TokenOrigin = 'example' | 'user'

/** Why a token may or may not be stored without the user's opt-in. */
export type TokenStorageCode =
  | 'TOKEN_EMPTY'
  | 'TOKEN_EXAMPLE'
  | 'TOKEN_UNSIGNED'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_LIVE'
  | 'TOKEN_NO_EXPIRY'
  | 'TOKEN_ENCRYPTED'
  | 'TOKEN_UNREADABLE'
  | 'TOKEN_TOO_LONG'

/** The decision of {@link tokenStorageDecision}. */
export interface TokenStorageDecision {
  /** True when the token may be written to storage without the user's opt-in. */
  readonly storable: boolean
  readonly code: TokenStorageCode
  /** Plain words for the settings and the live-credential reminder. */
  readonly reason: string
}

/** Options of {@link tokenStorageDecision}. */
export interface TokenStorageOptions {
  readonly origin: TokenOrigin
  /** The current time in seconds since the epoch. */
  readonly now: number
}

/** Tokens longer than this are not examined (and never stored: storage quotas are a few MB). */
export const MAX_STORABLE_TOKEN_LENGTH = 256 * 1024

const OPT_IN = 'it is kept on this device only when "Remember tokens and secrets" is ticked'

/**
 * Decides whether a token may be stored without the user's opt-in. A token is a bearer
 * credential: whoever holds a valid one can use it. So only tokens nobody can use are stored
 * freely: the built-in examples, unsigned tokens (`alg: none` or an empty signature) and tokens
 * whose numeric `exp` has passed at `now`. A signed token that is not expired, or has no readable
 * `exp`, an encrypted token and text that is not a readable token at all (it may be an opaque
 * credential) are stored only with the opt-in. Never throws; linear in the token length.
 */
export function tokenStorageDecision(token: string, options: TokenStorageOptions): TokenStorageDecision {
  const text = String(token)
  if (text.trim() === '') return { storable: true, code: 'TOKEN_EMPTY', reason: 'There is no token.' }
  if (options.origin === 'example') {
    return { storable: true, code: 'TOKEN_EXAMPLE', reason: 'The token is a built-in example (public demo data), so it is kept on this device.' }
  }
  if (text.length > MAX_STORABLE_TOKEN_LENGTH) {
    return { storable: false, code: 'TOKEN_TOO_LONG', reason: 'The token is longer than 256 KB, too long to keep on this device; it stays in this tab only.' }
  }
  const decoded = decodeToken(text)
  if (decoded.kind === 'jwe') {
    return { storable: false, code: 'TOKEN_ENCRYPTED', reason: `The token is encrypted (JWE), so whether it is still valid cannot be told; ${OPT_IN}.` }
  }
  if (decoded.kind !== 'jws') {
    return { storable: false, code: 'TOKEN_UNREADABLE', reason: `The text is not a readable signed token, and may be some other credential; ${OPT_IN}.` }
  }
  const unsigned = (decoded.alg !== undefined && decoded.alg.toLowerCase() === 'none') || decoded.signature === null || decoded.signature.encoded === ''
  if (unsigned) {
    return { storable: true, code: 'TOKEN_UNSIGNED', reason: 'The token is unsigned, so no verifier that checks signatures accepts it; it is kept on this device.' }
  }
  const payload = decoded.payload?.kind === 'json' ? decoded.payload : undefined
  const value = payload?.value
  const exp = typeof value === 'object' && value !== null && !Array.isArray(value) ? value.exp : undefined
  // A repeated "exp" is read differently by different parsers (first or last wins): fail closed.
  const expCount = payload === undefined ? 0 : payload.members.filter((m) => m.name === 'exp').length
  const expSeconds = typeof exp === 'number' && Number.isFinite(exp) ? exp : typeof exp === 'bigint' ? Number(exp) : undefined
  if (expSeconds === undefined || expCount > 1) {
    const what = expCount > 1 ? 'more than one expiry ("exp")' : 'no readable expiry ("exp")'
    return { storable: false, code: 'TOKEN_NO_EXPIRY', reason: `The token is signed and has ${what}, so it may still be valid; ${OPT_IN}.` }
  }
  if (expSeconds <= options.now) {
    return { storable: true, code: 'TOKEN_EXPIRED', reason: 'The token has expired, so it is kept on this device.' }
  }
  return { storable: false, code: 'TOKEN_LIVE', reason: `The token is signed and not expired: it is a live credential; ${OPT_IN}.` }
}
