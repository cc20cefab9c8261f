/**
 * Time claim rules: no expiry, lifetimes longer than policy allows, issue times in the future and
 * validity windows that never open.
 */
import { formatDuration, isoFromSeconds } from '../claims'
import { tokenProfile } from './profiles'
import type { Finding, LintRule } from './types'
import { member, memberLocation, showJson, numericMember, partLocation, payloadObject } from './token-parts'

/** Tolerance for `iat` ahead of the clock, so ordinary clock drift is not reported. */
export const IAT_FUTURE_TOLERANCE_SECONDS = 60

/**
 * No `exp`, or an `exp` that is not a number (many libraries then skip the check). A token whose
 * `typ` names a profile (see `profiles.ts`) follows that profile's exp rule instead: a DPoP proof or a
 * security event token has no exp by design, and the profile rules report an exp a profile requires.
 */
export const missingExpRule: LintRule = (token) => {
  const claims = payloadObject(token)
  if (claims === undefined || token.payload === null) return []
  const exp = member(claims, 'exp')
  if (exp === undefined) {
    if (tokenProfile(token) !== undefined) return []
    return [{
      id: 'missing-exp',
      severity: 'medium',
      title: 'Token never expires (no exp claim)',
      explanation: 'The payload has no exp claim, so the token stays valid forever: a leaked token works until the signing key is rotated.',
      fix: 'Issue tokens with an exp a short time ahead (minutes for access tokens) and make verifiers require exp.',
      reference: 'RFC 7519 §4.1.4; RFC 6819 §5.1.5.3',
      ...partLocation(token.payload, 'payload'),
    }]
  }
  if (typeof exp === 'number' || typeof exp === 'bigint') return []
  return [{
    id: 'exp-not-numeric',
    severity: 'medium',
    title: 'exp is not a number',
    explanation: `exp must be a NumericDate (seconds since 1970-01-01T00:00:00Z), but here it is ${showJson(exp)}. Many libraries skip an exp they cannot read, so the token may never expire.`,
    fix: 'Write exp as a plain JSON number of seconds, for example 1735689600.',
    reference: 'RFC 7519 §2 and §4.1.4',
    ...memberLocation(token, 'payload', 'exp'),
  }]
}

/**
 * `exp − iat` (or `exp − nbf` without iat) longer than the allowed lifetime, for bearer tokens; not
 * for profiles that are long-lived by design or not judged by exp (credentials, entity statements,
 * DPoP proofs).
 */
export const lifetimeRule: LintRule = (token, context) => {
  if (tokenProfile(token)?.lifetimeChecked === false) return []
  const claims = payloadObject(token)
  const exp = numericMember(claims, 'exp')
  const iat = numericMember(claims, 'iat')
  const start = iat ?? numericMember(claims, 'nbf')
  if (exp === undefined || start === undefined) return []
  const lifetime = exp - start
  if (!(lifetime > context.maxLifetimeSeconds)) return []
  const from = iat !== undefined ? 'iat' : 'nbf'
  return [{
    id: 'long-lifetime',
    severity: 'low',
    title: `Long-lived token (${formatDuration(lifetime)})`,
    explanation:
      `The token is valid for ${formatDuration(lifetime)} (exp − ${from} = ${lifetime} s), longer than the ` +
      `${formatDuration(context.maxLifetimeSeconds)} limit. A stolen token stays usable all that time.`,
    fix: 'Issue short-lived tokens and renew them with a refresh token, or revoke by jti.',
    reference: 'RFC 6819 §5.1.5.3; RFC 7519 §4.1.4',
    ...memberLocation(token, 'payload', 'exp'),
  }]
}

/** `iat` later than now (beyond a one-minute tolerance). */
export const iatFutureRule: LintRule = (token, context) => {
  const iat = numericMember(payloadObject(token), 'iat')
  if (iat === undefined || !(iat > context.now + IAT_FUTURE_TOLERANCE_SECONDS)) return []
  return [{
    id: 'iat-in-future',
    severity: 'medium',
    title: 'Issued in the future (iat)',
    explanation:
      `iat is ${isoFromSeconds(iat)}, ${formatDuration(iat - context.now)} from now. Either the issuer's clock is wrong ` +
      'or the token was minted by someone choosing their own times, for example to outlive a lifetime limit.',
    fix: 'Reject tokens whose iat is ahead of the clock by more than a small skew, and check the issuer\'s time source.',
    reference: 'RFC 7519 §4.1.6',
    ...memberLocation(token, 'payload', 'iat'),
  }]
}

/** `nbf` at or after `exp`: the validity window is empty. */
export const nbfAfterExpRule: LintRule = (token) => {
  const claims = payloadObject(token)
  const nbf = numericMember(claims, 'nbf')
  const exp = numericMember(claims, 'exp')
  if (nbf === undefined || exp === undefined || nbf < exp) return []
  const finding: Finding = {
    id: 'nbf-after-exp',
    severity: 'medium',
    title: 'Never valid: nbf is not before exp',
    explanation:
      `nbf (${isoFromSeconds(nbf)}) is ${nbf === exp ? 'equal to' : 'after'} exp (${isoFromSeconds(exp)}), so there is no moment ` +
      'when the token is valid. A verifier that accepts it is not checking one of the two claims.',
    fix: 'Set nbf before exp (usually nbf = iat) when issuing, and make sure verifiers check both.',
    reference: 'RFC 7519 §4.1.4 and §4.1.5',
    ...memberLocation(token, 'payload', 'nbf'),
  }
  return [finding]
}
