import { err, ok, type Result } from '../result'
import type { DecodedToken, KeyInput, KeyRef, ParsedKey, Verification } from '../types'
import { algorithmSpec, checkKeyFits, describeKey, importForAlgorithm, readTopSequence, signatureBytesFor, supportedAlgorithmList, TAG, type AlgorithmSpec } from '../keys'
import { isJsonObject, memberString } from '../json-object'
import { critProblems, describeJson, isUnencodedPayload } from './header-checks'
import { base64urlTextProblem, type Base64urlProblemCode } from './strict-encoding'
import { GRAPH_NONCE_REASON, isGraphAccessToken, nonStandardPssSalt, pssSaltReason, verifiesAfterGraphNonce } from './verify-hints'

/** Error codes of {@link verifyToken}: the cases where the signature could not be checked at all. */
export type VerifyErrorCode =
  | 'NO_KEY'
  | 'ALG_NONE'
  | 'ALG_MISSING'
  | 'ALG_UNSUPPORTED'
  | 'KEY_ALG_MISMATCH'
  | 'KEY_USE_MISMATCH'
  | 'KEY_IMPORT_FAILED'
  | 'KEY_WEAK'
  | 'KID_NOT_FOUND'
  | 'TOKEN_MALFORMED'
  | 'JWE_NOT_SUPPORTED'

const ASCII = new TextEncoder()

/** The signing input of a decoded token, computed once per token object. */
const signingInputs = new WeakMap<DecodedToken, Uint8Array>()

/**
 * Verifies the signature of a decoded compact JWS against the pasted key(s).
 *
 * The signing input is exactly the first two segments of the token as they appear
 * (`header.payload`, ASCII), never a re-encoding. HS256–HS512, RS256–RS512, PS256–PS512,
 * ES256–ES512, ES256K, EdDSA (Ed25519 or Ed448 key), Ed25519, Ed448 and ML-DSA-44/65/87 are supported; `none` never verifies. ECDSA signatures must be the
 * raw R||S form of exactly the curve's size: a DER-encoded one is reported as invalid with a reason.
 *
 * With a JWKS the token's `kid` picks the key (an unknown `kid` is an error listing the available
 * ones); without `kid` every key whose type, `alg` and `use` fit is tried, and the result says which
 * one verified. `ok({ valid })` means the check was made; errors mean it could not be made. Imported
 * keys are cached per ParsedKey, so re-verifying costs one signature check. Never throws.
 *
 * `valid: true` means a strict verifier (such as jose) would accept the token with that key: a token
 * whose segments are not canonical base64url (padding, `+`/`/`, stray characters, impossible length),
 * or whose `crit` is malformed or names an extension not implemented here, is `valid: false` even when
 * the signature bytes match; `matchesAsWritten` and the reason then say so. RFC 7797 `b64: false`
 * (listed in `crit`) is honoured: the payload is signed as written.
 */
export async function verifyToken(token: DecodedToken, keys: KeyInput | null): Promise<Result<Verification, VerifyErrorCode>> {
  try {
    return await verifyUnguarded(token, keys)
  } catch (cause) {
    return err('TOKEN_MALFORMED', `The signature could not be checked: ${cause instanceof Error ? cause.message : String(cause)}.`)
  }
}

async function verifyUnguarded(token: DecodedToken, keys: KeyInput | null): Promise<Result<Verification, VerifyErrorCode>> {
  if (token.kind === 'jwe') {
    return err('JWE_NOT_SUPPORTED', 'This is an encrypted token (JWE, five parts): it has no signature of its own. Decrypt it under Decryption; a nested token\'s inner signature is verified once you open the inner token.')
  }
  const { header, payload, signature } = token
  if (token.diagnostics.some((d) => d.code === 'JWE_JSON_SERIALIZATION')) {
    return err('JWE_NOT_SUPPORTED', "This is an encrypted token (JWE) in JSON serialization: it has no signature of its own. Decrypt it under Decryption; a nested token's inner signature is verified once you open the inner token.")
  }
  if (token.diagnostics.some((d) => d.code === 'JSON_SERIALIZATION')) {
    // Several signatures may share the payload: each has its own verdict (verifyJwsJson), not this one.
    return err('TOKEN_MALFORMED', 'This is a JWS in JSON serialization: each of its signatures has its own verdict under "JWS JSON serialization".')
  }
  if (token.kind !== 'jws' || header === null || payload === null || signature === null) {
    return err('TOKEN_MALFORMED', 'The text is not a signed token (JWS) of three base64url parts separated by dots (header.payload.signature), so there is no signature to check.')
  }
  const alg = token.alg
  if (alg === undefined) {
    return err('ALG_MISSING', header.kind === 'json'
      ? 'The header has no "alg" string, so it does not say how the token was signed. Add "alg" (e.g. "HS256") to the header.'
      : 'The header is not readable JSON, so the token does not say how it was signed. Fix the header so it is a JSON object with "alg".')
  }
  if (alg === 'none') {
    return err('ALG_NONE', "the token is unsecured (alg 'none') and has no signature")
  }
  const spec = algorithmSpec(alg)
  if (spec === undefined) {
    const hint = alg.toLowerCase() === 'none' ? ` "${alg}" is a spelling of "none" used to slip unsigned tokens past careless verifiers.` : ''
    return err('ALG_UNSUPPORTED', `The algorithm "${alg}" is not supported.${hint} Supported: ${supportedAlgorithmList(',')}.`)
  }
  const sig = signature.bytes
  if (sig === null) {
    return err('TOKEN_MALFORMED', 'The signature part is not valid base64url, so it cannot be checked. Copy the token again, completely.')
  }
  if (keys === null || keys.keys.length === 0) {
    return err('NO_KEY', `No key given: paste ${spec.verifyKeyHint} into the verification key to check the signature.`)
  }
  const picked = pickKeys(token, keys, spec)
  if (!picked.ok) {
    if (picked.error.code !== 'KID_NOT_FOUND') return picked
    const other = await keyThatVerifiesAnyway(token, keys, spec, sig)
    return other === undefined
      ? picked
      : err('KID_NOT_FOUND', `${picked.error.message} Key ${other} of this set verifies the signature, but the token's kid names a different key; a strict verifier rejects it.`)
  }
  const candidates = picked.value
  const strict = strictProblems(token)
  const shape = shapeProblem(spec, sig)
  if (shape !== undefined) {
    return ok({ valid: false, alg, key: candidates.length === 1 ? keyRef(candidates[0]!) : null, reason: alsoRejected(shape, strict), tried: candidates.length })
  }
  const data = signingInput(token, header.encoded, payload.encoded)
  const graph = header.kind === 'json' && payload.kind === 'json' && isGraphAccessToken(header.value, payload.value)
  let tried = 0
  let lastReason = ''
  let importError: Result<never, VerifyErrorCode> | undefined
  for (const candidate of candidates) {
    const imported = await importForAlgorithm(candidate.key, spec.alg, 'verify')
    if (!imported.ok) {
      importError = err(imported.error.code as VerifyErrorCode, imported.error.message)
      continue
    }
    tried++
    const lengthProblem = keyLengthProblem(spec, candidate.key, sig)
    if (lengthProblem !== undefined) {
      lastReason = lengthProblem
      continue
    }
    const valid = await spec.implementation.verify(imported.value, sig, data)
    const refused = [...strict, ...keyStrictness(candidate.key, spec)]
    if (valid && refused.length === 0) return ok({ valid: true, alg, key: keyRef(candidate), tried })
    if (valid) {
      return ok({
        valid: false,
        alg,
        key: keyRef(candidate),
        reason: `The signature matches over the text as written, but ${joinClauses(refused)}: strict JWS verifiers reject this token.`,
        matchesAsWritten: true,
        tried,
      })
    }
    const salt = await nonStandardPssSalt(spec, candidate.key, imported.value, sig, data)
    if (salt !== undefined) {
      return ok({ valid: false, alg, key: keyRef(candidate), reason: alsoRejected(pssSaltReason(spec, salt), strict), tried })
    }
    if (graph && await verifiesAfterGraphNonce(header.value as Record<string, unknown>, payload.encoded, (input) => spec.implementation.verify(imported.value, sig, input))) {
      return ok({ valid: false, alg, key: keyRef(candidate), reason: alsoRejected(GRAPH_NONCE_REASON, strict), tried })
    }
    lastReason = `The signature does not match the token's header and payload under this key (${describeKey(candidate.key)}). The token was changed after signing, or it was signed with a different key.`
  }
  if (tried === 0 && importError !== undefined) return importError
  if (candidates.length === 1) return ok({ valid: false, alg, key: keyRef(candidates[0]!), reason: alsoRejected(lastReason, strict), tried })
  return ok({
    valid: false,
    alg,
    key: null,
    reason: alsoRejected(`None of the ${tried} keys that fit ${alg} verified the signature (tried ${candidates.map((c) => nameOf(c)).join(', ')}).`, strict),
    tried,
  })
}

/** Diagnostics codes whose cause {@link strictProblems} words itself (from the header or the segment text). */
const WORDED_CODES = new Set([
  'BASE64URL_INVALID_CHAR', 'BASE64_NOT_BASE64URL', 'BASE64URL_BAD_LENGTH', 'BASE64URL_NON_CANONICAL',
  'CRIT_INVALID', 'CRIT_NOT_PRESENT', 'CRIT_UNKNOWN', 'B64_INVALID', 'KID_NOT_STRING',
])

const ENCODING_CLAUSES: Readonly<Record<Base64urlProblemCode, (list: string, many: boolean) => string>> = {
  PADDED: (list, many) => `${list} ${many ? 'are' : 'is'} padded base64 (with '='), not base64url`,
  BASE64_ALPHABET: (list, many) => `${list} ${many ? 'use' : 'uses'} '+' or '/' of standard base64, not base64url`,
  INVALID_CHAR: (list, many) => `${list} ${many ? 'contain' : 'contains'} characters outside base64url (such as spaces, line breaks or stray symbols)`,
  BAD_LENGTH: (list, many) => `${list} ${many ? 'have' : 'has'} a length no base64url encoding produces (a character too many or too few)`,
  NON_CANONICAL: (list, many) => `${list} ${many ? 'end' : 'ends'} in a character whose unused bits are set (not canonical base64url, so the same bytes can be written several ways)`,
}

/**
 * Why a strict verifier rejects the token whatever the signature: `crit`/`b64` problems (checked on
 * the header itself, not only through diagnostics) and segments that are not canonical base64url,
 * plus any other error-level diagnostic of the three segments. Each entry is a clause.
 */
function strictProblems(token: DecodedToken): string[] {
  const header = token.header
  const headerObject = header !== null && header.kind === 'json' && isJsonObject(header.value) ? header.value : undefined
  const clauses = headerObject === undefined ? [] : critProblems(headerObject).map((p) => p.clause)
  const kid = headerObject?.['kid']
  if (kid !== undefined && typeof kid !== 'string') clauses.push(`the header's "kid" is ${describeJson(kid)}, not a string (RFC 7515 §4.1.4), so no key can be chosen by it`)
  const unencoded = headerObject !== undefined && isUnencodedPayload(headerObject)
  const segments: [string, string | undefined][] = [
    ['header', header?.encoded],
    ['payload', unencoded ? undefined : token.payload?.encoded],
    ['signature', token.signature?.encoded],
  ]
  const byCode = new Map<Base64urlProblemCode, string[]>()
  for (const [name, text] of segments) {
    const problem = text === undefined ? undefined : base64urlTextProblem(text)
    if (problem === undefined || !problem.rejected) continue
    const code = problem.code as Base64urlProblemCode
    byCode.set(code, [...(byCode.get(code) ?? []), name])
  }
  for (const [code, names] of byCode) clauses.push(ENCODING_CLAUSES[code](`the ${joinWords(names)}`, names.length > 1))
  for (const d of token.diagnostics) {
    if (d.severity !== 'error' || WORDED_CODES.has(d.code) || !['header', 'payload', 'signature'].includes(d.segment)) continue
    if (unencoded && d.segment === 'payload') continue
    clauses.push(`the ${d.segment} has an error (${d.message.replace(/\.$/, '')})`)
  }
  return clauses
}

/** The smallest RSA modulus RFC 7518 §3.3 and §3.5 allow ("2048 bits or larger MUST be used"). */
const RFC_RSA_BITS = 2048

/**
 * Why a strict verifier refuses a key that still verifies mathematically. Keys under 1024 bits are
 * not used at all (the import refuses them); from 1024 to 2047 bits the signature is checked, so the
 * user learns whether it matches, but it is not called verified: jose and RFC 7518 refuse such keys.
 */
function keyStrictness(key: ParsedKey, spec: AlgorithmSpec): string[] {
  if (spec.kty === 'RSA' && key.bits < RFC_RSA_BITS) {
    return [`the key is a ${key.bits}-bit RSA key, and RFC 7518 §3.3 requires ${RFC_RSA_BITS} bits or more for ${spec.alg}`]
  }
  return []
}

function alsoRejected(reason: string, strict: readonly string[]): string {
  return strict.length === 0 ? reason : `${reason} Strict JWS verifiers would reject the token anyway: ${joinClauses(strict)}.`
}

/** A verdict names at most this many reasons; a crafted `crit` may list thousands. */
const MAX_CLAUSES = 5

function joinClauses(clauses: readonly string[]): string {
  if (clauses.length <= MAX_CLAUSES) return clauses.join('; ')
  return `${clauses.slice(0, MAX_CLAUSES).join('; ')}; and ${clauses.length - MAX_CLAUSES} more`
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

interface Candidate {
  readonly key: ParsedKey
  readonly index: number
}

/** The keys to try: by `kid` in a JWKS, else every key that fits the algorithm. */
function pickKeys(token: DecodedToken, input: KeyInput, spec: AlgorithmSpec): Result<Candidate[], VerifyErrorCode> {
  let pool: Candidate[] = input.keys.map((key, index) => ({ key, index }))
  const kid = headerKid(token)
  if (input.format === 'jwks' && kid !== undefined) {
    const matching = pool.filter((c) => c.key.kid === kid)
    if (matching.length === 0) {
      const kids = pool.map((c) => c.key.kid).filter((k): k is string => k !== undefined)
      const available = kids.length > 0 ? `available: ${kids.map((k) => `"${k}"`).join(', ')}` : 'none of its keys has a kid'
      return err('KID_NOT_FOUND', `The token's kid "${kid}" matches no key in the JWKS (${available}). Paste the JWKS that holds key "${kid}".`)
    }
    pool = matching
  }
  const fitting = pool.filter((c) => checkKeyFits(c.key, spec.alg, 'verify').ok)
  if (fitting.length > 0) return ok(fitting)
  if (pool.length === 1) {
    const fit = checkKeyFits(pool[0]!.key, spec.alg, 'verify')
    if (!fit.ok) return err(fit.error.code as VerifyErrorCode, fit.error.message)
  }
  const what = pool.map((c) => `${nameOf(c)} is ${describeKey(c.key)}${c.key.alg !== undefined ? ` for ${c.key.alg}` : ''}`).join('; ')
  return err('KEY_ALG_MISMATCH', `None of the ${pool.length} keys fits ${spec.alg}: ${what}. Paste ${spec.verifyKeyHint}.`)
}

/**
 * When the token's `kid` names no key of the JWKS: the name of a key of the set that fits the
 * algorithm and verifies the signature all the same (a hint; the token stays unverified).
 */
async function keyThatVerifiesAnyway(token: DecodedToken, input: KeyInput, spec: AlgorithmSpec, sig: Uint8Array): Promise<string | undefined> {
  const { header, payload } = token
  if (header === null || payload === null || shapeProblem(spec, sig) !== undefined) return undefined
  const data = signingInput(token, header.encoded, payload.encoded)
  for (const [index, key] of input.keys.entries()) {
    if (!checkKeyFits(key, spec.alg, 'verify').ok) continue
    if (keyLengthProblem(spec, key, sig) !== undefined) continue
    const imported = await importForAlgorithm(key, spec.alg, 'verify')
    if (!imported.ok) continue
    const valid = await spec.implementation.verify(imported.value, sig, data).catch(() => false)
    if (valid) return key.kid !== undefined ? `"${key.kid}"` : String(index + 1)
  }
  return undefined
}

function headerKid(token: DecodedToken): string | undefined {
  return memberString(token.header?.value, 'kid')
}

function signingInput(token: DecodedToken, header: string, payload: string): Uint8Array {
  let data = signingInputs.get(token)
  if (data === undefined) {
    data = ASCII.encode(`${header}.${payload}`)
    signingInputs.set(token, data)
  }
  return data
}

/** A reason the signature cannot be valid whatever the key, from its length alone. */
function shapeProblem(spec: AlgorithmSpec, sig: Uint8Array): string | undefined {
  if (spec.family === 'ES') {
    const size = spec.signatureBytes as number
    if (sig.length === size) return undefined
    if (looksLikeDer(sig)) {
      return `The ${spec.alg} signature is DER-encoded (an ASN.1 SEQUENCE of two INTEGERs, ${sig.length} bytes), but JWS needs the raw R||S (JOSE) form of exactly ${size} bytes. Re-sign with a JOSE library, or convert the signature to R||S (node:crypto: dsaEncoding "ieee-p1363").`
    }
    return `The ${spec.alg} signature is ${sig.length} bytes, but it must be exactly ${size} bytes (R||S, ${size / 2} bytes each). It was cut off or made for another curve.`
  }
  if (spec.family === 'Ed') {
    // EdDSA takes keys of several curves; the key's own size is checked per key (keyLengthProblem).
    const sizes = (spec.curves ?? [spec.crv]).map((crv) => ({ crv, bytes: signatureBytesFor(spec, crv) }))
    if (sizes.some((size) => size.bytes === sig.length)) return undefined
    const expected = sizes.length === 1
      ? `${spec.crv} signatures are exactly ${sizes[0]?.bytes} bytes`
      : `it must be exactly ${sizes.map((size) => `${size.bytes} bytes (${size.crv})`).join(' or ')}`
    return `The ${spec.alg} signature is ${sig.length} bytes, but ${expected}. It was cut off or changed.`
  }
  if (spec.family === 'ML-DSA') {
    const size = spec.signatureBytes as number
    if (sig.length !== size) return `The ${spec.alg} signature is ${sig.length} bytes, but ${spec.alg} signatures are exactly ${size} bytes. It was cut off, or made with another ML-DSA parameter set.`
  }
  if (spec.family === 'HS') {
    const size = spec.signatureBytes as number
    if (sig.length !== size) return `The ${spec.alg} signature is ${sig.length} bytes, but HMAC-${spec.hash} gives exactly ${size} bytes. It was cut off or made with another algorithm.`
  }
  return undefined
}

/** A reason the signature cannot be this key's, from its length: RSA's follows the modulus, EdDSA's the curve. */
function keyLengthProblem(spec: AlgorithmSpec, key: ParsedKey, sig: Uint8Array): string | undefined {
  if (spec.kty === 'RSA') {
    const size = Math.ceil(key.bits / 8)
    return sig.length === size ? undefined : `The signature is ${sig.length} bytes, but a ${key.bits}-bit RSA key makes ${size}-byte signatures. It was cut off or made with another key.`
  }
  if (spec.curves === undefined) return undefined
  const size = signatureBytesFor(spec, key.crv)
  return size === undefined || sig.length === size ? undefined : `The signature is ${sig.length} bytes, but ${describeKey(key)} makes ${size}-byte signatures. It was made with a key on another curve, or cut off.`
}

/** A DER ECDSA-Sig-Value: SEQUENCE { INTEGER r, INTEGER s } filling the whole buffer. */
function looksLikeDer(sig: Uint8Array): boolean {
  if (sig[0] !== TAG.SEQUENCE) return false
  const parts = readTopSequence(sig)
  return parts !== undefined && parts.length === 2 && parts.every((p) => p.tag === TAG.INTEGER)
}

function keyRef(candidate: Candidate): KeyRef {
  return candidate.key.kid !== undefined
    ? { index: candidate.index, kid: candidate.key.kid, thumbprint: candidate.key.thumbprint }
    : { index: candidate.index, thumbprint: candidate.key.thumbprint }
}

function nameOf(candidate: Candidate): string {
  return `key ${candidate.index + 1}${candidate.key.kid !== undefined ? ` (kid "${candidate.key.kid}")` : ''}`
}
