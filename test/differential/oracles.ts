/**
 * The two verifiers compared: the core (decodeToken → parseKey → verifyToken, as the app runs them)
 * and jose's compactVerify with independently built key material.
 */
import { compactVerify, errors } from 'jose'
import { decodeToken, parseKey, splitSdJwt, verifyToken, type KeyInput, type Result, type SecretEncoding } from '../../src/core'
import type { JoseKey } from './keys'

export type CoreOutcome =
  | { readonly verdict: 'valid' }
  | { readonly verdict: 'invalid'; readonly reason: string; readonly matchesAsWritten?: boolean }
  | { readonly verdict: 'refused'; readonly stage: 'parse' | 'verify'; readonly code: string; readonly message: string }
  | { readonly verdict: 'threw'; readonly message: string }

export type JoseOutcome = { readonly accepted: true } | { readonly accepted: false; readonly code: string }

/**
 * Runs the core. parseKey is a pure function of its text and encoding, so its result is kept per
 * distinct key text, as the app keeps it while the key field is unchanged; that also lets
 * verifyToken's per-key import cache work. Every distinct key text is still parsed by the core.
 */
export class CoreVerifier {
  private readonly parsed = new Map<SecretEncoding, Map<string, Promise<Result<KeyInput>>>>()

  /** Distinct key texts parsed so far. */
  get parsedKeys(): number {
    let n = 0
    for (const texts of this.parsed.values()) n += texts.size
    return n
  }

  async run(token: string, keyText: string, encoding: SecretEncoding): Promise<CoreOutcome> {
    try {
      let texts = this.parsed.get(encoding)
      if (texts === undefined) {
        texts = new Map()
        this.parsed.set(encoding, texts)
      }
      let key = texts.get(keyText)
      if (key === undefined) {
        key = parseKey(keyText, { encoding })
        texts.set(keyText, key)
      }
      const parsed = await key
      if (!parsed.ok) return { verdict: 'refused', stage: 'parse', code: parsed.error.code, message: parsed.error.message }
      const result = await verifyToken(decodeToken(token), parsed.value)
      if (!result.ok) return { verdict: 'refused', stage: 'verify', code: result.error.code, message: result.error.message }
      if (result.value.valid) return { verdict: 'valid' }
      const asWritten = (result.value as { matchesAsWritten?: boolean }).matchesAsWritten
      return { verdict: 'invalid', reason: result.value.reason ?? '', ...(asWritten !== undefined ? { matchesAsWritten: asWritten } : {}) }
    } catch (cause) {
      return { verdict: 'threw', message: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause) }
    }
  }
}

function codeOf(cause: unknown): string {
  if (cause instanceof errors.JOSEError) return cause.code
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`
  return String(cause)
}

/**
 * What jose is asked to verify. A text that splits as an SD-JWT (RFC 9901 §4: the issuer-signed
 * JWT, then `~` after it and after each disclosure, then an optional Key Binding JWT; `h.p.s~` is one
 * with no disclosures) is verified by its issuer-signed JWT, as the core verifies it, and jose knows
 * only the JWS, so it gets that part. Only a successful split counts: its disclosure part must be
 * well formed (no empty disclosure, a last part that is empty or a compact JWT), so a signature with
 * a `~` inside (`h.p.ab~cd`) is no SD-JWT and jose still sees, and rejects, the whole text.
 */
export function joseInput(token: string): string {
  const split = splitSdJwt(token)
  return split.ok ? split.value.issuerJwt.text : token
}

/**
 * jose's verdict. With a JWKS whose keys all fit, jose reports several matching keys and hands them
 * over one by one (its documented pattern); the token is accepted when one of them verifies it.
 */
export async function joseVerify(text: string, key: JoseKey): Promise<JoseOutcome> {
  const token = joseInput(text)
  try {
    await compactVerify(token, key as Parameters<typeof compactVerify>[1])
    return { accepted: true }
  } catch (cause) {
    if (cause instanceof errors.JWKSMultipleMatchingKeys) {
      let last: unknown = cause
      for await (const candidate of cause as unknown as AsyncIterable<CryptoKey>) {
        try {
          await compactVerify(token, candidate)
          return { accepted: true }
        } catch (inner) {
          last = inner
        }
      }
      return { accepted: false, code: codeOf(last) }
    }
    return { accepted: false, code: codeOf(cause) }
  }
}
