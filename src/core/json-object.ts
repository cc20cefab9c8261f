import type { JsonValue } from './types'

/** A JSON object as the decoder produces it (not an array, not null). */
export type JsonObject = { readonly [name: string]: JsonValue }

/** Whether a parsed JSON value (or anything read from hostile input) is a JSON object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The value as a JSON object, or undefined for anything else (arrays and null included). */
export function asJsonObject(value: unknown): JsonObject | undefined {
  return isJsonObject(value) ? value : undefined
}

/** Whether the object has its own member `name` (not one inherited from Object.prototype). */
export function hasMember(object: JsonObject, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, name)
}

/** The own member `name` of a JSON object when it is a string; undefined for anything else. */
export function memberString(value: unknown, name: string): string | undefined {
  if (!isJsonObject(value) || !hasMember(value, name)) return undefined
  const member = value[name]
  return typeof member === 'string' ? member : undefined
}

/**
 * The object a whole text holds as JSON (`{…}` after trimming), or null when it is not one. For
 * recognising pasted JSON (token responses, JSON-serialized JWS); positions are not kept.
 */
export function parseJsonObjectText(text: string): Record<string, unknown> | null {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(trimmed)
  } catch {
    return null
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null
}
