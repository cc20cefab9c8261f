import { isoFromSeconds } from '../claims'
import type { CheckVerdict, DecodedToken, JsonValue } from '../types'
import { delegationChain, type DelegationParty } from './chain'
import { asObject, hasMember, kindOf, numberMember, quote, stringMember, type JsonObject } from './claims'
import { scopesOf } from './scope'

/** What {@link compareHops} checks. */
export type HopCheckId = 'count' | 'payload' | 'iss' | 'aud' | 'scope' | 'exp' | 'jti' | 'act' | 'sub'

/** One verdict of {@link compareHops}. */
export interface HopCheck {
  readonly id: HopCheckId
  /**
   * For checks between two tokens: hop k is the exchange of token k for token k+1 (1-based, so
   * 1 … tokens.length − 1).
   */
  readonly hop?: number
  /** For checks of a single token (`payload`, `iss`): its 1-based position. */
  readonly token?: number
  readonly verdict: CheckVerdict
  readonly message: string
  /** The attack or mistake this check stops, in plain words. */
  readonly prevents: string
}

/** Options of {@link compareHops}. */
export interface CompareHopsOptions {
  /** Issuers the chain trusts. Without it, every token must come from the first token's issuer. */
  readonly trustedIssuers?: readonly string[]
}

/** The fewest tokens {@link compareHops} compares. */
export const MIN_HOP_TOKENS = 2
/** The most tokens {@link compareHops} compares. */
export const MAX_HOP_TOKENS = 5

/** What each check prevents, shown next to every verdict. */
const HOP_CHECK_PREVENTS: Readonly<Record<HopCheckId, string>> = {
  count: 'Comparing a chain that is too short to have hops, or too long to read.',
  payload: 'Checks silently passing because a token could not be read.',
  iss: 'Forged delegation: a token minted by an issuer the chain does not trust (an attacker’s own authorization server, or another tenant) being accepted as if the real one had issued it.',
  aud: 'Confused deputy and token pass-through: a service using (or forwarding) a token that was issued to a different service, so a downstream API acts on a request it was never meant to receive.',
  scope: 'Privilege escalation: a service further down the chain ending up with more rights than the caller before it was granted.',
  exp: 'Privilege escalation in time: a derived token outliving the token it came from, so expiring or revoking the original does not stop the chain.',
  jti: 'Replay and token pass-through: the same token (same jti) presented again, or forwarded as-is instead of being exchanged for a new one.',
  act: 'Hidden or invented intermediaries: a chain that drops or adds actors, so audit logs and access rules see the wrong caller (a confused deputy in disguise).',
  sub: 'Impersonation: an exchange that swaps the user the whole chain acts for.',
}

interface Hop {
  readonly index: number
  readonly token: DecodedToken
  readonly claims: JsonObject
  /** Actors from current to oldest, or the reason the `act` chain cannot be read. */
  readonly actors: readonly DelegationParty[] | string
}

/**
 * Checks an A → B → C call chain of 2–5 tokens, in call order: token k is the token presented at
 * hop k, and the service receiving it exchanged it for token k+1 (RFC 8693).
 *
 * Per token: the payload is a JSON object, and `iss` is in `trustedIssuers` (or, without a list,
 * equals token 1's `iss`). Per hop k (token k → token k+1):
 * - `aud`: token k's `aud` (string or array) names the party presenting token k+1, which is token
 *   k+1's current actor `act.sub`, or when it has no `act`, its `client_id`, else its `azp`.
 * - `scope`: token k+1's scopes (`scope`, space-separated, or `scp`, array or string) are a subset of
 *   token k's.
 * - `exp`: token k+1 does not expire later than token k.
 * - `jti`: token k+1's `jti` differs from every earlier token's, and the token is not a repeat.
 * - `act`: token k+1's actors are token k's actors with exactly one new current actor in front.
 * - `sub`: the subject stays the same.
 *
 * Results: `count` and `payload` appear only when they fail; then `iss` per token, then the six
 * checks of hop 1, of hop 2, and so on. Never throws.
 */
export function compareHops(tokens: readonly DecodedToken[], options: CompareHopsOptions = {}): HopCheck[] {
  if (tokens.length < MIN_HOP_TOKENS || tokens.length > MAX_HOP_TOKENS) {
    return [check('count', 'fail', `Give between ${MIN_HOP_TOKENS} and ${MAX_HOP_TOKENS} tokens in call order (the first one presented, then each exchanged one); ${tokens.length} ${tokens.length === 1 ? 'was' : 'were'} given.`)]
  }
  const out: HopCheck[] = []
  const hops: (Hop | undefined)[] = tokens.map((token, index) => {
    const claims = token.payload !== null && token.payload.kind === 'json' ? asObject(token.payload.value) : undefined
    if (claims === undefined) {
      const what = token.payload === null ? 'has no readable payload' : token.payload.kind === 'json' ? `has a payload that is ${kindOf(token.payload.value)}, not a JSON object` : 'has a payload that is not JSON'
      out.push({ ...check('payload', 'fail', `Token ${index + 1} ${what}, so the checks that involve it are skipped. Paste the complete token.`), token: index + 1 })
      return undefined
    }
    const chain = delegationChain(claims)
    return { index, token, claims, actors: chain.ok ? chain.value.parties.slice(1) : chain.error.message }
  })

  out.push(...issuerChecks(hops, options.trustedIssuers))
  for (let k = 0; k + 1 < hops.length; k++) {
    const a = hops[k]
    const b = hops[k + 1]
    const hop = k + 1
    if (a === undefined || b === undefined) {
      for (const id of ['aud', 'scope', 'exp', 'jti', 'act', 'sub'] as const) {
        out.push({ ...check(id, 'skip', `Skipped: token ${a === undefined ? k + 1 : k + 2} could not be read.`), hop })
      }
      continue
    }
    for (const result of [audCheck(a, b), scopeCheck(a, b), expCheck(a, b), jtiCheck(hops, b), actCheck(a, b), subCheck(a, b)]) {
      out.push({ ...result, hop })
    }
  }
  return out
}

function check(id: HopCheckId, verdict: HopCheck['verdict'], message: string): HopCheck {
  return { id, verdict, message, prevents: HOP_CHECK_PREVENTS[id] }
}

function issuerChecks(hops: readonly (Hop | undefined)[], trusted: readonly string[] | undefined): HopCheck[] {
  const out: HopCheck[] = []
  const first = hops[0] !== undefined ? stringMember(hops[0].claims, 'iss') : undefined
  for (const hop of hops) {
    if (hop === undefined) continue
    const n = hop.index + 1
    const at = (c: HopCheck): HopCheck => ({ ...c, token: n })
    if (hasMember(hop.claims, 'iss') && typeof hop.claims['iss'] !== 'string') {
      out.push(at(check('iss', 'fail', `Token ${n}'s "iss" is ${kindOf(hop.claims['iss'])}; it must be a string naming the issuer.`)))
      continue
    }
    const iss = stringMember(hop.claims, 'iss')
    if (iss === undefined) {
      out.push(at(check('iss', 'fail', `Token ${n} has no "iss", so nobody can tell which authorization server issued it. Exchanged tokens must name their issuer.`)))
    } else if (trusted !== undefined) {
      out.push(at(trusted.includes(iss)
        ? check('iss', 'pass', `Token ${n} was issued by ${quote(iss)}, which is trusted.`)
        : check('iss', 'fail', `Token ${n} was issued by ${quote(iss)}, which is not in the trusted list (${trusted.length === 0 ? 'empty' : trusted.map((t) => quote(t)).join(', ')}).`)))
    } else if (hop.index === 0) {
      out.push(at(check('iss', 'pass', `Token 1 was issued by ${quote(iss)}; with no trusted list given, every later token must come from the same issuer.`)))
    } else if (first === undefined) {
      out.push(at(check('iss', 'skip', `Token 1 names no issuer to compare with, and no trusted list was given.`)))
    } else {
      out.push(at(iss === first
        ? check('iss', 'pass', `Token ${n} was issued by ${quote(iss)}, the same issuer as token 1.`)
        : check('iss', 'fail', `Token ${n} was issued by ${quote(iss)}, but token 1 by ${quote(first)}. Give a trusted issuer list if the chain really spans several issuers.`)))
    }
  }
  return out
}

/** Who presents a token: its current actor, else the client it was issued to. */
function presenterOf(hop: Hop): { readonly id: string; readonly from: string } | undefined {
  if (typeof hop.actors !== 'string') {
    const sub = hop.actors[0]?.sub
    if (sub !== undefined && sub !== null) return { id: sub, from: 'current actor act.sub' }
  }
  for (const name of ['client_id', 'azp']) {
    const value = stringMember(hop.claims, name)
    if (value !== undefined) return { id: value, from: name }
  }
  return undefined
}

function audiences(claims: JsonObject): string[] | undefined {
  const aud = hasMember(claims, 'aud') ? (claims['aud'] as JsonValue) : undefined
  if (typeof aud === 'string') return [aud]
  if (Array.isArray(aud) && aud.every((a) => typeof a === 'string')) return aud as string[]
  return undefined
}

function audCheck(a: Hop, b: Hop): HopCheck {
  const n = a.index + 1
  const aud = audiences(a.claims)
  if (aud === undefined) {
    const what = hasMember(a.claims, 'aud') ? `has an "aud" that is ${kindOf(a.claims['aud'])} (it must be a string or an array of strings)` : 'has no "aud"'
    return check('aud', 'fail', `Token ${n} ${what}, so any service that gets hold of it could use or exchange it.`)
  }
  const presenter = presenterOf(b)
  if (presenter === undefined) {
    return check('aud', 'skip', `Token ${n + 1} names no presenter (no act.sub, client_id or azp), so there is nothing to compare with token ${n}'s audience.`)
  }
  const list = aud.map((x) => quote(x)).join(', ')
  return aud.includes(presenter.id)
    ? check('aud', 'pass', `Token ${n}'s audience (${list}) names ${quote(presenter.id)}, who presents token ${n + 1} (${presenter.from}).`)
    : check('aud', 'fail', `Token ${n}'s audience (${list}) does not name ${quote(presenter.id)}, who presents token ${n + 1} (${presenter.from}): a token issued to someone else was exchanged or passed on.`)
}

function scopeCheck(a: Hop, b: Hop): HopCheck {
  const n = a.index + 1
  const before = scopesOf(a.claims)
  const after = scopesOf(b.claims)
  if (typeof before === 'string') return check('scope', 'fail', `Token ${n}: ${before}.`)
  if (typeof after === 'string') return check('scope', 'fail', `Token ${n + 1}: ${after}.`)
  if (before === undefined && after === undefined) return check('scope', 'skip', `Neither token ${n} nor token ${n + 1} carries "scope" or "scp".`)
  const shown = (values: readonly string[]) => (values.length === 0 ? 'none' : quote(values.join(' '), 120))
  if (after === undefined) return check('scope', 'pass', `Token ${n + 1} carries no scope claim, so it grants nothing beyond token ${n}.`)
  if (before === undefined) {
    return after.values.length === 0
      ? check('scope', 'pass', `Token ${n + 1}'s "${after.claim}" is empty, so it grants nothing beyond token ${n}.`)
      : check('scope', 'fail', `Token ${n} carries no scope, yet token ${n + 1} has ${shown(after.values)}: scopes appeared during the exchange.`)
  }
  // A set, not includes() per scope: two megabyte scope lists would otherwise take minutes.
  const held = new Set(before.values)
  const added = after.values.filter((s) => !held.has(s))
  return added.length === 0
    ? check('scope', 'pass', `Token ${n + 1}'s scopes (${shown(after.values)}) are all in token ${n}'s (${shown(before.values)}).`)
    : check('scope', 'fail', `Token ${n + 1} adds ${shown(added)}, which token ${n} (${shown(before.values)}) did not have: scopes must only narrow along a chain.`)
}

function expCheck(a: Hop, b: Hop): HopCheck {
  const n = a.index + 1
  for (const [hop, m] of [[a, n], [b, n + 1]] as const) {
    if (hasMember(hop.claims, 'exp') && numberMember(hop.claims, 'exp') === undefined) {
      const value = hop.claims['exp'] as JsonValue
      const what = typeof value === 'number' || typeof value === 'bigint' ? 'a number too large to be a date' : kindOf(value)
      return check('exp', 'fail', `Token ${m}'s "exp" is ${what}; it must be a NumericDate (seconds since 1970).`)
    }
  }
  const before = numberMember(a.claims, 'exp')
  const after = numberMember(b.claims, 'exp')
  if (before === undefined && after === undefined) return check('exp', 'skip', `Neither token ${n} nor token ${n + 1} has an "exp".`)
  if (after === undefined) return check('exp', 'fail', `Token ${n} expires at ${isoFromSeconds(before as number)}, but token ${n + 1} has no "exp" and never expires.`)
  if (before === undefined) return check('exp', 'pass', `Token ${n} never expires, so token ${n + 1} (expiring at ${isoFromSeconds(after)}) cannot outlive it.`)
  return after <= before
    ? check('exp', 'pass', `Token ${n + 1} expires at ${isoFromSeconds(after)}, not after token ${n} (${isoFromSeconds(before)}).`)
    : check('exp', 'fail', `Token ${n + 1} expires at ${isoFromSeconds(after)}, ${after - before} s after token ${n} (${isoFromSeconds(before)}): the exchange extended the lifetime.`)
}

function jtiCheck(hops: readonly (Hop | undefined)[], b: Hop): HopCheck {
  const m = b.index + 1
  for (let i = 0; i < b.index; i++) {
    const earlier = hops[i]
    if (earlier !== undefined && earlier.token.token === b.token.token) {
      return check('jti', 'fail', `Token ${m} is exactly token ${i + 1} again: it was passed on as-is instead of being exchanged.`)
    }
  }
  if (hasMember(b.claims, 'jti') && typeof b.claims['jti'] !== 'string') {
    return check('jti', 'fail', `Token ${m}'s "jti" is ${kindOf(b.claims['jti'])}; it must be a string.`)
  }
  const jti = stringMember(b.claims, 'jti')
  if (jti === undefined) return check('jti', 'skip', `Token ${m} has no "jti", so a replay of it cannot be recognised by its ID.`)
  for (let i = 0; i < b.index; i++) {
    const earlier = hops[i]
    if (earlier !== undefined && stringMember(earlier.claims, 'jti') === jti) {
      return check('jti', 'fail', `Token ${m} has the same jti ${quote(jti)} as token ${i + 1}: an exchange must issue a new token ID.`)
    }
  }
  return check('jti', 'pass', `Token ${m}'s jti ${quote(jti)} is not used by any earlier token.`)
}

function actorName(party: DelegationParty): string {
  return party.sub === null ? '(no sub)' : quote(party.sub)
}

function sameParty(x: DelegationParty, y: DelegationParty): boolean {
  return x.sub === y.sub && x.iss === y.iss
}

function actCheck(a: Hop, b: Hop): HopCheck {
  const n = a.index + 1
  if (typeof a.actors === 'string') return check('act', 'fail', `Token ${n}: ${a.actors}`)
  if (typeof b.actors === 'string') return check('act', 'fail', `Token ${n + 1}: ${b.actors}`)
  const before = a.actors
  const after = b.actors
  const list = (actors: readonly DelegationParty[]) => (actors.length === 0 ? 'no actors' : actors.map(actorName).join(' ← '))
  if (after.length !== before.length + 1) {
    return check('act', 'fail', `Token ${n} has ${before.length} actor${before.length === 1 ? '' : 's'} and token ${n + 1} has ${after.length}; an exchange adds exactly one (the service that exchanged the token). Token ${n}: ${list(before)}; token ${n + 1}: ${list(after)}.`)
  }
  const differs = before.findIndex((party, i) => !sameParty(party, after[i + 1] as DelegationParty))
  if (differs >= 0) {
    return check('act', 'fail', `Token ${n + 1}'s prior actors (${list(after.slice(1))}) are not token ${n}'s actors (${list(before)}): the recorded history of who acted was changed.`)
  }
  return check('act', 'pass', `Token ${n + 1} adds ${actorName(after[0] as DelegationParty)} as current actor in front of token ${n}'s ${list(before)}.`)
}

function subCheck(a: Hop, b: Hop): HopCheck {
  const n = a.index + 1
  const before = stringMember(a.claims, 'sub')
  const after = stringMember(b.claims, 'sub')
  if (before === undefined && after === undefined) return check('sub', 'skip', `Neither token ${n} nor token ${n + 1} names a subject ("sub").`)
  if (before === after) return check('sub', 'pass', `Both tokens act for the same subject ${quote(before as string)}.`)
  const show = (s: string | undefined) => (s === undefined ? 'none' : quote(s))
  return check('sub', 'fail', `Token ${n}'s subject is ${show(before)} but token ${n + 1}'s is ${show(after)}: an exchange keeps the subject and records the new party in "act".`)
}
