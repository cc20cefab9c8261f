/**
 * The little DER, byte and base64url help the on-demand algorithm modules (`noble-curves.ts`,
 * `ml-dsa.ts`) share. Only those modules import it, so it is split into a chunk that loads with
 * them, never at first paint: a module the first-paint code imports must not import this one.
 * Every reader returns undefined on malformed input instead of throwing.
 */
import type { Result } from '../result'

/** DER tags of key structures. */
export const DER = { INTEGER: 0x02, BIT_STRING: 0x03, OCTET_STRING: 0x04, SEQUENCE: 0x30 } as const

/** A failed {@link Result}. */
export function err<C extends string>(code: C, message: string): Result<never, C> {
  return { ok: false, error: { code, message } }
}

/** A successful {@link Result}. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value }
}

/** base64url without padding. */
export function encodeBase64url(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i] as number)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '')
}

/** Letters, digits, `-` and `_` only, and a length base64url can have (one pass, no pattern). */
export function isBase64url(text: string): boolean {
  if (text.length % 4 === 1) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95
    if (!ok) return false
  }
  return true
}

/** The bytes of a base64url text, or undefined when it is not base64url. */
export function decodeBase64url(text: string): Uint8Array | undefined {
  if (!isBase64url(text)) return undefined
  try {
    return Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0))
  } catch {
    return undefined
  }
}

/** The bytes of a JWK member that holds base64url, or undefined when it is missing or not base64url. */
export function jwkBytes(jwk: object, name: string): Uint8Array | undefined {
  const value = (jwk as Record<string, unknown>)[name]
  return typeof value === 'string' ? decodeBase64url(value) : undefined
}

/** Equal bytes, compared in time independent of where they differ. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number)
  return diff === 0
}

/** The parts one after the other. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** One DER element: tag, and where its content lies. */
export interface DerSpan {
  readonly tag: number
  readonly start: number
  readonly end: number
}

/** The elements that exactly tile `bytes[start, end)`, or undefined when they do not. */
export function elements(bytes: Uint8Array, start = 0, end = bytes.length): DerSpan[] | undefined {
  const out: DerSpan[] = []
  for (let offset = start; offset < end; ) {
    if (offset + 2 > end) return undefined
    const tag = bytes[offset] as number
    const first = bytes[offset + 1] as number
    const count = first & 0x80 ? first & 0x7f : 0
    if (count > 4) return undefined
    let length = first & 0x80 ? 0 : first
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[offset + 2 + i] ?? 0)
    const contentStart = offset + 2 + count
    if (contentStart + length > end) return undefined
    out.push({ tag, start: contentStart, end: contentStart + length })
    offset = contentStart + length
  }
  return out
}

/** The children of the SEQUENCE that fills `bytes`. */
export function sequence(bytes: Uint8Array): DerSpan[] | undefined {
  const [top, ...rest] = elements(bytes) ?? []
  return top === undefined || top.tag !== DER.SEQUENCE || rest.length > 0 ? undefined : elements(bytes, top.start, top.end)
}

/** The content of the one element with tag `tag` that fills `bytes`, or undefined. */
export function innerContent(bytes: Uint8Array, tag: number): Uint8Array | undefined {
  const [only, ...rest] = elements(bytes) ?? []
  return only === undefined || only.tag !== tag || rest.length > 0 ? undefined : bytes.subarray(only.start, only.end)
}

/** One DER element from its tag and content. */
export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const size = content.reduce((sum, part) => sum + part.length, 0)
  const length: number[] = []
  // Long form: the length's bytes, most significant first (X.690 §8.1.3.5).
  for (let rest = size; size >= 0x80 && rest > 0; rest = Math.floor(rest / 256)) length.unshift(rest % 256)
  const head = size < 0x80 ? [tag, size] : [tag, 0x80 | length.length, ...length]
  return concat(new Uint8Array(head), ...content)
}

/** The raw key of a SubjectPublicKeyInfo: its BIT STRING without the unused-bits byte (which must be 0). */
export function spkiBits(der: Uint8Array): Uint8Array | undefined {
  const bits = sequence(der)?.[1]
  return bits === undefined || bits.tag !== DER.BIT_STRING || bits.end - bits.start < 2 || der[bits.start] !== 0 ? undefined : der.subarray(bits.start + 1, bits.end)
}
