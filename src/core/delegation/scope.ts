import type { JsonValue } from '../types'
import { hasMember, type JsonObject } from './claims'

/** A token's scopes and where they came from. */
export interface ScopeSet {
  /** `scope` (RFC 8693 §4.2, space-separated string) or `scp` (array or string, common in practice). */
  readonly claim: 'scope' | 'scp'
  readonly values: readonly string[]
}

/** Splits a space-separated scope string (RFC 6749 §3.3) into its distinct values, in order. */
export function splitScope(text: string): string[] {
  return [...new Set(text.split(' ').filter((s) => s !== ''))]
}

/**
 * The token's scopes: `scope` when present, else `scp`. Undefined when neither claim exists; a
 * claim of the wrong type is reported as a string so the caller can say what is wrong.
 */
export function scopesOf(claims: JsonObject): ScopeSet | string | undefined {
  if (hasMember(claims, 'scope')) {
    const value = claims['scope'] as JsonValue
    return typeof value === 'string' ? { claim: 'scope', values: splitScope(value) } : '"scope" must be a space-separated string'
  }
  if (hasMember(claims, 'scp')) {
    const value = claims['scp'] as JsonValue
    if (typeof value === 'string') return { claim: 'scp', values: splitScope(value) }
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { claim: 'scp', values: [...new Set(value as string[])] }
    return '"scp" must be an array of strings or a space-separated string'
  }
  return undefined
}
