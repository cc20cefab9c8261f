/**
 * Reads a pasted JWE — compact (five parts) or JSON (flattened or general) — into its parts, with a
 * plain-language error for anything that is not one. Nothing is decrypted here.
 */
import { isJsonObject, type JsonObject } from '../json-object'
import { err, ok, type Result } from '../result'
import { base64urlDecode } from '../token/base64url-codec'
import { base64urlTextProblem } from '../token/strict-encoding'
import type { JweSerialization } from './types'

/** Error codes of {@link parseJwe}. */
export type ParseJweErrorCode = 'JWE_EMPTY' | 'JWE_TOO_LARGE' | 'JWE_NOT_JWE' | 'JWE_PART_INVALID' | 'JWE_HEADER_INVALID'

/** One base64url part: its text and bytes. */
export interface JwePart {
  readonly text: string
  readonly bytes: Uint8Array
}

/** One recipient: its own unprotected header and its encrypted key. */
export interface JweRecipient {
  readonly header?: JsonObject
  readonly encryptedKey: JwePart
}

/** A JWE read into parts. */
export interface ParsedJwe {
  readonly serialization: JweSerialization
  /** The protected header as it appears (base64url); it is the AAD, exactly these characters. */
  readonly protectedText: string
  readonly protectedHeader: JsonObject
  readonly unprotected?: JsonObject
  readonly recipients: readonly JweRecipient[]
  readonly iv: JwePart
  readonly ciphertext: JwePart
  readonly tag: JwePart
  readonly aad?: JwePart
  /** Whitespace removed from a compact JWE (copied with line breaks). */
  readonly whitespaceRemoved: boolean
}

/** Larger pasted text is refused before any work (a JWE is rarely above a few hundred KB). */
export const MAX_JWE_TEXT_LENGTH = 16 * 1024 * 1024

/** More recipients than this are refused (each may cost a key derivation). */
export const MAX_JWE_RECIPIENTS = 64

const PART_NAMES = ['protected header', 'encrypted key', 'initialization vector', 'ciphertext', 'authentication tag'] as const

/** Reads the JWE text. Never throws. */
export function parseJwe(text: string): Result<ParsedJwe, ParseJweErrorCode> {
  if (text.length > MAX_JWE_TEXT_LENGTH) {
    return err('JWE_TOO_LARGE', `The JWE is ${text.length} characters long, more than the ${MAX_JWE_TEXT_LENGTH} this tool reads. Paste the token alone.`)
  }
  const trimmed = text.trim()
  if (trimmed.length === 0) return err('JWE_EMPTY', 'The JWE is empty. Paste an encrypted token: five base64url parts separated by dots, or its JSON serialization.')
  if (trimmed.startsWith('{')) return parseJson(trimmed)
  return parseCompact(trimmed)
}

function parseCompact(trimmed: string): Result<ParsedJwe, ParseJweErrorCode> {
  const compact = trimmed.replace(/\s+/g, '')
  const parts = compact.split('.')
  if (parts.length === 3) {
    return err('JWE_NOT_JWE', 'This token has three parts: it is a signed token (JWS), not an encrypted one (JWE, five parts). There is nothing to decrypt; paste it into Encoded token to read and verify it.')
  }
  if (parts.length !== 5) {
    return err('JWE_NOT_JWE', `A compact JWE has five base64url parts separated by dots (header.encrypted_key.iv.ciphertext.tag); this text has ${parts.length}. Copy the whole token.`)
  }
  const decoded: JwePart[] = []
  for (let i = 0; i < 5; i++) {
    const part = decodePart(parts[i] as string, PART_NAMES[i] as string, i)
    if (!part.ok) return part
    decoded.push(part.value)
  }
  const [protectedPart, encryptedKey, iv, ciphertext, tag] = decoded as [JwePart, JwePart, JwePart, JwePart, JwePart]
  if (protectedPart.text.length === 0) {
    return err('JWE_HEADER_INVALID', 'The protected header (part 1) is empty; a compact JWE carries "alg" and "enc" there. Copy the whole token.')
  }
  const header = readHeader(protectedPart.bytes, 'protected header (part 1)')
  if (!header.ok) return header
  return ok({
    serialization: 'compact',
    protectedText: protectedPart.text,
    protectedHeader: header.value,
    recipients: [{ encryptedKey }],
    iv,
    ciphertext,
    tag,
    whitespaceRemoved: compact.length !== trimmed.length,
  })
}

function decodePart(text: string, name: string, index?: number): Result<JwePart, 'JWE_PART_INVALID'> {
  const where = index === undefined ? `"${name}"` : `The ${name} (part ${index + 1})`
  const problem = base64urlTextProblem(text)
  if (problem !== undefined) {
    return err('JWE_PART_INVALID', `${index === undefined ? `The member ${where}` : where} ${problem.phrase}, so it is not base64url. Copy the token again without changing it.`)
  }
  const bytes = base64urlDecode(text)
  if (bytes === undefined) return err('JWE_PART_INVALID', `${index === undefined ? `The member ${where}` : where} is not base64url. Copy the token again without changing it.`)
  return ok({ text, bytes })
}

function readHeader(bytes: Uint8Array, where: string): Result<JsonObject, 'JWE_HEADER_INVALID'> {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return err('JWE_HEADER_INVALID', `The ${where} is not UTF-8 text, so it is not a JOSE header. Copy the token again.`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return err('JWE_HEADER_INVALID', `The ${where} is not valid JSON: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}. Copy the token again; a changed character in the header breaks it.`)
  }
  if (!isJsonObject(value)) return err('JWE_HEADER_INVALID', `The ${where} is JSON but not an object ({…}); a JOSE header is an object.`)
  return ok(value)
}

function parseJson(trimmed: string): Result<ParsedJwe, ParseJweErrorCode> {
  let value: unknown
  try {
    value = JSON.parse(trimmed)
  } catch {
    return err('JWE_NOT_JWE', 'The text starts with "{" but is not valid JSON, so it is not a JWE in JSON serialization. Copy the whole object.')
  }
  if (!isJsonObject(value)) return err('JWE_NOT_JWE', 'The JSON is not an object, so it is not a JWE.')
  if ('payload' in value || 'signatures' in value || 'signature' in value) {
    return err('JWE_NOT_JWE', 'This JSON has "payload"/"signature(s)": it is a signed token in JWS JSON serialization, not an encrypted one. Paste it into Encoded token.')
  }
  if (typeof value.ciphertext !== 'string') {
    return err('JWE_NOT_JWE', 'The JSON has no "ciphertext" string member, so it is not a JWE in JSON serialization (RFC 7516 §7.2). Paste the whole JWE object.')
  }
  const general = Object.prototype.hasOwnProperty.call(value, 'recipients')
  const recipientsValue = value.recipients
  if (general && (!Array.isArray(recipientsValue) || recipientsValue.length === 0)) {
    return err('JWE_NOT_JWE', 'The member "recipients" must be a non-empty array of objects with "encrypted_key" and "header" (RFC 7516 §7.2.1).')
  }
  if (general && (recipientsValue as unknown[]).length > MAX_JWE_RECIPIENTS) {
    return err('JWE_TOO_LARGE', `The JWE has ${(recipientsValue as unknown[]).length} recipients; this tool reads at most ${MAX_JWE_RECIPIENTS}.`)
  }
  let protectedText = ''
  let protectedHeader: JsonObject = {}
  if (value.protected !== undefined) {
    if (typeof value.protected !== 'string') return err('JWE_HEADER_INVALID', 'The member "protected" must be a base64url string.')
    const part = decodePart(value.protected, 'protected')
    if (!part.ok) return part
    protectedText = part.value.text
    if (protectedText.length > 0) {
      const header = readHeader(part.value.bytes, 'protected header')
      if (!header.ok) return header
      protectedHeader = header.value
    }
  }
  let unprotected: JsonObject | undefined
  if (value.unprotected !== undefined) {
    if (!isJsonObject(value.unprotected)) return err('JWE_HEADER_INVALID', 'The member "unprotected" (the shared unprotected header) must be a JSON object.')
    unprotected = value.unprotected
  }
  const recipientValues: unknown[] = general ? (recipientsValue as unknown[]) : [{ header: value.header, encrypted_key: value.encrypted_key }]
  const recipients: JweRecipient[] = []
  for (let i = 0; i < recipientValues.length; i++) {
    const entry = recipientValues[i]
    const label = general ? `recipients[${i}]` : 'the JWE'
    if (!isJsonObject(entry)) return err('JWE_NOT_JWE', `The member ${label} must be an object with "header" and "encrypted_key".`)
    if (entry.header !== undefined && !isJsonObject(entry.header)) return err('JWE_HEADER_INVALID', `The "header" of ${label} must be a JSON object.`)
    const keyText = entry.encrypted_key ?? ''
    if (typeof keyText !== 'string') return err('JWE_PART_INVALID', `The "encrypted_key" of ${label} must be a base64url string.`)
    const encryptedKey = decodePart(keyText, general ? `recipients[${i}].encrypted_key` : 'encrypted_key')
    if (!encryptedKey.ok) return encryptedKey
    recipients.push(entry.header === undefined ? { encryptedKey: encryptedKey.value } : { header: entry.header as JsonObject, encryptedKey: encryptedKey.value })
  }
  const parts: Partial<Record<'iv' | 'ciphertext' | 'tag' | 'aad', JwePart>> = {}
  for (const name of ['iv', 'ciphertext', 'tag', 'aad'] as const) {
    const member = value[name]
    if (member === undefined) continue
    if (typeof member !== 'string') return err('JWE_PART_INVALID', `The member "${name}" must be a base64url string.`)
    const part = decodePart(member, name)
    if (!part.ok) return part
    parts[name] = part.value
  }
  const empty: JwePart = { text: '', bytes: new Uint8Array() }
  return ok({
    serialization: general ? 'general' : 'flattened',
    protectedText,
    protectedHeader,
    ...(unprotected === undefined ? {} : { unprotected }),
    recipients,
    iv: parts.iv ?? empty,
    ciphertext: parts.ciphertext as JwePart,
    tag: parts.tag ?? empty,
    ...(parts.aad === undefined ? {} : { aad: parts.aad }),
    whitespaceRemoved: false,
  })
}
