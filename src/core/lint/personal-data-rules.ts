/**
 * Personal-data rule: an info-level note of the personal data a payload carries (e-mail addresses,
 * names, phone numbers, IP addresses, on-premises SIDs, postal addresses, birthdates), so whoever is
 * about to share a link to the token or paste it into a ticket knows what they are handing over.
 */
import type { JsonValue } from '../types'
import type { Finding, LintRule } from './types'
import { listOf, memberLocation, payloadObject } from './token-parts'

/** The kinds of personal data, in the order the finding lists them. */
const kinds = ['e-mail address', 'name', 'phone number', 'IP address', 'on-premises SID', 'postal address', 'birthdate'] as const
type Kind = (typeof kinds)[number]

/** Registered and widely issued claim names (OpenID Connect Core §5.1, Microsoft Entra ID) and their kind. */
const claimKinds: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ['email', 'e-mail address'], ['emails', 'e-mail address'], ['mail', 'e-mail address'], ['upn', 'e-mail address'],
  ['name', 'name'], ['given_name', 'name'], ['family_name', 'name'], ['middle_name', 'name'], ['nickname', 'name'],
  ['preferred_username', 'name'], ['unique_name', 'name'],
  ['phone_number', 'phone number'], ['phone', 'phone number'], ['mobile', 'phone number'],
  ['ipaddr', 'IP address'], ['ip', 'IP address'], ['ip_address', 'IP address'],
  ['onprem_sid', 'on-premises SID'],
  ['address', 'postal address'],
  ['birthdate', 'birthdate'], ['date_of_birth', 'birthdate'], ['dob', 'birthdate'],
])

/** Values of other claims examined for e-mail addresses; enough for any real payload, bounded for hostile ones. */
const MAX_SCANNED_VALUES = 10_000

const isSpace = (code: number): boolean => code <= 0x20 || code === 0x7f

/** `local@domain.tld` with no spaces and a single `@`: a loop, linear in the text. */
export function looksLikeEmail(text: string): boolean {
  const at = text.indexOf('@')
  if (at <= 0 || at !== text.lastIndexOf('@')) return false
  const dot = text.lastIndexOf('.')
  if (dot < at + 2 || dot === text.length - 1) return false
  for (let i = 0; i < text.length; i++) if (isSpace(text.charCodeAt(i))) return false
  return true
}

const hasContent = (value: JsonValue | undefined): boolean =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0) &&
  !(typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)

/** Personal data among the payload's claims: e-mail addresses, names, phone numbers, IP addresses, SIDs, addresses, birthdates. */
export const personalDataRule: LintRule = (token) => {
  const claims = payloadObject(token)
  if (claims === undefined) return []
  const found = new Map<Kind, string[]>()
  const note = (kind: Kind, claim: string) => {
    const list = found.get(kind) ?? []
    if (!list.includes(claim)) list.push(claim)
    found.set(kind, list)
  }
  let scanned = 0
  for (const name of Object.keys(claims)) {
    const value = claims[name]
    const kind = claimKinds.get(name)
    if (kind !== undefined) {
      if (hasContent(value)) note(kind, name)
      continue
    }
    // An e-mail address under another name (sub, login, an array of aliases).
    const values = Array.isArray(value) ? value : [value]
    for (const item of values) {
      if (scanned++ >= MAX_SCANNED_VALUES) break
      if (typeof item === 'string' && looksLikeEmail(item)) {
        note('e-mail address', name)
        break
      }
    }
  }
  if (found.size === 0) return []
  const parts: string[] = []
  let first: string | undefined
  for (const kind of kinds) {
    const names = found.get(kind)
    if (names === undefined) continue
    first ??= names[0]
    parts.push(`${kind} (${listOf(names, 3)})`)
  }
  const finding: Finding = {
    id: 'personal-data',
    severity: 'info',
    title: 'Personal data in the payload',
    explanation:
      `The payload carries personal data: ${parts.join('; ')}. A signed token is only base64url-encoded, so anyone ` +
      'who gets the token, a link to it or a screenshot of it can read this.',
    fix: 'Think before sharing a link to this token or pasting it into a ticket or chat (use a token from a test account). Issuers: put only the claims the recipient needs in the token.',
    reference: 'RFC 7519 §12; OpenID Connect Core 1.0 §5.1',
    ...(first === undefined ? {} : memberLocation(token, 'payload', first)),
  }
  return [finding]
}
