/**
 * The readable header of an encrypted envelope, for judging the inner token opened from it (a nested
 * JWT, RFC 7519 §5.3): what a router or recipient can read before decrypting. Small on purpose — it
 * runs whenever an inner token is open, before the JWE room has loaded.
 */
import { isJsonObject, type JsonObject } from '../json-object'
import { base64urlDecode } from '../token/base64url-codec'
import type { JsonValue } from '../types'

/** Envelopes longer than this are not read (a JWE is rarely above a few hundred KB). */
const MAX_ENVELOPE_LENGTH = 16 * 1024 * 1024

function headerIn(encoded: unknown): JsonObject | undefined {
  if (typeof encoded !== 'string' || encoded.length === 0) return undefined
  const bytes = base64urlDecode(encoded)
  if (bytes === undefined) return undefined
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    return isJsonObject(value) ? value : undefined
  } catch {
    return undefined
  }
}

/**
 * The header an encrypted envelope shows: for a compact JWE its protected header; for the JSON
 * serialization (RFC 7516 §7.2) the union of the protected header, the shared unprotected header and
 * the per-recipient headers — a name keeps the value of the first place that has it, in that order
 * (recipients in order), since replicated claims anywhere in the clear are what a reader may act on.
 * `{}` for anything else. Never throws.
 */
export function jweEnvelopeHeader(text: string): JsonObject {
  if (typeof text !== 'string' || text.length > MAX_ENVELOPE_LENGTH) return {}
  const trimmed = text.trim()
  if (!trimmed.startsWith('{')) {
    const dot = trimmed.indexOf('.')
    return headerIn(dot < 0 ? undefined : trimmed.slice(0, dot).replace(/\s+/g, '')) ?? {}
  }
  let value: unknown
  try {
    value = JSON.parse(trimmed)
  } catch {
    return {}
  }
  if (!isJsonObject(value)) return {}
  const places: JsonObject[] = []
  const protectedHeader = headerIn(value.protected)
  if (protectedHeader !== undefined) places.push(protectedHeader)
  if (isJsonObject(value.unprotected)) places.push(value.unprotected)
  if (Array.isArray(value.recipients)) {
    for (const recipient of value.recipients) if (isJsonObject(recipient) && isJsonObject(recipient.header)) places.push(recipient.header)
  } else if (isJsonObject(value.header)) {
    places.push(value.header)
  }
  const union: Record<string, JsonValue> = {}
  for (const place of places) {
    for (const name of Object.keys(place)) {
      // defineProperty: a member named "__proto__" stays a member instead of replacing the prototype.
      if (!Object.prototype.hasOwnProperty.call(union, name)) Object.defineProperty(union, name, { value: place[name] as JsonValue, enumerable: true, writable: true, configurable: true })
    }
  }
  return union
}
