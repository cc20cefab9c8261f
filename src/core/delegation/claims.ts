import { hasMember, type JsonObject } from '../json-object'
import type { JsonValue } from '../types'

export { asJsonObject as asObject, hasMember, memberString as stringMember, type JsonObject } from '../json-object'

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
