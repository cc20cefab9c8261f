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
