import { algorithmSpec, jwkThumbprint, toPem, type KeyHandle } from '../keys'
import type { JWK } from '../types'
import type { AttackerKeyType } from './types'

/** A key pair the attacker generates to sign tokens that carry or point to its public key. */
export interface AttackerKey {
  readonly alg: 'RS256' | 'ES256'
  readonly privateKey: KeyHandle
  readonly publicKey: KeyHandle
  /** Public JWK with `kid` (its RFC 7638 thumbprint), `use` and `alg`. */
  readonly publicJwk: JWK
  /** Private JWK, so the user can sign more tokens with it. */
  readonly privateJwk: JWK
  readonly privatePem: string
  /** SubjectPublicKeyInfo DER of the public key. */
  readonly spki: Uint8Array
  readonly kid: string
}

const PUBLIC_MEMBERS: Readonly<Record<AttackerKeyType, readonly string[]>> = { RSA: ['kty', 'n', 'e'], EC: ['kty', 'crv', 'x', 'y'] }

/** Generates an RSA 2048 (RS256) or EC P-256 (ES256) key pair. Throws only if key generation fails. */
export async function generateAttackerKey(type: AttackerKeyType): Promise<AttackerKey> {
  const alg = type === 'RSA' ? 'RS256' : 'ES256'
  const pair = await algorithmSpec(alg)?.implementation.generatePair?.({ modulusLength: 2048 })
  if (pair === undefined) throw new TypeError(`${alg} key pairs cannot be generated`)
  const full = pair.privateJwk as Record<string, unknown>
  const bare: Record<string, unknown> = {}
  for (const name of PUBLIC_MEMBERS[type]) bare[name] = full[name]
  const thumbprint = await jwkThumbprint(bare as JWK)
  const kid = thumbprint.ok ? thumbprint.value : 'attacker-key'
  const publicJwk = { ...bare, kid, use: 'sig', alg } as JWK
  const privateMembers = type === 'RSA' ? ['d', 'p', 'q', 'dp', 'dq', 'qi'] : ['d']
  const privateJwk: Record<string, unknown> = { ...bare }
  for (const name of privateMembers) privateJwk[name] = full[name]
  Object.assign(privateJwk, { kid, use: 'sig', alg })
  return {
    alg,
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    publicJwk,
    privateJwk: privateJwk as JWK,
    privatePem: toPem(pair.pkcs8, 'PRIVATE KEY'),
    spki: pair.spki,
    kid,
  }
}

/** The key's public JWK with only its key members (what goes into a `jwk` header). */
export function bareJwk(key: AttackerKey): JWK {
  const out: Record<string, unknown> = {}
  const jwk = key.publicJwk as Record<string, unknown>
  for (const name of PUBLIC_MEMBERS[key.alg === 'RS256' ? 'RSA' : 'EC']) out[name] = jwk[name]
  return out as JWK
}
