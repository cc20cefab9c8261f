import { MAX_STORABLE_TOKEN_LENGTH, SECRET_ENCODINGS, SIGNING_ALGORITHMS, classifyKeyText, tokenStorageDecision, type TokenOrigin } from '../core'
import { THEMES, type AppState } from './app-state'
import { tokenOriginOf } from './token-slice'

/**
 * Storage key and schema version of the persisted state. Bump the version and extend `migrate` on
 * change. Version 2: tokens are credentials (stored only when not live, or with the opt-in) and key
 * privacy is decided by parsing; migrating a version 1 entry rewrites it under those rules.
 */
export const STORAGE_KEY = 'jwt-lab:v1'
export const STORAGE_VERSION = 2

/** Reads one stored value: the value when it is well typed, else `undefined` (dropped). */
type Field<T> = (raw: unknown) => T | undefined

const text: Field<string> = (raw) => (typeof raw === 'string' ? raw : undefined)
const flag: Field<boolean> = (raw) => (typeof raw === 'boolean' ? raw : undefined)
const seconds: Field<number> = (raw) => (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? raw : undefined)
const oneOf = <T extends string>(values: readonly T[]): Field<T> => (raw) =>
  typeof raw === 'string' && (values as readonly string[]).includes(raw) ? (raw as T) : undefined
const challengeIds: Field<string[]> = (raw) => (Array.isArray(raw) ? sanitizeChallengeIds(raw) : undefined)

/**
 * Every field that may be written to localStorage, with how a stored value is read back: the one
 * list of persisted fields. `tokenOrigin` is not state: it records whether the stored token was an
 * example, so a restored example stays storable. Session-only by design (never listed, whatever the
 * opt-in): the JWE inputs `decryptionKey`, `decryptionEncoding`, `envelope` (an encrypted token and its
 * key), `recipientKey`, `recipientEncoding`, `encryptionAlg` and `encryptionEnc`.
 */
const FIELDS = {
  token: text,
  tokenOrigin: oneOf<TokenOrigin>(['example', 'user']),
  verificationKey: text,
  secretEncoding: oneOf(SECRET_ENCODINGS),
  signingKey: text,
  signingEncoding: oneOf(SECRET_ENCODINGS),
  algorithm: oneOf([...SIGNING_ALGORITHMS, 'none']),
  rememberSecrets: flag,
  expectedIssuer: text,
  expectedAudience: text,
  clockSkewSeconds: seconds,
  allowedAlgorithms: text,
  theme: oneOf(THEMES),
  solvedChallenges: challengeIds,
} satisfies { readonly [K in keyof AppState]?: Field<AppState[K]> } & { readonly tokenOrigin: Field<TokenOrigin> }

type FieldName = keyof typeof FIELDS
const FIELD_NAMES = Object.keys(FIELDS) as FieldName[]

/** Fields whose storing the rules in {@link partializeState} decide; every other field is always kept. */
const GUARDED = ['token', 'tokenOrigin', 'verificationKey', 'signingKey'] as const satisfies readonly FieldName[]
const ALWAYS_KEPT = FIELD_NAMES.filter((f): f is Exclude<FieldName, (typeof GUARDED)[number]> => !(GUARDED as readonly string[]).includes(f))

/** The subset of state that may be written to localStorage. */
export type PersistedState = Partial<Pick<AppState, Exclude<FieldName, 'tokenOrigin'>>> & {
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
  const out: Record<string, unknown> = {}
  for (const f of ALWAYS_KEPT) out[f] = s[f]
  if (s.token.length <= MAX_STORABLE_TOKEN_LENGTH && (s.rememberSecrets || tokenIsStorable(s.token, origin))) {
    out.token = s.token
    out.tokenOrigin = origin
  }
  if (s.rememberSecrets || keyIsStorable(s.verificationKey)) out.verificationKey = s.verificationKey
  if (s.rememberSecrets) out.signingKey = s.signingKey
  return out as PersistedState
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

/**
 * Keeps only well-typed fields of whatever was stored, so a corrupt or tampered entry can never put
 * the app into a state it cannot render.
 */
export function sanitizePersisted(raw: unknown): PersistedState {
  if (!isRecord(raw)) return {}
  const out: Record<string, unknown> = {}
  for (const f of FIELD_NAMES) {
    const value = Object.hasOwn(raw, f) ? FIELDS[f](raw[f]) : undefined
    if (value !== undefined) out[f] = value
  }
  return out as PersistedState
}

/**
 * Names of stored fields that {@link sanitizePersisted} had to drop (wrong type or unknown value),
 * or `['state']` when the stored state is not an object at all. Unknown extra fields are ignored.
 */
export function droppedFields(raw: unknown, sanitized: PersistedState): string[] {
  if (!isRecord(raw)) return ['state']
  return FIELD_NAMES.filter((f) => f in raw && !(f in sanitized))
}

/** Practice progress holds challenge ids only: short kebab-case names, each once, a bounded number. */
const challengeId = /^[a-z0-9][a-z0-9-]{0,63}$/
const MAX_SOLVED = 100

/** Keeps the well-formed challenge ids of a stored progress list (anything else is dropped). */
export function sanitizeChallengeIds(raw: readonly unknown[]): string[] {
  const ids = raw.filter((id): id is string => typeof id === 'string' && challengeId.test(id))
  return [...new Set(ids)].slice(0, MAX_SOLVED)
}
