import { err, ok, type Result } from '../result'
import type { CheckVerdict, JsonValue } from '../types'
import { asObject, hasMember, kindOf, quote, setMember, stringMember, type JsonObject } from './claims'

/** Where a party stands in an RFC 8693 delegation chain. */
export type PartyRole = 'subject' | 'actor' | 'prior-actor'

/** One party of a delegation chain, ready to render. */
export interface DelegationParty {
  readonly role: PartyRole
  /** 0 for the subject, 1 for the current actor (`act`), 2 for `act.act`, and so on. */
  readonly depth: number
  /** Where the party is described in the payload: `(top level)`, `act`, `act.act`, … */
  readonly path: string
  /** A heading for the party, e.g. `Subject`, `Current actor`, `Prior actor 2`. */
  readonly label: string
  /** The party's `sub`, or null when its object has none. */
  readonly sub: string | null
  /** The party's `iss` when present. */
  readonly iss?: string
  /** Every member of the party's object except the nested `act` (which is the next party). */
  readonly claims: JsonObject
}

/** The verdict of a token's `may_act` claim (RFC 8693 §4.4) against its current actor. */
export interface MayActCheck {
  readonly verdict: CheckVerdict
  readonly message: string
  /** The `sub` and `iss` that `may_act` allows (only those present in the claim). */
  readonly allowed: { readonly sub?: string; readonly iss?: string }
}

/** An RFC 8693 delegation chain read from a payload. */
export interface DelegationChain {
  /** Subject first, then the current actor, then prior actors from most to least recent. */
  readonly parties: readonly DelegationParty[]
  /** How many actors there are (0 when the token has no `act`). */
  readonly actorCount: number
  /** Null when the payload has no `may_act` claim. */
  readonly mayAct: MayActCheck | null
  /** One plain sentence describing who acts for whom. */
  readonly summary: string
}

/** Error codes of {@link delegationChain}. */
export type DelegationErrorCode =
  | 'PAYLOAD_NOT_OBJECT'
  | 'ACT_NOT_OBJECT'
  | 'ACT_INVALID_SUB'
  | 'ACT_INVALID_ISS'
  | 'ACT_TOO_DEEP'

/**
 * The most actors a chain may hold. Real chains have a handful; the limit keeps a hostile token
 * from making the UI render thousands of parties.
 */
export const MAX_ACTORS = 64

/**
 * Reads the RFC 8693 §4.1 delegation chain of a payload: the subject (top-level `sub`), the current
 * actor (`act`) and the prior actors nested inside it (`act.act`, …), to any depth up to
 * {@link MAX_ACTORS}. When the payload has `may_act` (RFC 8693 §4.4), the current actor is compared
 * with it on each of `sub` and `iss` that `may_act` names. Never throws.
 */
export function delegationChain(payload: JsonValue): Result<DelegationChain, DelegationErrorCode> {
  const top = asObject(payload)
  if (top === undefined) {
    return err('PAYLOAD_NOT_OBJECT', `The payload is ${kindOf(payload)}, not a JSON object, so it has no claims to read a delegation chain from.`)
  }
  const subject = partyOf(top, 'subject', 0, '(top level)')
  if (!subject.ok) return subject
  const parties: DelegationParty[] = [subject.value]

  let current: JsonObject = top
  let path = ''
  for (let depth = 1; hasMember(current, 'act'); depth++) {
    path = path === '' ? 'act' : `${path}.act`
    if (depth > MAX_ACTORS) {
      return err('ACT_TOO_DEEP', `The "act" claim is nested more than ${MAX_ACTORS} levels deep. Real delegation chains have a few actors; a chain this long is malformed or built to overload verifiers.`)
    }
    const act = asObject(current['act'])
    if (act === undefined) {
      return err('ACT_NOT_OBJECT', `"${path}" is ${kindOf(current['act'])}, but an actor claim must be a JSON object such as {"sub":"service-a"} (RFC 8693 §4.1).`)
    }
    const party = partyOf(act, depth === 1 ? 'actor' : 'prior-actor', depth, path)
    if (!party.ok) return party
    parties.push(party.value)
    current = act
  }

  const actor = parties[1]
  const mayAct = hasMember(top, 'may_act') ? checkMayAct(top['may_act'] as JsonValue, actor) : null
  return ok({ parties, actorCount: parties.length - 1, mayAct, summary: summarise(parties) })
}

function partyOf(object: JsonObject, role: PartyRole, depth: number, path: string): Result<DelegationParty, DelegationErrorCode> {
  const where = depth === 0 ? 'The payload' : `"${path}"`
  if (hasMember(object, 'sub') && typeof object['sub'] !== 'string') {
    return err('ACT_INVALID_SUB', `${where} has a "sub" that is ${kindOf(object['sub'])}; "sub" must be a string naming the party.`)
  }
  if (hasMember(object, 'iss') && typeof object['iss'] !== 'string') {
    return err('ACT_INVALID_ISS', `${where} has an "iss" that is ${kindOf(object['iss'])}; "iss" must be a string naming the issuer.`)
  }
  const claims: { [name: string]: JsonValue } = {}
  for (const [name, value] of Object.entries(object)) if (name !== 'act') setMember(claims, name, value)
  const iss = stringMember(object, 'iss')
  const label = role === 'subject' ? 'Subject' : role === 'actor' ? 'Current actor' : `Prior actor ${depth - 1}`
  return ok({ role, depth, path, label, sub: stringMember(object, 'sub') ?? null, claims, ...(iss !== undefined ? { iss } : {}) })
}

function checkMayAct(value: JsonValue, actor: DelegationParty | undefined): MayActCheck {
  const claim = asObject(value)
  if (claim === undefined) {
    return { verdict: 'fail', allowed: {}, message: `"may_act" is ${kindOf(value)}, but it must be a JSON object naming the party allowed to act, such as {"sub":"admin@example.net"} (RFC 8693 §4.4).` }
  }
  const sub = stringMember(claim, 'sub')
  const iss = stringMember(claim, 'iss')
  const allowed = { ...(sub !== undefined ? { sub } : {}), ...(iss !== undefined ? { iss } : {}) }
  const named = [sub !== undefined ? `sub ${quote(sub)}` : '', iss !== undefined ? `iss ${quote(iss)}` : ''].filter((s) => s !== '').join(' and ')
  if (named === '') {
    return { verdict: 'skip', allowed, message: '"may_act" names neither a "sub" nor an "iss", so there is no actor to compare it with.' }
  }
  if (actor === undefined) {
    return { verdict: 'skip', allowed, message: `No one acts yet (the token has no "act"). "may_act" allows the party with ${named} to act for the subject through token exchange.` }
  }
  const mismatches: string[] = []
  if (sub !== undefined && actor.sub !== sub) mismatches.push(`its sub is ${actor.sub === null ? 'missing' : quote(actor.sub)}, not ${quote(sub)}`)
  if (iss !== undefined && actor.iss !== iss) mismatches.push(`its iss is ${actor.iss === undefined ? 'missing' : quote(actor.iss)}, not ${quote(iss)}`)
  if (mismatches.length > 0) {
    return { verdict: 'fail', allowed, message: `The current actor is not the party "may_act" allows: ${mismatches.join(' and ')}. An authorization server should have refused this delegation.` }
  }
  return { verdict: 'pass', allowed, message: `The current actor matches "may_act" (${named}): the subject token allowed this party to act.` }
}

function name(party: DelegationParty): string {
  return party.sub === null ? 'an unnamed party' : quote(party.sub)
}

function summarise(parties: readonly DelegationParty[]): string {
  const [subject, actor, ...prior] = parties
  if (subject === undefined) return ''
  if (actor === undefined) return `No delegation: ${name(subject)} is the subject and the token has no "act" claim.`
  const before = prior.length === 0 ? '' : ` Before that, ${prior.map(name).join(', then ')} acted (most recent first).`
  const who = name(actor)
  return `${who.charAt(0).toUpperCase()}${who.slice(1)} acts on behalf of ${name(subject)}.${before}`
}
