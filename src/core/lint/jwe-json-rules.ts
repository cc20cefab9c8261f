/**
 * JWE JSON serialization rules (RFC 7516 §7.2): one JWE carries its header in up to three places —
 * the protected header, the shared unprotected header and each recipient's header — and a recipient
 * reads their union. A name in two places (RFC 7516 §7.2.1 forbids it) lets two receivers read two
 * different headers; recipients that disagree on `enc` cannot share one ciphertext; and claims
 * replicated outside the protected header (RFC 7519 §5.3) are readable by anyone and changeable by anyone.
 */
import type { JsonObject } from '../json-object'
import { parseJwe, type ParsedJwe } from '../jwe/parse-jwe'
import type { DecodedToken, JsonValue } from '../types'
import { looksLikeJsonJwe } from './on-demand'
import { listOf, quote, showJson } from './token-parts'
import type { Finding, LintRule } from './types'

/** Claims RFC 7519 §5.3 allows an encrypted token's header to replicate. */
const REPLICATED = ['iss', 'sub', 'aud'] as const

/** One place a header member can sit, as messages name it. */
interface HeaderPlace {
  readonly where: string
  readonly header: JsonObject
}

/** The JSON-serialized JWE the token's text is, or undefined (compact, unreadable, or not a JWE). */
function jsonJweOf(token: DecodedToken): ParsedJwe | undefined {
  if (parsedOf.has(token)) return parsedOf.get(token)
  const parsed = looksLikeJsonJwe(token.token) ? parseJwe(token.token) : undefined
  const jwe = parsed !== undefined && parsed.ok && parsed.value.serialization !== 'compact' ? parsed.value : undefined
  parsedOf.set(token, jwe)
  return jwe
}

// The three rules read the same token: parse its JSON once.
const parsedOf = new WeakMap<DecodedToken, ParsedJwe | undefined>()

function recipientLabel(jwe: ParsedJwe, index: number): string {
  return jwe.serialization === 'general' ? `the header of recipient ${index + 1}` : 'the per-recipient "header"'
}

/** The places of one recipient's header, in the order RFC 7516 §7.2.1 lists them. */
function placesOf(jwe: ParsedJwe, index: number): HeaderPlace[] {
  const places: HeaderPlace[] = []
  if (jwe.protectedText.length > 0) places.push({ where: 'the protected header', header: jwe.protectedHeader })
  if (jwe.unprotected !== undefined) places.push({ where: 'the shared "unprotected" header', header: jwe.unprotected })
  const own = jwe.recipients[index]?.header
  if (own !== undefined) places.push({ where: recipientLabel(jwe, index), header: own })
  return places
}

function has(object: JsonObject, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, name)
}

function same(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || b === undefined) return false
  // Primitives compare directly; only objects and arrays need their JSON text.
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b
  return showJson(a, 10_000) === showJson(b, 10_000)
}

/** A member name in more than one place; `conflict` when the values differ. */
interface Duplicate {
  readonly name: string
  readonly conflict: boolean
  /** How messages describe it: built only for the few that are shown. */
  readonly text: () => string
}

function duplicatesOf(jwe: ParsedJwe): Duplicate[] {
  const found = new Map<string, Duplicate>()
  for (let i = 0; i < jwe.recipients.length; i++) {
    const places = placesOf(jwe, i)
    // Each name is looked up in the later places only: linear in the number of members.
    for (let p = 0; p < places.length; p++) {
      const place = places[p] as HeaderPlace
      for (const name of Object.keys(place.header)) {
        if (places.slice(0, p).some((earlier) => has(earlier.header, name))) continue
        const holders = [place, ...places.slice(p + 1).filter((later) => has(later.header, name))]
        if (holders.length < 2) continue
        const key = `${name}\u0000${holders.map((h) => h.where).join('\u0000')}`
        if (found.has(key)) continue
        const first = place.header[name]
        const conflict = holders.some((h) => !same(h.header[name], first))
        const text = conflict
          ? () => `"${name}" is ${holders.map((h) => `${showJson(h.header[name] as JsonValue)} in ${h.where}`).join(' but ')}`
          : () => `"${name}" (${showJson(first as JsonValue)}) is in ${holders.map((h) => h.where).join(' and in ')}`
        found.set(key, { name, conflict, text })
      }
    }
  }
  return [...found.values()]
}

/** A name in two header places, or two places that give it different values (RFC 7516 §7.2.1). */
export const jweJsonDuplicateRule: LintRule = (token) => {
  const jwe = jsonJweOf(token)
  if (jwe === undefined) return []
  const duplicates = duplicatesOf(jwe)
  if (duplicates.length === 0) return []
  const conflicts = duplicates.filter((d) => d.conflict)
  const shown = (list: readonly Duplicate[]) => listOf(list.slice(0, 5).map((d) => d.text()), 5, list.length)
  const findings: Finding[] = []
  if (conflicts.length > 0) {
    const algOrEnc = conflicts.some((d) => d.name === 'alg' || d.name === 'enc')
    findings.push({
      id: 'jwe-json-header-conflict',
      severity: 'high',
      title: `Header places disagree: ${listOf(conflicts.slice(0, 5).map((d) => `"${d.name}"`), 5, conflicts.length)}`,
      explanation:
        `The JWE gives a header member two different values in two places: ${shown(conflicts)}. RFC 7516 §7.2.1 requires the protected, shared unprotected and per-recipient headers to have no name in common, ` +
        `so the token is invalid; a receiver that merges them anyway picks one value, and which one depends on the library${algOrEnc ? ' — two receivers can decrypt the same token with different algorithms, and a proxy that checks one header is fooled by the other' : ''}.`,
      fix: 'Put each header member in exactly one place (security-relevant ones such as "alg", "enc" and "zip" in the protected header), and have receivers refuse a JWE whose header places share a name.',
      reference: 'RFC 7516 §7.2.1 and §5.2',
    })
  }
  const repeats = duplicates.filter((d) => !d.conflict)
  if (repeats.length > 0) {
    findings.push({
      id: 'jwe-json-header-duplicate',
      severity: 'medium',
      title: `Header member in two places: ${listOf(repeats.slice(0, 5).map((d) => `"${d.name}"`), 5, repeats.length)}`,
      explanation:
        `The same header member is written in more than one place: ${shown(repeats)}. The values agree, but RFC 7516 §7.2.1 requires the places to have no name in common, so strict receivers (this tool's decryption among them) refuse the token, and the copy outside the protected header can be changed without breaking the tag.`,
      fix: 'Keep one copy of each header member — in the protected header when it matters for security — and drop the others.',
      reference: 'RFC 7516 §7.2.1',
    })
  }
  return findings
}

/** Recipients whose `enc` differs or is missing: one ciphertext has one content encryption algorithm. */
export const jweJsonEncRule: LintRule = (token) => {
  const jwe = jsonJweOf(token)
  if (jwe === undefined || jwe.recipients.length < 2) return []
  const encs = jwe.recipients.map((_r, i) => {
    const holder = placesOf(jwe, i).find((p) => has(p.header, 'enc'))
    return holder === undefined ? undefined : holder.header.enc
  })
  const first = encs[0]
  if (encs.every((e) => e !== undefined && same(e, first))) return []
  const described = encs.map((e, i) => `recipient ${i + 1}: ${e === undefined ? 'none' : typeof e === 'string' ? quote(e) : showJson(e)}`)
  return [{
    id: 'jwe-json-enc-disagree',
    severity: 'high',
    title: 'Recipients disagree on "enc"',
    explanation:
      `All recipients of a JWE share one ciphertext, IV and tag, so they share one content encryption algorithm; here the recipients' headers say ${listOf(described, 6)}. ` +
      'At most one of them can decrypt; the others were changed or were never encrypted for, and a receiver that believes its own "enc" is misled.',
    fix: 'Put "enc" once, in the protected header, so every recipient reads the same value and it is integrity-protected.',
    reference: 'RFC 7516 §7.2.1 and §4.1.2',
  }]
}

/** `alg`/`enc` only outside the protected header, and claims replicated there (RFC 7519 §5.3). */
export const jweJsonUnprotectedRule: LintRule = (token) => {
  const jwe = jsonJweOf(token)
  if (jwe === undefined) return []
  const findings: Finding[] = []
  const unprotectedPlaces: HeaderPlace[] = []
  if (jwe.unprotected !== undefined) unprotectedPlaces.push({ where: 'the shared "unprotected" header', header: jwe.unprotected })
  jwe.recipients.forEach((r, i) => {
    if (r.header !== undefined) unprotectedPlaces.push({ where: recipientLabel(jwe, i), header: r.header })
  })
  const claims: string[] = []
  for (const place of unprotectedPlaces) {
    for (const name of REPLICATED) {
      if (has(place.header, name) && !has(jwe.protectedHeader, name)) claims.push(`"${name}" in ${place.where}`)
    }
  }
  if (claims.length > 0) {
    findings.push({
      id: 'jwe-json-unprotected-claims',
      severity: 'medium',
      title: 'Claims replicated in an unprotected header',
      explanation:
        `The JWE replicates claims in the clear (RFC 7519 §5.3), but outside the protected header: ${listOf(claims, 5)}. The unprotected headers are not part of the AAD, ` +
        'so anyone on the way can change them without breaking decryption; a router or recipient that acts on them acts on values nobody vouches for.',
      fix: 'Replicate claims only in the protected header, as exact copies of the inner claims, and decide on the decrypted, signed claims.',
      reference: 'RFC 7519 §5.3; RFC 7516 §7.2.1',
    })
  }
  const exposed = (['enc'] as const).filter((name) => !has(jwe.protectedHeader, name) && unprotectedPlaces.some((p) => has(p.header, name)))
  if (exposed.length > 0) {
    findings.push({
      id: 'jwe-json-enc-unprotected',
      severity: 'low',
      title: '"enc" is not integrity-protected',
      explanation:
        `"enc" is only in ${unprotectedPlaces.filter((p) => has(p.header, 'enc')).map((p) => p.where).join(' and ')}, not in the protected header${jwe.protectedText.length === 0 ? ' (this JWE has none: nothing of its header is authenticated)' : ''}. ` +
        'The algorithm that decrypts the content can then be swapped by anyone on the way; a receiver that does not pin it may be steered to a weaker one, or to an error it reports differently.',
      fix: 'Put "enc" (and any "zip") in the protected header, so it is part of the AAD; receivers should accept only the algorithms they expect.',
      reference: 'RFC 7516 §5.2 and §7.2.1; RFC 8725 §3.1',
    })
  }
  return findings
}

/** Every JSON-serialization rule, in the order their findings are listed. */
export const jweJsonRules: readonly LintRule[] = [jweJsonDuplicateRule, jweJsonEncRule, jweJsonUnprotectedRule]

/** All findings about a JWE in JSON serialization (one rule family for the lint list). */
export const jweJsonRule: LintRule = (token, context) => (looksLikeJsonJwe(token.token) ? jweJsonRules.flatMap((rule) => rule(token, context)) : [])
