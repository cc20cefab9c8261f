/**
 * Checks a decoded token against what a verifier expects (RFC 7519 §4.1, RFC 8725 §3): time
 * claims, issuer, audience, subject, type, algorithm allowlist and required claims.
 */
import { asJsonObject as asObject, type JsonObject as Claims } from '../json-object'
import type { JsonValue, PolicyCheck, PolicyOptions } from '../types'
import { formatDuration, formatRelative, isoFromSeconds } from './time'

type CheckId = PolicyCheck['id']

/** The order in which {@link checkPolicy} returns its verdicts. */
export const policyCheckOrder: readonly CheckId[] = ['exp', 'nbf', 'iat', 'iss', 'aud', 'sub', 'typ', 'alg', 'required']

const pass = (id: CheckId, message: string): PolicyCheck => ({ id, verdict: 'pass', message })
const fail = (id: CheckId, message: string): PolicyCheck => ({ id, verdict: 'fail', message })
const skip = (id: CheckId, message: string): PolicyCheck => ({ id, verdict: 'skip', message })

function has(claims: Claims | undefined, name: string): boolean {
  return claims !== undefined && Object.prototype.hasOwnProperty.call(claims, name)
}

/** How a JSON value is named in messages ("a string", "an array"...). */
function kindOf(value: JsonValue | undefined): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'string': return 'a string'
    case 'boolean': return 'a boolean'
    case 'object': return 'an object'
    default: return 'a number'
  }
}

/** JSON text of a short value for messages; long values are cut. */
function show(value: JsonValue): string {
  if (typeof value === 'bigint') return value.toString()
  let text: string
  try {
    text = typeof value === 'string' ? JSON.stringify(value)
      : JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))
  } catch {
    // Pathologically deep values overflow the stack; naming the kind is enough then.
    return kindOf(value)
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

const skewText = (skew: number): string => `allowed clock skew ${skew} s`

function msHint(name: string, seconds: number): string {
  const magnitude = Math.abs(seconds)
  if (magnitude < 1e11 || magnitude >= 1e14) return ''
  return ` ${name} looks like milliseconds: NumericDate counts seconds, so ${seconds} is ${isoFromSeconds(seconds)}; ` +
    `in seconds it would be ${isoFromSeconds(Math.floor(seconds / 1000))}.`
}

type TimeRead = { readonly ok: true; readonly seconds: number; readonly iso: string } | { readonly ok: false; readonly check: PolicyCheck }

/** Reads a NumericDate claim, or explains why it cannot be checked. */
function readTime(id: 'exp' | 'nbf' | 'iat', claims: Claims | undefined, absent: string): TimeRead {
  if (claims === undefined) {
    return { ok: false, check: skip(id, `The payload is not a JSON object, so ${id} cannot be checked.`) }
  }
  if (!has(claims, id)) return { ok: false, check: skip(id, absent) }
  const value = claims[id]
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isFinite(value))) {
    return { ok: true, seconds: Number(value), iso: isoFromSeconds(value) }
  }
  return {
    ok: false,
    check: fail(id, `${id} must be a NumericDate (a number of seconds since 1970-01-01T00:00:00Z), but it is ${kindOf(value)}: ${show(value as JsonValue)}.`),
  }
}

function checkExp(claims: Claims | undefined, now: number, skew: number): PolicyCheck {
  const read = readTime('exp', claims, 'No exp claim: the token never expires.')
  if (!read.ok) return read.check
  const { seconds, iso } = read
  const hint = msHint('exp', seconds)
  if (now >= seconds + skew) {
    return fail('exp', `Expired ${formatRelative(seconds - now)} (exp ${iso}); ${skewText(skew)}.${hint}`)
  }
  if (now >= seconds) {
    return pass('exp', `Expired ${formatRelative(seconds - now)} (exp ${iso}), but within the ${skewText(skew)}.${hint}`)
  }
  return pass('exp', `Expires ${formatRelative(seconds - now)} (exp ${iso}).${hint}`)
}

function checkNbf(claims: Claims | undefined, now: number, skew: number): PolicyCheck {
  const read = readTime('nbf', claims, 'No nbf claim: the token is valid from the start.')
  if (!read.ok) return read.check
  const { seconds, iso } = read
  const hint = msHint('nbf', seconds)
  if (seconds > now + skew) {
    return fail('nbf', `Not valid yet: becomes valid ${formatRelative(seconds - now)} (nbf ${iso}); ${skewText(skew)}.${hint}`)
  }
  if (seconds > now) {
    return pass('nbf', `Becomes valid ${formatRelative(seconds - now)} (nbf ${iso}), but within the ${skewText(skew)}.${hint}`)
  }
  return pass('nbf', `Valid since ${formatRelative(seconds - now)} (nbf ${iso}).${hint}`)
}

function checkIat(claims: Claims | undefined, now: number, skew: number): PolicyCheck {
  const read = readTime('iat', claims, 'No iat claim: the issue time is unknown.')
  if (!read.ok) return read.check
  const { seconds, iso } = read
  const hint = msHint('iat', seconds)
  if (seconds > now + skew) {
    return fail('iat', `Issued in the future: iat is ${formatDuration(seconds - now)} from now (iat ${iso}); ${skewText(skew)}.${hint}`)
  }
  return pass('iat', `Issued ${formatRelative(seconds - now)} (iat ${iso}).${hint}`)
}

/** iss and sub: one expected string, compared exactly (RFC 7519 §4.1.1: case-sensitive). */
function checkExact(id: 'iss' | 'sub', label: string, claims: Claims | undefined, expected: string | undefined): PolicyCheck {
  if (expected === undefined) return skip(id, `No expected ${label} set.`)
  if (claims === undefined) return fail(id, `Expected ${label} ${show(expected)}, but the payload is not a JSON object.`)
  if (!has(claims, id)) return fail(id, `Expected ${label} ${show(expected)}, but the token has no ${id} claim.`)
  const value = claims[id] as JsonValue
  if (typeof value !== 'string') return fail(id, `${id} must be a string, but it is ${kindOf(value)}: ${show(value)}.`)
  if (value !== expected) return fail(id, `${id} is ${show(value)}, but the expected ${label} is ${show(expected)}.`)
  return pass(id, `${id} is ${show(value)}, as expected.`)
}

function checkAud(claims: Claims | undefined, expected: string | readonly string[] | undefined): PolicyCheck {
  if (expected === undefined) return skip('aud', 'No expected audience set.')
  const wanted = typeof expected === 'string' ? [expected] : expected
  if (wanted.length === 0) return skip('aud', 'No expected audience set.')
  const wantedText = wanted.map(show).join(', ')
  if (claims === undefined) return fail('aud', `Expected audience ${wantedText}, but the payload is not a JSON object.`)
  if (!has(claims, 'aud')) return fail('aud', `Expected audience ${wantedText}, but the token has no aud claim.`)
  const value = claims.aud as JsonValue
  const values = typeof value === 'string' ? [value]
    : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[])
      : undefined
  if (values === undefined) {
    return fail('aud', `aud must be a string or an array of strings, but it is ${kindOf(value)}: ${show(value)}.`)
  }
  // A set, not includes() per audience: a long aud array against a long expected list is quadratic.
  const wantedSet = new Set(wanted)
  const match = values.find((v) => wantedSet.has(v))
  if (match === undefined) {
    return fail('aud', `aud is ${show(value)}, which does not contain the expected audience ${wantedText}.`)
  }
  return pass('aud', `aud contains ${show(match)}, as expected.`)
}

/**
 * `typ` is a media type: RFC 7515 §4.1.9 makes it case-insensitive and lets `application/` be
 * omitted, so `JWT`, `jwt` and `application/jwt` are the same type.
 */
function normalizeTyp(typ: string): string {
  const lower = typ.toLowerCase()
  return lower.startsWith('application/') ? lower.slice('application/'.length) : lower
}

function checkTyp(header: Claims | undefined, expected: string | undefined): PolicyCheck {
  if (expected === undefined) return skip('typ', 'No expected type set.')
  if (header === undefined) return fail('typ', `Expected typ ${show(expected)}, but the header is not a JSON object.`)
  if (!has(header, 'typ')) return fail('typ', `Expected typ ${show(expected)}, but the header has no typ.`)
  const value = header.typ as JsonValue
  if (typeof value !== 'string') return fail('typ', `typ must be a string, but it is ${kindOf(value)}: ${show(value)}.`)
  if (normalizeTyp(value) !== normalizeTyp(expected)) {
    return fail('typ', `typ is ${show(value)}, but the expected type is ${show(expected)}.`)
  }
  return pass('typ', `typ is ${show(value)}, as expected.`)
}

function checkAlg(header: Claims | undefined, allowed: readonly string[] | undefined): PolicyCheck {
  if (allowed === undefined || allowed.length === 0) return skip('alg', 'No algorithm allowlist set.')
  const list = allowed.join(', ')
  if (header === undefined) return fail('alg', `Allowed algorithms are ${list}, but the header is not a JSON object.`)
  if (!has(header, 'alg')) return fail('alg', `Allowed algorithms are ${list}, but the header has no alg.`)
  const value = header.alg as JsonValue
  if (typeof value !== 'string') return fail('alg', `alg must be a string, but it is ${kindOf(value)}: ${show(value)}.`)
  if (!allowed.includes(value)) return fail('alg', `Algorithm ${show(value)} is not allowed; allowed: ${list}.`)
  return pass('alg', `Algorithm ${show(value)} is allowed.`)
}

function checkRequired(claims: Claims | undefined, required: readonly string[] | undefined): PolicyCheck {
  if (required === undefined || required.length === 0) return skip('required', 'No required claims set.')
  if (claims === undefined) return fail('required', `Required claims ${required.join(', ')} cannot be found: the payload is not a JSON object.`)
  const missing = required.filter((name) => !has(claims, name))
  if (missing.length > 0) {
    return fail('required', `Missing required claim${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}.`)
  }
  return pass('required', `All required claims are present: ${required.join(', ')}.`)
}

/**
 * Checks a token's header and payload against a verifier's expectations. Returns one verdict per
 * check, always in the order of {@link policyCheckOrder}: `pass`, `fail`, or `skip` when there is
 * nothing to check (no expectation set, or an optional time claim is absent).
 *
 * Time rules (RFC 7519 §4.1.4–4.1.6, with `clockSkew` seconds of tolerance): a token has expired
 * when `now >= exp + skew`; is not yet valid when `nbf > now + skew`; is issued in the future when
 * `iat > now + skew`. iss and sub compare exactly; aud passes when any token audience equals any
 * expected one; typ compares as a media type (case-insensitive, `application/` optional).
 */
export function checkPolicy(header: JsonValue | undefined, payload: JsonValue | undefined, options: PolicyOptions): PolicyCheck[] {
  const now = options.now ?? Date.now() / 1000
  const skew = options.clockSkew !== undefined && Number.isFinite(options.clockSkew) ? Math.max(0, options.clockSkew) : 0
  const claims = asObject(payload)
  const head = asObject(header)
  return [
    checkExp(claims, now, skew),
    checkNbf(claims, now, skew),
    checkIat(claims, now, skew),
    checkExact('iss', 'issuer', claims, options.issuer),
    checkAud(claims, options.audience),
    checkExact('sub', 'subject', claims, options.subject),
    checkTyp(head, options.typ),
    checkAlg(head, options.algorithms),
    checkRequired(claims, options.requiredClaims),
  ]
}
