import { err, ok, type Result } from '../result'
import { hasMember, isJsonObject, type JsonObject } from '../json-object'
import type { DecodedPart, DecodedToken, Diagnostic, KeyInput, Verification } from '../types'
import { base64urlDecode, base64urlEncode } from './base64url-codec'
import { decodeToken } from './decode'
import { checkHeader, isUnencodedPayload } from './header-checks'
import { parseJsonText } from './json'
import { JWS_MEMBERS, MAX_JWS_SIGNATURES, readJwsJsonObject } from './jws-json-object'
import { verifyToken, type VerifyErrorCode } from './verify'

/** Error codes of {@link parseJwsJson}: why a text is not a usable JWS in JSON serialization. */
export type JwsJsonErrorCode =
  | 'NOT_JSON'
  | 'NOT_JWS_JSON'
  | 'DUPLICATE_MEMBER'
  | 'PAYLOAD_MISSING'
  | 'PAYLOAD_NOT_STRING'
  | 'MIXED_SYNTAX'
  | 'SIGNATURES_NOT_ARRAY'
  | 'SIGNATURES_EMPTY'
  | 'TOO_MANY_SIGNATURES'
  | 'SIGNATURE_NOT_OBJECT'
  | 'SIGNATURE_MISSING'
  | 'HEADER_MISSING'
  | 'PROTECTED_INVALID'
  | 'HEADER_NOT_OBJECT'
  | 'HEADER_CONFLICT'
  | 'CRIT_UNPROTECTED'

/** One signature of a JWS in JSON serialization, with its headers as given and merged. */
export interface JwsJsonSignature {
  /** 1-based position in `signatures` (always 1 in the flattened syntax). */
  readonly number: number
  /** The `protected` member as written (base64url), or undefined when absent. */
  readonly protectedText: string | undefined
  /** The decoded JWS Protected Header, or undefined when absent. */
  readonly protectedHeader: JsonObject | undefined
  /** The JWS Unprotected Header (`header` member), or undefined when absent. */
  readonly unprotectedHeader: JsonObject | undefined
  /** The JOSE Header: the union of both (RFC 7515 §7.2.1 forbids a name in both). */
  readonly header: JsonObject
  /** The `signature` member as written (base64url). */
  readonly signature: string
  /**
   * The same signature as a compact JWS (`protected.payload.signature`), or undefined when it cannot
   * be one: an unprotected header has no place in the compact form, and neither has an unencoded
   * payload (RFC 7797) that contains '.'.
   */
  readonly compact: string | undefined
}

/** A strictly parsed JWS in JSON serialization (RFC 7515 §7.2). */
export interface JwsJson {
  readonly syntax: 'general' | 'flattened'
  /** The `payload` member as written: base64url, or the payload itself when `b64` is false. */
  readonly payload: string
  readonly signatures: readonly JwsJsonSignature[]
}

type Parsed<T> = Result<T, JwsJsonErrorCode>

/**
 * Parses a JWS in JSON serialization, general (`{"payload","signatures":[…]}`) or flattened
 * (`{"payload","protected","header","signature"}`), strictly: the text must be one JSON object
 * without repeated member names; `payload` a string; `signatures` a non-empty array of at most
 * {@link MAX_JWS_SIGNATURES} objects; each signature a string with a protected header (base64url of
 * a JSON object) or an unprotected one (a JSON object) or both, sharing no parameter name
 * (RFC 7515 §7.2.1), with `crit` and the parameters it lists only in the protected header
 * (RFC 7515 §4.1.11, RFC 7797 §6). In the general syntax, messages name the signature ("Signature 2:
 * …"). `NOT_JSON` and `NOT_JWS_JSON` say the text is not meant as a JWS in JSON serialization at all.
 * Never throws; linear in the text length.
 */
export function parseJwsJson(text: string): Parsed<JwsJson> {
  const read = readJwsJsonObject(text)
  if (!read.ok) return read
  const o = read.value.object
  const duplicate = read.value.duplicates[0]
  if (duplicate !== undefined) {
    return err('DUPLICATE_MEMBER', `The JSON has the member "${duplicate.name}" more than once${duplicate.path.length > 0 ? ` inside "${duplicate.path.join('.')}"` : ''}. Parsers disagree on which value wins, so different verifiers would check different things: remove the repeated member.`)
  }
  if (!hasMember(o, 'payload')) {
    return err('PAYLOAD_MISSING', 'The JWS has no "payload" member. A JSON-serialized JWS with a detached payload is not supported here: put the base64url payload into "payload", or paste the compact form header..signature and the payload separately.')
  }
  const payload = o['payload']
  if (typeof payload !== 'string') return err('PAYLOAD_NOT_STRING', 'The "payload" member must be a string: the base64url-encoded payload (or, with "b64": false, the payload text itself).')
  if (hasMember(o, 'signatures')) {
    if (JWS_MEMBERS.some((name) => name !== 'payload' && name !== 'signatures' && hasMember(o, name))) {
      return err('MIXED_SYNTAX', 'The JWS has "signatures" (general syntax) and also "protected", "header" or "signature" at the top level (flattened syntax). Use one syntax: move those members into an entry of "signatures" (RFC 7515 §7.2.2).')
    }
    const list = o['signatures']
    if (!Array.isArray(list)) return err('SIGNATURES_NOT_ARRAY', 'The "signatures" member must be an array of signature objects, each with "protected" and/or "header" and "signature" (RFC 7515 §7.2.1).')
    if (list.length === 0) return err('SIGNATURES_EMPTY', 'The "signatures" array is empty, so there is no signature to check. Each entry needs "protected" and/or "header" and "signature".')
    if (list.length > MAX_JWS_SIGNATURES) return err('TOO_MANY_SIGNATURES', `The JWS has ${list.length} signatures; at most ${MAX_JWS_SIGNATURES} are checked here. Keep the signatures you need to check.`)
    const signatures: JwsJsonSignature[] = []
    for (const [i, entry] of list.entries()) {
      const signature = parseSignature(entry, i + 1, `Signature ${i + 1}: `, payload)
      if (!signature.ok) return signature
      signatures.push(signature.value)
    }
    return ok({ syntax: 'general', payload, signatures })
  }
  const signature = parseSignature(o, 1, '', payload)
  return signature.ok ? ok({ syntax: 'flattened', payload, signatures: [signature.value] }) : signature
}

function parseSignature(entry: unknown, number: number, lead: string, payload: string): Parsed<JwsJsonSignature> {
  if (!isJsonObject(entry)) return err('SIGNATURE_NOT_OBJECT', `${lead}each entry of "signatures" must be an object with "protected" and/or "header" and "signature".`)
  const signature = entry['signature']
  if (typeof signature !== 'string') {
    return err('SIGNATURE_MISSING', `${lead}the "signature" member ${hasMember(entry, 'signature') ? 'must be a base64url string' : 'is missing'}, so there is nothing to check (RFC 7515 §7.2.1).`)
  }
  const hasProtected = hasMember(entry, 'protected')
  const hasHeader = hasMember(entry, 'header')
  if (!hasProtected && !hasHeader) {
    return err('HEADER_MISSING', `${lead}the signature has neither "protected" nor "header", so nothing says how it was made: at least one must hold "alg" (RFC 7515 §7.2.1).`)
  }
  let protectedText: string | undefined
  let protectedHeader: JsonObject | undefined
  if (hasProtected) {
    const raw = entry['protected']
    const header = typeof raw === 'string' ? protectedObject(raw) : undefined
    if (header === undefined) {
      return err('PROTECTED_INVALID', `${lead}the "protected" member must be the base64url encoding of a JSON object (the JWS Protected Header), such as "eyJhbGciOiJFUzI1NiJ9" for {"alg":"ES256"}.`)
    }
    protectedText = raw as string
    protectedHeader = header
  }
  let unprotectedHeader: JsonObject | undefined
  if (hasHeader) {
    const raw = entry['header']
    if (!isJsonObject(raw)) return err('HEADER_NOT_OBJECT', `${lead}the "header" member (the JWS Unprotected Header) must be a JSON object, such as {"kid":"…"}.`)
    unprotectedHeader = raw
    const shared = Object.keys(raw).filter((name) => protectedHeader !== undefined && hasMember(protectedHeader, name))
    if (shared.length > 0) {
      return err('HEADER_CONFLICT', `${lead}the parameter${shared.length > 1 ? 's' : ''} ${shared.map((n) => `"${n}"`).join(', ')} ${shared.length > 1 ? 'are' : 'is'} in both the protected and the unprotected header; RFC 7515 §7.2.1 requires the two to be disjoint, so a verifier cannot tell which value counts.`)
    }
    if (hasMember(raw, 'crit')) {
      return err('CRIT_UNPROTECTED', `${lead}"crit" is in the unprotected header; it must be integrity protected (RFC 7515 §4.1.11): move it into "protected".`)
    }
    const crit = protectedHeader?.['crit']
    const exposed = Array.isArray(crit) ? crit.filter((name): name is string => typeof name === 'string' && hasMember(raw, name)) : []
    if (exposed.length > 0) {
      return err('CRIT_UNPROTECTED', `${lead}"crit" lists "${exposed[0]}", but "${exposed[0]}" is in the unprotected header; critical parameters must be integrity protected (RFC 7515 §4.1.11, RFC 7797 §6): move it into "protected".`)
    }
  }
  const header: JsonObject = { ...unprotectedHeader, ...protectedHeader }
  const unencoded = isUnencodedPayload(header)
  const compact = protectedText !== undefined && (unprotectedHeader === undefined || Object.keys(unprotectedHeader).length === 0) && !(unencoded && payload.includes('.'))
    ? `${protectedText}.${payload}.${signature}`
    : undefined
  return ok({ number, protectedText, protectedHeader, unprotectedHeader, header, signature, compact })
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function protectedObject(text: string): JsonObject | undefined {
  if (text === '' || text.includes('.')) return undefined
  const bytes = base64urlDecode(text)
  if (bytes === undefined) return undefined
  let json: string
  try {
    json = UTF8.decode(bytes)
  } catch {
    return undefined
  }
  const parsed = parseJsonText(json)
  return parsed.errors.length === 0 && isJsonObject(parsed.value) ? parsed.value : undefined
}

/**
 * Verifies every signature of a parsed JWS in JSON serialization against the pasted key(s), each on
 * its own through the strict verifier of compact tokens ({@link verifyToken}): the signing input is
 * `ASCII(protected || '.' || payload)` exactly as written, and the JOSE Header (protected and
 * unprotected merged) supplies `alg` and, for a JWKS, the `kid` that picks the key. Each result means
 * what the compact verdict means: `valid: true` only when a strict verifier would accept that
 * signature. Never throws.
 */
export async function verifyJwsJson(jws: JwsJson, keys: KeyInput | null): Promise<Result<Verification, VerifyErrorCode>[]> {
  const out: Result<Verification, VerifyErrorCode>[] = []
  for (const signature of jws.signatures) {
    const token = tokenOfParts(signature.protectedText ?? '', jws.payload, signature.signature, signature.header)
    out.push(token.ok ? await verifyToken(token.value, keys) : token)
  }
  return out
}

/** Error codes of {@link verifyDetachedPayload}: those of {@link verifyToken}, and a token that is not detached. */
export type DetachedErrorCode = VerifyErrorCode | 'NOT_DETACHED'

/**
 * Verifies a compact JWS whose payload travels separately (RFC 7515 Appendix F): `token` is
 * `header..signature` and `payload` the payload itself (its UTF-8 bytes are base64url-encoded for
 * the signing input, or used as written when the header says `"b64": false` with `crit`, RFC 7797).
 * The verdict means what {@link verifyToken}'s does. Never throws.
 */
export async function verifyDetachedPayload(token: string, payload: string, keys: KeyInput | null): Promise<Result<Verification, DetachedErrorCode>> {
  const decoded = decodeToken(token)
  const header = decoded.header?.value
  if (decoded.kind !== 'jws' || decoded.payload?.encoded !== '' || decoded.header === null || !isJsonObject(header)) {
    return err('NOT_DETACHED', 'The token is not a compact JWS with a detached payload: that form is header..signature, with nothing between the two dots.')
  }
  const unencoded = isUnencodedPayload(header)
  const built = tokenOfParts(decoded.header.encoded, unencoded ? payload : base64urlEncode(payload), decoded.signature?.encoded ?? '', header)
  return built.ok ? verifyToken(built.value, keys) : built
}

/**
 * The decoded token a compact verification of these parts sees, with `header` (the JOSE Header, which
 * may hold members of an unprotected header) as its header value. Header diagnostics are those of the
 * JOSE Header; an unencoded payload is the text as written.
 */
function tokenOfParts(protectedText: string, payload: string, signature: string, header: JsonObject): Result<DecodedToken, VerifyErrorCode> {
  const unencoded = isUnencodedPayload(header)
  if (signature.includes('.') || (!unencoded && payload.includes('.'))) {
    return err('TOKEN_MALFORMED', `The ${signature.includes('.') ? 'signature' : 'payload'} contains '.', which base64url never does, so the signature cannot be checked. Copy the JWS again, completely.`)
  }
  const base = decodeToken(`${protectedText}.${unencoded ? '' : payload}.${signature}`)
  const whole = { start: 0, end: protectedText.length }
  const headerChecks = checkHeader({ ...header }, false, { segment: 'header', whole, memberValue: () => whole })
  const diagnostics: Diagnostic[] = [
    ...headerChecks,
    ...base.diagnostics.filter((d) => d.segment !== 'header' && d.segment !== 'token' && !(unencoded && d.segment === 'payload')),
  ]
  const headerPart: DecodedPart = base.header === null
    ? { encoded: protectedText, start: 0, bytes: new Uint8Array(0), text: '', kind: 'json', value: header, members: [] }
    : { ...base.header, kind: 'json', value: header }
  const payloadPart: DecodedPart | null = unencoded ? unencodedPayloadPart(payload, protectedText.length + 1) : base.payload
  const alg = typeof header['alg'] === 'string' ? header['alg'] : undefined
  return ok({ ...base, kind: 'jws', header: headerPart, payload: payloadPart, alg, diagnostics })
}

function unencodedPayloadPart(payload: string, start: number): DecodedPart {
  return { encoded: payload, start, bytes: new TextEncoder().encode(payload), text: payload, kind: 'text', value: undefined, members: [] }
}
