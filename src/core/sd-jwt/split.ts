/**
 * Taking an SD-JWT text apart (RFC 9901 §4, §8) without hashing anything: small enough for first
 * paint, so the decoder can say "this is an SD-JWT" before the SD-JWT room is loaded.
 */
import { err, ok, type Result } from '../result'
import { MAX_DISCLOSURES } from './limits'
import type { SdJwtErrorCode, SdJwtParts, SdJwtSpan } from './types'

const TILDE = 0x7e
const DOT = 0x2e

function isBase64urlCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f
}

/** Dots in `text[from, to)`. */
function dotsIn(text: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === DOT) n++
  return n
}

/**
 * Whether a text is an SD-JWT in compact form (`<JWS>~…~` or `<JWS>~…~<KB-JWT>`: base64url, dots and
 * at least one `~`, the part before the first `~` with exactly two dots) or in the JSON
 * serialization (an object whose unprotected `header` has a `disclosures` array, RFC 9901 §8). One
 * pass over the text; never throws.
 */
export function looksLikeSdJwt(text: string): boolean {
  const t = text.trim()
  if (t.startsWith('{')) return jsonSdJwt(t) !== null
  const firstTilde = t.indexOf('~')
  if (firstTilde <= 0 || dotsIn(t, 0, firstTilde) !== 2 || t.charCodeAt(0) === DOT) return false
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i)
    if (!isBase64urlCode(c) && c !== DOT && c !== TILDE) return false
  }
  return true
}

/**
 * Cuts an SD-JWT text into the issuer-signed JWT, its disclosures and the Key Binding JWT (RFC 9901
 * §4: `<issuer-signed JWT>~<disclosure 1>~…~<disclosure N>~<optional KB-JWT>`), or reads the JSON
 * serialization (§8, flattened or general: `disclosures` and `kb_jwt` in the first unprotected
 * `header`). Surrounding whitespace is ignored; offsets point into `text` as given. Nothing is
 * decoded or hashed here: a disclosure that is not base64url JSON is reported when processing.
 * Refuses more than `MAX_DISCLOSURES` disclosures before splitting. Linear; never throws.
 */
export function splitSdJwt(text: string): Result<SdJwtParts, SdJwtErrorCode> {
  const lead = text.length - text.trimStart().length
  const t = text.trim()
  if (t.startsWith('{')) return splitJson(text, t, lead)
  return splitCompact(t, lead)
}

function splitCompact(t: string, lead: number): Result<SdJwtParts, SdJwtErrorCode> {
  const firstTilde = t.indexOf('~')
  if (firstTilde < 0) {
    return err('NOT_SD_JWT', "The text has no '~', so it is not an SD-JWT: an SD-JWT is the issuer-signed JWT followed by '~', each disclosure followed by '~', and optionally a Key Binding JWT.")
  }
  let tildes = 0
  for (let i = firstTilde; i < t.length; i++) if (t.charCodeAt(i) === TILDE) tildes++
  // The last part is the KB-JWT (or empty), so N disclosures take N + 1 tildes.
  if (tildes - 1 > MAX_DISCLOSURES) {
    return err('TOO_MANY_DISCLOSURES', `The SD-JWT has ${tildes - 1} disclosures; at most ${MAX_DISCLOSURES} are processed here. Real credentials carry a few dozen: check that the text is one SD-JWT.`)
  }
  const dots = dotsIn(t, 0, firstTilde)
  if (firstTilde === 0 || dots !== 2) {
    return err('ISSUER_JWT_MALFORMED', firstTilde === 0
      ? "The SD-JWT starts with '~': the issuer-signed JWT (header.payload.signature) must come first."
      : `The part before the first '~' has ${dots + 1} parts separated by '.', but the issuer-signed JWT is a signed JWT of 3 (header.payload.signature).`)
  }
  const issuerJwt: SdJwtSpan = { text: t.slice(0, firstTilde), start: lead }
  const disclosures: SdJwtSpan[] = []
  let start = firstTilde + 1
  for (;;) {
    const next = t.indexOf('~', start)
    if (next < 0) break
    if (next === start) {
      return err('EMPTY_DISCLOSURE', `The SD-JWT has '~~' at position ${lead + start}: an empty disclosure. Each '~' ends one disclosure; remove the extra '~'.`)
    }
    disclosures.push({ text: t.slice(start, next), start: lead + start })
    start = next + 1
  }
  if (start === t.length) return ok({ form: 'sd-jwt', issuerJwt, disclosures, kbJwt: null })
  const last = t.slice(start)
  if (dotsIn(last, 0, last.length) !== 2) {
    return err('KB_JWT_MALFORMED', `The part after the last '~' (position ${lead + start}) is not a Key Binding JWT (header.payload.signature). An SD-JWT without key binding ends with '~': if that part is a disclosure, add the '~' that ends it.`)
  }
  return ok({ form: 'sd-jwt+kb', issuerJwt, disclosures, kbJwt: { text: last, start: lead + start } })
}

interface JsonSdJwt {
  readonly protected: unknown
  readonly payload: unknown
  readonly signature: unknown
  readonly header: Record<string, unknown>
}

/** The members an SD-JWT in JSON serialization is made of, or null when the text is no such object. */
function jsonSdJwt(t: string): JsonSdJwt | null {
  if (!t.endsWith('}')) return null
  let o: unknown
  try {
    o = JSON.parse(t)
  } catch {
    return null
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return null
  const object = o as Record<string, unknown>
  const signatures = object['signatures']
  const first: unknown = Array.isArray(signatures) ? signatures[0] : object
  if (typeof first !== 'object' || first === null) return null
  const entry = first as Record<string, unknown>
  const header = entry['header']
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return null
  const h = header as Record<string, unknown>
  if (!Array.isArray(h['disclosures'])) return null
  return { protected: entry['protected'], payload: object['payload'], signature: entry['signature'], header: h }
}

/** Where a string member's value starts in the text (just past its opening quote), searching from `from`; -1 when written with escapes. */
function valueStart(text: string, value: string, from: number): number {
  const at = text.indexOf(`"${value}"`, from)
  return at < 0 ? -1 : at + 1
}

function splitJson(text: string, t: string, lead: number): Result<SdJwtParts, SdJwtErrorCode> {
  const o = jsonSdJwt(t)
  if (o === null) {
    return err('NOT_SD_JWT', 'The JSON is not an SD-JWT in JSON serialization: that is a JWS JSON object whose unprotected "header" has a "disclosures" array (RFC 9901 §8).')
  }
  const list = o.header['disclosures'] as unknown[]
  if (list.length > MAX_DISCLOSURES) {
    return err('TOO_MANY_DISCLOSURES', `The SD-JWT has ${list.length} disclosures; at most ${MAX_DISCLOSURES} are processed here. Real credentials carry a few dozen: check that the text is one SD-JWT.`)
  }
  const missing = (['protected', 'payload', 'signature'] as const).filter((name) => typeof o[name] !== 'string')
  if (missing.length > 0) {
    return err('JSON_SERIALIZATION_INVALID', `The SD-JWT in JSON serialization has no string ${missing.map((m) => `"${m}"`).join(', ')}: the issuer-signed JWT is made of "protected", "payload" and "signature" (RFC 9901 §8.1).`)
  }
  const bad = list.findIndex((d) => typeof d !== 'string' || d === '')
  if (bad >= 0) {
    return err('JSON_SERIALIZATION_INVALID', `Entry ${bad + 1} of "disclosures" is not a non-empty string: each entry is one disclosure, base64url text (RFC 9901 §8.1).`)
  }
  const kb = o.header['kb_jwt']
  if (kb !== undefined && (typeof kb !== 'string' || dotsIn(kb, 0, kb.length) !== 2)) {
    return err('KB_JWT_MALFORMED', 'The "kb_jwt" of the unprotected header is not a Key Binding JWT in compact form (header.payload.signature).')
  }
  const [protectedText, payload, signature] = [o.protected, o.payload, o.signature] as [string, string, string]
  const issuerStart = valueStart(text, protectedText, lead)
  let cursor = Math.max(lead, text.indexOf('"disclosures"', lead))
  const disclosures = (list as string[]).map((d): SdJwtSpan => {
    const at = valueStart(text, d, cursor)
    if (at >= 0) cursor = at + d.length
    return { text: d, start: at }
  })
  const kbJwt = typeof kb === 'string' ? { text: kb, start: valueStart(text, kb, lead) } : null
  return ok({ form: 'json', issuerJwt: { text: `${protectedText}.${payload}.${signature}`, start: issuerStart }, disclosures, kbJwt })
}
