/**
 * Why jose may accept a token that the core refuses. Each class names a fact about the case and the
 * reason a strict verifier refuses what jose (as run here) lets through. Any disagreement outside
 * these classes fails the differential test.
 */
import type { Case } from './cases'

/** Facts about a case's final token, computed independently of both verifiers. */
export interface Facts {
  readonly parts: number
  /** The segment is strict base64url: only A–Z a–z 0–9 - _, a possible length, unused bits zero. */
  readonly signatureCanonical: boolean
  /** The signature text has padding, '+' or '/', other characters or a 4n+1 length (unused bits aside). */
  readonly signatureLenient: boolean
  readonly headerCanonical: boolean
  /** True for an unencoded (RFC 7797) payload, which is not base64url at all. */
  readonly payloadCanonical: boolean
  /** The decoded header bytes start with a UTF-8 byte order mark. */
  readonly headerBom: boolean
  readonly critListsB64: boolean
  readonly b64False: boolean
  readonly duplicateHeaderMember: boolean
  /** The header has a `kid` that is not a string. */
  readonly nonStringKid: boolean
}

const STRICT = /^[A-Za-z0-9_-]*$/

export function isCanonicalBase64url(segment: string): boolean {
  return STRICT.test(segment) && segment.length % 4 !== 1 && Buffer.from(segment, 'base64url').toString('base64url') === segment
}

/** Text no base64url encoder writes, whatever the unused bits of its last character. */
function isLenientText(segment: string): boolean {
  return !STRICT.test(segment) || segment.length % 4 === 1
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
  const parts = c.token.split('.')
  const [h = '', p = '', s = ''] = parts
  const headerBytes = joseBytes(h)
  let header: unknown
  try {
    header = headerBytes === undefined ? undefined : JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes))
  } catch {
    header = undefined
  }
  const object = typeof header === 'object' && header !== null && !Array.isArray(header) ? (header as Record<string, unknown>) : undefined
  const crit = object?.crit
  return {
    parts: parts.length,
    signatureCanonical: isCanonicalBase64url(s),
    signatureLenient: isLenientText(s),
    headerCanonical: isCanonicalBase64url(h),
    payloadCanonical: c.rawPayload || isCanonicalBase64url(p),
    headerBom: headerBytes !== undefined && headerBytes[0] === 0xef && headerBytes[1] === 0xbb && headerBytes[2] === 0xbf,
    critListsB64: Array.isArray(crit) && crit.includes('b64'),
    b64False: object?.b64 === false,
    duplicateHeaderMember: c.steps.some((step) => step.startsWith('header:dup-')),
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
      'jose 6 on Node 20 decodes base64url with atob (Uint8Array.fromBase64 is missing there), which skips ASCII whitespace, accepts "=" padding and ' +
      'ignores the unused bits of the last character. RFC 7515 §2 base64url has no padding, whitespace or line breaks, and jose itself rejects this text ' +
      'where fromBase64 exists; the core refuses a signature segment with such text (issue item 3).',
  },
  {
    id: 'non-canonical-segment-text',
    applies: (_c, f) => !f.headerCanonical || !f.payloadCanonical,
    justification:
      'The header or payload segment has padding, whitespace or set unused bits, and the signature was made over that text. jose (atob on Node 20, ' +
      'see above) reads it leniently; RFC 7515 §2 and §7.1 require base64url without padding or whitespace, so the core may refuse the token.',
  },
  {
    id: 'rfc7797-b64',
    applies: (_c, f) => f.critListsB64,
    justification:
      'The header marks "b64" critical. jose implements RFC 7797; the core does not, and RFC 7515 §4.1.11 requires a verifier that does not implement ' +
      'a critical extension to reject the token (issue item 2 allows refusing).',
  },
  {
    id: 'b64-false-without-crit',
    applies: (_c, f) => f.b64False && !f.critListsB64,
    justification:
      '"b64": false without "crit": ["b64"]. jose ignores the parameter and reads the payload as base64url. RFC 7797 §6 requires "b64" to be listed in ' +
      '"crit"; the issuer meant an unencoded payload, so the core refuses rather than verify it as if "b64" were true (issue item 2).',
  },
  {
    id: 'duplicate-header-member',
    applies: (_c, f) => f.duplicateHeaderMember,
    justification:
      'The header repeats a member name. RFC 7515 §5.2 lets a verifier either reject it or keep the last value; jose keeps the last (JSON.parse). ' +
      'Parsers disagree on which value wins, so refusing is the safe choice.',
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
 * Where the core must never say "verified", whatever jose says (issue items 1, 3 and 4). Set unused
 * bits in the signature's last character are not among them: the bytes are the same, RFC 4648 §3.5
 * only lets decoders reject them, and jose accepts them everywhere (atob, and fromBase64 in its
 * default "loose" mode), so "verified" is what a strict verifier says too.
 */
export const MUST_REFUSE: readonly MustRefuse[] = [
  { id: 'key-as-hmac-secret', applies: (c) => c.form.kind === 'confusion' },
  { id: 'degenerate-key', applies: (c) => c.form.kind === 'degenerate' },
  { id: 'lenient-signature-text', applies: (_c, f) => f.signatureLenient },
]

/** The first justified class a case belongs to, or undefined. */
export function classify(c: Case, facts: Facts): DisagreementClass | undefined {
  return JUSTIFIED.find((k) => k.applies(c, facts))
}
