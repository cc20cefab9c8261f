/**
 * Sensitive-data rule: a JWS payload is only base64url-encoded, so credentials, card numbers,
 * national IDs, private keys and cloud keys in it are readable by anyone who sees the token.
 */
import type { JsonValue } from '../types'
import type { Finding, FindingSeverity, LintRule } from './types'
import { lastMember, listOf, memberRangeLocation, partLocation, type Location } from './token-parts'

type Category = 'credential' | 'card' | 'national-id' | 'private-key' | 'aws-key'

const categories: Readonly<Record<Category, { readonly severity: FindingSeverity; readonly what: string; readonly title: string }>> = {
  'private-key': { severity: 'critical', what: 'a private key', title: 'Private key in the payload' },
  'aws-key': { severity: 'critical', what: 'an AWS access key', title: 'AWS key in the payload' },
  credential: { severity: 'high', what: 'a password or secret', title: 'Password or secret in the payload' },
  card: { severity: 'high', what: 'a payment card number', title: 'Card number in the payload' },
  'national-id': { severity: 'high', what: 'a national ID number', title: 'National ID number in the payload' },
}

/** Member names (lower case, letters and digits only) whose values are credentials. */
const credentialNames: ReadonlySet<string> = new Set([
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'pin', 'secret', 'clientsecret', 'apikey', 'apisecret',
  'secretkey', 'privatekey', 'awssecretaccesskey', 'secretaccesskey',
])
const nationalIdNames: ReadonlySet<string> = new Set([
  'ssn', 'socialsecuritynumber', 'nationalid', 'nationalidnumber', 'nationalidentifier', 'passportnumber',
  'taxid', 'nino', 'nationalinsurancenumber', 'personnummer',
])

const normalizeName = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '')

/** The Luhn (mod 10) check digit test used by payment card numbers. */
export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (d < 0 || d > 9) return false
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return digits.length > 0 && sum % 10 === 0
}

/** Issuer prefixes and lengths of the major card networks, so that timestamps and IDs are not taken for cards. */
function looksLikeCard(digits: string): boolean {
  const n = digits.length
  const two = Number(digits.slice(0, 2))
  const four = Number(digits.slice(0, 4))
  const network =
    (digits[0] === '4' && (n === 13 || n === 16 || n === 19)) || // Visa
    (((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) && n === 16) || // Mastercard
    ((two === 34 || two === 37) && n === 15) || // American Express
    ((digits.startsWith('6011') || digits.startsWith('65') || (four >= 6440 && four <= 6499)) && n >= 16 && n <= 19) || // Discover
    (four >= 3528 && four <= 3589 && n >= 16 && n <= 19) || // JCB
    ((two === 36 || two === 38 || (four >= 3000 && four <= 3059)) && n === 14) // Diners Club
  return network && luhnValid(digits)
}

// Each pattern matches at most a few dozen characters from any start (no unbounded repetition
// followed by something that can fail), so scanning a string is linear in its length.
const cardCandidates = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g
const ssnPattern = /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/
const privateKeyPattern = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/
const awsKeyPattern = /(?<![A-Z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])/

function stringCategories(text: string): Category[] {
  const found: Category[] = []
  if (privateKeyPattern.test(text)) found.push('private-key')
  if (awsKeyPattern.test(text)) found.push('aws-key')
  for (const match of text.matchAll(cardCandidates)) {
    if (looksLikeCard(match[0].replace(/[ -]/g, ''))) {
      found.push('card')
      break
    }
  }
  if (ssnPattern.test(text)) found.push('national-id')
  return found
}

/**
 * At most this many values are examined (findings then say so), which keeps the rule within a few
 * milliseconds on hostile payloads. Strings are scanned whole: the patterns are linear, and the
 * strings of a payload add up to its length.
 */
const MAX_SCANNED_VALUES = 20_000

/** Where a value sits: a chain back to the payload root, turned into text only for the hits shown. */
interface PathLink {
  readonly parent: PathLink | null
  readonly key: string | number
}

interface Hit {
  readonly category: Category
  readonly link: PathLink | null
  /** The top-level member the hit is under, to point at it in the token. */
  readonly top: string | undefined
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/**
 * `user.password`, `list[2]`, `claims["x-y"]`, or `(payload)` for the payload itself. Built from the
 * chain only for the few paths a finding names: building every path as text made deep payloads
 * quadratic (each level copies its parent's path).
 */
function pathText(link: PathLink | null): string {
  const keys: (string | number)[] = []
  for (let at = link; at !== null; at = at.parent) keys.push(at.key)
  let text = ''
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i] as string | number
    if (typeof key === 'number') text += `[${key}]`
    else if (IDENTIFIER.test(key)) text += text === '' ? key : `.${key}`
    else text += `[${JSON.stringify(key)}]`
  }
  return text === '' ? '(payload)' : text
}

/** Card numbers have 13 to 19 digits: compared as numbers, a huge big integer is never printed. */
const CARD_MIN = 10n ** 12n
const CARD_LIMIT = 10n ** 19n

function numberDigits(value: number | bigint): string | undefined {
  if (typeof value === 'bigint') return value >= CARD_MIN && value < CARD_LIMIT ? value.toString() : undefined
  return Number.isInteger(value) && value > 0 ? String(value) : undefined
}

/** The hits, and whether every value was examined. */
function scan(root: JsonValue): { readonly hits: Hit[]; readonly complete: boolean } {
  const hits: Hit[] = []
  const stack: { value: JsonValue; link: PathLink | null; top: string | undefined; name: string | undefined }[] = [
    { value: root, link: null, top: undefined, name: undefined },
  ]
  for (let visited = 0; stack.length > 0; visited++) {
    if (visited === MAX_SCANNED_VALUES) return { hits, complete: false }
    const { value, link, top, name } = stack.pop() as (typeof stack)[number]
    // Every value has its own path, so a category is recorded once per value.
    const found: Category[] = []
    const add = (category: Category) => {
      if (!found.includes(category)) found.push(category)
    }
    const normalized = name === undefined ? '' : normalizeName(name)
    const hasValue = (typeof value === 'string' && value.length > 0) || typeof value === 'number' || typeof value === 'bigint'
    if (hasValue && credentialNames.has(normalized)) add('credential')
    if (hasValue && nationalIdNames.has(normalized)) add('national-id')
    if (typeof value === 'string') {
      for (const category of stringCategories(value)) add(category)
    } else if (typeof value === 'number' || typeof value === 'bigint') {
      const digits = numberDigits(value)
      if (digits !== undefined && /^\d{13,19}$/.test(digits) && looksLikeCard(digits)) add('card')
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i] as JsonValue, link: { parent: link, key: i }, top, name: undefined })
    } else if (typeof value === 'object' && value !== null) {
      // A JWK with a private member ("d"; "priv" of an AKP key) is a private key, whatever it is called.
      if (typeof value.kty === 'string' && (typeof value.d === 'string' || (value.kty === 'AKP' && typeof value.priv === 'string'))) add('private-key')
      const names = Object.keys(value)
      for (let i = names.length - 1; i >= 0; i--) {
        const child = names[i] as string
        stack.push({ value: value[child] as JsonValue, link: { parent: link, key: child }, top: top ?? child, name: child })
      }
    }
    for (const category of found) hits.push({ category, link, top })
  }
  return { hits, complete: true }
}

const order: readonly Category[] = ['private-key', 'aws-key', 'credential', 'card', 'national-id']

/** Passwords, card numbers, national IDs, private keys and AWS keys in a readable payload. */
export const sensitiveDataRule: LintRule = (token) => {
  const part = token.payload
  if (part === null || part.kind === 'binary') return []
  const { hits, complete } = part.kind === 'json' && part.value !== undefined ? scan(part.value) : scan(part.text ?? '')
  const partial = complete ? '' : ` Only the first ${MAX_SCANNED_VALUES.toLocaleString('en-US')} values of the payload were examined; there may be more.`
  const findings: Finding[] = []
  for (const category of order) {
    const mine = hits.filter((hit) => hit.category === category)
    const first = mine[0]
    if (first === undefined) continue
    const { severity, what, title } = categories[category]
    const paths = mine.slice(0, 3).map((hit) => pathText(hit.link)).map((path) => (path.length > 60 ? `${path.slice(0, 57)}...` : path))
    const shown = listOf(paths, 3, mine.length)
    const member = first.top === undefined ? undefined : lastMember(part, first.top)
    const location: Location = member === undefined ? partLocation(part, 'payload') : memberRangeLocation(part, 'payload', member)
    findings.push({
      id: `sensitive-${category}`,
      severity,
      title,
      explanation:
        `The payload seems to hold ${what} (at ${shown}). A signed token is only base64url-encoded, not encrypted: anyone who sees it ` +
        `(browser storage, logs, proxies, this page) can read it.${partial}`,
      fix: 'Remove it from the token and keep it server-side behind an opaque reference, or encrypt the token (JWE) if the recipient really needs it.',
      reference: 'RFC 7519 §12',
      ...location,
    })
  }
  return findings
}
