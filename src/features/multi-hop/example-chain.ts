import {
  decodeToken,
  err,
  exchangeToken,
  formatJsonValue,
  generateSigningKey,
  ok,
  signToken,
  type JsonValue,
  type ParsedKey,
  type Result,
} from '../../core'

/** Which teaching chain to build. */
export type ExampleChainKind = 'valid' | 'scope-widened' | 'aud-mismatch'

/** A chain of tokens in call order, the issuer that signed them all, and its HS256 secret (base64url). */
export interface ExampleChain {
  readonly tokens: readonly string[]
  readonly issuer: string
  readonly secret: string
}

export const EXAMPLE_ISSUER = 'https://as.example.com'
export const SERVICE_A = 'https://service-a.example.com'
export const SERVICE_B = 'https://service-b.example.com'
export const SERVICE_C = 'https://service-c.example.com'
/** The service that exchanges a token it was never the audience of, in the broken chain. */
export const SERVICE_X = 'https://service-x.example.com'

/**
 * Builds an A → B → C call chain at run time with a fresh HS256 secret: token 1 is the user's token
 * for service A; A exchanges it (RFC 8693) for token 2 to call B; B exchanges that for token 3 to
 * call C. Each exchange narrows the scopes. The broken kinds change the last hop: `scope-widened`
 * re-signs token 3 with a scope token 2 lacks (an authorization server refuses that, so the token
 * is forged with the same key), `aud-mismatch` has token 2 exchanged by a service it was not for.
 */
export async function buildExampleChain(kind: ExampleChainKind, now: number): Promise<Result<ExampleChain>> {
  const generated = await generateSigningKey('HS256')
  if (!generated.ok) return generated
  const key = generated.value.key

  const first = await sign(key, {
    iss: EXAMPLE_ISSUER,
    sub: 'alice@example.com',
    aud: SERVICE_A,
    client_id: 'https://app.example.com',
    scope: 'orders:read orders:write profile',
    iat: now,
    exp: now + 3600,
    jti: 'token-1-alice',
  })
  if (!first.ok) return first
  const second = await exchangeToken({
    subjectToken: decodeToken(first.value),
    actor: { sub: SERVICE_A },
    audience: SERVICE_B,
    scope: 'orders:read orders:write',
    now,
    key,
    alg: 'HS256',
  })
  if (!second.ok) return second
  const third = await exchangeToken({
    subjectToken: decodeToken(second.value),
    actor: { sub: kind === 'aud-mismatch' ? SERVICE_X : SERVICE_B },
    audience: SERVICE_C,
    scope: 'orders:read',
    now,
    key,
    alg: 'HS256',
  })
  if (!third.ok) return third
  let last = third.value
  if (kind === 'scope-widened') {
    const payload = decodeToken(last).payload
    if (payload?.kind !== 'json' || typeof payload.value !== 'object' || payload.value === null || Array.isArray(payload.value)) {
      return err('EXAMPLE_FAILED', 'The exchanged token could not be read back. Try again.')
    }
    const widened = await sign(key, { ...payload.value, scope: 'orders:read admin' })
    if (!widened.ok) return widened
    last = widened.value
  }
  return ok({ tokens: [first.value, second.value, last], issuer: EXAMPLE_ISSUER, secret: generated.value.privateText })
}

async function sign(key: ParsedKey, claims: { [name: string]: JsonValue }): Promise<Result<string>> {
  const signed = await signToken({ header: '{"alg":"HS256","typ":"JWT"}', payload: formatJsonValue(claims), alg: 'HS256', key })
  return signed.ok ? ok(signed.value.token) : signed
}
