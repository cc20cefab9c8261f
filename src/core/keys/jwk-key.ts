import { base64url } from 'jose'
import { err, ok, type Result } from '../result'
import type { JWK, ParsedKey } from '../types'
import { loadCurves, loadMlDsa } from './on-demand'
import { jwkThumbprint } from './thumbprint'
import { ed25519KeyProblem, rsaExponentProblem, rsaModulusProblem } from './weak-keys'

/** Error codes of {@link parsedKeyFromJwk}. */
export type JwkErrorCode =
  | 'JWK_NOT_OBJECT'
  | 'JWK_MISSING_MEMBER'
  | 'JWK_INVALID_MEMBER'
  | 'JWK_UNSUPPORTED_KTY'
  | 'JWK_UNSUPPORTED_CURVE'
  | 'JWK_INVALID'
  | 'KEY_WEAK'

/** JWK members that only private keys have. */
export const PRIVATE_MEMBERS: readonly string[] = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv']

const EC_SIZES: Readonly<Record<string, { bytes: number; bits: number }>> = {
  'P-256': { bytes: 32, bits: 256 },
  'P-384': { bytes: 48, bits: 384 },
  'P-521': { bytes: 66, bits: 521 },
  secp256k1: { bytes: 32, bits: 256 },
}

/** The OKP signing curves and their key sizes (RFC 8037: `x` and `d` have the same length). */
const OKP_SIZES: Readonly<Record<string, { bytes: number; bits: number }>> = {
  Ed25519: { bytes: 32, bits: 256 },
  Ed448: { bytes: 57, bits: 448 },
}

const BASE64URL = /^[A-Za-z0-9_-]*$/

/**
 * Turns one JWK (as parsed from JSON) into a {@link ParsedKey}: checks its members, derives the public
 * JWK of a private key, measures it and computes its RFC 7638 thumbprint. The key material is test-
 * imported with WebCrypto (secp256k1 and Ed448 keys: checked on their curve, the private key against
 * the public one) so that a broken key is reported here rather than at verification time.
 */
export async function parsedKeyFromJwk(value: unknown): Promise<Result<ParsedKey, JwkErrorCode>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err('JWK_NOT_OBJECT', `A JWK must be a JSON object, but this is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}. Paste a JWK like {"kty":"EC",…} or a JWKS like {"keys":[…]}.`)
  }
  const jwk = value as Record<string, unknown>
  if (jwk.kty === undefined) return missing('JWK', 'kty', 'Add "kty": "RSA", "EC", "OKP", "AKP" or "oct".')
  if (typeof jwk.kty !== 'string') return invalid('kty', 'must be a string ("RSA", "EC", "OKP", "AKP" or "oct")')
  for (const name of ['kid', 'alg', 'use'] as const) {
    if (jwk[name] !== undefined && typeof jwk[name] !== 'string') return invalid(name, 'must be a string')
  }
  const keyOps = keyOperations(jwk.key_ops)
  if (!keyOps.ok) return keyOps
  const kty = jwk.kty
  const isPrivate = kty === 'AKP' ? jwk.priv !== undefined : jwk.d !== undefined
  let bits: number | undefined
  let crv: string | undefined
  let secret: Uint8Array | undefined
  switch (kty) {
    case 'oct': {
      const k = member(jwk, 'oct', 'k')
      if (!k.ok) return k
      if (k.value.length === 0) return invalid('k', 'is empty; an HMAC secret needs at least one byte')
      secret = k.value
      bits = k.value.length * 8
      break
    }
    case 'RSA': {
      const n = member(jwk, 'RSA', 'n')
      if (!n.ok) return n
      const e = member(jwk, 'RSA', 'e')
      if (!e.ok) return e
      bits = bitLength(n.value)
      if (bits === 0) return invalid('n', 'is zero')
      const weak = rsaExponentProblem(e.value) ?? rsaModulusProblem(n.value)
      if (weak !== undefined) return weakKey(`The RSA key cannot be trusted: ${weak}. Use the issuer's real key`)
      if (isPrivate) {
        for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
          const part = member(jwk, 'RSA private', name, ' WebCrypto needs all of d, p, q, dp, dq and qi to use an RSA private key.')
          if (!part.ok) return part
        }
      }
      break
    }
    case 'EC': {
      if (jwk.crv === undefined) return missing('EC', 'crv', 'Add "crv": "P-256", "P-384" or "P-521".')
      if (typeof jwk.crv !== 'string') return invalid('crv', 'must be a string')
      const size = EC_SIZES[jwk.crv]
      if (size === undefined) {
        return err('JWK_UNSUPPORTED_CURVE', `The EC curve "${jwk.crv}" is not supported. JWS uses P-256 (ES256), P-384 (ES384), P-521 (ES512) and secp256k1 (ES256K).`)
      }
      crv = jwk.crv
      for (const name of isPrivate ? ['x', 'y', 'd'] : ['x', 'y']) {
        const part = member(jwk, 'EC', name)
        if (!part.ok) return part
        if (part.value.length !== size.bytes) return invalid(name, `is ${part.value.length} bytes, but ${crv} needs exactly ${size.bytes}`)
      }
      bits = size.bits
      break
    }
    case 'OKP': {
      if (jwk.crv === undefined) return missing('OKP', 'crv', 'Add "crv": "Ed25519" or "Ed448".')
      if (typeof jwk.crv !== 'string') return invalid('crv', 'must be a string')
      const size = OKP_SIZES[jwk.crv]
      if (size === undefined) {
        const why = jwk.crv.startsWith('X') ? `${jwk.crv} is for key agreement (ECDH), not signatures` : `${jwk.crv} is not supported`
        return err('JWK_UNSUPPORTED_CURVE', `The OKP curve "${jwk.crv}" cannot sign JWS here: ${why}. Use an Ed25519 or Ed448 key.`)
      }
      crv = jwk.crv
      for (const name of isPrivate ? ['x', 'd'] : ['x']) {
        const part = member(jwk, 'OKP', name)
        if (!part.ok) return part
        if (part.value.length !== size.bytes) return invalid(name, `is ${part.value.length} bytes, but ${crv} needs exactly ${size.bytes}`)
        const weak = name === 'x' && crv === 'Ed25519' ? ed25519KeyProblem(part.value) : undefined
        if (weak !== undefined) return weakKey(`The Ed25519 key cannot be trusted: ${weak}. Use the issuer's real key`)
      }
      bits = size.bits
      break
    }
    case 'AKP': {
      // RFC 9964: an AKP key names its one algorithm; the ML-DSA module checks the sizes and the seed.
      if (jwk.alg === undefined) return missing('AKP', 'alg', 'An AKP key is bound to one algorithm: add "alg": "ML-DSA-44", "ML-DSA-65" or "ML-DSA-87" (RFC 9964).')
      for (const name of isPrivate ? ['pub', 'priv'] : ['pub']) {
        const part = member(jwk, 'AKP', name)
        if (!part.ok) return part
        if (name === 'pub') bits = part.value.length * 8
      }
      bits ??= 0
      break
    }
    default:
      return err('JWK_UNSUPPORTED_KTY', `The JWK's "kty" is "${kty}", which is not supported. Use "RSA", "EC", "OKP" (Ed25519, Ed448), "AKP" (ML-DSA) or "oct" (HMAC secret).`)
  }
  const full = { ...jwk } as JWK
  const publicJwk = kty === 'oct' ? undefined : publicPart(full)
  if (kty !== 'oct') {
    const check = await tryImport(full, publicJwk as JWK, isPrivate)
    if (check !== undefined) {
      // Chromium's WebCrypto refuses some keys with an empty message.
      const why = check.trim() === '' ? "the browser's WebCrypto refused its key material without giving a reason" : check
      const what = kty === 'OKP' ? crv : crv === 'secp256k1' ? 'EC secp256k1' : kty === 'AKP' ? `AKP (${String(jwk.alg)})` : kty
      return err('JWK_INVALID', `The ${what} JWK is not a valid key: ${why}. Check that it was copied completely.`)
    }
  }
  const thumbprint = await jwkThumbprint(publicJwk ?? full)
  if (!thumbprint.ok) return err('JWK_INVALID', thumbprint.error.message)
  const parsed: ParsedKey = {
    kind: kty === 'oct' ? 'secret' : isPrivate ? 'private' : 'public',
    kty: kty as ParsedKey['kty'],
    bits,
    jwk: full,
    thumbprint: thumbprint.value,
    ...(crv !== undefined ? { crv } : {}),
    ...(publicJwk !== undefined ? { publicJwk } : {}),
    ...(secret !== undefined ? { secret } : {}),
    ...(typeof jwk.kid === 'string' ? { kid: jwk.kid } : {}),
    ...(typeof jwk.alg === 'string' ? { alg: jwk.alg } : {}),
    ...(typeof jwk.use === 'string' ? { use: jwk.use } : {}),
    ...(keyOps.value !== undefined ? { keyOps: keyOps.value } : {}),
  }
  return ok(parsed)
}

/** A ParsedKey for raw HMAC secret bytes. */
export async function parsedSecret(bytes: Uint8Array): Promise<ParsedKey> {
  const jwk: JWK = { kty: 'oct', k: base64url.encode(bytes) }
  const thumbprint = await jwkThumbprint(jwk)
  return {
    kind: 'secret',
    kty: 'oct',
    bits: bytes.length * 8,
    jwk,
    secret: bytes,
    thumbprint: thumbprint.ok ? thumbprint.value : '',
  }
}

/** The public members of a JWK (drops private members and `key_ops`, which would say "sign"). */
export function publicPart(jwk: JWK): JWK {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(jwk)) {
    if (!PRIVATE_MEMBERS.includes(name) && name !== 'key_ops') out[name] = value
  }
  return out as JWK
}

function member(jwk: Record<string, unknown>, what: string, name: string, extra = ''): Result<Uint8Array, JwkErrorCode> {
  const value = jwk[name]
  if (value === undefined) return missing(what, name, extra.trim())
  if (typeof value !== 'string' || !BASE64URL.test(value) || value.length % 4 === 1) {
    return invalid(name, 'must be a base64url string (letters, digits, "-" and "_", no padding)')
  }
  try {
    return ok(base64url.decode(value))
  } catch {
    return invalid(name, 'must be a base64url string (letters, digits, "-" and "_", no padding)')
  }
}

/** `key_ops` (RFC 7517 §4.3): absent, or an array of unique strings. */
function keyOperations(value: unknown): Result<readonly string[] | undefined, JwkErrorCode> {
  if (value === undefined) return ok(undefined)
  if (!Array.isArray(value) || !value.every((op) => typeof op === 'string') || new Set(value).size !== value.length) {
    return invalid('key_ops', 'must be an array of distinct strings such as ["verify"] (RFC 7517 §4.3)')
  }
  return ok(value as string[])
}

function weakKey(message: string): Result<never, JwkErrorCode> {
  return err('KEY_WEAK', `${message}.`)
}

function missing(what: string, name: string, hint: string): Result<never, JwkErrorCode> {
  return err('JWK_MISSING_MEMBER', `The ${what === 'JWK' ? '' : `${what} `}JWK has no "${name}" member.${hint ? ` ${hint}` : ''}`)
}

function invalid(name: string, problem: string): Result<never, JwkErrorCode> {
  return err('JWK_INVALID_MEMBER', `The JWK member "${name}" ${problem}.`)
}

function bitLength(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length && bytes[i] === 0) i++
  if (i === bytes.length) return 0
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i] as number))
}

/** Imports the key material once to find broken keys early; returns the problem, or undefined. */
async function tryImport(full: JWK, publicJwk: JWK, isPrivate: boolean): Promise<string | undefined> {
  if (full.kty === 'AKP') {
    return loadMlDsa().then(
      (mlDsa) => mlDsa.akpKeyProblem(full, isPrivate),
      (cause: unknown) => `the ML-DSA code could not be loaded (${cause instanceof Error ? cause.message : String(cause)}); reload the page`,
    )
  }
  // WebCrypto lacks these curves: the curve module checks the point and the private key itself.
  if (full.crv === 'secp256k1' || full.crv === 'Ed448') {
    const curve = full.crv
    return loadCurves().then(
      (curves) => curves.curveKeyProblem(curve, full, isPrivate),
      (cause: unknown) => `the ${curve} code could not be loaded (${cause instanceof Error ? cause.message : String(cause)}); reload the page`,
    )
  }
  const algorithm =
    full.kty === 'RSA' ? { name: 'RSA-PSS', hash: 'SHA-256' } : full.kty === 'EC' ? { name: 'ECDSA', namedCurve: full.crv as string } : { name: 'Ed25519' }
  const material = (jwk: JWK, keep: readonly string[]) => {
    const out: Record<string, unknown> = {}
    for (const name of keep) if ((jwk as Record<string, unknown>)[name] !== undefined) out[name] = (jwk as Record<string, unknown>)[name]
    return out as JsonWebKey
  }
  const publicMembers = ['kty', 'crv', 'n', 'e', 'x', 'y']
  try {
    await crypto.subtle.importKey('jwk', material(publicJwk, publicMembers), algorithm, false, ['verify'])
    if (isPrivate) await crypto.subtle.importKey('jwk', material(full, [...publicMembers, ...PRIVATE_MEMBERS]), algorithm, false, ['sign'])
    return undefined
  } catch (cause) {
    return cause instanceof Error ? cause.message : String(cause)
  }
}
