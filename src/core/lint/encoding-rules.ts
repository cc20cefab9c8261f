/**
 * Encoding rules: duplicate JSON member names (parser differentials), base64url that is not in
 * canonical form (token malleability), and tokens too large for common HTTP limits.
 */
import type { DecodedPart, DecodedToken, SegmentName } from '../types'
import type { Finding, LintRule } from './types'
import { base64urlTextProblem } from '../token'
import { listOf, memberRangeLocation, quote, type Location } from './token-parts'

function duplicatesIn(token: DecodedToken, part: DecodedPart | null, segment: 'header' | 'payload'): Finding[] {
  if (part === null) return []
  const seen = new Set<string>()
  const repeated = new Set<string>()
  let location: Location | undefined
  for (const m of part.members) {
    if (!seen.has(m.name)) {
      seen.add(m.name)
      continue
    }
    repeated.add(m.name)
    location ??= memberRangeLocation(part, segment, m)
  }
  if (repeated.size === 0) return []
  const list = [...repeated]
  const names = listOf(list.map((name) => quote(name, 40)))
  return [{
    id: 'duplicate-member',
    severity: 'high',
    title: `Duplicate member name in the ${segment}`,
    explanation:
      `The ${segment} has ${names} more than once. JSON parsers disagree about duplicates (some keep the first, most the last, ` +
      'some reject), so two services can read different values from the same signed token.',
    fix: 'Issue JSON with unique member names, and make verifiers reject duplicates instead of picking one.',
    reference: segment === 'header' ? 'RFC 7515 §4; RFC 8259 §4' : 'RFC 7519 §4; RFC 8259 §4',
    ...location,
  }]
}

/** The same member name twice in the header or payload. */
export const duplicateMemberRule: LintRule = (token) => [
  ...duplicatesIn(token, token.header, 'header'),
  ...duplicatesIn(token, token.payload, 'payload'),
]

const segmentNames: Readonly<Record<'jws' | 'jwe', readonly SegmentName[]>> = {
  jws: ['header', 'payload', 'signature'],
  jwe: ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'],
}

/**
 * Why a base64url segment is not canonical, or undefined when it is: the token room's one answer
 * (`base64urlTextProblem`), which the verifier uses too, so lint and verdict never disagree.
 */
export function base64urlProblem(text: string): string | undefined {
  return base64urlTextProblem(text)?.phrase
}

/** Segments whose base64url is padded, uses the wrong alphabet or has non-zero trailing bits. */
export const canonicalBase64urlRule: LintRule = (token) => {
  if (token.kind === 'unknown') return []
  const parts = token.token.split('.')
  const names = segmentNames[token.kind]
  const problems: string[] = []
  let location: Location | undefined
  let offset = 0
  parts.forEach((text, i) => {
    const name = names[i]
    const problem = name === undefined ? undefined : base64urlProblem(text)
    if (name !== undefined && problem !== undefined) {
      problems.push(`the ${name.replace('_', ' ')} ${problem}`)
      location ??= { segment: name, offset, length: text.length }
    }
    offset += text.length + 1
  })
  if (problems.length === 0) return []
  return [{
    id: 'non-canonical-base64url',
    severity: 'low',
    title: 'Non-canonical base64url',
    explanation:
      `In this token ${problems.join('; ')}. Different texts then decode to the same bytes, so lenient verifiers still accept the signature ` +
      'while the token string changes: blocklists, replay caches and logs keyed on the token text can be bypassed. Strict verifiers reject it, and JWT Lab does not call it verified.',
    fix: 'Encode segments as unpadded base64url with zero trailing bits, and have verifiers reject anything else.',
    reference: 'RFC 7515 §2 and Appendix C; RFC 4648 §3.5',
    ...location,
  }]
}

/** Tokens larger than this do not fit common HTTP header limits. */
export const MAX_TOKEN_BYTES = 8192

/** Tokens over 8 KB. */
export const oversizedTokenRule: LintRule = (token) => {
  const size = token.token.length
  if (size <= MAX_TOKEN_BYTES) return []
  return [{
    id: 'oversized-token',
    severity: 'low',
    title: 'Token larger than 8 KB',
    explanation:
      `The token is ${size} characters long. Many servers and proxies cap a request header line at 8 KB and browsers cap ` +
      'cookies near 4 KB, so it may be cut off or refused; large tokens are also costly to send on every request.',
    fix: 'Keep tokens small: move bulky claims (permissions lists, profiles) to an API or introspection endpoint and keep a reference in the token.',
    reference: 'RFC 9110 §5.4; RFC 6265 §6.1',
    segment: 'token',
    offset: 0,
    length: size,
  }]
}
