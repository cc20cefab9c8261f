/**
 * Why jose may accept a token that the core refuses. Each class names a fact about the case and the
 * reason a strict verifier refuses what jose (as run here) lets through. Any disagreement outside
 * these classes fails the differential test.
 */
import type { Case } from './cases'
import { joseInput } from './oracles'

/** Facts about a case's final token, computed independently of both verifiers. */
export interface Facts {
  /** The segment is strict base64url: only A–Z a–z 0–9 - _, a possible length, unused bits zero. */
  readonly signatureCanonical: boolean
  readonly headerCanonical: boolean
  /** Canonical, or an unencoded (RFC 7797 `b64: false`, critical) payload, which is not base64url at all. */
  readonly payloadCanonical: boolean
  /** The decoded header bytes start with a UTF-8 byte order mark. */
  readonly headerBom: boolean
  /** The header has a `kid` that is not a string. */
  readonly nonStringKid: boolean
}

const STRICT = /^[A-Za-z0-9_-]*$/

export function isCanonicalBase64url(segment: string): boolean {
  return STRICT.test(segment) && segment.length % 4 !== 1 && Buffer.from(segment, 'base64url').toString('base64url') === segment
}

/** How jose 6 reads a segment on Node 20: atob after mapping the URL alphabet. */
function joseBytes(segment: string): Uint8Array | undefined {
  if (segment.includes('+') || segment.includes('/')) return undefined
  try {
    return new Uint8Array(Buffer.from(atob(segment.replace(/-/g, '+').replace(/_/g, '/')), 'latin1'))
  } catch {
    return undefined
  }
}

export function factsOf(c: Case): Facts {
  const [h = '', p = '', s = ''] = joseInput(c.token).split('.')
  const headerBytes = joseBytes(h)
  let header: unknown
  try {
    header = headerBytes === undefined ? undefined : JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes))
  } catch {
    header = undefined
  }
  const object = typeof header === 'object' && header !== null && !Array.isArray(header) ? (header as Record<string, unknown>) : undefined
  const crit = object?.crit
  const critListsB64 = Array.isArray(crit) && crit.includes('b64')
  // With "b64": false marked critical the payload segment is the payload itself, not base64url.
  const unencoded = c.rawPayload || (critListsB64 && object?.b64 === false)
  return {
    signatureCanonical: isCanonicalBase64url(s),
    headerCanonical: isCanonicalBase64url(h),
    payloadCanonical: unencoded || isCanonicalBase64url(p),
    headerBom: headerBytes !== undefined && headerBytes[0] === 0xef && headerBytes[1] === 0xbb && headerBytes[2] === 0xbf,
    nonStringKid: object !== undefined && Object.hasOwn(object, 'kid') && typeof object.kid !== 'string',
  }
}

export interface DisagreementClass {
  readonly id: string
  readonly applies: (c: Case, facts: Facts) => boolean
  /** Why refusing is right although jose accepts; printed in the report next to the counts. */
  readonly justification: string
}

/** Checked in order; the first that applies names the disagreement. */
export const JUSTIFIED: readonly DisagreementClass[] = [
  {
    id: 'key-as-hmac-secret',
    applies: (c) => c.form.kind === 'confusion',
    justification:
      'The key text is public or private key material (PEM, a PEM body without its armour, DER bytes typed as base64, base64url or hex, or a JWK) and the ' +
      'token is HMAC-signed with the bytes of that text. jose accepts only because the test hands it those bytes as an HMAC secret. Whoever holds a ' +
      'public key could forge such tokens (algorithm confusion, RFC 8725 §2.1 and §3.1), so the core must refuse the key for HS* (issue item 1).',
  },
  {
    id: 'degenerate-key',
    applies: (c) => c.form.kind === 'degenerate',
    justification:
      'RSA with e = 1 (a padded message is its own signature), RSA with e = 2 (the Rabin square root, built here from the key\'s factors; RFC 8017 §3.1 ' +
      'requires an odd e ≥ 3), or an Ed25519 small-order public key with S = 0. Node\'s WebCrypto accepts these keys and signatures, so jose does too, ' +
      'but they were made without any private key: the core refuses the keys (issue item 4).',
  },
  {
    id: 'non-canonical-signature-text',
    applies: (_c, f) => !f.signatureCanonical,
    justification:
      'jose 6 decodes base64url with atob on Node 20 (with Uint8Array.fromBase64 where that exists): both skip ASCII whitespace, accept "=" ' +
      'padding and ignore the unused bits of the last character. RFC 7515 §2 defines base64url without padding, and the compact serialization ' +
      '(§7.1) has no whitespace or line breaks; the core refuses a signature segment written any other way (issue item 3).',
  },
  {
    id: 'non-canonical-segment-text',
    applies: (_c, f) => !f.headerCanonical || !f.payloadCanonical,
    justification:
      'The header or payload segment has padding, whitespace or set unused bits, and the signature was made over that text. jose reads it ' +
      'leniently (see above); RFC 7515 §2 and §7.1 require base64url without padding or whitespace, so the core refuses the token.',
  },
  {
    id: 'non-string-kid',
    applies: (_c, f) => f.nonStringKid,
    justification:
      'The header\'s "kid" is a number or an object. RFC 7515 §4.1.4 makes "kid" a string; jose ignores it when given a single key (and finds no ' +
      'key in a JWKS), so refusing the malformed header is stricter than jose, never looser.',
  },
  {
    id: 'header-bom',
    applies: (_c, f) => f.headerBom,
    justification:
      'The header JSON starts with a byte order mark, which jose\'s TextDecoder silently strips. RFC 8259 §8.1 forbids a BOM in JSON sent over a ' +
      'network, and a header that reads differently in different parsers may be refused.',
  },
]

export interface MustRefuse {
  readonly id: string
  readonly applies: (c: Case, facts: Facts) => boolean
}

/**
 * Where the core must never say "verified", whatever jose says (issue items 1, 3 and 4, and the
 * design's "signature text canonical"). Segments count with set unused bits too: the bytes are the
 * same and jose accepts them (atob, and fromBase64 in its default "loose" mode; RFC 4648 §3.5 only
 * lets decoders reject them), but different texts for one token defeat blocklists and replay caches.
 */
export const MUST_REFUSE: readonly MustRefuse[] = [
  { id: 'key-as-hmac-secret', applies: (c) => c.form.kind === 'confusion' },
  { id: 'degenerate-key', applies: (c) => c.form.kind === 'degenerate' },
  { id: 'non-canonical-signature-text', applies: (_c, f) => !f.signatureCanonical },
  { id: 'non-canonical-segment-text', applies: (_c, f) => !f.headerCanonical || !f.payloadCanonical },
]

/** The first justified class a case belongs to, or undefined. */
export function classify(c: Case, facts: Facts): DisagreementClass | undefined {
  return JUSTIFIED.find((k) => k.applies(c, facts))
}
