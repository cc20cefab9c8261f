import { useMemo } from 'react'
import { isJsonObject, parseJsonText, type DecodedToken } from '../../core'

/**
 * Whether a text is a JWE in JSON serialization (RFC 7516 §7.2): one JSON object with a string
 * "ciphertext". The decoder reports such a text as one part with no '.', so the kind alone misses it.
 * Linear in the text length; a text that does not start with '{' is not parsed at all.
 */
export function isJsonJwe(text: string): boolean {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{') || !trimmed.includes('"ciphertext"')) return false
  const parsed = parseJsonText(trimmed)
  return parsed.errors.length === 0 && isJsonObject(parsed.value) && typeof parsed.value['ciphertext'] === 'string'
}

/** Whether the decoded token is a JWE the Decryption panel can open: compact (five parts) or JSON. */
export function useIsJwe(decoded: DecodedToken): boolean {
  const token = decoded.token
  const json = useMemo(() => decoded.kind !== 'jwe' && isJsonJwe(token), [decoded.kind, token])
  return decoded.kind === 'jwe' || json
}
