import { describeKey, parseKey, type ParseKeyErrorCode } from '../keys'
import { err, ok, type Result } from '../result'
import type { JWK, ParsedKey } from '../types'
import type { KeyEntryOptions, KeyStoreEntry } from './types'

/** Names are shown and stored: longer ones are cut. */
export const MAX_KEY_NAME_LENGTH = 100

/** Members of a JWK that describe the key but are no key material; kept in every JWK text. */
const METADATA = ['kid', 'alg', 'use', 'key_ops'] as const

function withMetadata(jwk: JWK, key: ParsedKey): JWK {
  const out: Record<string, unknown> = { ...jwk }
  for (const name of METADATA) {
    const value = (key.jwk as Record<string, unknown>)[name]
    if (value !== undefined && out[name] === undefined) out[name] = value
  }
  return out as JWK
}

function cutName(name: string): string {
  const trimmed = name.trim()
  return trimmed.length > MAX_KEY_NAME_LENGTH ? trimmed.slice(0, MAX_KEY_NAME_LENGTH) : trimmed
}

/** One entry of a parsed key: private keys and secrets keep their private JWK, public keys their public one. */
export function entryOfKey(key: ParsedKey, name: string, origin: KeyEntryOptions['origin']): KeyStoreEntry {
  const visibility = key.kind === 'public' ? 'public' : 'private'
  const jwk = visibility === 'public' ? (key.publicJwk ?? key.jwk) : key.jwk
  return {
    id: visibility === 'public' ? key.thumbprint : `private:${key.thumbprint}`,
    name: cutName(name),
    kty: key.kty,
    kind: describeKey(key),
    ...(key.alg === undefined ? {} : { alg: key.alg }),
    ...(key.kid === undefined ? {} : { kid: key.kid }),
    thumbprint: key.thumbprint,
    origin,
    visibility,
    text: JSON.stringify(withMetadata(jwk, key)),
  }
}

/**
 * Key store entries from key text: one per key (a JWKS gives one entry each, so importing a JWKS is
 * this too). PEM, JWK, JWKS, raw DER text and HMAC secrets are read by `parseKey`; its errors are
 * returned as they are. A name is given to a single key; several keys get it numbered, and keys
 * without a name are named by their `kid`, else by what they are. Never throws.
 */
export async function keyStoreEntries(text: string, options: KeyEntryOptions): Promise<Result<KeyStoreEntry[], ParseKeyErrorCode>> {
  const parsed = await parseKey(text, { encoding: options.encoding })
  if (!parsed.ok) return err(parsed.error.code, parsed.error.message)
  const keys = parsed.value.keys
  const given = options.name?.trim() ?? ''
  return ok(
    keys.map((key, i) => {
      const fallback = key.kid ?? describeKey(key).replace(/^an? /, '')
      const name = given === '' ? fallback : keys.length === 1 ? given : `${given} ${i + 1}`
      return entryOfKey(key, name, options.origin)
    }),
  )
}

/** Options of {@link keyStoreJwks}. */
export interface KeyStoreJwksOptions {
  /** Include private keys and secrets with their private members (default: public members only). */
  readonly includePrivate?: boolean
}

/** Private members of every key type (RFC 7518 §6, `priv` of AKP keys). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv'] as const

function publicJwk(jwk: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(jwk)) if (!(PRIVATE_MEMBERS as readonly string[]).includes(name)) out[name] = value
  return out
}

/**
 * A JWKS (pretty-printed JSON) of entries. By default public members only: private keys are
 * exported as their public key, secrets are left out (a secret has no public part) and a pair whose
 * halves are both in the list appears once. With `includePrivate`, every key as stored. Keys without
 * a `kid` get their thumbprint as `kid`, so the JWKS matching can name them.
 */
export function keyStoreJwks(entries: readonly KeyStoreEntry[], options: KeyStoreJwksOptions = {}): string {
  const keys: Record<string, unknown>[] = []
  const seen = new Set<string>()
  for (const entry of entries) {
    let jwk: Record<string, unknown>
    try {
      jwk = JSON.parse(entry.text) as Record<string, unknown>
    } catch {
      continue
    }
    if (typeof jwk !== 'object' || jwk === null) continue
    if (!options.includePrivate) {
      if (entry.kty === 'oct') continue
      jwk = publicJwk(jwk)
    }
    const id = options.includePrivate ? entry.id : entry.thumbprint
    if (seen.has(id)) continue
    seen.add(id)
    const { kid, ...rest } = jwk
    keys.push({ kid: typeof kid === 'string' ? kid : entry.thumbprint, ...rest })
  }
  return JSON.stringify({ keys }, null, 2)
}
