/**
 * Profile rules: a token whose `typ` names a profile (RFC 9068 access token, DPoP proof, SD-JWT
 * key binding or credential, logout token, security event, introspection response, entity
 * statement) is checked against that profile's own claim list, forbidden claims and exp rule.
 */
import { PRIVATE_MEMBERS } from '../keys'
import type { DecodedToken, JsonValue } from '../types'
import type { Finding, LintRule } from './types'
import { asObject, headerObject, member, memberLocation, partLocation, payloadObject, quote, showJson, type JsonObject } from './token-parts'
import { tokenProfile, type ProfileClaim, type TokenProfile } from './profiles'

/** `a`, `a and b`, `a, b and c`. */
function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`
}

const claimName = (claim: ProfileClaim): string => claim.names.join(' or ')

const has = (object: JsonObject | undefined, name: string): boolean => member(object, name) !== undefined

function typeFits(value: JsonValue, type: ProfileClaim['type']): boolean {
  if (type === 'string') return typeof value === 'string'
  if (type === 'object') return asObject(value) !== undefined
  return true
}

function typText(token: DecodedToken): string {
  const typ = member(headerObject(token), 'typ')
  return typeof typ === 'string' ? quote(typ) : '""'
}

function claimFindings(token: DecodedToken, profile: TokenProfile, header: JsonObject | undefined, claims: JsonObject): Finding[] {
  const findings: Finding[] = []
  const payload = token.payload
  if (payload === null) return findings

  const missing = profile.required.filter((c) => !c.names.some((n) => has(claims, n)) && (c.unlessHeader === undefined || !has(header, c.unlessHeader)))
  if (missing.length > 0) {
    const names = missing.map(claimName)
    const references = [...new Set(missing.map((c) => c.reference ?? profile.reference))]
    findings.push({
      id: 'profile-missing-claim',
      severity: 'medium',
      title: `${profile.name} without ${joinAnd(names)}`,
      explanation:
        `The header's typ ${typText(token)} marks this token as a ${profile.name} (${profile.spec}), which must carry ` +
        `${missing.map((c) => `${claimName(c)} (${c.role})`).join('; ')}. ` +
        `Verifiers that follow ${profile.spec} reject it without ${missing.length === 1 ? 'that claim' : 'those claims'}.`,
      fix: `Issue ${profile.name.toLowerCase()}s with ${joinAnd(names)}; if this token is not meant to be one, give it another typ.`,
      reference: references.join('; '),
      ...partLocation(payload, 'payload'),
    })
  }

  for (const claim of profile.required) {
    if (claim.type === undefined) continue
    for (const name of claim.names) {
      const value = member(claims, name)
      if (value === undefined || typeFits(value, claim.type)) continue
      findings.push({
        id: 'profile-claim-type',
        severity: 'medium',
        title: `${profile.name}: ${name} is not a JSON ${claim.type}`,
        explanation: `${profile.spec} requires ${name} (${claim.role}) to be a JSON ${claim.type}, but here it is ${showJson(value)}. Verifiers that follow ${profile.spec} reject the token.`,
        fix: `Write ${name} as a JSON ${claim.type}.`,
        reference: claim.reference ?? profile.reference,
        ...memberLocation(token, 'payload', name),
      })
    }
  }

  for (const forbidden of profile.forbidden) {
    if (!has(claims, forbidden.name)) continue
    findings.push({
      id: 'profile-forbidden-claim',
      severity: 'medium',
      title: `${profile.name} with a ${forbidden.name} claim`,
      explanation: `The header's typ ${typText(token)} marks this token as a ${profile.name}, which must not carry ${forbidden.name}. ${forbidden.why}`,
      fix: `Leave ${forbidden.name} out of ${profile.name.toLowerCase()}s, and make verifiers reject ${profile.name.toLowerCase()}s that carry one.`,
      reference: profile.reference,
      ...memberLocation(token, 'payload', forbidden.name),
    })
  }

  const exp = has(claims, 'exp')
  if (!exp && profile.exp === 'recommended') {
    findings.push({
      id: 'profile-exp-missing',
      severity: 'low',
      title: `${profile.name} without exp`,
      explanation: `${profile.expNote} Without it, nothing in this token stops it from being replayed later, except a verifier's own limit on the age of iat.`,
      fix: `Give ${profile.name.toLowerCase()}s an exp a few minutes after iat, and make verifiers reject old ones.`,
      reference: profile.reference,
      ...partLocation(payload, 'payload'),
    })
  } else if (!exp && profile.exp === 'optional') {
    findings.push({
      id: 'profile-exp-optional',
      severity: 'info',
      title: `${profile.name} without exp: it does not expire`,
      explanation: profile.expNote,
      fix: 'Add an exp if it should lapse on its own; otherwise verifiers rely on revocation (such as a status list) alone to stop accepting it.',
      reference: profile.reference,
      ...partLocation(payload, 'payload'),
    })
  } else if (exp && profile.exp === 'not-used' && profile.expIgnored !== undefined) {
    findings.push({
      id: 'profile-exp-ignored',
      severity: 'info',
      title: `${profile.name} with exp (ignored)`,
      explanation: profile.expIgnored,
      fix: 'Nothing to change in the token; verifiers must enforce the short acceptance window after iat themselves rather than rely on exp.',
      reference: profile.reference,
      ...memberLocation(token, 'payload', 'exp'),
    })
  }
  return findings
}

/** Length of the base64url text of a SHA-256 digest, as `ath` carries it. */
const SHA256_BASE64URL_LENGTH = 43

function isBase64url(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const ok = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f
    if (!ok) return false
  }
  return true
}

const DPOP_REFERENCE = 'RFC 9449 §4.2'

function dpopFindings(token: DecodedToken, header: JsonObject, claims: JsonObject | undefined): Finding[] {
  const findings: Finding[] = []
  const alg = token.alg
  if (alg !== undefined && alg.startsWith('HS')) {
    findings.push({
      id: 'dpop-alg-symmetric',
      severity: 'medium',
      title: `DPoP proof signed with a shared secret (${alg})`,
      explanation: `The proof uses ${alg}, a MAC. A DPoP proof must use an asymmetric signature, so that the server checks it with the public key in jwk and the private key never leaves the client.`,
      fix: 'Sign DPoP proofs with an asymmetric algorithm such as ES256 or EdDSA.',
      reference: DPOP_REFERENCE,
      ...memberLocation(token, 'header', 'alg'),
    })
  }

  const jwk = member(header, 'jwk')
  const key = asObject(jwk)
  if (jwk === undefined || key === undefined) {
    findings.push({
      id: 'dpop-jwk-missing',
      severity: 'medium',
      title: jwk === undefined ? 'DPoP proof without its public key (jwk)' : 'DPoP proof whose jwk is not a key',
      explanation:
        (jwk === undefined ? 'The header has no jwk. ' : `The header's jwk is ${showJson(jwk)}, not a JSON Web Key object. `) +
        'A DPoP proof must carry the public key it is signed with, so that the server can check the proof and bind the access token to that key.',
      fix: 'Put the public JWK of the proof key in the header\'s jwk.',
      reference: DPOP_REFERENCE,
      ...(jwk === undefined && token.header !== null ? partLocation(token.header, 'header') : memberLocation(token, 'header', 'jwk')),
    })
  } else {
    const leaked = PRIVATE_MEMBERS.filter((name) => has(key, name))
    const symmetric = member(key, 'kty') === 'oct'
    if (symmetric || leaked.length > 0) {
      findings.push({
        id: 'dpop-jwk-private',
        severity: 'critical',
        title: symmetric ? 'DPoP proof publishes its secret key (jwk)' : 'DPoP proof publishes its private key (jwk)',
        explanation: symmetric
          ? 'The header\'s jwk is a symmetric key (kty "oct"): everyone who sees this proof can read the secret and make new proofs with it.'
          : `The header's jwk holds private key material (${leaked.join(', ')}): everyone who sees this proof can make new proofs for this key and use any access token bound to it.`,
        fix: 'Put only the public key in jwk (EC: kty, crv, x, y; RSA: kty, n, e; OKP: kty, crv, x) and replace this key pair: it is no longer private.',
        reference: DPOP_REFERENCE,
        ...memberLocation(token, 'header', 'jwk'),
      })
    }
  }

  const ath = member(claims, 'ath')
  if (ath !== undefined && (typeof ath !== 'string' || ath.length !== SHA256_BASE64URL_LENGTH || !isBase64url(ath))) {
    findings.push({
      id: 'dpop-ath-invalid',
      severity: 'medium',
      title: 'DPoP proof with a malformed ath',
      explanation: `ath must be the base64url SHA-256 hash of the access token the proof is sent with (${SHA256_BASE64URL_LENGTH} characters), but here it is ${showJson(ath)}. A server that compares it with the hash of the access token rejects the proof.`,
      fix: 'Set ath to BASE64URL(SHA-256(access token)), without padding.',
      reference: DPOP_REFERENCE,
      ...memberLocation(token, 'payload', 'ath'),
    })
  }
  return findings
}

/** The event that makes a SET a logout token (Back-Channel Logout 1.0 §2.4). */
const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout'

function logoutFindings(token: DecodedToken, profile: TokenProfile, claims: JsonObject): Finding[] {
  const events = asObject(member(claims, 'events'))
  if (events === undefined) return [] // Missing or not an object: reported with the claim list.
  const event = member(events, BACKCHANNEL_LOGOUT_EVENT)
  if (asObject(event) !== undefined) return []
  return [{
    id: 'logout-event-missing',
    severity: 'medium',
    title: 'Logout token without the back-channel logout event',
    explanation:
      `events must map "${BACKCHANNEL_LOGOUT_EVENT}" to a JSON object (usually {}), but here ${event === undefined ? 'it has no such member' : `that member is ${showJson(event)}`}. ` +
      'That member is what declares the token a logout token: relying parties reject it without one.',
    fix: `Send logout tokens with "events": {"${BACKCHANNEL_LOGOUT_EVENT}": {}}.`,
    reference: profile.reference,
    ...memberLocation(token, 'payload', 'events'),
  }]
}

function introspectionFindings(token: DecodedToken, profile: TokenProfile, claims: JsonObject): Finding[] {
  const result = asObject(member(claims, 'token_introspection'))
  if (result === undefined) return []
  const active = member(result, 'active')
  if (typeof active === 'boolean') return []
  return [{
    id: 'introspection-active-missing',
    severity: 'medium',
    title: 'Introspection response without a boolean active',
    explanation:
      `token_introspection holds the RFC 7662 introspection response, whose active member (true or false) says whether the token is valid; here it ${active === undefined ? 'is missing' : `is ${showJson(active)}`}. ` +
      'A resource server cannot tell whether to accept the token.',
    fix: 'Put "active": true or "active": false in token_introspection.',
    reference: `${profile.reference}; RFC 7662 §2.2`,
    ...memberLocation(token, 'payload', 'token_introspection'),
  }]
}

function entityStatementFindings(token: DecodedToken, profile: TokenProfile, claims: JsonObject): Finding[] {
  const jwks = asObject(member(claims, 'jwks'))
  if (jwks === undefined || Array.isArray(member(jwks, 'keys'))) return []
  return [{
    id: 'entity-jwks-invalid',
    severity: 'medium',
    title: 'Entity statement whose jwks is not a JWK Set',
    explanation: 'jwks must be a JWK Set: an object with a keys array. Without one, no key of the subject can be trusted through this statement.',
    fix: 'Write jwks as {"keys": [ … ]} with the subject\'s public federation keys.',
    reference: `${profile.reference}; RFC 7517 §5`,
    ...memberLocation(token, 'payload', 'jwks'),
  }]
}

/**
 * Checks a token whose `typ` names a known profile ({@link tokenProfile}) against that profile's
 * specification: required claims (Medium), claims of the wrong JSON type (Medium), forbidden claims
 * (Medium), what the profile says about exp (Low or Info), and the profile's own structure (a DPoP
 * proof's public jwk, asymmetric alg and ath; a logout token's event; an introspection result's
 * active; an entity statement's JWK Set). Tokens without a profile get no findings here.
 */
export const profileRule: LintRule = (token) => {
  if (token.kind !== 'jws') return []
  const profile = tokenProfile(token)
  const header = headerObject(token)
  if (profile === undefined || header === undefined) return []
  const claims = payloadObject(token)
  const findings = profile.id === 'dpop+jwt' ? dpopFindings(token, header, claims) : []
  if (claims === undefined) return findings
  findings.push(...claimFindings(token, profile, header, claims))
  if (profile.id === 'logout+jwt') findings.push(...logoutFindings(token, profile, claims))
  if (profile.id === 'token-introspection+jwt') findings.push(...introspectionFindings(token, profile, claims))
  if (profile.id === 'entity-statement+jwt') findings.push(...entityStatementFindings(token, profile, claims))
  return findings
}
