/**
 * Processing an SD-JWT as RFC 9901 §7.1 describes: digests of the disclosures, matched against the
 * `_sd` arrays and `{"...": digest}` array elements of the issuer-signed payload (and of disclosed
 * values, recursively), the processed payload, and the checks that need no key.
 */
import { hasMember, isJsonObject } from '../json-object'
import { err, ok, type Result } from '../result'
import { base64urlDecode, base64urlEncode } from '../token/base64url-codec'
import { parseJsonText } from '../token/json'
import type { JsonValue } from '../types'
import { MAX_DEPTH } from './limits'
import { splitSdJwt } from './split'
import type {
  ClaimVisibility,
  Disclosure,
  DisclosureContent,
  ProcessedClaim,
  ProcessedSdJwt,
  SdJwtCheck,
  SdJwtCheckId,
  SdJwtErrorCode,
  SdJwtParts,
  UndisclosedDigest,
} from './types'

type JsonObject = { [name: string]: JsonValue }

/** `_sd_alg` values computed here, with their WebCrypto names (RFC 9901 §4.1.1). */
export const SD_HASHES: Readonly<Record<string, 'SHA-256' | 'SHA-384' | 'SHA-512'>> = {
  'sha-256': 'SHA-256',
  'sha-384': 'SHA-384',
  'sha-512': 'SHA-512',
}

/**
 * The other names of the IANA "Named Information Hash Algorithm" registry: recognised, so the row
 * can say what they are, but not computed here (truncated ones are unfit, RFC 9901 §9.4).
 */
const NAMED_HASHES: readonly string[] = [
  'sha-256-128', 'sha-256-120', 'sha-256-96', 'sha-256-64', 'sha-256-32',
  'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512',
  'blake2s-256', 'blake2b-256', 'blake2b-512', 'k12-256', 'k12-512',
]

const RESERVED_NAMES = new Set(['_sd', '...'])

/** Claims SD-JWT VC keeps out of disclosures (draft-ietf-oauth-sd-jwt-vc, Registered JWT Claims). */
export const NEVER_DISCLOSABLE_VC_CLAIMS: readonly string[] = ['iss', 'nbf', 'exp', 'cnf', 'vct', 'vct#integrity', 'status']

const VC_REFERENCE = 'draft-ietf-oauth-sd-jwt-vc §3.2.2.2'

/** Problems listed one by one in a row; the rest are counted. */
const MAX_LISTED = 5

const UTF8 = new TextDecoder('utf-8', { fatal: true })
const ASCII = new TextEncoder()

/** Digest of a text under one of {@link SD_HASHES}, base64url (RFC 9901 §4.2.3: over the ASCII of the base64url text). */
export async function sdDigest(text: string, hash: 'SHA-256' | 'SHA-384' | 'SHA-512'): Promise<string> {
  return base64urlEncode(new Uint8Array(await crypto.subtle.digest(hash, ASCII.encode(text))))
}

/** JSON pointer segment escaping (RFC 6901). */
function escapePointer(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1')
}

function setMember(object: JsonObject, name: string, value: JsonValue): void {
  // A claim named "__proto__" must stay a claim.
  Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true })
}

function list(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED)
  const more = items.length - shown.length
  const text = shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] as string}`
  return more > 0 ? `${shown.join(', ')} and ${more} more` : text
}

/** A decoded JSON value from base64url text (the UTF-8 JSON of a JWT part or a disclosure), or why not. */
export function decodeJsonPart(encoded: string): { value: JsonValue; text: string } | { problem: string } {
  const bytes = base64urlDecode(encoded)
  if (bytes === undefined) return { problem: 'is not base64url' }
  let text: string
  try {
    text = UTF8.decode(bytes)
  } catch {
    return { problem: 'is not UTF-8 text once decoded' }
  }
  const parsed = parseJsonText(text)
  if (parsed.errors.length > 0 || parsed.value === undefined) return { problem: 'is not JSON once decoded' }
  return { value: parsed.value, text }
}

interface DecodedDisclosure {
  readonly index: number
  readonly encoded: string
  readonly start: number
  readonly json: string
  readonly content: DisclosureContent
}

/** A disclosure's content (RFC 9901 §4.2.1, §4.2.2), or the plain reason it is malformed. */
function decodeDisclosure(encoded: string): { json: string; content: DisclosureContent } | { problem: string } {
  const decoded = decodeJsonPart(encoded)
  if ('problem' in decoded) return decoded
  const value = decoded.value
  if (!Array.isArray(value)) return { problem: 'is not a JSON array' }
  if (value.length !== 2 && value.length !== 3) return { problem: `is an array of ${value.length} elements, not 2 ([salt, value]) or 3 ([salt, name, value])` }
  const salt = value[0]
  if (typeof salt !== 'string') return { problem: 'has a salt that is not a string' }
  if (value.length === 2) return { json: decoded.text, content: { kind: 'element', salt, value: value[1] as JsonValue } }
  const name = value[1]
  if (typeof name !== 'string') return { problem: 'has a claim name that is not a string' }
  return { json: decoded.text, content: { kind: 'property', salt, name, value: value[2] as JsonValue } }
}

function row(id: SdJwtCheckId, verdict: SdJwtCheck['verdict'], title: string, detail: string, reference: string): SdJwtCheck {
  return { id, verdict, title, detail, reference }
}

/** What the walk over the payload found. */
interface Walk {
  readonly seen: Set<string>
  readonly duplicates: string[]
  readonly reserved: string[]
  readonly overwrites: string[]
  readonly wrongKind: string[]
  readonly nestedSdAlg: string[]
  readonly undisclosed: UndisclosedDigest[]
  readonly claims: ProcessedClaim[]
  readonly referencedAt: Map<number, string>
  readonly placedAt: Map<number, string>
  tooDeep: boolean
}

interface Context {
  readonly byDigest: ReadonlyMap<string, DecodedDisclosure>
  readonly walk: Walk
}

/** Processes one value (RFC 9901 §7.1 steps 3.2–3.5): returns the processed copy. */
function processValue(value: JsonValue, pointer: string, depth: number, ctx: Context, disclosure: number | null): JsonValue {
  if (depth > MAX_DEPTH) {
    ctx.walk.tooDeep = true
    return null
  }
  if (Array.isArray(value)) return processArray(value, pointer, depth, ctx, disclosure)
  if (isJsonObject(value)) return processObject(value, pointer, depth, ctx, disclosure)
  return value
}

function claim(ctx: Context, pointer: string, disclosure: number | null): void {
  const visibility: ClaimVisibility = disclosure === null ? 'always-visible' : 'disclosed'
  ctx.walk.claims.push({ pointer, visibility, disclosure })
}

function processObject(object: { readonly [name: string]: JsonValue }, pointer: string, depth: number, ctx: Context, disclosure: number | null): JsonValue {
  const out: JsonObject = {}
  const { walk } = ctx
  for (const name of Object.keys(object)) {
    if (name === '_sd') continue
    if (name === '_sd_alg' && depth > 0) {
      walk.nestedSdAlg.push(pointer === '' ? '/' : pointer)
      continue
    }
    if (name === '_sd_alg') continue
    const at = `${pointer}/${escapePointer(name)}`
    claim(ctx, at, disclosure)
    setMember(out, name, processValue(object[name] as JsonValue, at, depth + 1, ctx, disclosure))
  }
  const sd = object['_sd']
  if (!hasMember(object, '_sd') || !Array.isArray(sd)) return out
  for (const digest of sd) {
    if (typeof digest !== 'string') continue
    const found = meetDigest(digest, pointer, 'property', ctx)
    if (found === undefined) continue
    const content = found.content
    if (content.kind !== 'property') {
      walk.wrongKind.push(`disclosure ${found.index + 1} is an array element ([salt, value]) but its digest is in the "_sd" of ${pointer === '' ? 'the payload' : pointer}, which takes [salt, name, value]`)
      continue
    }
    if (RESERVED_NAMES.has(content.name)) {
      walk.reserved.push(`disclosure ${found.index + 1} names its claim "${content.name}"`)
      continue
    }
    if (hasMember(out, content.name) || hasMember(object, content.name)) {
      walk.overwrites.push(`disclosure ${found.index + 1} discloses "${content.name}", which ${pointer === '' ? 'the payload' : pointer} already has`)
      continue
    }
    const at = `${pointer}/${escapePointer(content.name)}`
    walk.placedAt.set(found.index, at)
    claim(ctx, at, found.index)
    setMember(out, content.name, processValue(content.value, at, depth + 1, ctx, found.index))
  }
  return out
}

/**
 * Records a digest met in an `_sd` array or a `{"...": digest}` element at `pointer`: a repeat is a
 * duplicate, a digest no disclosure matches is undisclosed (or a decoy). Returns the disclosure it
 * references, now marked as referenced there, or undefined.
 */
function meetDigest(digest: string, pointer: string, kind: 'property' | 'element', ctx: Context): DecodedDisclosure | undefined {
  const { walk } = ctx
  if (walk.seen.has(digest)) {
    walk.duplicates.push(digest)
    return undefined
  }
  walk.seen.add(digest)
  const found = ctx.byDigest.get(digest)
  if (found === undefined) {
    walk.undisclosed.push({ digest, at: pointer, kind })
    return undefined
  }
  walk.referencedAt.set(found.index, pointer)
  return found
}

/** The digest of a `{"...": digest}` array element, or undefined for any other element. */
function elementDigest(element: JsonValue): string | undefined {
  if (!isJsonObject(element)) return undefined
  const names = Object.keys(element)
  if (names.length !== 1 || names[0] !== '...') return undefined
  const digest = element['...']
  return typeof digest === 'string' ? digest : undefined
}

function processArray(array: readonly JsonValue[], pointer: string, depth: number, ctx: Context, disclosure: number | null): JsonValue {
  const out: JsonValue[] = []
  const { walk } = ctx
  for (const element of array) {
    const digest = elementDigest(element)
    if (digest === undefined) {
      const at = `${pointer}/${out.length}`
      claim(ctx, at, disclosure)
      out.push(processValue(element, at, depth + 1, ctx, disclosure))
      continue
    }
    const found = meetDigest(digest, pointer, 'element', ctx)
    if (found === undefined) continue
    if (found.content.kind !== 'element') {
      walk.wrongKind.push(`disclosure ${found.index + 1} is an object property ([salt, name, value]) but its digest is an element of the array ${pointer}, which takes [salt, value]`)
      continue
    }
    const at = `${pointer}/${out.length}`
    walk.placedAt.set(found.index, at)
    claim(ctx, at, found.index)
    out.push(processValue(found.content.value, at, depth + 1, ctx, found.index))
  }
  return out
}

/** The `_sd_alg` verdict: the WebCrypto hash to use, or a row saying why none can be. */
function sdAlgOf(payload: { readonly [name: string]: JsonValue }): { name: string; hash: 'SHA-256' | 'SHA-384' | 'SHA-512' | null; check: SdJwtCheck } {
  const title = 'The digest algorithm is known and secure'
  const reference = 'RFC 9901 §4.1.1, §7.1 step 2.4'
  if (!hasMember(payload, '_sd_alg')) {
    return { name: 'sha-256', hash: 'SHA-256', check: row('sd-alg', 'pass', title, 'No "_sd_alg": the digests are SHA-256, the default.', reference) }
  }
  const named = payload['_sd_alg']
  if (typeof named !== 'string') {
    return { name: String(named), hash: null, check: row('sd-alg', 'fail', title, `"_sd_alg" is not a string: it names the hash algorithm, e.g. "sha-256". No digest can be checked.`, reference) }
  }
  const hash = SD_HASHES[named]
  if (hash !== undefined) return { name: named, hash, check: row('sd-alg', 'pass', title, `"_sd_alg" is "${named}".`, reference) }
  const lower = named.toLowerCase()
  if (SD_HASHES[lower] !== undefined) {
    return { name: named, hash: null, check: row('sd-alg', 'fail', title, `"_sd_alg" is "${named}", but hash names are lowercase in the IANA registry: "${lower}". No digest can be checked.`, reference) }
  }
  if (NAMED_HASHES.includes(named)) {
    const truncated = named.startsWith('sha-256-') ? ' It is a truncated SHA-256, unfit for SD-JWT (RFC 9901 §9.4).' : ''
    return { name: named, hash: null, check: row('sd-alg', 'fail', title, `"_sd_alg" is "${named}", from the IANA Named Information Hash Algorithm registry, but it is not computed here (sha-256, sha-384 and sha-512 are).${truncated} No digest can be checked.`, reference) }
  }
  const weak = ['md2', 'md4', 'md5', 'sha-1', 'sha1'].includes(lower) ? ' MD2, MD4, MD5 and SHA-1 must not be used (RFC 9901 §9.4).' : ''
  return { name: named, hash: null, check: row('sd-alg', 'fail', title, `"_sd_alg" is "${named}", which is not in the IANA Named Information Hash Algorithm registry.${weak} Use "sha-256". No digest can be checked.`, reference) }
}

/** The SD-JWT VC rows (typ `dc+sd-jwt` or the older `vc+sd-jwt`). */
function vcChecks(typ: string, processed: { readonly [name: string]: JsonValue }, disclosed: ReadonlySet<string>): SdJwtCheck[] {
  const rows: SdJwtCheck[] = []
  rows.push(typ === 'dc+sd-jwt'
    ? row('vc-typ', 'pass', 'The type is an SD-JWT VC', 'The header\'s "typ" is "dc+sd-jwt".', 'draft-ietf-oauth-sd-jwt-vc §3.2.1')
    : row('vc-typ', 'warn', 'The type is an SD-JWT VC', 'The header\'s "typ" is "vc+sd-jwt", the older name: current SD-JWT VC issuers use "dc+sd-jwt", and verifiers may accept both while issuers move over.', 'draft-ietf-oauth-sd-jwt-vc §3.2.1'))
  const vct = processed['vct']
  rows.push(typeof vct === 'string' && vct !== ''
    ? row('vc-vct', 'pass', 'The credential type "vct" is present', `"vct" is "${vct}".`, VC_REFERENCE)
    : row('vc-vct', 'fail', 'The credential type "vct" is present', hasMember(processed, 'vct') ? '"vct" is not a non-empty string: it names the credential type, e.g. "https://credentials.example.com/identity_credential".' : 'No "vct" claim: an SD-JWT VC must say its credential type in "vct".', VC_REFERENCE))
  const iss = processed['iss']
  rows.push(hasMember(processed, 'iss')
    ? (typeof iss === 'string'
      ? row('vc-iss', 'pass', 'The issuer "iss"', `"iss" is "${iss}".`, VC_REFERENCE)
      : row('vc-iss', 'fail', 'The issuer "iss"', '"iss" is not a string (RFC 7519 §4.1.1).', VC_REFERENCE))
    : row('vc-iss', 'warn', 'The issuer "iss"', 'No "iss": allowed when the issuer is conveyed otherwise (an "x5c" certificate), but then no issuer metadata can be looked up.', VC_REFERENCE))
  const cnf = processed['cnf']
  if (!hasMember(processed, 'cnf')) {
    rows.push(row('vc-cnf', 'warn', 'The holder key "cnf"', 'No "cnf": the credential is not bound to a holder key, so anyone who gets it can present it.', VC_REFERENCE))
  } else if (isJsonObject(cnf) && (isJsonObject(cnf['jwk']) || typeof cnf['kid'] === 'string' || typeof cnf['jkt'] === 'string')) {
    const how = isJsonObject(cnf['jwk']) ? 'a public key ("jwk")' : typeof cnf['jkt'] === 'string' ? 'a key thumbprint ("jkt")' : 'a key id ("kid")'
    rows.push(row('vc-cnf', 'pass', 'The holder key "cnf"', `"cnf" holds ${how}.`, VC_REFERENCE))
  } else {
    rows.push(row('vc-cnf', 'fail', 'The holder key "cnf"', '"cnf" is not an object with "jwk", "kid" or "jkt" (RFC 7800 §3.1).', VC_REFERENCE))
  }
  rows.push(statusCheck(processed))
  const hidden = NEVER_DISCLOSABLE_VC_CLAIMS.filter((name) => disclosed.has(name))
  rows.push(hidden.length === 0
    ? row('vc-never-disclosable', 'pass', 'Validity claims are not selectively disclosable', 'None of "iss", "nbf", "exp", "cnf", "vct", "vct#integrity" and "status" came from a disclosure.', VC_REFERENCE)
    : row('vc-never-disclosable', 'fail', 'Validity claims are not selectively disclosable', `${list(hidden.map((n) => `"${n}"`))} came from a disclosure, but an SD-JWT VC keeps them in the issuer-signed payload, so no holder can leave them out.`, VC_REFERENCE))
  return rows
}

function statusCheck(processed: { readonly [name: string]: JsonValue }): SdJwtCheck {
  const title = 'The status reference'
  const reference = 'draft-ietf-oauth-sd-jwt-vc §3.2.2.2, draft-ietf-oauth-status-list §6.1'
  if (!hasMember(processed, 'status')) return row('vc-status', 'skip', title, 'No "status": the credential names no status list, so revocation cannot be checked.', reference)
  const status = processed['status']
  const statusList = isJsonObject(status) ? status['status_list'] : undefined
  if (!isJsonObject(statusList)) {
    return isJsonObject(status)
      ? row('vc-status', 'warn', title, `"status" has no "status_list" but ${list(Object.keys(status).map((n) => `"${n}"`)) || 'no members'}: a status mechanism not read here.`, reference)
      : row('vc-status', 'fail', title, '"status" is not an object: it holds e.g. {"status_list": {"idx": 0, "uri": "https://…"}}.', reference)
  }
  const idx = statusList['idx']
  const uri = statusList['uri']
  if (typeof idx !== 'number' || !Number.isInteger(idx) || idx < 0 || typeof uri !== 'string' || uri === '') {
    return row('vc-status', 'fail', title, '"status.status_list" needs a non-negative integer "idx" and a string "uri" (the Status List Token to fetch).', reference)
  }
  return row('vc-status', 'pass', title, `Status list ${uri}, index ${idx}: fetch that Status List Token to check whether the credential was revoked or suspended.`, reference)
}

/**
 * Processes an SD-JWT (compact, with or without KB-JWT, or JSON serialization) per RFC 9901 §7.1,
 * without any key: every disclosure decoded and hashed with WebCrypto under `_sd_alg` (sha-256 by
 * default; sha-384, sha-512; other IANA names recognised and refused), matched against `_sd` arrays
 * and `{"...": digest}` array elements, recursively through disclosed values; unmatched digests
 * listed as undisclosed (or decoys); the processed payload with `_sd`, `_sd_alg` and `...` removed;
 * each claim marked always-visible or disclosed; and the key-free checks as rows (format, unique
 * digests, every disclosure referenced, reserved names, no overwrite, `_sd_alg` placement, SD-JWT VC
 * shape when `typ` is `dc+sd-jwt` or `vc+sd-jwt`). Errors only when the text cannot be taken apart
 * or its issuer JWT is not JSON. Work is linear in the text (each digest and disclosure handled once,
 * nesting capped at `MAX_DEPTH`). Never throws.
 */
export async function processSdJwt(text: string): Promise<Result<ProcessedSdJwt, SdJwtErrorCode>> {
  try {
    const split = splitSdJwt(text)
    if (!split.ok) return split
    return await processParts(split.value)
  } catch (cause) {
    return err('INTERNAL_ERROR', `The SD-JWT could not be processed because of an internal error (${cause instanceof Error ? cause.message : String(cause)}). Please report it with the token.`)
  }
}

/** {@link processSdJwt} on parts already split (the verifier reuses them). */
export async function processParts(parts: SdJwtParts): Promise<Result<ProcessedSdJwt, SdJwtErrorCode>> {
  const segments = parts.issuerJwt.text.split('.')
  const header = decodeJsonPart(segments[0] ?? '')
  const payload = decodeJsonPart(segments[1] ?? '')
  if ('problem' in header || !isJsonObject(header.value)) {
    return err('ISSUER_JWT_UNREADABLE', `The issuer-signed JWT's header ${'problem' in header ? header.problem : 'is not a JSON object'}, so the SD-JWT cannot be read.`)
  }
  if ('problem' in payload || !isJsonObject(payload.value)) {
    return err('ISSUER_JWT_UNREADABLE', `The issuer-signed JWT's payload ${'problem' in payload ? payload.problem : 'is not a JSON object'}: an SD-JWT's payload is a JSON object of claims and digests.`)
  }
  const issuerPayload = payload.value
  const sdAlg = sdAlgOf(issuerPayload)

  const malformed: string[] = []
  const decoded: DecodedDisclosure[] = []
  parts.disclosures.forEach((span, index) => {
    const d = decodeDisclosure(span.text)
    if ('problem' in d) malformed.push(`disclosure ${index + 1} ${d.problem}`)
    else decoded.push({ index, encoded: span.text, start: span.start, json: d.json, content: d.content })
  })

  const digests = new Map<number, string>()
  const byDigest = new Map<string, DecodedDisclosure>()
  const repeated: string[] = []
  if (sdAlg.hash !== null) {
    const hash = sdAlg.hash
    const computed = await Promise.all(parts.disclosures.map((span) => sdDigest(span.text, hash)))
    computed.forEach((digest, index) => digests.set(index, digest))
    for (const d of decoded) {
      const digest = digests.get(d.index) as string
      const earlier = byDigest.get(digest)
      if (earlier === undefined) byDigest.set(digest, d)
      else repeated.push(`disclosure ${d.index + 1} repeats disclosure ${earlier.index + 1}`)
    }
  }

  const walk: Walk = {
    seen: new Set(), duplicates: [], reserved: [], overwrites: [], wrongKind: [], nestedSdAlg: [],
    undisclosed: [], claims: [], referencedAt: new Map(), placedAt: new Map(), tooDeep: false,
  }
  const processedPayload = processValue(issuerPayload, '', 0, { byDigest, walk }, null) as { [name: string]: JsonValue }
  if (walk.tooDeep) {
    return err('TOO_DEEP', `The SD-JWT nests objects and arrays (its payload and disclosed values together) deeper than ${MAX_DEPTH} levels; no credential needs that many, so it is not processed.`)
  }

  const disclosures: Disclosure[] = decoded.map((d) => ({
    index: d.index, encoded: d.encoded, start: d.start, json: d.json, content: d.content,
    digest: digests.get(d.index) ?? '',
    referencedAt: walk.referencedAt.get(d.index) ?? null,
    placedAt: walk.placedAt.get(d.index) ?? null,
  }))
  const checks: SdJwtCheck[] = [sdAlg.check]
  if (walk.nestedSdAlg.length > 0) {
    checks[0] = row('sd-alg', 'fail', sdAlg.check.title, `${sdAlg.check.detail} "_sd_alg" also appears at ${list(walk.nestedSdAlg)}, but it belongs at the top level of the payload only.`, sdAlg.check.reference)
  }
  const formatProblems = [...malformed, ...walk.wrongKind]
  checks.push(formatProblems.length === 0
    ? row('disclosure-format', 'pass', 'Every disclosure is well-formed', parts.disclosures.length === 0 ? 'There are no disclosures.' : `All ${parts.disclosures.length} are base64url JSON arrays of a string salt, a string claim name for object properties, and a value.`, 'RFC 9901 §4.2.1, §4.2.2, §7.1 step 3.3')
    : row('disclosure-format', 'fail', 'Every disclosure is well-formed', `${capitalize(list(formatProblems))}. A disclosure is the base64url of a JSON array: [salt, name, value] for an object property, [salt, value] for an array element.`, 'RFC 9901 §4.2.1, §4.2.2, §7.1 step 3.3'))
  const dupDigests = [...new Set(walk.duplicates)]
  checks.push(dupDigests.length === 0
    ? row('digests-unique', 'pass', 'No digest appears twice', `${walk.seen.size} digest${walk.seen.size === 1 ? '' : 's'} in the payload and disclosed values, each once.`, 'RFC 9901 §7.1 step 4')
    : row('digests-unique', 'fail', 'No digest appears twice', `The digest${dupDigests.length === 1 ? '' : 's'} ${list(dupDigests)} appear${dupDigests.length === 1 ? 's' : ''} more than once, so the SD-JWT must be rejected: one disclosure could be placed twice.`, 'RFC 9901 §7.1 step 4'))
  const unreferenced = sdAlg.hash === null ? [] : decoded.filter((d) => !walk.referencedAt.has(d.index) && byDigest.get(digests.get(d.index) as string) === d).map((d) => `disclosure ${d.index + 1}`)
  const notReferenced = [...unreferenced, ...repeated]
  checks.push(sdAlg.hash === null
    ? row('disclosures-referenced', 'skip', 'Every disclosure is referenced exactly once', 'Not checked: the digests cannot be computed under this "_sd_alg".', 'RFC 9901 §7.1 step 5')
    : notReferenced.length === 0
      ? row('disclosures-referenced', 'pass', 'Every disclosure is referenced exactly once', parts.disclosures.length === 0 ? 'There are no disclosures.' : `Each of the ${decoded.length} disclosures matches one digest of the payload or of another disclosure.`, 'RFC 9901 §7.1 step 5')
      : row('disclosures-referenced', 'fail', 'Every disclosure is referenced exactly once', `${capitalize(list(notReferenced))}: ${unreferenced.length > 0 ? 'no digest in the issuer-signed payload or another disclosure matches it, so it was changed or belongs to another SD-JWT' : 'the same disclosure was sent twice'}. The SD-JWT must be rejected.`, 'RFC 9901 §7.1 step 5'))
  checks.push(walk.reserved.length === 0
    ? row('reserved-names', 'pass', 'No disclosure names its claim "_sd" or "..."', 'No disclosed claim uses a reserved name.', 'RFC 9901 §7.1 step 3.3.2.2')
    : row('reserved-names', 'fail', 'No disclosure names its claim "_sd" or "..."', `${capitalize(list(walk.reserved))}: those names are reserved for digests, so the SD-JWT must be rejected.`, 'RFC 9901 §7.1 step 3.3.2.2'))
  checks.push(walk.overwrites.length === 0
    ? row('no-overwrite', 'pass', 'No disclosure overwrites a claim', 'Every disclosed claim is new at its level.', 'RFC 9901 §7.1 step 3.3.2.3')
    : row('no-overwrite', 'fail', 'No disclosure overwrites a claim', `${capitalize(list(walk.overwrites))}: a disclosure may not replace a claim, so the SD-JWT must be rejected.`, 'RFC 9901 §7.1 step 3.3.2.3'))
  const typ = header.value['typ']
  if (typ === 'dc+sd-jwt' || typ === 'vc+sd-jwt') {
    const disclosedTop = new Set(disclosures.filter((d) => d.placedAt !== null && d.referencedAt === '' && d.content.kind === 'property').map((d) => (d.content as { name: string }).name))
    checks.push(...vcChecks(typ, processedPayload, disclosedTop))
  }
  return ok({
    parts,
    header: header.value,
    issuerPayload,
    sdAlg: sdAlg.name,
    disclosures,
    undisclosed: walk.undisclosed,
    processedPayload,
    claims: walk.claims,
    checks,
  })
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
