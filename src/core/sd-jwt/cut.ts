/**
 * Cutting an SD-JWT text into its parts (RFC 9901 §4, §8) with no messages and no hashing: the part
 * first paint needs, so the decoder can say "this is an SD-JWT" before the SD-JWT room is loaded.
 * `splitSdJwt` (split.ts) puts the failures into words.
 */
import { MAX_DISCLOSURES } from './limits'
import type { SdJwtErrorCode, SdJwtParts, SdJwtSpan } from './types'

const TILDE = 0x7e
const DOT = 0x2e

/** Why a text could not be cut, with what the message needs. */
export type CutFailure =
  | { readonly code: 'NOT_SD_JWT'; readonly json: boolean }
  | { readonly code: 'TOO_MANY_DISCLOSURES'; readonly count: number }
  | { readonly code: 'ISSUER_JWT_MALFORMED'; readonly parts: number }
  | { readonly code: 'EMPTY_DISCLOSURE' | 'KB_JWT_MALFORMED'; readonly position: number }
  | { readonly code: 'JSON_SERIALIZATION_INVALID'; readonly missing: readonly string[]; readonly entry: number }
  | { readonly code: 'JSON_KB_JWT_MALFORMED' }

/** Failure codes as {@link SdJwtErrorCode}s. */
export function cutErrorCode(failure: CutFailure): SdJwtErrorCode {
  return failure.code === 'JSON_KB_JWT_MALFORMED' ? 'KB_JWT_MALFORMED' : failure.code
}

function isBase64urlCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f
}

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

/** The parts of an SD-JWT text, or why it has none; see `splitSdJwt`. Linear; never throws. */
export function cutSdJwt(text: string): { readonly ok: true; readonly value: SdJwtParts } | { readonly ok: false; readonly failure: CutFailure } {
  const lead = text.length - text.trimStart().length
  const t = text.trim()
  return t.startsWith('{') ? cutJson(text, t, lead) : cutCompact(t, lead)
}

const fail = (failure: CutFailure) => ({ ok: false, failure }) as const

function cutCompact(t: string, lead: number) {
  const firstTilde = t.indexOf('~')
  if (firstTilde < 0) return fail({ code: 'NOT_SD_JWT', json: false })
  let tildes = 0
  for (let i = firstTilde; i < t.length; i++) if (t.charCodeAt(i) === TILDE) tildes++
  // The last part is the KB-JWT (or empty), so N disclosures take N + 1 tildes.
  if (tildes - 1 > MAX_DISCLOSURES) return fail({ code: 'TOO_MANY_DISCLOSURES', count: tildes - 1 })
  const dots = dotsIn(t, 0, firstTilde)
  if (firstTilde === 0 || dots !== 2) return fail({ code: 'ISSUER_JWT_MALFORMED', parts: firstTilde === 0 ? 0 : dots + 1 })
  const issuerJwt: SdJwtSpan = { text: t.slice(0, firstTilde), start: lead }
  const disclosures: SdJwtSpan[] = []
  let start = firstTilde + 1
  for (;;) {
    const next = t.indexOf('~', start)
    if (next < 0) break
    if (next === start) return fail({ code: 'EMPTY_DISCLOSURE', position: lead + start })
    disclosures.push({ text: t.slice(start, next), start: lead + start })
    start = next + 1
  }
  if (start === t.length) return { ok: true, value: { form: 'sd-jwt', issuerJwt, disclosures, kbJwt: null } } as const
  const last = t.slice(start)
  if (dotsIn(last, 0, last.length) !== 2) return fail({ code: 'KB_JWT_MALFORMED', position: lead + start })
  return { ok: true, value: { form: 'sd-jwt+kb', issuerJwt, disclosures, kbJwt: { text: last, start: lead + start } } } as const
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

function cutJson(text: string, t: string, lead: number) {
  const o = jsonSdJwt(t)
  if (o === null) return fail({ code: 'NOT_SD_JWT', json: true })
  const list = o.header['disclosures'] as unknown[]
  if (list.length > MAX_DISCLOSURES) return fail({ code: 'TOO_MANY_DISCLOSURES', count: list.length })
  const missing = (['protected', 'payload', 'signature'] as const).filter((name) => typeof o[name] !== 'string')
  const entry = list.findIndex((d) => typeof d !== 'string' || d === '')
  if (missing.length > 0 || entry >= 0) return fail({ code: 'JSON_SERIALIZATION_INVALID', missing, entry })
  const kb = o.header['kb_jwt']
  if (kb !== undefined && (typeof kb !== 'string' || dotsIn(kb, 0, kb.length) !== 2)) return fail({ code: 'JSON_KB_JWT_MALFORMED' })
  const [protectedText, payload, signature] = [o.protected, o.payload, o.signature] as [string, string, string]
  const issuerStart = valueStart(text, protectedText, lead)
  let cursor = Math.max(lead, text.indexOf('"disclosures"', lead))
  // One miss (a disclosure written with escapes) ends the search: each further miss would scan to the end.
  const disclosures = (list as string[]).map((d): SdJwtSpan => {
    const at = cursor < 0 ? -1 : valueStart(text, d, cursor)
    cursor = at < 0 ? -1 : at + d.length
    return { text: d, start: at }
  })
  const kbJwt = typeof kb === 'string' ? { text: kb, start: valueStart(text, kb, lead) } : null
  const parts: SdJwtParts = { form: 'json', issuerJwt: { text: `${protectedText}.${payload}.${signature}`, start: issuerStart }, disclosures, kbJwt }
  return { ok: true, value: parts } as const
}
