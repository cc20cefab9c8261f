import { base64url } from 'jose'
import { err, ok, type Result } from '../result'
import type { JWK, JwsAlgorithm, ParsedKey } from '../types'
import { algorithmSpec, algorithmsForKey, describeKey, keyFitsSpec, supportedAlgorithmList, type AlgorithmSpec } from './algorithms'
import type { KeyHandle, KeyPurpose } from './signature-implementation'
import { MIN_RSA_VERIFY_BITS, ed25519KeyProblem, rsaExponentProblem } from './weak-keys'

export type { KeyPurpose } from './signature-implementation'

/** Error codes of {@link importForAlgorithm}. */
export type ImportErrorCode = 'ALG_UNSUPPORTED' | 'KEY_ALG_MISMATCH' | 'KEY_NOT_PRIVATE' | 'KEY_USE_MISMATCH' | 'KEY_WEAK' | 'KEY_IMPORT_FAILED'

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv'] as const

/**
 * Imports are cached per ParsedKey object, algorithm and usage: ParsedKeys are immutable values, so
 * a repeated verify (every keystroke in the UI, benchmarks) costs only the signature check.
 */
const cache = new WeakMap<ParsedKey, Map<string, Promise<Result<KeyHandle, ImportErrorCode>>>>()

/**
 * Checks that `key` fits `alg` and imports it with the algorithm's implementation (WebCrypto, or
 * the on-demand curve module for ES256K and Ed448) for signing or verifying.
 *
 * HS256–HS512 need a secret; RS256–PS512 an RSA key; ES256/ES384/ES512/ES256K an EC key on
 * P-256/P-384/P-521/secp256k1; Ed25519 and Ed448 a key on that curve, EdDSA either (RFC 8037). Signing needs a private key or a secret; verifying uses the public part of a
 * private key. A key whose JWK `alg` names another algorithm, whose `use` is `enc`, or whose `key_ops`
 * lack the operation (`verify` / `sign`) is refused, and so is a degenerate public key (RSA e < 3 or
 * even, an RSA modulus under 1024 bits for verifying, an Ed25519 small-order point).
 * Results are cached per key object, so calling this on every verify is cheap. Never throws.
 */
export function importForAlgorithm(
  key: ParsedKey,
  alg: JwsAlgorithm,
  usage: KeyPurpose,
): Promise<Result<KeyHandle, ImportErrorCode>> {
  let perKey = cache.get(key)
  if (perKey === undefined) {
    perKey = new Map()
    cache.set(key, perKey)
  }
  const slot = `${alg}/${usage}`
  let pending = perKey.get(slot)
  if (pending === undefined) {
    pending = importUncached(key, alg, usage)
    perKey.set(slot, pending)
  }
  return pending
}

/**
 * The fit check of {@link importForAlgorithm} alone (no import): null when `key` may be used with
 * `alg`, else the error. Used to pick candidate keys of a JWKS.
 */
export function checkKeyFits(key: ParsedKey, alg: string, usage: KeyPurpose): Result<AlgorithmSpec, ImportErrorCode> {
  const spec = algorithmSpec(alg)
  if (spec === undefined) {
    if (alg === 'none') {
      return err('ALG_UNSUPPORTED', 'The algorithm "none" uses no key: an unsecured token has no signature to make or check. Choose a signing algorithm such as HS256, RS256 or ES256.')
    }
    return err('ALG_UNSUPPORTED', `The algorithm "${alg}" is not supported. Use one of ${supportedAlgorithmList()}.`)
  }
  const what = describeKey(key)
  if (!keyFitsSpec(key, spec)) {
    const choices = algorithmsForKey(key)
    const hint = choices.length > 0 ? ` Choose ${choices.join(', ')} for this key, or paste ${spec.need}.` : ` Paste ${spec.need}.`
    if (spec.family === 'HS') {
      return err('KEY_ALG_MISMATCH', `The key is ${what}, but ${alg} needs a shared secret. Using a public or private key as an HMAC secret is the algorithm-confusion attack, so it is refused.${hint}`)
    }
    return err('KEY_ALG_MISMATCH', `The key is ${what}, but ${alg} needs ${spec.need}.${hint}`)
  }
  // Exact, as jose compares: a key marked "Ed25519" is not used for a token that says "EdDSA".
  if (key.alg !== undefined && key.alg !== alg) {
    return err('KEY_ALG_MISMATCH', `The key is ${what} marked for "${key.alg}" (its JWK "alg"), but the token uses ${alg}. Use ${key.alg}, or remove "alg" from the JWK if the key is meant for ${alg}.`)
  }
  if (key.use !== undefined && key.use !== 'sig') {
    return err('KEY_USE_MISMATCH', `The key is ${what} marked for use "${key.use}" (its JWK "use"), not for signatures ("sig"). Use a signing key, or change "use" to "sig".`)
  }
  if (key.keyOps !== undefined) {
    const listed = key.keyOps.length === 0 ? 'an empty list' : key.keyOps.map((op) => `"${op}"`).join(', ')
    if (!key.keyOps.includes(usage)) {
      return err('KEY_USE_MISMATCH', `The key is ${what} whose JWK "key_ops" (${listed}) do not include "${usage}", so it may not be used to ${usage === 'sign' ? 'sign' : 'verify signatures'} (RFC 7517 §4.3). Use a key meant for this, or add "${usage}" to its key_ops if it is yours.`)
    }
    const possible = key.kind === 'secret' ? ['sign', 'verify'] : key.kind === 'public' ? ['verify'] : ['sign', 'verify']
    const impossible = key.keyOps.filter((op) => !possible.includes(op))
    if (impossible.length > 0) {
      return err('KEY_USE_MISMATCH', `The key is ${what} whose JWK "key_ops" (${listed}) include ${impossible.map((op) => `"${op}"`).join(', ')}, which ${key.kind === 'public' ? 'a public key cannot do' : `a ${spec.alg} key is not for`}: the JWK contradicts itself, and WebCrypto-based verifiers (such as jose) refuse it. Remove those operations from key_ops.`)
    }
  }
  const weak = weakness(key, usage)
  if (weak !== undefined) return err('KEY_WEAK', `The key is ${what}, which cannot be trusted: ${weak}.`)
  if (usage === 'sign' && key.kind === 'public') {
    return err('KEY_NOT_PRIVATE', `The key is ${what}: signing with ${alg} needs the private key. Paste the private key (PEM "PRIVATE KEY", or a JWK with "d" — "priv" for an AKP key), or generate a new key pair.`)
  }
  return ok(spec)
}

/** Why a key is too weak to use, re-checked here for keys built by hand rather than parsed. */
function weakness(key: ParsedKey, usage: KeyPurpose): string | undefined {
  const jwk = key.publicJwk ?? key.jwk
  const bytes = (name: 'e' | 'x') => {
    const value = (jwk as Record<string, unknown>)[name]
    return typeof value === 'string' ? safeDecode(value) : undefined
  }
  if (key.kty === 'RSA') {
    const e = bytes('e')
    const problem = e === undefined ? undefined : rsaExponentProblem(e)
    if (problem !== undefined) return problem
    if (usage === 'verify' && key.bits < MIN_RSA_VERIFY_BITS) {
      return `its ${key.bits}-bit modulus can be factored, so signatures made with it prove nothing. Verification needs at least ${MIN_RSA_VERIFY_BITS} bits (2048 or more is the norm)`
    }
    return undefined
  }
  if (key.kty === 'OKP' && key.crv === 'Ed25519') {
    const x = bytes('x')
    return x === undefined ? undefined : ed25519KeyProblem(x)
  }
  return undefined
}

function safeDecode(text: string): Uint8Array | undefined {
  try {
    return base64url.decode(text)
  } catch {
    return undefined
  }
}

async function importUncached(key: ParsedKey, alg: JwsAlgorithm, usage: KeyPurpose): Promise<Result<KeyHandle, ImportErrorCode>> {
  const fit = checkKeyFits(key, alg, usage)
  if (!fit.ok) return fit
  const spec = fit.value
  try {
    if (spec.kty === 'oct') {
      // A ParsedKey built by hand may carry only its oct JWK.
      const secret = key.secret ?? (typeof key.jwk.k === 'string' ? base64url.decode(key.jwk.k) : undefined)
      if (secret === undefined || secret.byteLength === 0) {
        return err('KEY_IMPORT_FAILED', `The HMAC secret is empty, so ${alg} cannot use it. Type or paste a secret (at least ${spec.hashBytes} bytes is recommended).`)
      }
      return ok(await spec.implementation.importKey({ jwk: { kty: 'oct' }, secret }, usage))
    }
    const source = usage === 'verify' ? (key.publicJwk ?? key.jwk) : key.jwk
    return ok(await spec.implementation.importKey({ jwk: keyMembers(source, usage === 'verify') }, usage))
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    return err('KEY_IMPORT_FAILED', `The key (${describeKey(key)}) could not be imported for ${alg}: ${detail}. Check that the key is complete and not corrupted.`)
  }
}

/**
 * Only the key material: WebCrypto rejects a JWK whose `alg`, `use`, `key_ops` or `ext` disagree with
 * the requested import, and the fit check has already judged those members.
 */
function keyMembers(jwk: JWK, publicOnly: boolean): JWK {
  const out: Record<string, unknown> = {}
  const members = jwk.kty === 'RSA' ? ['kty', 'n', 'e', ...PRIVATE_MEMBERS] : jwk.kty === 'AKP' ? ['kty', 'alg', 'pub', 'priv'] : ['kty', 'crv', 'x', 'y', 'd']
  for (const name of members) {
    if (publicOnly && (PRIVATE_MEMBERS as readonly string[]).includes(name)) continue
    const value = (jwk as Record<string, unknown>)[name]
    if (value !== undefined) out[name] = value
  }
  return out as JWK
}
