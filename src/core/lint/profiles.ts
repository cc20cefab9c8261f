/**
 * Explicitly typed JWT profiles (a `typ` header naming the kind of token) and what each one's own
 * specification asks of its claims. The generic rules assume an access-token-like bearer credential;
 * a DPoP proof or a security event token is not one, so the lint asks this table first.
 */
import type { DecodedToken } from '../types'
import { headerObject, member } from './token-parts'

/**
 * How a profile treats `exp`: `required` (its claim list has exp), `recommended` (a Low finding
 * without it), `optional` (an Info finding says what that means) or `not-used` (the profile judges
 * freshness otherwise, so no finding either way).
 */
export type ExpExpectation = 'required' | 'recommended' | 'optional' | 'not-used'

/** One required claim of a profile: any one of `names` satisfies it. */
export interface ProfileClaim {
  /** The claim name, or several when any one of them will do (a logout token needs sub or sid). */
  readonly names: readonly string[]
  /** What the claim says, for the finding's explanation. */
  readonly role: string
  /** The JSON type the value must have, when the profile fixes one. */
  readonly type?: 'string' | 'object'
  /** A header parameter that stands in for the claim (an SD-JWT VC's x5c names its issuer). */
  readonly unlessHeader?: string
  /** Where the claim is required, when that is not the profile's own reference. */
  readonly reference?: string
}

/** A claim a profile forbids, and why. */
export interface ForbiddenClaim {
  readonly name: string
  readonly why: string
}

/** One explicitly typed JWT profile. */
export interface TokenProfile {
  /** The canonical `typ`, e.g. `dpop+jwt`. */
  readonly id: string
  /** What such a token is called, e.g. `DPoP proof`. */
  readonly name: string
  /** Every `typ` that marks it, lower case and without `application/`. */
  readonly typ: readonly string[]
  /** The specification's name, e.g. `RFC 9449`. */
  readonly spec: string
  /** Where the claims are listed, e.g. `RFC 9449 §4.2`. */
  readonly reference: string
  readonly required: readonly ProfileClaim[]
  readonly forbidden: readonly ForbiddenClaim[]
  readonly exp: ExpExpectation
  /** What the specification says about exp, for findings (and why the generic rule is silent). */
  readonly expNote: string
  /** Said as an Info finding when a `not-used` profile's token carries exp anyway (it is ignored). */
  readonly expIgnored?: string
  /** Whether the generic lifetime limit applies (short-lived bearer tokens), or the profile is long-lived by design. */
  readonly lifetimeChecked: boolean
}

const iss = (role: string): ProfileClaim => ({ names: ['iss'], role })
const iat = (role: string): ProfileClaim => ({ names: ['iat'], role })
const jti: ProfileClaim = { names: ['jti'], role: 'its unique identifier, so that a replay can be recognised' }

/** The profiles the lint knows, one entry each. */
export const TOKEN_PROFILES: readonly TokenProfile[] = [
  {
    id: 'at+jwt',
    name: 'JWT access token',
    typ: ['at+jwt'],
    spec: 'RFC 9068',
    reference: 'RFC 9068 §2.2',
    required: [
      iss('the authorization server that issued it'),
      { names: ['exp'], role: 'when resource servers stop accepting it' },
      { names: ['aud'], role: 'the resource server(s) it is meant for' },
      { names: ['sub'], role: 'the user, or the client itself for client credentials, it was issued about' },
      { names: ['client_id'], role: 'the client it was issued to' },
      iat('when it was issued'),
      jti,
    ],
    forbidden: [],
    exp: 'required',
    expNote: 'RFC 9068 §2.2 requires exp in every JWT access token.',
    lifetimeChecked: true,
  },
  {
    id: 'dpop+jwt',
    name: 'DPoP proof',
    typ: ['dpop+jwt'],
    spec: 'RFC 9449',
    reference: 'RFC 9449 §4.2',
    required: [
      { ...jti, role: 'its unique identifier, so that the server can reject a replayed proof' },
      { names: ['htm'], role: 'the HTTP method of the request it was made for', type: 'string' },
      { names: ['htu'], role: 'the URL of that request', type: 'string' },
      iat('when it was made: servers accept a proof only for a short time after it'),
    ],
    forbidden: [],
    exp: 'not-used',
    expNote: 'A DPoP proof has no exp: servers accept it only for a short window after its iat (RFC 9449 §4.3, §11.1).',
    expIgnored: 'A DPoP proof is judged by its iat: servers accept it only for a short window after that time (RFC 9449 §4.3, §11.1), so an exp adds nothing and is ignored.',
    lifetimeChecked: false,
  },
  {
    id: 'kb+jwt',
    name: 'Key Binding JWT',
    typ: ['kb+jwt'],
    spec: 'RFC 9901',
    reference: 'RFC 9901 §4.3',
    required: [
      iat('when the holder made it'),
      { names: ['aud'], role: 'the verifier it is presented to' },
      { names: ['nonce'], role: 'the verifier\'s challenge, so that it cannot be replayed to another presentation' },
      { names: ['sd_hash'], role: 'the digest of the SD-JWT it binds to, so that it cannot be moved to another credential', type: 'string' },
    ],
    forbidden: [],
    exp: 'not-used',
    expNote: 'A Key Binding JWT has no exp: it is made for one presentation and judged by iat and nonce (RFC 9901 §4.3).',
    expIgnored: 'A Key Binding JWT is made for one presentation and judged by its iat and nonce (RFC 9901 §4.3), so an exp adds nothing and is ignored.',
    lifetimeChecked: false,
  },
  {
    id: 'dc+sd-jwt',
    name: 'SD-JWT verifiable credential',
    typ: ['dc+sd-jwt', 'vc+sd-jwt'],
    spec: 'draft-ietf-oauth-sd-jwt-vc',
    reference: 'draft-ietf-oauth-sd-jwt-vc §3.2.2',
    required: [
      { names: ['vct'], role: 'the credential type', type: 'string', reference: 'draft-ietf-oauth-sd-jwt-vc §3.2.2.1' },
      { names: ['iss'], role: 'the issuer (unless an x5c certificate in the header names it)', unlessHeader: 'x5c', reference: 'draft-ietf-oauth-sd-jwt-vc §3.2.2.2' },
    ],
    forbidden: [],
    exp: 'optional',
    expNote: 'SD-JWT VC makes exp optional (draft-ietf-oauth-sd-jwt-vc §3.2.2.2): a credential without one stays valid until its issuer revokes it, for example through its status claim.',
    lifetimeChecked: false,
  },
  {
    id: 'logout+jwt',
    name: 'Logout token',
    typ: ['logout+jwt'],
    spec: 'OpenID Connect Back-Channel Logout 1.0',
    reference: 'OpenID Connect Back-Channel Logout 1.0 §2.4',
    required: [
      iss('the OpenID provider that sends it'),
      { names: ['aud'], role: 'the relying party (its client_id) it is for' },
      iat('when it was issued'),
      jti,
      { names: ['events'], role: 'the back-channel logout event that makes it a logout token', type: 'object' },
      { names: ['sub', 'sid'], role: 'the user (sub) or the session (sid) to log out' },
    ],
    forbidden: [{
      name: 'nonce',
      why: 'A nonce is what an ID token carries; a logout token must never have one, so that it cannot be passed off as an ID token in a login response.',
    }],
    exp: 'recommended',
    expNote: 'Back-Channel Logout 1.0 §2.4 gives logout tokens an exp, and a short one (a few minutes) keeps a captured logout token from being replayed later.',
    lifetimeChecked: true,
  },
  {
    id: 'secevent+jwt',
    name: 'Security event token',
    typ: ['secevent+jwt'],
    spec: 'RFC 8417',
    reference: 'RFC 8417 §2.2',
    required: [
      iss('who reports the event'),
      iat('when the event was reported'),
      jti,
      { names: ['events'], role: 'the security events it reports', type: 'object' },
    ],
    forbidden: [],
    exp: 'not-used',
    expNote: 'A security event token states something that happened and is usually sent without exp (RFC 8417 §2.2).',
    lifetimeChecked: false,
  },
  {
    id: 'token-introspection+jwt',
    name: 'JWT introspection response',
    typ: ['token-introspection+jwt'],
    spec: 'RFC 9701',
    reference: 'RFC 9701 §5',
    required: [
      iss('the authorization server that answers'),
      { names: ['aud'], role: 'the resource server that asked' },
      iat('when it answered'),
      { names: ['token_introspection'], role: 'the introspection result (the RFC 7662 response with "active")', type: 'object' },
    ],
    forbidden: [],
    exp: 'not-used',
    expNote: 'A JWT introspection response answers one request and is dated by its iat (RFC 9701 §5).',
    lifetimeChecked: false,
  },
  {
    id: 'entity-statement+jwt',
    name: 'Entity statement',
    typ: ['entity-statement+jwt'],
    spec: 'OpenID Federation 1.0',
    reference: 'OpenID Federation 1.0 §3.1',
    required: [
      iss('the entity that makes the statement'),
      { names: ['sub'], role: 'the entity it is about' },
      iat('when it was issued'),
      { names: ['exp'], role: 'when it stops being valid' },
      { names: ['jwks'], role: 'the federation keys of the subject', type: 'object' },
    ],
    forbidden: [],
    exp: 'required',
    expNote: 'OpenID Federation 1.0 §3.1 requires exp in every entity statement.',
    lifetimeChecked: false,
  },
]

/** Longest `typ` worth comparing: every profile's is far shorter, and hostile ones may be huge. */
const MAX_TYP_LENGTH = 64

/**
 * A `typ` value as RFC 7515 §4.1.9 compares media types: case-insensitively, with `application/`
 * optional. Undefined for a value too long to be any profile's.
 */
export function normaliseTyp(typ: string): string | undefined {
  if (typ.length > MAX_TYP_LENGTH) return undefined
  const lower = typ.toLowerCase()
  return lower.startsWith('application/') ? lower.slice('application/'.length) : lower
}

/** The profile a token's header `typ` names, or undefined for JWT, JOSE, other or no `typ`. */
export function tokenProfile(token: DecodedToken): TokenProfile | undefined {
  const typ = member(headerObject(token), 'typ')
  if (typeof typ !== 'string') return undefined
  const normal = normaliseTyp(typ)
  return normal === undefined ? undefined : TOKEN_PROFILES.find((p) => p.typ.includes(normal))
}
