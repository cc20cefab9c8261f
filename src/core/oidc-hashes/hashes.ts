import { shake256 } from '@noble/hashes/sha3.js'
import { base64urlEncode } from '../token/base64url-codec'
import { err, ok, type Result } from '../result'
import { MAX_HASHED_VALUE, type OidcHashCheck, type OidcHashClaim, type OidcHashErrorCode, type OidcHashFunction, type OidcHashInput } from './types'

const EDDSA_NOTE = 'EdDSA has no hash of its own in its name: OpenID Connect Core errata set 2 specifies SHA-512 for Ed25519 (and SHAKE256 with 114 bytes of output for Ed448).'

/**
 * The hash function for an ID token's hash claims: the hash of its `alg` (SHA-256 for `*256`,
 * SHA-384, SHA-512), and for EdDSA the OIDC Core errata rule (Ed25519: SHA-512; Ed448: SHAKE256).
 * `EdDSA` without a curve is taken as Ed25519, the curve nearly every issuer uses; the note says so.
 */
export function oidcHashFunction(alg: string | undefined): Result<OidcHashFunction, OidcHashErrorCode> {
  if (alg === undefined || alg === '') return err('ALG_MISSING', 'The ID token has no alg in its header, so the hash for at_hash, c_hash and s_hash is unknown.')
  if (alg === 'EdDSA') return ok({ name: 'SHA-512', note: `${EDDSA_NOTE} This token says only EdDSA: SHA-512 (Ed25519) is used.` })
  if (alg === 'Ed25519') return ok({ name: 'SHA-512', note: EDDSA_NOTE })
  if (alg === 'Ed448') return ok({ name: 'SHAKE256', note: EDDSA_NOTE })
  const bits = /^(?:HS|RS|PS|ES)(256|384|512)$/.exec(alg)?.[1] ?? (alg === 'ES256K' ? '256' : undefined)
  if (bits === undefined) return err('ALG_NO_HASH', `The ID token's alg ${alg.slice(0, 40)} defines no hash for at_hash, c_hash and s_hash (OpenID Connect Core §3.1.3.6 takes the hash of the signing algorithm).`)
  return ok({ name: `SHA-${bits}` as 'SHA-256' | 'SHA-384' | 'SHA-512' })
}

async function fullHash(name: OidcHashFunction['name'], bytes: Uint8Array): Promise<Uint8Array> {
  if (name === 'SHAKE256') return shake256(bytes, { dkLen: 114 })
  return new Uint8Array(await crypto.subtle.digest(name, bytes as BufferSource))
}

/**
 * The hash claim value of `value` for an ID token signed with `alg`: base64url of the left-most
 * half of the hash of the value's ASCII octets (OIDC Core §3.1.3.6 at_hash, §3.3.2.11 c_hash;
 * FAPI 1.0 Advanced §5.1.1 s_hash use the same rule).
 */
export async function oidcHash(value: string, alg: string | undefined): Promise<Result<string, OidcHashErrorCode>> {
  const hash = oidcHashFunction(alg)
  if (!hash.ok) return hash
  const digest = await fullHash(hash.value.name, new TextEncoder().encode(value))
  return ok(base64urlEncode(digest.subarray(0, digest.length / 2)))
}

const WHAT: Readonly<Record<OidcHashClaim, { readonly value: string; readonly field: string }>> = {
  at_hash: { value: 'access token', field: 'Access token' },
  c_hash: { value: 'authorization code', field: 'Code' },
  s_hash: { value: 'state', field: 'State' },
}

/** The hash claims present in a payload, in the order at_hash, c_hash, s_hash. */
export function oidcHashClaims(payload: unknown): OidcHashClaim[] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return []
  return (['at_hash', 'c_hash', 's_hash'] as const).filter((claim) => Object.hasOwn(payload, claim))
}

/**
 * Recomputes each hash claim the payload has from the value the user pasted, one verdict row per
 * claim: pass when equal, fail when not (or when the claim is not a string, or the alg defines no
 * hash), skipped when no value was given.
 */
export async function checkOidcHashes(input: OidcHashInput): Promise<OidcHashCheck[]> {
  const rows: OidcHashCheck[] = []
  const hash = oidcHashFunction(input.alg)
  for (const claim of oidcHashClaims(input.payload)) {
    const claimed = (input.payload as Record<string, unknown>)[claim]
    const { value: what, field } = WHAT[claim]
    const given = input.values[claim]?.trim() ?? ''
    if (typeof claimed !== 'string') {
      rows.push({ claim, verdict: 'fail', message: `${claim} is not a string: it must be the base64url left half of the hash of the ${what}.` })
      continue
    }
    if (given === '') {
      rows.push({ claim, verdict: 'skip', message: `Not checked: paste the ${what} in ${field} to recompute ${claim}.` })
      continue
    }
    if (!hash.ok) {
      rows.push({ claim, verdict: 'fail', message: hash.error.message })
      continue
    }
    if (given.length > MAX_HASHED_VALUE) {
      rows.push({ claim, verdict: 'fail', message: `The ${what} is ${given.length} characters long; values over ${MAX_HASHED_VALUE} characters are not hashed.` })
      continue
    }
    const computed = await oidcHash(given, input.alg)
    if (!computed.ok) continue
    const how = `the left half of ${hash.value.name} of the ${what}, base64url${hash.value.note !== undefined ? `; ${hash.value.note}` : ''}`
    rows.push(
      computed.value === claimed
        ? { claim, verdict: 'pass', computed: computed.value, message: `${claim} matches the ${what}: ${computed.value} is ${how}.` }
        : { claim, verdict: 'fail', computed: computed.value, message: `${claim} is ${claimed.slice(0, 100)}, but ${how} is ${computed.value}: this ${what} is not the one the ID token was issued with.` },
    )
  }
  return rows
}
