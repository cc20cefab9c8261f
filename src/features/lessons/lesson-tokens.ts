import { base64urlEncode, parseKey, signToken, type GeneratedKey, type JwsAlgorithm, type Result } from '../../core'
import { generateKeyInWorker } from '../../workers/keygen-client'

/**
 * The lessons' HMAC secret. It is published with the app, so it protects nothing: it exists only so
 * the lesson tokens verify. 46 bytes, above the 32 that RFC 7518 §3.2 requires for HS256.
 */
export const LESSON_SECRET = 'jwt-lab-lesson-secret-never-use-this-for-real'

/** Claims of the lesson token (2026-01-01 to 2100-01-01). */
export const LESSON_CLAIMS = '{"sub":"student-42","name":"Ada Lovelace","admin":false,"iat":1767225600,"exp":4102444800}'

/** Claims of the expiry lesson: issued 2030-01-01T00:00:00Z, valid for one hour. */
export const EXPIRY_CLAIMS = '{"sub":"student-42","iat":1893456000,"exp":1893459600}'

/** The instants the expiry lesson moves the clock to. */
export const EXPIRY_TIMES = {
  /** Half-way through the token's hour. */
  during: '2030-01-01T00:30:00.000Z',
  /** 30 seconds after `exp`. */
  justAfter: '2030-01-01T01:00:30.000Z',
} as const

/** Signs `payload` with `alg` and the key text (core `parseKey` + `signToken`); the header is `{"alg","typ":"JWT"}`. */
export async function signLessonToken(payload: string, alg: JwsAlgorithm, keyText: string): Promise<Result<string>> {
  const header = JSON.stringify({ alg, typ: 'JWT' })
  if (alg === 'none') {
    const signed = await signToken({ header, payload, alg, key: null })
    return signed.ok ? { ok: true, value: signed.value.token } : signed
  }
  const parsed = await parseKey(keyText, { encoding: 'utf8' })
  if (!parsed.ok) return parsed
  const key = parsed.value.keys[0]
  if (key === undefined) return { ok: false, error: { code: 'NO_KEY', message: 'The lesson key holds no usable key.' } }
  const signed = await signToken({ header, payload, alg, key })
  return signed.ok ? { ok: true, value: signed.value.token } : signed
}

let rsaKey: Promise<Result<GeneratedKey>> | null = null

/**
 * The lessons' RSA key pair, generated once per page in the key worker (WebCrypto, nothing is
 * downloaded), so the page stays responsive meanwhile. A failed generation is not kept: the next
 * step asks again.
 */
export function lessonRsaKey(): Promise<Result<GeneratedKey>> {
  const pending = (rsaKey ??= generateKeyInWorker('RS256', { modulusLength: 2048 }))
  void pending.then((result) => {
    if (!result.ok && rsaKey === pending) rsaKey = null
  })
  return pending
}

/**
 * The token with its payload replaced by `payload` (encoded exactly as given) and its header and
 * signature kept: what an attacker who edits a token without the key produces.
 */
export function withPayload(token: string, payload: string): string {
  const [header = '', , signature = ''] = token.split('.')
  return `${header}.${base64urlEncode(payload)}.${signature}`
}

/** The token turned into an unsecured one: header `{"alg":"none","typ":"JWT"}`, same payload, empty signature. */
export function withAlgNone(token: string): string {
  const [, payload = ''] = token.split('.')
  return `${base64urlEncode('{"alg":"none","typ":"JWT"}')}.${payload}.`
}
