import { err, ok, type Result } from '../result'
import { base64urlEncode, formatJsonValue, signToken, type SignErrorCode } from '../token'
import type { DecodedToken, JsonValue, JwsAlgorithm, ParsedKey } from '../types'
import { delegationChain, type DelegationErrorCode } from './chain'
import { asObject, hasMember, kindOf, numberMember, quote, setMember, stringMember } from './claims'
import { scopesOf, splitScope } from './scope'

/** What {@link exchangeToken} needs: the token exchange request and the authorization server's key. */
export interface ExchangeInput {
  /** The token being exchanged (RFC 8693 `subject_token`). */
  readonly subjectToken: DecodedToken
  /** The party asking for the new token; it becomes the new current actor. */
  readonly actor: { readonly sub: string; readonly iss?: string }
  /** The service the new token is for (its `aud`). */
  readonly audience: string
  /** Requested scopes (space-separated). Omitted: the subject token's scopes carry over. */
  readonly scope?: string
  /** Lifetime of the new token in seconds (default {@link DEFAULT_EXCHANGE_LIFETIME}). */
  readonly lifetimeSeconds?: number
  /** `iss` of the new token (default: the subject token's `iss`). */
  readonly issuer?: string
  /** The current time in seconds since 1970 (default: the clock). */
  readonly now?: number
  /** The authorization server's signing key (secret or private key). */
  readonly key: ParsedKey
  readonly alg: JwsAlgorithm
}

/** Error codes of {@link exchangeToken}. */
export type ExchangeErrorCode =
  | 'EXCHANGE_INVALID_INPUT'
  | 'EXCHANGE_FAILED'
  | 'SUBJECT_TOKEN_UNREADABLE'
  | 'SUBJECT_TOKEN_EXPIRED'
  | 'ACTOR_NOT_ALLOWED'
  | 'SCOPE_WIDENED'
  | DelegationErrorCode
  | SignErrorCode

/** Default lifetime of an exchanged token: one hour, shortened to the subject token's expiry. */
export const DEFAULT_EXCHANGE_LIFETIME = 3600

/**
 * Claims that describe the subject token itself, not the subject: the new token gets fresh values
 * (or none). `cnf` is dropped because a sender constraint binds the old holder's key, not the actor's.
 */
const NOT_CARRIED = new Set(['iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'jti', 'act', 'may_act', 'scope', 'scp', 'cnf', 'client_id', 'azp'])

/**
 * Performs an RFC 8693 token exchange the way an authorization server would, and signs the result
 * with `signToken`. The new token keeps the subject's `sub` and identity claims and gets:
 * `iss` (`issuer`, else the subject token's), `aud` = `audience`, `scope` narrowed to the request
 * (a scope the subject token lacks is refused with `SCOPE_WIDENED`), `act` = the actor with the
 * subject token's `act` nested inside (RFC 8693 §4.1), `iat` = now,
 * `exp` = min(subject `exp`, now + lifetime) and a new random `jti`. The header is
 * `{"alg":…,"typ":"JWT"}` plus the key's `kid`. An expired subject token, or an actor that the
 * subject token's `may_act` does not allow, is refused. The subject token's signature is not
 * checked here (verify it first); this function shows what the server issues once it has. Never
 * throws.
 */
export async function exchangeToken(input: ExchangeInput): Promise<Result<string, ExchangeErrorCode>> {
  try {
    return await exchange(input)
  } catch (cause) {
    return err('EXCHANGE_FAILED', `The token exchange failed: ${cause instanceof Error ? cause.message : String(cause)}.`)
  }
}

async function exchange(input: ExchangeInput): Promise<Result<string, ExchangeErrorCode>> {
  if (typeof input.actor?.sub !== 'string' || input.actor.sub === '') {
    return err('EXCHANGE_INVALID_INPUT', 'Name the actor: its "sub" identifies the service asking for the new token and cannot be empty.')
  }
  if (typeof input.audience !== 'string' || input.audience === '') {
    return err('EXCHANGE_INVALID_INPUT', 'Name the audience: the new token must say which service it is for.')
  }
  const lifetime = input.lifetimeSeconds ?? DEFAULT_EXCHANGE_LIFETIME
  if (!Number.isFinite(lifetime) || lifetime <= 0) {
    return err('EXCHANGE_INVALID_INPUT', `The lifetime must be a positive number of seconds, not ${String(lifetime)}.`)
  }
  const now = Math.floor(input.now ?? Date.now() / 1000)

  const payload = input.subjectToken.payload
  const subject = payload !== null && payload.kind === 'json' ? asObject(payload.value) : undefined
  if (subject === undefined) {
    return err('SUBJECT_TOKEN_UNREADABLE', `The subject token's payload is ${payload === null ? 'missing' : payload.kind === 'json' ? kindOf(payload.value) : 'not JSON'}; an exchange needs a token whose payload is a JSON object of claims.`)
  }
  const chain = delegationChain(subject)
  if (!chain.ok) return chain
  const subjectExp = numberMember(subject, 'exp')
  if (hasMember(subject, 'exp') && subjectExp === undefined) {
    return err('SUBJECT_TOKEN_UNREADABLE', `The subject token's "exp" is ${kindOf(subject['exp'])}, not a NumericDate, so its expiry cannot be honoured.`)
  }
  if (subjectExp !== undefined && subjectExp <= now) {
    return err('SUBJECT_TOKEN_EXPIRED', 'The subject token has expired, so an authorization server refuses to exchange it. Get a fresh token first.')
  }
  const mayAct = asObject(subject['may_act'])
  if (mayAct !== undefined) {
    const allowedSub = stringMember(mayAct, 'sub')
    const allowedIss = stringMember(mayAct, 'iss')
    if ((allowedSub !== undefined && allowedSub !== input.actor.sub) || (allowedIss !== undefined && allowedIss !== input.actor.iss)) {
      const allowed = [allowedSub !== undefined ? `sub ${quote(allowedSub)}` : '', allowedIss !== undefined ? `iss ${quote(allowedIss)}` : ''].filter((s) => s !== '').join(' and ')
      return err('ACTOR_NOT_ALLOWED', `The subject token's "may_act" allows only the party with ${allowed} to act for the subject, not ${quote(input.actor.sub)}.`)
    }
  }

  const held = scopesOf(subject)
  if (typeof held === 'string') return err('SUBJECT_TOKEN_UNREADABLE', `The subject token's scope is malformed: ${held}.`)
  let scope: string | undefined
  if (input.scope !== undefined) {
    const requested = splitScope(input.scope)
    // A set, not includes() per scope: a long request against a long token would be quadratic.
    const heldSet = new Set(held?.values ?? [])
    const extra = requested.filter((s) => !heldSet.has(s))
    if (extra.length > 0) {
      const has = held === undefined || held.values.length === 0 ? 'has no scopes' : `only has ${quote(held.values.join(' '), 120)}`
      return err('SCOPE_WIDENED', `The request asks for ${quote(extra.join(' '), 120)}, but the subject token ${has}. A token exchange may only narrow scopes; ask for a subset.`)
    }
    scope = requested.join(' ')
  } else if (held !== undefined) {
    scope = held.values.join(' ')
  }

  const issuer = input.issuer ?? stringMember(subject, 'iss')
  const sub = stringMember(subject, 'sub')
  const act: { [name: string]: JsonValue } = { sub: input.actor.sub }
  if (input.actor.iss !== undefined) act['iss'] = input.actor.iss
  if (hasMember(subject, 'act')) act['act'] = subject['act'] as JsonValue

  const claims: { [name: string]: JsonValue } = {}
  if (issuer !== undefined) claims['iss'] = issuer
  if (sub !== undefined) claims['sub'] = sub
  claims['aud'] = input.audience
  if (scope !== undefined) claims['scope'] = scope
  claims['act'] = act
  for (const [name, value] of Object.entries(subject)) if (!NOT_CARRIED.has(name)) setMember(claims, name, value)
  claims['iat'] = now
  claims['exp'] = Math.min(subjectExp ?? Infinity, now + Math.floor(lifetime))
  claims['jti'] = newJti()

  const signed = await signToken({ header: '{"typ":"JWT"}', payload: formatJsonValue(claims), alg: input.alg, key: input.key, syncHeader: true })
  if (!signed.ok) return signed
  return ok(signed.value.token)
}

/** 128 random bits: enough that two exchanges never share an ID. */
function newJti(): string {
  return base64urlEncode(crypto.getRandomValues(new Uint8Array(16)))
}
