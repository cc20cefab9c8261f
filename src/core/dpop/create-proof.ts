import { algorithmSpec } from '../keys'
import { err, ok, type Result } from '../result'
import { base64urlEncode, signToken, type SignErrorCode } from '../token'
import type { JWK, JwsAlgorithm, ParsedKey } from '../types'
import { accessTokenHash } from './ath'

/** What {@link createDpopProof} needs. */
export interface CreateDpopProofInput {
  /** The HTTP method of the request, e.g. `POST`. */
  readonly method: string
  /** The request URL; the proof's `htu` is this URL without query and fragment. */
  readonly url: string
  /** The access token the proof will accompany; adds its `ath`. */
  readonly accessToken?: string
  /** The client's private key; its public part goes into the `jwk` header. */
  readonly key: ParsedKey
  /** An asymmetric algorithm that fits the key (ES256, RS256, PS256, EdDSA, …). */
  readonly alg: JwsAlgorithm
  /** Creation time in seconds since 1970 (default: the clock). */
  readonly now?: number
  /** The proof's unique ID (default: 128 random bits in base64url). */
  readonly jti?: string
  /** The server's nonce (`DPoP-Nonce`), when it asked for one. */
  readonly nonce?: string
}

/** Error codes of {@link createDpopProof}. */
export type CreateDpopErrorCode = 'DPOP_CREATE_FAILED' | 'DPOP_ALG_NOT_ASYMMETRIC' | 'DPOP_KEY_NOT_PRIVATE' | 'DPOP_INVALID_URL' | 'DPOP_INVALID_METHOD' | SignErrorCode

/** The public members that define each key type (RFC 7638 §3.2): nothing else goes into the proof. */
const PUBLIC_MEMBERS: Readonly<Record<string, readonly string[]>> = { RSA: ['kty', 'e', 'n'], EC: ['kty', 'crv', 'x', 'y'], OKP: ['kty', 'crv', 'x'], AKP: ['kty', 'alg', 'pub'] }

/**
 * Creates a DPoP proof JWT (RFC 9449 §4.2) as a client would: header `{"typ":"dpop+jwt","alg":…,
 * "jwk":…}` with only the public key's defining members, payload `{"jti","htm","htu","iat"}` plus
 * `ath` (with an access token) and `nonce` (when given), signed with `signToken`. Refuses HMAC and
 * `none`, public keys and URLs that are not absolute. Never throws.
 */
export async function createDpopProof(input: CreateDpopProofInput): Promise<Result<string, CreateDpopErrorCode>> {
  try {
    return await create(input)
  } catch (cause) {
    return err('DPOP_CREATE_FAILED', `The proof could not be created: ${cause instanceof Error ? cause.message : String(cause)}.`)
  }
}

async function create(input: CreateDpopProofInput): Promise<Result<string, CreateDpopErrorCode>> {
  const spec = algorithmSpec(input.alg)
  if (spec === undefined || spec.family === 'HS') {
    return err('DPOP_ALG_NOT_ASYMMETRIC', `DPoP proofs need an asymmetric signature algorithm (ES256, RS256, PS256, EdDSA, …), not ${input.alg}: the server checks them with the public key carried in the proof.`)
  }
  if (input.key.kind !== 'private' || input.key.publicJwk === undefined) {
    return err('DPOP_KEY_NOT_PRIVATE', 'Signing a DPoP proof needs the client\'s private key (its public part goes into the proof). Paste a private key or generate a key pair.')
  }
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(input.method)) {
    return err('DPOP_INVALID_METHOD', `${JSON.stringify(input.method)} is not an HTTP method. Use one such as GET or POST.`)
  }
  let htu: string
  try {
    const url = new URL(input.url)
    url.search = ''
    url.hash = ''
    htu = url.href
  } catch {
    return err('DPOP_INVALID_URL', `${JSON.stringify(input.url)} is not an absolute URL. Give the full request URL, e.g. https://server.example.com/token.`)
  }

  const jwk: Record<string, unknown> = {}
  for (const name of PUBLIC_MEMBERS[input.key.kty] ?? []) jwk[name] = (input.key.publicJwk as Record<string, unknown>)[name]
  const claims: Record<string, unknown> = {
    jti: input.jti ?? base64urlEncode(crypto.getRandomValues(new Uint8Array(16))),
    htm: input.method,
    htu,
    iat: Math.floor(input.now ?? Date.now() / 1000),
  }
  if (input.accessToken !== undefined) claims['ath'] = await accessTokenHash(input.accessToken)
  if (input.nonce !== undefined) claims['nonce'] = input.nonce

  const header = JSON.stringify({ typ: 'dpop+jwt', alg: input.alg, jwk: jwk as JWK })
  const signed = await signToken({ header, payload: JSON.stringify(claims), alg: input.alg, key: input.key })
  if (!signed.ok) return signed
  return ok(signed.value.token)
}
