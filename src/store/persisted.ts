import { MAX_STORABLE_TOKEN_LENGTH, SECRET_ENCODINGS, SIGNING_ALGORITHMS, classifyKeyText, tokenStorageDecision, type KeyStoreEntry, type TokenOrigin } from '../core'
import { THEMES, type AppState } from './app-state'
import { MAX_ALLOWED_ISSUERS, isRememberableIssuer } from './discovery-slice'
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
const publicEntries: Field<KeyStoreEntry[]> = (raw) => (Array.isArray(raw) ? sanitizePublicEntries(raw) : undefined)
const issuers: Field<string[]> = (raw) => (Array.isArray(raw) ? sanitizeAllowedIssuers(raw) : undefined)

/**
 * Every field that may be written to localStorage, with how a stored value is read back: the one
 * list of persisted fields. `tokenOrigin` is not state: it records whether the stored token was an
 * example, so a restored example stays storable. Session-only by design (never listed, whatever the
 * opt-in): the JWE inputs `decryptionKey`, `decryptionEncoding`, `envelope` (an encrypted token and its
 * key), `recipientKey`, `recipientEncoding`, `encryptionAlg` and `encryptionEnc`. Of the key store, the
 * public entries are kept (each checked to be public key material) and the private ones only as
 * `keyStoreSealed`, the envelope sealed with the user's passphrase, and only with the opt-in.
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
  plainEditors: flag,
  solvedChallenges: challengeIds,
  keyEntries: publicEntries,
  keyStoreSealed: text,
  allowedIssuers: issuers,
} satisfies { readonly [K in keyof AppState]?: Field<AppState[K]> } & { readonly tokenOrigin: Field<TokenOrigin> }

type FieldName = keyof typeof FIELDS
const FIELD_NAMES = Object.keys(FIELDS) as FieldName[]

/** Fields whose storing the rules in {@link partializeState} decide; every other field is always kept. */
const GUARDED = ['token', 'tokenOrigin', 'verificationKey', 'signingKey', 'keyEntries', 'keyStoreSealed'] as const satisfies readonly FieldName[]
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
 * key, of the key store its public entries only (private keys are kept only sealed, and only with
 * the opt-in). Settings, policy inputs and practice progress are always kept. Tokens over 256 KB never are.
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
  out.keyEntries = s.keyEntries.filter(entryIsStorable)
  if (s.rememberSecrets && s.keyStoreSealed !== '') out.keyStoreSealed = s.keyStoreSealed
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
    delete out.keyStoreSealed
  }
  // Sealed keys come back locked: the passphrase that opens them is typed again, never stored.
  if (out.keyStoreSealed !== undefined && out.keyStoreSealed !== '') out.keyStoreLocked = true
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

/** Entries are examined once each: they are never changed, only replaced. */
const storableEntry = new WeakMap<KeyStoreEntry, boolean>()

function entryIsStorable(entry: KeyStoreEntry): boolean {
  let storable = storableEntry.get(entry)
  if (storable === undefined) {
    storable = entry.visibility === 'public' && classifyKeyText(entry.text).kind === 'public'
    storableEntry.set(entry, storable)
  }
  return storable
}

const MAX_STORED_KEYS = 100
const ENTRY_KTYS: readonly string[] = ['oct', 'RSA', 'EC', 'OKP', 'AKP']
const ENTRY_ORIGINS: readonly string[] = ['pasted', 'generated', 'discovered', 'file']
const shortText = (raw: unknown, max: number) => typeof raw === 'string' && raw.length <= max

/**
 * Keeps the stored key store entries that are well formed and public key material, decided by
 * parsing their key text (a private key under a `public` label is dropped), at most 100.
 */
export function sanitizePublicEntries(raw: readonly unknown[]): KeyStoreEntry[] {
  const out: KeyStoreEntry[] = []
  const ids = new Set<string>()
  for (const item of raw) {
    if (out.length >= MAX_STORED_KEYS) break
    if (typeof item !== 'object' || item === null || Array.isArray(item)) continue
    const e = item as Record<string, unknown>
    if (!shortText(e.id, 200) || !shortText(e.name, 100) || !shortText(e.kind, 100) || !shortText(e.thumbprint, 100) || !shortText(e.text, 64 * 1024)) continue
    if (!ENTRY_KTYS.includes(e.kty as string) || !ENTRY_ORIGINS.includes(e.origin as string) || e.visibility !== 'public') continue
    if ((e.kid !== undefined && !shortText(e.kid, 200)) || (e.alg !== undefined && !shortText(e.alg, 50))) continue
    if (ids.has(e.id as string) || classifyKeyText(e.text as string).kind !== 'public') continue
    ids.add(e.id as string)
    const { id, name, kty, kind, thumbprint, origin, text, kid, alg } = e as unknown as KeyStoreEntry
    out.push({ id, name, kty, kind, ...(alg === undefined ? {} : { alg }), ...(kid === undefined ? {} : { kid }), thumbprint, origin, visibility: 'public', text })
  }
  return out
}

/**
 * Keeps the stored allowed issuers that discovery may request (https, or http to a loopback host),
 * each once, at most {@link MAX_ALLOWED_ISSUERS}: a tampered list cannot make the page request
 * anything a token could not have asked for.
 */
export function sanitizeAllowedIssuers(raw: readonly unknown[]): string[] {
  return [...new Set(raw.filter(isRememberableIssuer))].slice(0, MAX_ALLOWED_ISSUERS)
}

/** Practice progress holds challenge ids only: short kebab-case names, each once, a bounded number. */
const challengeId = /^[a-z0-9][a-z0-9-]{0,63}$/
const MAX_SOLVED = 100

/** Keeps the well-formed challenge ids of a stored progress list (anything else is dropped). */
export function sanitizeChallengeIds(raw: readonly unknown[]): string[] {
  const ids = raw.filter((id): id is string => typeof id === 'string' && challengeId.test(id))
  return [...new Set(ids)].slice(0, MAX_SOLVED)
}
