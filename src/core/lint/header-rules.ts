/**
 * Header rules: parameters that let the token choose its own verification key (jku, x5u, jwk,
 * x5c), `kid` values that look like injection attempts, and `crit` extensions nobody implements.
 */
import { REGISTERED_HEADER_PARAMETERS, UNDERSTOOD_CRITICAL_PARAMETERS } from '../token'
import type { Finding, LintRule } from './types'
import { headerObject, listOf, member, memberLocation, quote, showJson } from './token-parts'
import { tokenProfile } from './profiles'

const urlParams = [
  { name: 'jku', what: 'a JWK Set URL', section: 'RFC 7515 §4.1.2' },
  { name: 'x5u', what: 'an X.509 certificate URL', section: 'RFC 7515 §4.1.5' },
] as const

/** `jku`, `x5u`, `jwk` or `x5c` present: keys chosen by the token itself. */
export const keySourceRule: LintRule = (token) => {
  const header = headerObject(token)
  if (header === undefined) return []
  const findings: Finding[] = []
  for (const param of urlParams) {
    const value = member(header, param.name)
    if (value === undefined) continue
    findings.push({
      id: `header-${param.name}`,
      severity: 'high',
      title: `Key URL chosen by the token (${param.name})`,
      explanation:
        `The header names ${param.what} (${typeof value === 'string' ? quote(value) : showJson(value)}) to fetch the verification key from. ` +
        'A verifier that follows it lets an attacker host their own key and sign anything; fetching it also allows server-side request forgery.',
      fix: `Ignore ${param.name} and pick keys from your own configured key set, or accept only exact, pinned URLs of your issuer.`,
      reference: `RFC 8725 §3.10; ${param.section}`,
      ...memberLocation(token, 'header', param.name),
    })
  }
  if (member(header, 'jwk') !== undefined) {
    // DPoP proofs must carry their public key in jwk (RFC 9449 §4.2): that is expected there, whether
    // the typ is written `dpop+jwt` or `application/dpop+jwt`.
    const dpop = tokenProfile(token)?.id === 'dpop+jwt'
    findings.push(dpop
      ? {
          id: 'header-jwk',
          severity: 'info',
          title: 'DPoP proof carries its own key (jwk)',
          explanation: 'DPoP proofs embed the public key they were signed with. That only proves possession if the verifier checks that the key\'s thumbprint matches cnf.jkt of the access token.',
          fix: 'Verify the proof with the embedded jwk, then compare its RFC 7638 thumbprint with the access token\'s cnf.jkt.',
          reference: 'RFC 9449 §4.2 and §6.1',
          ...memberLocation(token, 'header', 'jwk'),
        }
      : {
          id: 'header-jwk',
          severity: 'high',
          title: 'Key embedded in the token (jwk)',
          explanation: 'The header embeds the public key to verify with. A verifier that trusts it accepts any token signed by whoever created that key, including an attacker.',
          fix: 'Verify only with keys you configured; use an embedded jwk only to select one of them by thumbprint.',
          reference: 'RFC 8725 §3.10; RFC 7515 §4.1.3; CVE-2018-0114',
          ...memberLocation(token, 'header', 'jwk'),
        })
  }
  if (member(header, 'x5c') !== undefined) {
    findings.push({
      id: 'header-x5c',
      severity: 'high',
      title: 'Certificate chain embedded in the token (x5c)',
      explanation: 'The header embeds the certificate to verify with. Unless the chain is validated against a trusted root and the subject checked, anyone can make a certificate that verifies their own tokens.',
      fix: 'Validate x5c against your trusted roots (path validation, expiry, revocation) and check the certificate subject, or ignore x5c and use configured keys.',
      reference: 'RFC 7515 §4.1.6; RFC 8725 §3.10',
      ...memberLocation(token, 'header', 'x5c'),
    })
  }
  return findings
}

// Every alternative below has a fixed length, so each pattern does constant work per position of
// the kid: linear however long and however hostile it is (see src/core/user-input-patterns.ts).
const PATH_TRAVERSAL = /(^|[\\/])\.\.([\\/]|$)|^[\\/]|^[A-Za-z]:[\\/]|%2e%2e/i
const SQL_SYMBOLS = /['"`;]|--|\/\*/
const UNION = /\bunion\b/i
const SELECT = /\bselect\b/i
const SHELL = /[|&;`$<>\n\r]/

/**
 * The words `union` and then `select`, as `/\bunion\b[\s\S]*\bselect\b/i` would find them. That
 * pattern scans to the end of the kid from every `union` and backs off character by character, so a
 * kid of repeated "union " took seconds to minutes; searching for the first `union` and then for a
 * `select` after it is linear. The character after a matched `union` is not a word character, so
 * `\b` means the same in the rest of the kid as in the whole.
 */
function unionThenSelect(kid: string): boolean {
  const union = kid.search(UNION)
  return union >= 0 && kid.slice(union + 'union'.length).search(SELECT) >= 0
}

const kidPatterns: readonly (readonly [string, (kid: string) => boolean])[] = [
  // A NUL byte truncates paths in C-based file APIs, so it counts as traversal.
  ['path traversal', (kid) => PATH_TRAVERSAL.test(kid) || kid.includes('\u0000')],
  ['SQL', (kid) => SQL_SYMBOLS.test(kid) || unionThenSelect(kid)],
  ['shell', (kid) => SHELL.test(kid)],
]

/** `kid` containing path traversal, SQL or shell metacharacters. */
export const kidInjectionRule: LintRule = (token) => {
  const kid = member(headerObject(token), 'kid')
  if (typeof kid !== 'string') return []
  const kinds = kidPatterns.filter(([, matches]) => matches(kid)).map(([kind]) => kind)
  if (kinds.length === 0) return []
  const list = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`
  return [{
    id: 'kid-injection',
    severity: 'high',
    title: 'kid looks like an injection attempt',
    explanation:
      `The kid ${quote(kid)} contains ${list} characters. Verifiers that build file paths, SQL queries or shell commands ` +
      'from kid can be made to load a key the attacker knows (for example /dev/null or a row they control).',
    fix: 'Look kid up in a fixed map of known keys by exact string match; never use it in paths, queries or commands.',
    reference: 'RFC 8725 §3.10; RFC 7515 §4.1.4',
    ...memberLocation(token, 'header', 'kid'),
  }]
}

/** The decoder's and verifier's lists, so that lint, diagnostics and verdict judge crit alike. */
const registeredHeaderNames: ReadonlySet<string> = REGISTERED_HEADER_PARAMETERS

/** Critical extensions this app implements (RFC 7797 b64). */
const understoodExtensions: ReadonlySet<string> = new Set(UNDERSTOOD_CRITICAL_PARAMETERS)

/** `crit` malformed, or naming extensions nobody here understands. */
export const critRule: LintRule = (token) => {
  const header = headerObject(token)
  const crit = member(header, 'crit')
  if (crit === undefined) return []
  const location = memberLocation(token, 'header', 'crit')
  const invalid = (problem: string): Finding => ({
    id: 'crit-invalid',
    severity: 'medium',
    title: 'Malformed crit header',
    explanation: `${problem} Verifiers must reject such a token, so it fails on compliant implementations and may be accepted by lax ones.`,
    fix: 'Make crit a non-empty array listing only extension header parameters that are present in the header, or remove it.',
    reference: 'RFC 7515 §4.1.11',
    ...location,
  })
  if (!Array.isArray(crit) || crit.length === 0 || !crit.every((name) => typeof name === 'string')) {
    return [invalid(`crit must be a non-empty array of strings, but it is ${showJson(crit)}.`)]
  }
  // Duplicates are reported separately; each name is judged once.
  const names = [...new Set(crit as string[])]
  const findings: Finding[] = []
  const registered = names.filter((name) => registeredHeaderNames.has(name))
  const absent = names.filter((name) => !registeredHeaderNames.has(name) && member(header, name) === undefined)
  const seen = new Set<string>()
  const duplicated = new Set<string>()
  for (const name of crit as string[]) (seen.has(name) ? duplicated : seen).add(name)
  const problems = [
    registered.length > 0 ? `crit lists registered parameters (${listOf(registered)}), which it must not.` : '',
    absent.length > 0 ? `crit lists ${listOf(absent.map((name) => quote(name, 40)))}, which ${absent.length === 1 ? 'is' : 'are'} not in the header.` : '',
    duplicated.size > 0 ? `crit lists ${listOf([...duplicated].map((name) => quote(name, 40)))} more than once.` : '',
  ].filter((text) => text !== '')
  if (problems.length > 0) findings.push(invalid(problems.join(' ')))
  const unique = names.filter((name) => !registeredHeaderNames.has(name) && !understoodExtensions.has(name))
  if (unique.length > 0) {
    findings.push({
      id: 'crit-unknown',
      severity: 'medium',
      title: 'Critical extension not understood',
      explanation:
        `crit marks ${listOf(unique.map((name) => quote(name, 40)))} as critical, and ${unique.length === 1 ? 'it is not an extension' : 'they are not extensions'} this app understands. ` +
        'A compliant verifier must reject the token; one that ignores crit silently skips whatever check the issuer required.',
      fix: 'Reject tokens whose crit lists extensions your verifier does not implement, or implement them (b64 of RFC 7797 is the common one).',
      reference: 'RFC 7515 §4.1.11; RFC 7797 §6',
      ...location,
    })
  }
  return findings
}
