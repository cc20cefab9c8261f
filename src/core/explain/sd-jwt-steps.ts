/**
 * The walkthrough of an SD-JWT (RFC 9901): how the text is put together from the issuer-signed JWT,
 * the disclosures and an optional Key Binding JWT, and — byte by byte — how each disclosure is
 * encoded (JSON array → UTF-8 → base64url) and how its digest is computed (the hash of the base64url
 * text's ASCII bytes, itself base64url-encoded) and where that digest sits in the signed payload.
 * With a KB-JWT, how `sd_hash` covers the presentation. It explains from the text alone; verifying
 * is the SD-JWT room's work.
 */
import { isJsonObject, type JsonObject } from '../json-object'
import { cutSdJwt } from '../sd-jwt/cut'
import type { SdJwtParts, SdJwtSpan } from '../sd-jwt/types'
import { base64urlDecode, base64urlEncode } from '../token'
import type { DecodedToken, JsonValue } from '../types'
import { base64urlGroups } from './base64-groups'
import { clip, hex, hexInGroups, plural } from './format'
import type { ExplainStep } from './types'

/** The ids of the SD-JWT walkthrough's steps. */
export type SdJwtExplainStepId = 'sd-jwt-parts' | 'sd-jwt-disclosure' | 'sd-jwt-digest' | 'sd-jwt-more' | 'sd-jwt-sd-hash'

/** One step of the SD-JWT walkthrough: an {@link ExplainStep} with its own ids. */
export type SdJwtExplainStep = Omit<ExplainStep, 'id'> & { readonly id: SdJwtExplainStepId }

/** Disclosures walked through byte by byte; the rest are summarised (a walkthrough stays a few kilobytes). */
export const MAX_EXPLAINED_DISCLOSURES = 5

/** Digests looked for in the payload and disclosed values before giving up (bounded work). */
const MAX_VISITED = 100_000
const MAX_DEPTH = 64

/** `_sd_alg` names and the WebCrypto hash each one is. */
const HASHES: Readonly<Record<string, { readonly webCrypto: string; readonly bytes: number; readonly name: string }>> = {
  'sha-256': { webCrypto: 'SHA-256', bytes: 32, name: 'SHA-256' },
  'sha-384': { webCrypto: 'SHA-384', bytes: 48, name: 'SHA-384' },
  'sha-512': { webCrypto: 'SHA-512', bytes: 64, name: 'SHA-512' },
}

function jsonOf(bytes: Uint8Array | undefined): { text: string; value: unknown } | undefined {
  if (bytes === undefined) return undefined
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
  try {
    return { text, value: JSON.parse(text) }
  } catch {
    return { text, value: undefined }
  }
}

function issuerPayload(parts: SdJwtParts): JsonObject | undefined {
  const segments = parts.issuerJwt.text.split('.')
  const value = segments.length === 3 ? jsonOf(base64urlDecode(segments[1] as string))?.value : undefined
  return isJsonObject(value) ? value : undefined
}

/** JSON pointer escaping (RFC 6901). */
function pointerPart(name: string | number): string {
  return String(name).replace(/~/g, '~0').replace(/\//g, '~1')
}

/** Where each digest string sits: in an `_sd` array or as a `{"...": digest}` array element, with a description. */
function digestPlaces(payload: JsonObject, disclosed: readonly { readonly index: number; readonly label: string; readonly value: unknown }[]): Map<string, string> {
  const places = new Map<string, string>()
  const stack: { value: unknown; pointer: string; depth: number; within: string }[] = [{ value: payload, pointer: '', depth: 0, within: 'the issuer-signed payload' }]
  for (const d of disclosed) stack.push({ value: d.value, pointer: '', depth: 0, within: `the value of disclosure ${d.index + 1} (${d.label})` })
  let visited = 0
  while (stack.length > 0 && visited++ < MAX_VISITED) {
    const { value, pointer, depth, within } = stack.pop() as (typeof stack)[number]
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) continue
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (isJsonObject(item) && Object.keys(item).length === 1 && typeof item['...'] === 'string') {
          if (!places.has(item['...'])) places.set(item['...'], `element ${i} of the array at "${pointer === '' ? '/' : pointer}" in ${within}, written {"...": digest}`)
        } else stack.push({ value: item, pointer: `${pointer}/${i}`, depth: depth + 1, within })
      })
      continue
    }
    for (const name of Object.keys(value)) {
      const member = (value as JsonObject)[name]
      if (name === '_sd' && Array.isArray(member)) {
        for (const d of member) if (typeof d === 'string' && !places.has(d)) places.set(d, `the "_sd" array of ${pointer === '' ? 'the top-level object' : `the object at "${pointer}"`} in ${within}`)
      } else stack.push({ value: member, pointer: `${pointer}/${pointerPart(name)}`, depth: depth + 1, within })
    }
  }
  return places
}

async function hashAscii(text: string, webCrypto: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(webCrypto, new TextEncoder().encode(text)))
}

function partsStep(parts: SdJwtParts, sdAlg: string): SdJwtExplainStep {
  const n = parts.disclosures.length
  const form = parts.form === 'json'
    ? 'This SD-JWT is in the JSON serialization (RFC 9901 §8): the issuer-signed JWT is the JWS members "protected", "payload" and "signature", and the disclosures (and any KB-JWT) sit in the unprotected header as "disclosures" (and "kb_jwt").'
    : `The compact form (RFC 9901 §4) joins the parts with "~": the issuer-signed JWT, then each disclosure followed by "~", then ${parts.kbJwt === null ? 'nothing — the text ends with "~", so there is no Key Binding JWT' : 'the Key Binding JWT'}.`
  return {
    id: 'sd-jwt-parts',
    title: 'The parts of an SD-JWT',
    explanation:
      `${form} The issuer signs a payload that holds only digests of the selectively disclosable claims; each disclosure is a salt, a claim name (or an array element) and a value, and the holder decides which disclosures to hand over. ` +
      `A verifier hashes each disclosure it receives with "_sd_alg" (${sdAlg}) and looks for that digest in the signed payload: a match proves the issuer signed that claim.`,
    values: [
      { label: 'Issuer-signed JWT', value: plural(parts.issuerJwt.text.length, 'character') },
      { label: 'Disclosures', value: String(n) },
      { label: 'Key Binding JWT', value: parts.kbJwt === null ? 'none' : plural(parts.kbJwt.text.length, 'character') },
      { label: 'Digest algorithm (_sd_alg)', value: sdAlg },
    ],
  }
}

interface DecodedDisclosure {
  readonly index: number
  readonly span: SdJwtSpan
  readonly bytes: Uint8Array | undefined
  readonly text: string | undefined
  readonly array: readonly unknown[] | undefined
}

function describeDisclosure(d: DecodedDisclosure): string {
  const a = d.array
  if (a === undefined) return 'not a JSON array of two or three elements'
  return a.length === 3 ? `claim ${JSON.stringify(a[1])}` : 'an array element'
}

function disclosureStep(d: DecodedDisclosure): SdJwtExplainStep {
  const n = d.index + 1
  if (d.bytes === undefined || d.text === undefined) {
    return {
      id: 'sd-jwt-disclosure',
      title: `Disclosure ${n}: not readable`,
      explanation: `Disclosure ${n} is not base64url of UTF-8 text, so there is no JSON array to show. Its digest can still be computed (next step): the digest covers the characters as written.`,
      values: [{ label: 'As written', value: clip(d.span.text), mono: true }],
    }
  }
  const a = d.array
  const shape = a === undefined
    ? 'It decodes to text that is not a JSON array of two or three elements, so it is not a valid disclosure (RFC 9901 §4.2.1).'
    : a.length === 3
      ? `It is the JSON array [salt, claim name, claim value] (RFC 9901 §4.2.1): the salt ${JSON.stringify(a[0])}, the claim name ${JSON.stringify(a[1])} and its value.`
      : `It is the JSON array [salt, value] of an array element (RFC 9901 §4.2.2): the salt ${JSON.stringify(a[0])} and the element's value.`
  const table = base64urlGroups(d.bytes)
  const values = [
    { label: 'JSON text', value: clip(d.text), mono: true },
    { label: 'UTF-8 bytes (hex, 3-byte groups)', value: hexInGroups(d.bytes), mono: true },
    { label: 'Byte count', value: String(d.bytes.length) },
    { label: 'base64url (as written)', value: clip(d.span.text), mono: true },
  ]
  const canonical = base64urlEncode(d.bytes)
  if (canonical !== d.span.text) values.push({ label: 'Canonical base64url of these bytes', value: clip(canonical), mono: true })
  const omitted = table.omitted > 0 ? ` The table shows the first ${table.groups.length - 1} of ${table.total} groups and the final one.` : ''
  return {
    id: 'sd-jwt-disclosure',
    title: `Disclosure ${n}: JSON array → UTF-8 → base64url`,
    explanation:
      `${shape} The issuer wrote this JSON text, took its UTF-8 bytes and base64url-encoded them, three bytes to four characters, without padding. ` +
      'The JSON is never re-serialized: the digest is over these characters, so whitespace and escapes chosen by the issuer are part of it, and a verifier must not decode and re-encode a disclosure before hashing it.' +
      omitted,
    values,
    groups: table.groups,
    groupsOmitted: table.omitted,
  }
}

async function digestStep(d: DecodedDisclosure, sdAlg: string, places: Map<string, string>): Promise<SdJwtExplainStep> {
  const n = d.index + 1
  const hash = HASHES[sdAlg]
  const ascii = new TextEncoder().encode(d.span.text)
  const input = { label: 'Hash input: ASCII bytes of the base64url text (hex)', value: hexInGroups(ascii), mono: true }
  if (hash === undefined) {
    return {
      id: 'sd-jwt-digest',
      title: `Disclosure ${n}: its digest`,
      explanation: `The digest would be ${JSON.stringify(sdAlg)} over the ASCII bytes of the disclosure's base64url text, but that hash is not one this walkthrough computes (sha-256, sha-384, sha-512), so the digest is not shown.`,
      values: [input],
    }
  }
  const digestBytes = await hashAscii(d.span.text, hash.webCrypto)
  const digest = base64urlEncode(digestBytes)
  const place = places.get(digest)
  const where = place === undefined
    ? 'No digest in the signed payload or in the other disclosed values is this one: the issuer did not sign this disclosure (or it was changed), so a verifier must reject the SD-JWT (RFC 9901 §7.1).'
    : `The digest is in ${place}: that is where the disclosed ${describeDisclosure(d)} plugs in, and the issuer's signature over the payload covers it.`
  return {
    id: 'sd-jwt-digest',
    title: `Disclosure ${n}: its ${hash.name} digest`,
    explanation:
      `The digest is ${hash.name} over the ASCII bytes of the base64url text exactly as written (${plural(ascii.length, 'byte')}: one per character), not over the decoded JSON (RFC 9901 §4.2.3). ` +
      `The ${plural(hash.bytes, 'byte')} of the hash are then base64url-encoded into ${plural(digest.length, 'character')}. ${where}`,
    values: [
      input,
      { label: `${hash.name} (hex)`, value: hex(digestBytes), mono: true },
      { label: 'Digest (base64url)', value: digest, mono: true },
      { label: 'Referenced in', value: place ?? 'nowhere' },
    ],
  }
}

async function sdHashStep(parts: SdJwtParts, token: string, sdAlg: string): Promise<SdJwtExplainStep | undefined> {
  const kb = parts.kbJwt
  if (kb === null) return undefined
  const segments = kb.text.split('.')
  const payload = segments.length === 3 ? jsonOf(base64urlDecode(segments[1] as string))?.value : undefined
  const written = isJsonObject(payload) && typeof payload.sd_hash === 'string' ? payload.sd_hash : undefined
  const hash = HASHES[sdAlg]
  if (parts.form === 'json') {
    return {
      id: 'sd-jwt-sd-hash',
      title: 'Key binding: what sd_hash covers',
      explanation:
        'In the JSON serialization, "sd_hash" covers the compact form rebuilt from its members — the issuer-signed JWT, each disclosure followed by "~" (RFC 9901 §8.1) — hashed with "_sd_alg". The SD-JWT view compares it.',
      values: [{ label: 'sd_hash in the KB-JWT', value: written ?? 'missing', mono: true }],
    }
  }
  const covered = token.slice(parts.issuerJwt.start, kb.start)
  const values = [
    { label: 'Hash input (the text up to the last "~")', value: clip(covered), mono: true },
    { label: 'Length', value: plural(covered.length, 'character') },
  ]
  if (hash === undefined) {
    return {
      id: 'sd-jwt-sd-hash',
      title: 'Key binding: what sd_hash covers',
      explanation: `"sd_hash" is the "_sd_alg" hash (${JSON.stringify(sdAlg)}, which this walkthrough does not compute) of everything before the KB-JWT: the issuer-signed JWT and the presented disclosures, each followed by "~" (RFC 9901 §4.3.1).`,
      values: [...values, { label: 'sd_hash in the KB-JWT', value: written ?? 'missing', mono: true }],
    }
  }
  const computed = base64urlEncode(await hashAscii(covered, hash.webCrypto))
  const verdict = written === undefined
    ? 'The KB-JWT has no "sd_hash" string, so it does not say which presentation it belongs to: a verifier must reject it.'
    : written === computed
      ? 'It equals the KB-JWT\'s "sd_hash": the holder signed exactly this selection of disclosures, and none can be added or removed without breaking key binding.'
      : 'It differs from the KB-JWT\'s "sd_hash": the disclosures presented are not the ones the holder signed for (added, removed or reordered), so a verifier must reject the presentation.'
  return {
    id: 'sd-jwt-sd-hash',
    title: `Key binding: the ${hash.name} of the presentation (sd_hash)`,
    explanation:
      `The Key Binding JWT is signed by the holder's key (the "cnf" of the issuer-signed payload) and carries "sd_hash": ${hash.name} over the ASCII of everything before it — the issuer-signed JWT and each presented disclosure followed by "~" — base64url-encoded (RFC 9901 §4.3.1). ${verdict}`,
    values: [
      ...values,
      { label: `${hash.name} of it (base64url)`, value: computed, mono: true },
      { label: 'sd_hash in the KB-JWT', value: written ?? 'missing', mono: true },
    ],
    verdict: written === computed ? 'pass' : 'fail',
  }
}

/**
 * The SD-JWT steps of a token whose text is an SD-JWT (compact or JSON serialization), to follow the
 * issuer-signed JWT's own steps; undefined when the text is not one. Listings are capped: at most
 * {@link MAX_EXPLAINED_DISCLOSURES} disclosures byte by byte, a summary step for the rest. Never throws
 * for hostile input (WebCrypto refusing a hash is the only failure, and it is not expected).
 */
export async function sdJwtSteps(token: DecodedToken): Promise<SdJwtExplainStep[] | undefined> {
  let parts = token.sdJwt
  if (parts === undefined) {
    const split = cutSdJwt(token.token)
    if (!split.ok) return undefined
    parts = split.value
  }
  const payload = issuerPayload(parts) ?? {}
  const sdAlg = typeof payload._sd_alg === 'string' ? payload._sd_alg : payload._sd_alg === undefined ? 'sha-256' : JSON.stringify(payload._sd_alg as JsonValue)
  const decoded: DecodedDisclosure[] = parts.disclosures.map((span, index) => {
    const bytes = base64urlDecode(span.text)
    const json = jsonOf(bytes)
    const array = Array.isArray(json?.value) && (json.value.length === 2 || json.value.length === 3) ? (json.value as unknown[]) : undefined
    return { index, span, bytes: json === undefined ? undefined : bytes, text: json?.text, array }
  })
  const disclosed = decoded.flatMap((d) => (d.array === undefined ? [] : [{ index: d.index, label: describeDisclosure(d), value: d.array[d.array.length - 1] }]))
  const places = digestPlaces(payload, disclosed)
  const steps: SdJwtExplainStep[] = [partsStep(parts, sdAlg)]
  for (const d of decoded.slice(0, MAX_EXPLAINED_DISCLOSURES)) {
    steps.push(disclosureStep(d), await digestStep(d, sdAlg, places))
  }
  const rest = decoded.length - MAX_EXPLAINED_DISCLOSURES
  if (rest > 0) {
    steps.push({
      id: 'sd-jwt-more',
      title: `${plural(rest, 'more disclosure')}`,
      explanation: `The other ${plural(rest, 'disclosure')} ${rest === 1 ? 'is' : 'are'} encoded and hashed the same way; the Disclosures table lists each with its digest.`,
      values: decoded.slice(MAX_EXPLAINED_DISCLOSURES, MAX_EXPLAINED_DISCLOSURES + 20).map((d) => ({ label: `Disclosure ${d.index + 1}`, value: d.array === undefined ? 'not a valid disclosure' : describeDisclosure(d) })),
    })
  }
  const kb = await sdHashStep(parts, token.token, sdAlg)
  if (kb !== undefined) steps.push(kb)
  return steps
}
