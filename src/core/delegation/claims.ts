import type { JsonValue } from '../types'

/** A JSON object as the decoder produces it. */
export type JsonObject = { readonly [name: string]: JsonValue }

/** The value as a JSON object, or undefined for anything else (arrays and null included). */
export function asObject(value: JsonValue | undefined): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined
}

/** Whether the object has its own member `name` (not one inherited from Object.prototype). */
export function hasMember(object: JsonObject, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, name)
}

/** The member when it is a string. */
export function stringMember(object: JsonObject, name: string): string | undefined {
  const value = hasMember(object, name) ? object[name] : undefined
  return typeof value === 'string' ? value : undefined
}

/** The member when it is a finite number (big integers are converted: they only matter for order). */
export function numberMember(object: JsonObject, name: string): number | undefined {
  const value = hasMember(object, name) ? object[name] : undefined
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'bigint') {
    const n = Number(value)
    return Number.isFinite(n) ? n : undefined
  }
  return undefined
}

/** How a JSON value is named in messages ("a string", "an array", …). */
export function kindOf(value: JsonValue | undefined): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'string':
      return 'a string'
    case 'boolean':
      return 'a boolean'
    case 'object':
      return 'an object'
    default:
      return 'a number'
  }
}

/** A value quoted for messages, cut when long so that a message never grows with the input. */
export function quote(value: string, max = 60): string {
  const text = value.length > max ? `${value.slice(0, max - 1)}…` : value
  return JSON.stringify(text)
}

/**
 * Sets a member as an own data property. Plain assignment of a member named `__proto__` (which a
 * token may well contain) would replace the object's prototype instead.
 */
export function setMember(object: { [name: string]: JsonValue }, name: string, value: JsonValue): void {
  Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true })
}
