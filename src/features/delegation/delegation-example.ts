import { formatJsonValue, generateSigningKey, ok, signToken, type JsonValue, type Result } from '../../core'

/** A freshly signed delegation token and the HS256 secret (base64url text) that signs and verifies it. */
export interface DelegationExample {
  readonly token: string
  readonly secret: string
}

/**
 * The payload of the example: RFC 8693 §4.1's nested-actor example (service16 acts for the user,
 * after service77), with fresh times so it is not expired, and a `may_act` that allows the current
 * actor (RFC 8693 §4.4).
 */
export function delegationExamplePayload(now: number): { [name: string]: JsonValue } {
  return {
    iss: 'https://issuer.example.com',
    sub: 'user@example.com',
    aud: 'https://service26.example.com',
    scope: 'orders:read',
    iat: now,
    nbf: now,
    exp: now + 3600,
    may_act: { sub: 'https://service16.example.com' },
    act: {
      sub: 'https://service16.example.com',
      iss: 'https://issuer.example.com',
      act: { sub: 'https://service77.example.com' },
    },
  }
}

/**
 * Builds the example at run time: a new random HS256 secret (nothing is bundled, so there is no
 * published key to reuse) and the payload above signed with it.
 */
export async function buildDelegationExample(now: number): Promise<Result<DelegationExample>> {
  const generated = await generateSigningKey('HS256')
  if (!generated.ok) return generated
  const secret = generated.value.privateText
  const key = generated.value.key
  const signed = await signToken({
    header: '{"alg":"HS256","typ":"JWT"}',
    payload: formatJsonValue(delegationExamplePayload(now)),
    alg: 'HS256',
    key,
  })
  if (!signed.ok) return signed
  return ok({ token: signed.value.token, secret })
}
