import { isJsonObject, parseJsonObjectText } from '../json-object'
import type { DecodedPart, DecodedSegment, DecodedToken, Diagnostic, SegmentName } from '../types'
import { decodeSegment, type OffsetRange } from './base64url'
import { checkHeader, describeJson, isUnencodedPayload, type HeaderContext } from './header-checks'
import { describeJsonError, parseJsonText } from './json'
import { signatureLengthProblem } from './signature-length'
import { firstInvalidUtf8, utf16OffsetToByteOffset } from './utf8'
import { cutSdJwt, looksLikeSdJwt } from '../sd-jwt/cut'
import type { SdJwtParts } from '../sd-jwt/types'


/** Repeated member names beyond this many are not reported one by one. */
const MAX_DUPLICATE_DIAGNOSTICS = 20

const JWE_SEGMENTS: readonly { readonly name: SegmentName; readonly label: string }[] = [
  { name: 'encrypted_key', label: 'encrypted key' },
  { name: 'iv', label: 'initialization vector' },
  { name: 'ciphertext', label: 'ciphertext' },
  { name: 'tag', label: 'authentication tag' },
]

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

interface Part {
  readonly text: string
  readonly start: number
}

/**
 * Decodes a compact JWS (3 parts) or the protected header of a compact JWE (5 parts) as far as it
 * goes, reporting every problem as a {@link Diagnostic} whose offset points into `token`: part
 * count, empty parts, base64url errors, invalid UTF-8, invalid JSON (at the base64url character that
 * encodes the offending byte), non-object header or payload, repeated member names, and header
 * checks (`alg`, `enc`, `crit`, `typ`), and a signature whose length cannot fit `alg`. A broken part does not stop the others from being decoded.
 * Never throws; linear in the token length.
 */
export function decodeToken(token: string): DecodedToken {
  try {
    return decode(token)
  } catch (cause) {
    // Unreachable by design; a decoder that throws would blank the whole UI, so degrade instead.
    const detail = cause instanceof Error ? cause.message : String(cause)
    return {
      kind: 'unknown', token, header: null, payload: null, signature: null, alg: undefined,
      diagnostics: [{ severity: 'error', segment: 'token', offset: 0, length: token.length, code: 'INTERNAL_ERROR', message: `The token could not be decoded because of an internal error (${detail}). Please report it with the token.` }],
    }
  }
}

function decode(token: string): DecodedToken {
  // A compact SD-JWT's offsets are those of its first part, so only one the extractor trimmed.
  if (looksLikeSdJwt(token) && (token.startsWith('{') || token.trimStart() === token)) {
    const split = cutSdJwt(token)
    if (split.ok) return decodeSdJwt(token, split.value)
  }
  return decodeJws(token)
}

/**
 * An SD-JWT decodes as its issuer-signed JWT, so the signature panel checks the issuer's signature
 * as for any JWS. Compact: the text up to the first `~` is that JWT and its offsets stay valid in the
 * whole text. JSON serialization: decoded as any JWS JSON object, the parts noted.
 */
function decodeSdJwt(token: string, parts: SdJwtParts): DecodedToken {
  const n = parts.disclosures.length
  const what = `${n} disclosure${n === 1 ? '' : 's'}${parts.kbJwt === null ? '' : ' and a Key Binding JWT'}`
  if (parts.form === 'json') {
    // Its members have no offsets in a compact text, so it is shown as any JWS JSON object is.
    const info: Diagnostic = {
      severity: 'info', segment: 'token', offset: 0, length: token.length, code: 'SD_JWT',
      message: `SD-JWT in JSON serialization with ${what} (RFC 9901 §8): the issuer-signed JWT is "protected"."payload"."signature"; the disclosures are matched to their digests under SD-JWT.`,
    }
    const serialization = jsonSerializationMessage(token)
    const diagnostics: Diagnostic[] = [info]
    if (serialization !== null) diagnostics.push({ severity: 'error', segment: 'token', offset: 0, length: token.length, code: 'JSON_SERIALIZATION', message: serialization.message })
    return { kind: 'unknown', token, header: null, payload: null, signature: null, alg: undefined, diagnostics, sdJwt: parts }
  }
  const issuer = parts.issuerJwt
  const base = decodeJws(issuer.text)
  const info: Diagnostic = {
    severity: 'info', segment: 'token', offset: issuer.text.length, length: token.length - issuer.text.length, code: 'SD_JWT',
    message: `SD-JWT with ${what} (RFC 9901 §4): the issuer-signed JWT before the first '~' is decoded here; the disclosures are matched to their digests under SD-JWT.`,
  }
  return { ...base, token, diagnostics: [...base.diagnostics, info], sdJwt: parts }
}

function decodeJws(token: string): DecodedToken {
  if (token === '') return { kind: 'unknown', token, header: null, payload: null, signature: null, alg: undefined, diagnostics: [] }
  // A JSON serialization is one part whatever dots its members hold (a kid like "peregrin.took@…").
  const json = token.trimStart().startsWith('{') ? jsonSerializationMessage(token) : null
  const { parts, count } = json !== null ? { parts: [{ text: token, start: 0 }], count: 1 } : splitParts(token)
  const diagnostics: Diagnostic[] = []
  const headerDetails = decodePart(parts[0] as Part, 'header', token, diagnostics)
  const header = headerDetails.part
  const headerObject = header.kind === 'json' && isJsonObject(header.value) ? header.value : undefined
  const jwe = count === 5 || (count !== 3 && headerObject !== undefined && Object.prototype.hasOwnProperty.call(headerObject, 'enc'))
  // The part count is reported first, but whether 4 or 6 parts read as a JWE depends on the header.
  const unencoded = !jwe && headerObject !== undefined && isUnencodedPayload(headerObject)
  if (count !== 3 && count !== 5) diagnostics.unshift(partCountDiagnostic(token, parts, count, jwe, unencoded, json))
  if (headerObject !== undefined) diagnostics.push(...checkHeader(headerObject, jwe, headerContext(headerDetails)))
  const alg = typeof headerObject?.['alg'] === 'string' ? headerObject['alg'] : undefined

  if (jwe) {
    const second = parts[1]
    diagnostics.push({
      severity: 'info',
      segment: 'token',
      offset: second === undefined ? 0 : second.start,
      length: second === undefined ? token.length : token.length - second.start,
      code: 'JWE_NOT_DECRYPTED',
      message: 'This is an encrypted token (JWE): its header is shown, but the content stays encrypted. Paste the key into Decryption key to decrypt it there.',
    })
    for (let i = 1; i < Math.min(parts.length, 5); i++) {
      const part = parts[i] as Part
      const meta = JWE_SEGMENTS[i - 1] as (typeof JWE_SEGMENTS)[number]
      if (part.text !== '') diagnostics.push(...decodeSegment(part.text, part.start, meta.name, meta.label).diagnostics)
    }
    return { kind: count === 5 ? 'jwe' : 'unknown', token, header, payload: null, signature: null, alg, diagnostics }
  }

  const payloadPart = parts[1]
  const signaturePart = parts[2]
  const payload = payloadPart === undefined ? null : unencoded ? unencodedPart(payloadPart) : decodePart(payloadPart, 'payload', token, diagnostics).part
  const signature = signaturePart === undefined ? null : decodeSignature(signaturePart, alg, diagnostics)
  return { kind: count === 3 ? 'jws' : 'unknown', token, header, payload, signature, alg, diagnostics }
}

/** The first six parts (all that is ever decoded) and the total count, without splitting huge inputs. */
function splitParts(token: string): { parts: Part[]; count: number } {
  const parts: Part[] = []
  let start = 0
  let count = 1
  for (;;) {
    const dot = token.indexOf('.', start)
    if (parts.length < 6) parts.push({ text: token.slice(start, dot < 0 ? token.length : dot), start })
    if (dot < 0) break
    count++
    start = dot + 1
  }
  return { parts, count }
}

function partCountDiagnostic(token: string, parts: readonly Part[], count: number, jwe: boolean, unencoded: boolean, serialization: ReturnType<typeof jsonSerializationMessage>): Diagnostic {
  const base = count === 1
    ? "The token has no '.' separators, so it is a single part. A signed JWT has three base64url parts (header.payload.signature), an encrypted one five."
    : `The token has ${count} parts separated by '.', but a signed JWT has 3 (header.payload.signature) and an encrypted one 5.`
  if (serialization !== null) {
    return serialization.jwe
      ? { severity: 'info', segment: 'token', offset: 0, length: token.length, code: 'JWE_JSON_SERIALIZATION', message: serialization.message }
      : { severity: 'error', segment: 'token', offset: 0, length: token.length, code: 'JSON_SERIALIZATION', message: serialization.message }
  }
  let suffix: string
  let offset = 0
  let length = token.length
  if (jwe) {
    suffix = ' It was read as an encrypted token because its header has "enc".'
    const extra = parts[5]
    if (count > 5 && extra !== undefined) {
      offset = extra.start - 1
      length = token.length - offset
    }
  } else if (count < 3) {
    suffix = ' The signature part is missing: the token may have been cut off while copying.'
  } else {
    suffix = unencoded
      ? ' The header says the payload is unencoded ("b64": false), and an unencoded payload that contains \'.\' cannot travel in the compact form (RFC 7797 §5.2): send it detached or in the JSON serialization.'
      : ' Only the first three parts were decoded.'
    const extra = parts[3] as Part
    offset = extra.start - 1
    length = token.length - offset
  }
  return { severity: 'error', segment: 'token', offset, length, code: 'SEGMENT_COUNT', message: (count === 1 && !jwe ? base : base + suffix) }
}

/** The dot next to an empty part: a zero-width part has nothing else to underline. */
function emptyPartRange(token: string, part: Part): OffsetRange {
  if (part.start > 0) return { start: part.start - 1, end: part.start }
  return token.startsWith('.') ? { start: 0, end: 1 } : { start: 0, end: 0 }
}

interface PartDetails {
  readonly part: DecodedPart
  /** Maps a UTF-16 range of the decoded text to the token range of the characters encoding it. */
  readonly textRange: (start: number, end: number) => OffsetRange
}

function decodePart(part: Part, segment: 'header' | 'payload', token: string, diagnostics: Diagnostic[]): PartDetails {
  const isHeader = segment === 'header'
  const whole: OffsetRange = { start: part.start, end: part.start + part.text.length }
  const push = (severity: Diagnostic['severity'], code: string, range: OffsetRange, message: string) =>
    diagnostics.push({ severity, segment, offset: range.start, length: range.end - range.start, code, message })

  if (part.text === '') {
    push(isHeader ? 'error' : 'warning', 'EMPTY_SEGMENT', emptyPartRange(token, part), isHeader
      ? 'The header is empty: a JWT starts with a base64url-encoded JSON header such as {"alg":"HS256"}.'
      : 'The payload is empty. That is only expected for a JWS with a detached payload (RFC 7515 Appendix F); a JWT carries its claims here.')
    return { part: { encoded: '', start: part.start, bytes: new Uint8Array(0), text: '', kind: 'text', value: undefined, members: [] }, textRange: () => whole }
  }

  const decoded = decodeSegment(part.text, part.start, segment, segment)
  diagnostics.push(...decoded.diagnostics)
  const bytes = decoded.bytes
  const binary: PartDetails = { part: { encoded: part.text, start: part.start, bytes, text: null, kind: 'binary', value: undefined, members: [] }, textRange: () => whole }
  if (bytes === null) return binary

  const bad = firstInvalidUtf8(bytes)
  if (bad >= 0) {
    const byte = (bytes[bad] as number).toString(16).toUpperCase().padStart(2, '0')
    push(isHeader ? 'error' : 'warning', 'INVALID_UTF8', decoded.locate(bad, bad + 1), isHeader
      ? `The header is not valid UTF-8 text (byte ${bad + 1}, 0x${byte}, does not start a valid character), so it cannot be JSON.`
      : `The payload is not UTF-8 text (byte ${bad + 1}, 0x${byte}, does not start a valid character), so it is shown as bytes. That is fine for a JWS with a binary payload, but a JWT carries a JSON object of claims.`)
    return binary
  }

  const text = UTF8.decode(bytes)
  const textRange = (start: number, end: number): OffsetRange => {
    if (bytes.length === 0) return whole
    let b0 = utf16OffsetToByteOffset(text, start)
    let b1 = utf16OffsetToByteOffset(text, end)
    if (b0 >= bytes.length) b0 = bytes.length - 1
    if (b1 <= b0) b1 = b0 + 1
    return decoded.locate(b0, Math.min(b1, bytes.length))
  }
  const parsed = parseJsonText(text)
  const first = parsed.errors[0]
  if (first !== undefined) {
    const jsonLike = /^[\s]*[[{]/.test(text.slice(0, 64))
    if (isHeader || jsonLike) {
      push(isHeader ? 'error' : 'warning', 'INVALID_JSON', textRange(first.offset, first.offset + first.length), `The ${segment} is not valid JSON: ${describeJsonError(first)}`)
    } else {
      push('info', 'PAYLOAD_NOT_JSON', whole, 'The payload is text, not JSON. That is allowed for a JWS, but a JWT carries a JSON object of claims.')
    }
    return { part: { encoded: part.text, start: part.start, bytes, text, kind: 'text', value: undefined, members: [] }, textRange }
  }

  for (const dup of parsed.duplicates.slice(0, MAX_DUPLICATE_DIAGNOSTICS)) {
    const where = dup.path.length > 0 ? ` inside "${dup.path.join('.')}"` : ''
    push('warning', 'DUPLICATE_MEMBER', textRange(dup.offset, dup.offset + dup.length), `The ${segment} has the member "${dup.name}" more than once${where}. Parsers disagree on which value wins (most take the last), so different systems may read this token differently.`)
  }
  if (parsed.duplicates.length > MAX_DUPLICATE_DIAGNOSTICS) {
    push('warning', 'DUPLICATE_MEMBER', whole, `The ${segment} repeats ${parsed.duplicates.length - MAX_DUPLICATE_DIAGNOSTICS} more member names.`)
  }
  if (!isJsonObject(parsed.value)) {
    push(isHeader ? 'error' : 'warning', 'NOT_AN_OBJECT', whole, isHeader
      ? `The header must be a JSON object ({…}), but it is ${describeJson(parsed.value)}.`
      : `The payload is ${describeJson(parsed.value)}, not a JSON object: a JWT's claims must be an object ({…}).`)
  }
  return { part: { encoded: part.text, start: part.start, bytes, text, kind: 'json', value: parsed.value, members: parsed.members }, textRange }
}

/**
 * An RFC 7797 unencoded payload: the segment is the payload itself, so it is shown as text (or JSON
 * when it parses) with offsets that are token offsets, and no base64url rule applies to it.
 */
function unencodedPart(part: Part): DecodedPart {
  const bytes = new TextEncoder().encode(part.text)
  const parsed = parseJsonText(part.text)
  if (part.text !== '' && parsed.errors.length === 0) {
    return { encoded: part.text, start: part.start, bytes, text: part.text, kind: 'json', value: parsed.value, members: parsed.members }
  }
  return { encoded: part.text, start: part.start, bytes, text: part.text, kind: 'text', value: undefined, members: [] }
}

function headerContext({ part: header, textRange }: PartDetails): HeaderContext {
  const whole: OffsetRange = { start: header.start, end: header.start + header.encoded.length }
  return {
    segment: 'header',
    whole,
    memberValue: (name) => {
      const member = [...header.members].reverse().find((m) => m.name === name)
      return member === undefined ? whole : textRange(member.valueStart, member.valueEnd)
    },
  }
}

function decodeSignature(part: Part, alg: string | undefined, diagnostics: Diagnostic[]): DecodedSegment {
  if (part.text === '') {
    if (alg !== 'none') {
      diagnostics.push({
        severity: 'warning', segment: 'signature', offset: part.start - 1, length: 1, code: 'EMPTY_SEGMENT',
        message: 'The signature is empty, so the token is not signed. Only "alg": "none" tokens have no signature, and verifiers must reject those unless they expect unsecured tokens.',
      })
    }
    return { encoded: '', start: part.start, bytes: new Uint8Array(0) }
  }
  const decoded = decodeSegment(part.text, part.start, 'signature', 'signature')
  diagnostics.push(...decoded.diagnostics)
  // Checked without a key: a length no key can give means the token never verifies as it stands.
  // Not after an encoding error: the bytes are then a guess, and the error says what to fix first.
  const garbled = decoded.bytes === null || decoded.diagnostics.some((d) => d.severity === 'error')
  const lengthProblem = garbled ? undefined : signatureLengthProblem(alg, decoded.bytes)
  if (lengthProblem !== undefined) {
    diagnostics.push({ severity: 'warning', segment: 'signature', offset: part.start, length: part.text.length, code: 'SIGNATURE_LENGTH', message: lengthProblem })
  }
  return { encoded: part.text, start: part.start, bytes: decoded.bytes }
}

/**
 * What a pasted JWS or JWE in JSON serialization (RFC 7515 §7.2, RFC 7516 §7.2) is, instead of "no
 * '.' separators": a JSON object with "payload" and "signature" (flattened) or "signatures"
 * (general), or one with "ciphertext" (an encrypted token).
 */
function jsonSerializationMessage(token: string): { readonly jwe: boolean; readonly message: string } | null {
  const o = parseJsonObjectText(token)
  if (o === null) return null
  if (typeof o.ciphertext === 'string') {
    const recipients = Array.isArray(o.recipients) ? `general syntax with ${o.recipients.length} recipient${o.recipients.length === 1 ? '' : 's'}` : 'flattened syntax'
    return { jwe: true, message: `This is an encrypted token (JWE) in JSON serialization (RFC 7516 §7.2), ${recipients}: its parts are JSON members, not '.'-separated parts. Paste the key into Decryption key to decrypt it there.` }
  }
  const message = jwsJsonMessage(o)
  return message === null ? null : { jwe: false, message }
}

function jwsJsonMessage(o: Record<string, unknown>): string | null {
  if (typeof o.payload !== 'string') return null
  const lead = 'This is a JWS in JSON serialization (RFC 7515 §7.2)'
  const rest = 'The JWS JSON serialization panel shows each signature with its headers and checks it on its own; the compact form joins the base64url members with dots: protected.payload.signature.'
  if (Array.isArray(o.signatures)) {
    const n = o.signatures.length
    return `${lead}, general syntax with ${n} signature${n === 1 ? '' : 's'}: the header, payload and signatures are JSON members, not '.'-separated parts. ${rest} Take "protected" and "signature" from one entry of "signatures".`
  }
  if (typeof o.signature === 'string') {
    return `${lead}, flattened syntax: the header, payload and signature are JSON members, not '.'-separated parts. ${rest}`
  }
  return null
}
