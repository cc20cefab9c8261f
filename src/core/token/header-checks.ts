import type { Diagnostic, JsonValue, SegmentName } from '../types'
import type { OffsetRange } from './base64url'

/** JWS `alg` values the engine knows (RFC 7518 §3.1, RFC 8812, RFC 8037, RFC 9864, RFC 9964). */
const KNOWN_JWS_ALGORITHMS: readonly string[] = [
  'HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512',
  'ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA', 'Ed25519', 'Ed448', 'ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87', 'none',
]

/** JWE key-management `alg` values (RFC 7518 §4.1). */
const KNOWN_JWE_ALGORITHMS: readonly string[] = [
  'RSA1_5', 'RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512', 'A128KW', 'A192KW', 'A256KW', 'dir',
  'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW', 'A128GCMKW', 'A192GCMKW', 'A256GCMKW',
  'PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW',
]

/** JWE content-encryption `enc` values (RFC 7518 §5.1). */
const KNOWN_JWE_ENCRYPTIONS: readonly string[] = [
  'A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512', 'A128GCM', 'A192GCM', 'A256GCM',
]

/**
 * `typ` values in common use (compared case-insensitively, with or without `application/`):
 * RFC 7519, RFC 9068 (at+jwt), RFC 9449 (dpop+jwt), RFC 8417 (secevent+jwt), OIDC back-channel logout,
 * RFC 9701 (token-introspection+jwt), RFC 9101 (oauth-authz-req+jwt), SD-JWT key binding (RFC 9901),
 * SD-JWT VC (dc+sd-jwt, formerly vc+sd-jwt; example+sd-jwt in RFC 9901's examples), OpenID Federation,
 * and others.
 */
const COMMON_TYP_VALUES: readonly string[] = [
  'JWT', 'JOSE', 'at+jwt', 'dpop+jwt', 'secevent+jwt', 'logout+jwt', 'token-introspection+jwt',
  'oauth-authz-req+jwt', 'jwk-set+jwt', 'kb+jwt', 'entity-statement+jwt', 'trust-mark+jwt', 'jwt-vc', 'vc+jwt',
  'vp+jwt', 'client-attestation+jwt', 'client-attestation-pop+jwt', 'txn-token+jwt', 'rc+jwt', 'dc+sd-jwt',
  'vc+sd-jwt', 'example+sd-jwt',
]

/**
 * Header parameters that may never appear in `crit` because the base specifications define them
 * (RFC 7515 §4.1.11, RFC 7516 §4.1.13, RFC 7518 §4.6.1, §4.7.1, §4.8.1).
 */
export const REGISTERED_HEADER_PARAMETERS: ReadonlySet<string> = new Set([
  'alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit',
  'enc', 'zip', 'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c',
])

/**
 * Extensions listed in `crit` that this app processes: RFC 7797 `b64` (unencoded payload). A token
 * whose `crit` names anything else is rejected by the verifier, as RFC 7515 §4.1.11 requires.
 */
export const UNDERSTOOD_CRITICAL_PARAMETERS: readonly string[] = ['b64']

/** One reason a verifier must reject a header because of `crit` or `b64`. */
export interface CritProblem {
  readonly code: 'CRIT_INVALID' | 'CRIT_NOT_PRESENT' | 'CRIT_UNKNOWN' | 'B64_INVALID'
  /** The diagnostic's sentence. */
  readonly message: string
  /** The same reason as a clause for a verdict ("…, but <clause>: strict verifiers reject it"). */
  readonly clause: string
}

/**
 * Every reason the header's `crit` (RFC 7515 §4.1.11) or `b64` (RFC 7797 §6) makes a conforming
 * verifier reject the token: `crit` not a non-empty array of strings, listing a parameter the base
 * specifications define, naming an absent member or an extension this app does not implement, and a
 * critical `b64` that is not a boolean. Empty when the header passes.
 */
export function critProblems(header: { readonly [name: string]: JsonValue }): CritProblem[] {
  if (!Object.prototype.hasOwnProperty.call(header, 'crit')) return []
  const crit = header['crit']
  if (!Array.isArray(crit) || crit.length === 0 || !crit.every((c) => typeof c === 'string' && c !== '')) {
    return [{
      code: 'CRIT_INVALID',
      message: 'The header\'s "crit" must be a non-empty array of header parameter names (RFC 7515 §4.1.11).',
      clause: `the header's "crit" is ${describeJson(crit)}${Array.isArray(crit) && crit.length === 0 ? ' that is empty' : ''}, not a non-empty array of parameter names`,
    }]
  }
  const out: CritProblem[] = []
  const seen = new Set<string>()
  for (const name of crit as string[]) {
    const shown = `"${name.length > 40 ? `${name.slice(0, 40)}…` : name}"`
    if (seen.has(name)) {
      out.push({
        code: 'CRIT_INVALID',
        message: `The header's "crit" lists "${name}" more than once, which producers must not do (RFC 7515 §4.1.11).`,
        clause: `the header's "crit" lists ${shown} more than once`,
      })
      continue
    }
    seen.add(name)
    if (REGISTERED_HEADER_PARAMETERS.has(name)) {
      out.push({
        code: 'CRIT_INVALID',
        message: `The header's "crit" lists "${name}", which the JOSE specifications define themselves; "crit" may only list extensions (RFC 7515 §4.1.11).`,
        clause: `the header's "crit" lists ${shown}, which may not be listed there`,
      })
    } else if (!Object.prototype.hasOwnProperty.call(header, name)) {
      out.push({
        code: 'CRIT_NOT_PRESENT',
        message: `The header's "crit" lists "${name}", but the header has no "${name}" member, so verifiers must reject the token (RFC 7515 §4.1.11).`,
        clause: `the header's "crit" lists ${shown}, which the header does not have`,
      })
    } else if (!UNDERSTOOD_CRITICAL_PARAMETERS.includes(name)) {
      out.push({
        code: 'CRIT_UNKNOWN',
        message: `The header marks "${name}" as critical ("crit"), but this app does not understand that extension, so a conforming verifier must reject the token.`,
        clause: `the header marks ${shown} as critical, an extension this verifier does not implement`,
      })
    } else if (name === 'b64' && typeof header['b64'] !== 'boolean') {
      out.push({
        code: 'B64_INVALID',
        message: `The header's "b64" must be true or false (RFC 7797 §3), not ${describeJson(header['b64'])}.`,
        clause: 'the header\'s critical "b64" is not true or false',
      })
    }
  }
  return out
}

/**
 * Whether the payload is unencoded (RFC 7797): `"b64": false` counts only when `crit` is valid and
 * lists `b64`; otherwise the payload is base64url as usual (jose and other verifiers do the same).
 */
export function isUnencodedPayload(header: { readonly [name: string]: JsonValue }): boolean {
  const crit = header['crit']
  return header['b64'] === false && Array.isArray(crit) && crit.includes('b64') && critProblems(header).length === 0
}

/** Where the header sits and how to underline one of its members. */
export interface HeaderContext {
  readonly segment: SegmentName
  /** The whole header segment in the token. */
  readonly whole: OffsetRange
  /** Token range of the value of the last member with this name (falls back to the whole header). */
  readonly memberValue: (name: string) => OffsetRange
}

/**
 * Checks a decoded JOSE header object: `alg` present and known (JWS or JWE list), `enc` for JWE,
 * `crit` well-formed and understood, and `typ` a common value.
 */
export function checkHeader(header: { [name: string]: JsonValue }, jwe: boolean, at: HeaderContext): Diagnostic[] {
  const out: Diagnostic[] = []
  const push = (severity: Diagnostic['severity'], code: string, range: OffsetRange, message: string) =>
    out.push({ severity, segment: at.segment, offset: range.start, length: range.end - range.start, code, message })
  const has = (name: string) => Object.prototype.hasOwnProperty.call(header, name)

  const alg = header['alg']
  if (!has('alg')) {
    push('error', 'MISSING_ALG', at.whole, jwe
      ? 'The header has no "alg" member: a JWE header must name its key-management algorithm (RFC 7516 §4.1.1).'
      : 'The header has no "alg" member: every JWS header must name its signature algorithm (RFC 7515 §4.1.1), so the signature cannot be checked.')
  } else if (typeof alg !== 'string') {
    push('error', 'ALG_NOT_STRING', at.memberValue('alg'), `The header's "alg" must be a string such as "HS256", not ${describeJson(alg)}.`)
  } else {
    const known = jwe ? KNOWN_JWE_ALGORITHMS : KNOWN_JWS_ALGORITHMS
    if (!known.includes(alg)) {
      const fix = known.find((k) => k.toLowerCase() === alg.toLowerCase())
      const hint = fix !== undefined ? ` Algorithm names are case-sensitive: did you mean "${fix}"?` : ''
      push('warning', 'UNKNOWN_ALG', at.memberValue('alg'), jwe
        ? `The key-management algorithm "${alg}" is not one the JWE specification registers (RFC 7518 §4.1).${hint}`
        : `The algorithm "${alg}" is not one this app knows (HS256–HS512, RS256–RS512, PS256–PS512, ES256–ES512, ES256K, EdDSA, Ed25519, Ed448, ML-DSA-44/65/87, none), so the signature cannot be checked here.${hint}`)
    }
  }

  if (jwe) {
    const enc = header['enc']
    if (!has('enc')) {
      push('error', 'MISSING_ENC', at.whole, 'The header has no "enc" member: a JWE header must name its content-encryption algorithm (RFC 7516 §4.1.2).')
    } else if (typeof enc !== 'string' || !KNOWN_JWE_ENCRYPTIONS.includes(enc)) {
      push('warning', 'UNKNOWN_ENC', at.memberValue('enc'), `The content encryption ${typeof enc === 'string' ? `"${enc}"` : describeJson(enc)} is not one the JWE specification registers (${KNOWN_JWE_ENCRYPTIONS.join(', ')}).`)
    }
  }

  if (has('kid') && typeof header['kid'] !== 'string') {
    push('error', 'KID_NOT_STRING', at.memberValue('kid'), `The header's "kid" must be a string (RFC 7515 §4.1.4), not ${describeJson(header['kid'])}: verifiers that pick keys by kid find none, and JWT Lab does not call the token verified.`)
  }
  if (has('crit')) checkCrit(header, at, push)
  if (!jwe) checkB64(header, at, push)

  if (has('typ')) {
    const typ = header['typ']
    if (typeof typ !== 'string') {
      push('warning', 'TYP_UNUSUAL', at.memberValue('typ'), `The header's "typ" should be a string such as "JWT", not ${describeJson(typ)}.`)
    } else {
      const normal = typ.toLowerCase().replace(/^application\//, '')
      if (!COMMON_TYP_VALUES.some((t) => t.toLowerCase() === normal)) {
        push('info', 'TYP_UNUSUAL', at.memberValue('typ'), `The header's "typ" is "${typ}", which is not a common token type (such as JWT, at+jwt, dpop+jwt or secevent+jwt). That is allowed, but verifiers that check "typ" may reject the token.`)
      }
    }
  }
  return out
}

/** Problems of one `crit` list reported one by one; the rest are counted. */
const MAX_CRIT_DIAGNOSTICS = 20

function checkCrit(
  header: { [name: string]: JsonValue },
  at: HeaderContext,
  push: (severity: Diagnostic['severity'], code: string, range: OffsetRange, message: string) => void,
): void {
  const problems = critProblems(header)
  if (problems.length === 0) return
  // Ranges are computed once: mapping a member to token offsets walks the header text.
  const critRange = at.memberValue('crit')
  const b64Range = problems.some((p) => p.code === 'B64_INVALID') ? at.memberValue('b64') : critRange
  for (const problem of problems.slice(0, MAX_CRIT_DIAGNOSTICS)) push('error', problem.code, problem.code === 'B64_INVALID' ? b64Range : critRange, problem.message)
  if (problems.length > MAX_CRIT_DIAGNOSTICS) {
    push('error', 'CRIT_INVALID', critRange, `The header's "crit" has ${problems.length - MAX_CRIT_DIAGNOSTICS} more problems like these.`)
  }
}

function checkB64(header: { [name: string]: JsonValue }, at: HeaderContext, push: (severity: Diagnostic['severity'], code: string, range: OffsetRange, message: string) => void): void {
  if (!Object.prototype.hasOwnProperty.call(header, 'b64')) return
  const crit = header['crit']
  const critical = Array.isArray(crit) && crit.includes('b64')
  if (!critical) {
    push('warning', 'B64_NOT_CRITICAL', at.memberValue('b64'), `The header has "b64": ${JSON.stringify(header['b64']) ?? 'null'}, but "crit" does not list "b64", so verifiers ignore it and read the payload as base64url (RFC 7797 §6). Add "crit": ["b64"] if the payload is meant to be unencoded.`)
  } else if (isUnencodedPayload(header)) {
    push('info', 'PAYLOAD_UNENCODED', at.memberValue('b64'), 'The header says "b64": false with "crit": ["b64"] (RFC 7797): the payload is the text as written, not base64url, and the signature covers it exactly as written.')
  }
}

/** A short description of a JSON value for messages. */
export function describeJson(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'bigint':
    case 'number':
      return `the number ${String(value)}`
    case 'boolean':
      return String(value)
    case 'string':
      return 'a string'
    default:
      return 'an object'
  }
}
