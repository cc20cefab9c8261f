import { MAX_STORABLE_TOKEN_LENGTH, classifyKeyText, tokenStorageDecision, type TokenOrigin } from '../core'
import type { AppState } from './app-store'
import { tokenOriginOf } from './token-slice'

/**
 * Storage key and schema version of the persisted state. Bump the version and extend `migrate` on
 * change. Version 2: tokens are credentials (stored only when not live, or with the opt-in) and key
 * privacy is decided by parsing; migrating a version 1 entry rewrites it under those rules.
 */
export const STORAGE_KEY = 'jwt-lab:v1'
export const STORAGE_VERSION = 2

/** The subset of state that may be written to localStorage. */
export type PersistedState = Partial<
  Pick<
    AppState,
    | 'token'
    | 'verificationKey'
    | 'secretEncoding'
    | 'signingKey'
    | 'signingEncoding'
    | 'algorithm'
    | 'rememberSecrets'
    | 'expectedIssuer'
    | 'expectedAudience'
    | 'clockSkewSeconds'
    | 'allowedAlgorithms'
    | 'theme'
    | 'solvedChallenges'
  >
> & {
  /** Where the stored token came from (`example` lets a restored example stay storable). */
  tokenOrigin?: TokenOrigin
}

/** Whether text may be stored without the opt-in is decided by parsing; memoised for the last text. */
let lastKey: { text: string; isPublic: boolean } | null = null
let lastToken: { token: string; origin: TokenOrigin; now: number; storable: boolean } | null = null

function keyIsStorable(text: string): boolean {
  if (lastKey === null || lastKey.text !== text) lastKey = { text, isPublic: classifyKeyText(text).kind !== 'secret' }
  return lastKey.isPublic
}

// The decision depends on the clock (a live token expires): it is reused within the same second only.
function tokenIsStorable(token: string, origin: TokenOrigin): boolean {
  const now = Math.floor(Date.now() / 1000)
  if (lastToken === null || lastToken.token !== token || lastToken.origin !== origin || lastToken.now !== now) {
    lastToken = { token, origin, now, storable: tokenStorageDecision(token, { origin, now }).storable }
  }
  return lastToken.storable
}

/** Drops the memo of the last decisions (it holds the last token and key text). */
export function clearPersistMemo(): void {
  lastKey = null
  lastToken = null
}

/**
 * Picks what may be stored. Without the opt-in ("Remember tokens and secrets on this device"):
 * the token only when {@link tokenStorageDecision} allows it (an example, unsigned or expired), the
 * verification key only when {@link classifyKeyText} finds public key material, never the signing
 * key. Settings, policy inputs and practice progress are always kept. Tokens over 256 KB never are.
 */
export function partializeState(s: AppState): PersistedState {
  const origin = tokenOriginOf(s)
  const out: PersistedState = {
    secretEncoding: s.secretEncoding,
    signingEncoding: s.signingEncoding,
    algorithm: s.algorithm,
    rememberSecrets: s.rememberSecrets,
    expectedIssuer: s.expectedIssuer,
    expectedAudience: s.expectedAudience,
    clockSkewSeconds: s.clockSkewSeconds,
    allowedAlgorithms: s.allowedAlgorithms,
    theme: s.theme,
    solvedChallenges: s.solvedChallenges,
  }
  if (s.token.length <= MAX_STORABLE_TOKEN_LENGTH && (s.rememberSecrets || tokenIsStorable(s.token, origin))) {
    out.token = s.token
    out.tokenOrigin = origin
  }
  if (s.rememberSecrets || keyIsStorable(s.verificationKey)) out.verificationKey = s.verificationKey
  if (s.rememberSecrets) out.signingKey = s.signingKey
  return out
}

/**
 * Turns what was read from storage into state: the stored origin becomes the example marker, and
 * the rules of {@link partializeState} are applied again, so that whatever an older version (or a
 * tampered entry) kept against them is not restored.
 */
export function restoredState(stored: PersistedState): Partial<AppState> {
  const { tokenOrigin, ...fields } = stored
  const out: Partial<AppState> = { ...fields }
  const origin: TokenOrigin = tokenOrigin === 'example' ? 'example' : 'user'
  if (origin === 'example' && fields.token !== undefined) out.exampleToken = fields.token
  if (fields.rememberSecrets !== true) {
    if (fields.token !== undefined && !tokenStorageDecision(fields.token, { origin, now: Date.now() / 1000 }).storable) {
      delete out.token
      delete out.exampleToken
    }
    if (fields.verificationKey !== undefined && classifyKeyText(fields.verificationKey).kind === 'secret') delete out.verificationKey
    delete out.signingKey
  }
  return out
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const stringFields = ['token', 'verificationKey', 'signingKey', 'expectedIssuer', 'expectedAudience', 'allowedAlgorithms'] as const
const encodings = ['utf8', 'base64url', 'base64', 'hex']
const themes = ['system', 'light', 'dark']
const algorithms = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519', 'none']

/**
 * Keeps only well-typed fields of whatever was stored, so a corrupt or tampered entry can never put
 * the app into a state it cannot render.
 */
export function sanitizePersisted(raw: unknown): PersistedState {
  if (!isRecord(raw)) return {}
  const out: Record<string, unknown> = {}
  for (const f of stringFields) if (typeof raw[f] === 'string') out[f] = raw[f]
  if (typeof raw.secretEncoding === 'string' && encodings.includes(raw.secretEncoding)) out.secretEncoding = raw.secretEncoding
  if (typeof raw.signingEncoding === 'string' && encodings.includes(raw.signingEncoding)) out.signingEncoding = raw.signingEncoding
  if (typeof raw.algorithm === 'string' && algorithms.includes(raw.algorithm)) out.algorithm = raw.algorithm
  if (typeof raw.theme === 'string' && themes.includes(raw.theme)) out.theme = raw.theme
  if (typeof raw.rememberSecrets === 'boolean') out.rememberSecrets = raw.rememberSecrets
  if (raw.tokenOrigin === 'example' || raw.tokenOrigin === 'user') out.tokenOrigin = raw.tokenOrigin
  if (typeof raw.clockSkewSeconds === 'number' && Number.isFinite(raw.clockSkewSeconds) && raw.clockSkewSeconds >= 0) {
    out.clockSkewSeconds = raw.clockSkewSeconds
  }
  if (Array.isArray(raw.solvedChallenges)) out.solvedChallenges = sanitizeChallengeIds(raw.solvedChallenges)
  return out as PersistedState
}

/**
 * Names of stored fields that {@link sanitizePersisted} had to drop (wrong type or unknown value),
 * or `['state']` when the stored state is not an object at all. Unknown extra fields are ignored.
 */
export function droppedFields(raw: unknown, sanitized: PersistedState): string[] {
  if (!isRecord(raw)) return ['state']
  const known = [...stringFields, 'secretEncoding', 'signingEncoding', 'algorithm', 'theme', 'rememberSecrets', 'clockSkewSeconds', 'solvedChallenges', 'tokenOrigin']
  return known.filter((f) => f in raw && !(f in sanitized))
}

/** Practice progress holds challenge ids only: short kebab-case names, each once, a bounded number. */
const challengeId = /^[a-z0-9][a-z0-9-]{0,63}$/
const MAX_SOLVED = 100

/** Keeps the well-formed challenge ids of a stored progress list (anything else is dropped). */
export function sanitizeChallengeIds(raw: readonly unknown[]): string[] {
  const ids = raw.filter((id): id is string => typeof id === 'string' && challengeId.test(id))
  return [...new Set(ids)].slice(0, MAX_SOLVED)
}
