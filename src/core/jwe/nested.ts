/**
 * Nested JWTs (RFC 7519 §5.2, §11.2): after decryption, the plaintext may itself be a compact JWS
 * (signed, then encrypted) or another JWE. `cty: "JWT"` says so; a plaintext that has the shape of
 * one is taken as one too, since many senders leave `cty` out.
 */
import { isJsonObject } from '../json-object'
import { base64urlDecode } from '../token/base64url-codec'
import type { JsonObject } from '../json-object'

/** Whether `cty` names a JWT: "JWT" in any case, with or without the "application/" prefix (RFC 7515 §4.1.10). */
export function ctyIsJwt(header: JsonObject): boolean {
  const cty = header.cty
  if (typeof cty !== 'string') return false
  const lower = cty.toLowerCase()
  return (lower.startsWith('application/') ? lower.slice('application/'.length) : lower) === 'jwt'
}

const COMPACT_PART = /^[A-Za-z0-9_-]*$/

/** The compact JWS or JWE the text is (trimmed), or undefined. Checks that the header decodes to an object with "alg". */
export function compactTokenIn(text: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed.length === 0 || trimmed.length > 16 * 1024 * 1024) return undefined
  const parts = trimmed.split('.')
  if (parts.length !== 3 && parts.length !== 5) return undefined
  if (!parts.every((p) => COMPACT_PART.test(p))) return undefined
  const headerBytes = base64urlDecode(parts[0] as string)
  if (headerBytes === undefined) return undefined
  try {
    const header: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes))
    return isJsonObject(header) && typeof header.alg === 'string' ? trimmed : undefined
  } catch {
    return undefined
  }
}
