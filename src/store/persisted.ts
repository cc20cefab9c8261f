import type { AppState } from './app-store'

/** Storage key and schema version of the persisted state. Bump the version and extend `migrate` on change. */
export const STORAGE_KEY = 'jwt-lab:v1'
export const STORAGE_VERSION = 1

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
>

const privateJwkMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth']

/**
 * True when the text is public key material only (a public PEM, a certificate, or a JWK/JWKS without
 * private members). Anything else — an HMAC secret, a private key, text we cannot classify — counts as
 * secret and is persisted only when the user opted in.
 */
export function isPublicKeyText(text: string): boolean {
  const t = text.trim()
  if (t === '') return true
  if (t.startsWith('-----BEGIN')) {
    const labels = [...t.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1])
    return labels.length > 0 && labels.every((l) => l === 'PUBLIC KEY' || l === 'RSA PUBLIC KEY' || l === 'CERTIFICATE')
  }
  if (t.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(t)
      const keys = isRecord(parsed) && Array.isArray(parsed.keys) ? parsed.keys : [parsed]
      return keys.every((k) => isRecord(k) && typeof k.kty === 'string' && k.kty !== 'oct' && !privateJwkMembers.some((m) => m in k))
    } catch {
      return false
    }
  }
  return false
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Picks what may be stored: secrets and private keys only when the user ticked "Remember secrets". */
export function partializeState(s: AppState): PersistedState {
  const out: PersistedState = {
    token: s.token.length <= 256 * 1024 ? s.token : '',
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
  if (s.rememberSecrets || isPublicKeyText(s.verificationKey)) out.verificationKey = s.verificationKey
  if (s.rememberSecrets) out.signingKey = s.signingKey
  return out
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
  const known = [...stringFields, 'secretEncoding', 'signingEncoding', 'algorithm', 'theme', 'rememberSecrets', 'clockSkewSeconds', 'solvedChallenges']
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
