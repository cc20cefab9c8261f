/**
 * Algorithm support: ES256K, Ed448 and ML-DSA are sound signatures that many verifiers cannot
 * check, and the profiles that name a mandatory algorithm (OpenID4VC HAIP for SD-JWT VCs, RFC 9068
 * for access tokens, RFC 8555 for ACME) guarantee only that one. One Info finding per token says
 * which profile applies, what it guarantees, and what to check before relying on the algorithm.
 * The profiles here only oblige parties to support an algorithm; none forbids the others, so these
 * findings are about interoperability, never violations. (DPoP's asymmetric-only rule is a profile
 * rule of its own.)
 */
import type { DecodedToken } from '../types'
import { tokenProfile } from './profiles'
import { headerObject, member, memberLocation, quote, type JsonObject } from './token-parts'
import type { Finding, LintRule, ResolvedLintContext } from './types'

/** An algorithm that many verifiers lack, and what a user should know about it. */
interface LimitedAlgorithm {
  /** What it is, e.g. `ECDSA on secp256k1 (RFC 8812)`. */
  readonly what: string
  /** Who can and cannot check it. */
  readonly support: string
  /** What to check, and what to do when a verifier lacks it. */
  readonly check: string
  readonly reference: string
}

const ML_DSA_SUPPORT =
  'Few JOSE libraries implement it yet, and WebCrypto offers ML-DSA only in some runtimes, so jose 6 and other WebCrypto-based verifiers can check it only there.'

const mlDsa = (alg: string, level: string): LimitedAlgorithm => ({
  what: `${alg}, the post-quantum lattice signature of FIPS 204 (${level}) with an AKP key (RFC 9964)`,
  support: ML_DSA_SUPPORT,
  check:
    `Check that every verifier implements RFC 9964 and accepts ${alg}: a WebCrypto-based one needs a runtime that offers ML-DSA, others a library such as @noble/post-quantum. ` +
    'Until all of them do, keep a classical signature (ES256 or Ed25519) available to the verifiers that cannot check ML-DSA, for example as a second signature in the JWS JSON serialization.',
  reference: 'RFC 9964',
})

const LIMITED: Readonly<Record<string, LimitedAlgorithm>> = {
  ES256K: {
    what: 'ES256K, ECDSA on the secp256k1 curve (RFC 8812)',
    support:
      'WebCrypto has no secp256k1 and jose 6 dropped ES256K, so verifiers built on either cannot check it; OpenSSL-based libraries (Node\'s crypto) and secp256k1 libraries can.',
    check:
      'Check that every verifier of these tokens accepts ES256K: its library and version, and its algorithm allowlist (libsecp256k1-based ones also insist on low-S signatures). ' +
      'If one cannot, sign with ES256 on a P-256 key instead.',
    reference: 'RFC 8812 §3.2',
  },
  Ed448: {
    what: 'Ed448, EdDSA on the Ed448 curve (RFC 8037, named Ed448 by RFC 9864)',
    support:
      'Browsers\' WebCrypto generally offers Ed25519 but not Ed448, and jose 6 does not implement it, so WebCrypto-only verifiers cannot check it; OpenSSL-based libraries and pure-JavaScript ones such as @noble/curves can.',
    check:
      'Check that every verifier of these tokens accepts Ed448 (or EdDSA with an Ed448 key) and lists it in its algorithm allowlist. If one cannot, sign with Ed25519 instead.',
    reference: 'RFC 8037 §3.1; RFC 9864',
  },
  'ML-DSA-44': mlDsa('ML-DSA-44', 'security category 2'),
  'ML-DSA-65': mlDsa('ML-DSA-65', 'security category 3'),
  'ML-DSA-87': mlDsa('ML-DSA-87', 'security category 5'),
}

/** Profiles that fix their algorithms outright; said in the general finding, as no token names them. */
const FIXED_PROFILES =
  'Profiles that fix their algorithms refuse it outright: the FAPI 2.0 Security Profile, for one, allows only PS256, ES256 and EdDSA with Ed25519 (§5.4.1).'

/** The algorithm as the lint judges it: `EdDSA` with an Ed448 key given is Ed448. */
interface EffectiveAlgorithm {
  /** The header's alg. */
  readonly alg: string
  /** The entry of {@link LIMITED}. */
  readonly name: string
  /** How to name it in a message, e.g. `ES256K` or `EdDSA with an Ed448 key`. */
  readonly shown: string
}

function effectiveAlgorithm(token: DecodedToken, context: ResolvedLintContext): EffectiveAlgorithm | undefined {
  const alg = token.alg
  if (alg === undefined) return undefined
  if (Object.prototype.hasOwnProperty.call(LIMITED, alg)) return { alg, name: alg, shown: alg }
  if (alg !== 'EdDSA') return undefined
  const keys = context.keys?.keys ?? []
  // Only when every OKP key given is Ed448: with an Ed25519 key among them, the token is probably Ed25519.
  const okp = keys.filter((key) => key.kty === 'OKP')
  if (okp.length === 0 || okp.some((key) => key.crv !== 'Ed448')) return undefined
  return { alg, name: 'Ed448', shown: 'EdDSA with an Ed448 key' }
}

/** A profile that names the one algorithm every party must support. */
interface AlgorithmProfile {
  /** Why the profile applies to this token, as the start of a sentence. */
  readonly why: string
  /** What such a token is called, with its article, e.g. `an SD-JWT verifiable credential`. */
  readonly subject: string
  /** The profile's short name, for the title. */
  readonly short: string
  /** The algorithm it guarantees. */
  readonly guaranteed: string
  /** What the profile requires, in full sentences. */
  readonly requirement: string
  /** What to do, given the token's algorithm. */
  readonly fix: (shown: string) => string
  readonly reference: string
}

const HAIP_REQUIREMENT =
  'OpenID4VC HAIP 1.0, the interoperability profile for SD-JWT VCs, requires issuers, holders and verifiers to support ES256 (ECDSA on P-256) for credential and presentation signatures; ' +
  'another algorithm works only between parties whose metadata says they support it.'

function haip(subject: string, typ: string, what = ''): AlgorithmProfile {
  return {
    why: `The header's typ ${typ} marks this token as ${subject}${what}`,
    subject,
    short: 'HAIP',
    guaranteed: 'ES256',
    requirement: HAIP_REQUIREMENT,
    fix: (shown) => `Sign with ES256 on a P-256 key wherever HAIP applies; keep ${shown} for wallets and verifiers whose metadata lists it.`,
    reference: 'OpenID4VC HAIP 1.0 (Crypto Suites)',
  }
}

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value)

/** An ACME request's protected header: url, nonce, and jwk or kid (RFC 8555 §6.2). */
function isAcmeHeader(header: JsonObject): boolean {
  const url = member(header, 'url')
  const nonce = member(header, 'nonce')
  return typeof url === 'string' && typeof nonce === 'string' && (isObject(member(header, 'jwk')) || typeof member(header, 'kid') === 'string')
}

function algorithmProfile(token: DecodedToken, header: JsonObject): AlgorithmProfile | undefined {
  const profile = tokenProfile(token)
  const typ = member(header, 'typ')
  const typText = typeof typ === 'string' ? quote(typ) : '""'
  if (profile?.id === 'dc+sd-jwt') return haip('an SD-JWT verifiable credential', typText)
  if (profile?.id === 'kb+jwt') return haip('a Key Binding JWT', typText, ', the holder\'s signature on an SD-JWT presentation')
  if (profile?.id === 'at+jwt') {
    return {
      why: `The header's typ ${typText} marks this token as a JWT access token`,
      subject: 'a JWT access token',
      short: 'RFC 9068',
      guaranteed: 'RS256',
      requirement: 'RFC 9068 requires authorization servers and resource servers to support RS256; it allows other algorithms, but a resource server need not implement any of them.',
      fix: (shown) => `Sign access tokens with RS256, or with ${shown} only once every resource server that receives them has confirmed it accepts ${shown}.`,
      reference: 'RFC 9068 §2.1',
    }
  }
  if (profile === undefined && isAcmeHeader(header)) {
    return {
      why: 'The header has url, nonce and a jwk or kid: this is an ACME request',
      subject: 'an ACME request',
      short: 'RFC 8555',
      guaranteed: 'ES256',
      requirement:
        'RFC 8555 requires ACME servers to implement ES256 and recommends EdDSA with Ed25519; a server that does not support an algorithm answers badSignatureAlgorithm with the list of those it accepts.',
      fix: () => 'Use an account key on P-256 (ES256), or Ed25519 (EdDSA) where the server accepts it.',
      reference: 'RFC 8555 §6.2',
    }
  }
  return undefined
}

/**
 * One Info finding for a token signed with ES256K, Ed448 (or EdDSA with an Ed448 key given) or
 * ML-DSA-44/65/87: `alg-profile-support` when the token's profile guarantees another algorithm
 * (HAIP for SD-JWT VCs and Key Binding JWTs, RFC 9068 for access tokens, RFC 8555 for ACME
 * requests), otherwise `alg-limited-support`, which the user's allowlist silences when it names
 * the token's alg (their verifier has said it accepts it). Nothing for any other algorithm.
 */
export const algSupportRule: LintRule = (token, context) => {
  if (token.kind !== 'jws') return []
  const effective = effectiveAlgorithm(token, context)
  const header = headerObject(token)
  if (effective === undefined || header === undefined) return []
  const limited = LIMITED[effective.name]
  if (limited === undefined) return []
  const location = memberLocation(token, 'header', 'alg')
  const profile = algorithmProfile(token, header)
  if (profile !== undefined) {
    const finding: Finding = {
      id: 'alg-profile-support',
      severity: 'info',
      title: `${capitalise(profile.subject)} signed with ${effective.shown}, where ${profile.short} guarantees only ${profile.guaranteed}`,
      explanation: `${profile.why}. ${profile.requirement} This one is signed with ${limited.what}. ${limited.support}`,
      fix: profile.fix(effective.shown),
      reference: `${profile.reference}; ${limited.reference}`,
      ...location,
    }
    return [finding]
  }
  if (context.allowedAlgorithms?.includes(effective.alg) === true) return []
  return [{
    id: 'alg-limited-support',
    severity: 'info',
    title: `${effective.shown}: many verifiers cannot check this algorithm`,
    explanation: `The token is signed with ${limited.what}. ${limited.support} ${FIXED_PROFILES}`,
    fix: limited.check,
    reference: `${limited.reference}; FAPI 2.0 Security Profile §5.4.1`,
    ...location,
  }]
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
