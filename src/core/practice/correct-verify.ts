import { isJsonObject } from '../json-object'
import { decodeToken, verifyToken } from '../token'
import type { DecodedToken, JsonValue, ParsedKey } from '../types'
import type { PracticeEnv, PracticeResult } from './types'

/** The algorithms the practice server accepts, each bound to one of its keys. */
export const SERVER_ALGORITHMS: readonly string[] = ['HS256', 'RS256', 'ES256']

/** A decoded token whose header and payload are JSON objects. */
export interface ReadToken {
  readonly decoded: DecodedToken
  readonly header: { readonly [name: string]: JsonValue }
  readonly payload: { readonly [name: string]: JsonValue }
}

/** Decodes a token for the practice verifiers, or gives the rejection. */
export function readToken(token: string): ReadToken | PracticeResult {
  const decoded = decodeToken(token.trim())
  if (decoded.kind !== 'jws' || decoded.header === null || decoded.payload === null || decoded.signature === null) {
    return reject('The token is not a signed JWT of three parts (header.payload.signature).')
  }
  const header = decoded.header.value
  if (!isJsonObject(header)) return reject('The token header is not a JSON object.')
  const payload = decoded.payload.value
  if (!isJsonObject(payload)) return reject('The token payload is not a JSON object.')
  return { decoded, header, payload }
}

/** A rejection verdict. */
export function reject(reason: string): PracticeResult {
  return { accepted: false, reason }
}

/** The server's key for one of {@link SERVER_ALGORITHMS}. */
function serverKey(alg: string, env: PracticeEnv): ParsedKey | undefined {
  return alg === 'HS256' ? env.hmacKey : alg === 'RS256' ? env.rsaPublicKey : alg === 'ES256' ? env.ecPublicKey : undefined
}

/**
 * What a careful server does: the algorithm must be exactly one of HS256, RS256 or ES256, each
 * checked with its own server key (never a key named or carried by the token) through the regular
 * verifier, and `exp` must be present and in the future. It rejects every token the attack lab
 * crafts. Never throws.
 */
export async function correctVerify(token: string, env: PracticeEnv): Promise<PracticeResult> {
  const read = readToken(token)
  if (!('decoded' in read)) return read
  const signature = await checkServerSignature(read, env)
  if (signature !== undefined) return signature
  const expiry = checkExpiry(read.payload, env, true)
  if (expiry !== undefined) return expiry
  return { accepted: true, reason: `Accepted: the ${read.decoded.alg} signature is valid under the server's key and the token has not expired.`, claims: read.payload }
}

/** Checks the signature the correct way; undefined when it is valid, else the rejection. */
export async function checkServerSignature(read: ReadToken, env: PracticeEnv): Promise<PracticeResult | undefined> {
  const alg = read.header['alg']
  if (typeof alg !== 'string') return reject('The header has no "alg" string.')
  const key = serverKey(alg, env)
  if (key === undefined) {
    return reject(`The algorithm ${JSON.stringify(alg)} is not accepted: this server accepts only HS256, RS256 and ES256, each with its own key.`)
  }
  const verified = await verifyToken(read.decoded, { format: key.kty === 'oct' ? 'secret' : 'pem-spki', keys: [key], notes: [] })
  if (!verified.ok) return reject(verified.error.message)
  if (!verified.value.valid) return reject(`Invalid ${alg} signature: ${verified.value.reason ?? 'it does not match.'}`)
  return undefined
}

/**
 * Checks `exp` against the env's clock; undefined when fine. `required` rejects tokens without it.
 */
export function checkExpiry(payload: { readonly [name: string]: JsonValue }, env: PracticeEnv, required: boolean): PracticeResult | undefined {
  const exp = payload['exp']
  if (exp === undefined) return required ? reject('The token has no "exp" claim; this server requires an expiry time.') : undefined
  if (typeof exp !== 'number' && typeof exp !== 'bigint') return reject('The "exp" claim is not a number of seconds since 1970.')
  const now = env.now ?? Math.floor(Date.now() / 1000)
  if (Number(exp) <= now) return reject(`The token expired at ${describeTime(Number(exp))} ("exp": ${String(exp)}).`)
  return undefined
}

/** UTC ISO 8601 of a time in seconds, or the number when it is out of range. */
export function describeTime(seconds: number): string {
  const ms = seconds * 1000
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString().replace('.000Z', 'Z') : String(seconds)
}
