import { base64url } from 'jose'

/** base64url (RFC 4648 §5, no padding) of the UTF-8 bytes of a text, or of raw bytes. */
export function base64urlEncode(data: string | Uint8Array): string {
  return base64url.encode(data)
}

/**
 * The bytes of a base64url text, or undefined when it cannot be decoded. Use `decodeSegment` where
 * exact positions and problems of a token segment matter.
 */
export function base64urlDecode(text: string): Uint8Array | undefined {
  try {
    return base64url.decode(text)
  } catch {
    return undefined
  }
}
