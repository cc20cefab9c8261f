import type { Extraction } from '../types'
import { parseJsonObjectText } from '../json-object'

/** Names under which URLs, JSON bodies and cookies carry tokens, most specific first. */
const TOKEN_NAMES: readonly string[] = ['id_token', 'access_token', 'token', 'jwt']

const SCHEMES: Readonly<Record<string, string>> = { bearer: 'Bearer', dpop: 'DPoP' }

/** Each pass removes one wrapper; real pastes nest at most a few (quotes around a header line…). */
const MAX_PASSES = 12

type Step = (text: string) => { readonly text: string; readonly notes: readonly string[] } | null

/**
 * Pulls a compact token out of whatever was pasted: surrounding whitespace and quotes, line breaks
 * inside a wrapped token, `Bearer …` and `Authorization: Bearer …`, a URL (query or fragment) with
 * `id_token=`, `access_token=` or `token=` (URL-decoded), a `Cookie:` / `Set-Cookie:` line (the value
 * that looks like a JWT), a JSON body such as `{"access_token":"…"}`, and as a last resort the first
 * JWT-looking word of a longer text (a curl command, a log line). `stripped` says, in order, what was
 * removed. Linear in the input length (no backtracking regular expressions); never throws.
 */
export function extractToken(text: string): Extraction {
  const stripped: string[] = []
  const visible = removeInvisible(text)
  stripped.push(...visible.notes)
  let current = visible.text
  const trimmed = current.trim()
  if (trimmed !== current && trimmed !== '') stripped.push('Removed surrounding spaces and line breaks.')
  current = trimmed
  try {
    for (let pass = 0; pass < MAX_PASSES && current !== ''; pass++) {
      let changed = false
      for (const step of STEPS) {
        const result = step(current)
        if (result === null || result.text === current) continue
        current = result.text.trim()
        for (const note of result.notes) if (!stripped.includes(note)) stripped.push(note)
        changed = true
        break
      }
      if (!changed) break
    }
  } catch {
    // Every step guards its own parsing; this only keeps the contract if one ever does not.
  }
  const foreign = nonAsciiNote(current)
  if (foreign !== null) stripped.push(foreign)
  return { token: current, stripped }
}

/** Format characters chat apps, word processors and editors slip into copied text; none can be part of a token. */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x061c, 0x061c], // Arabic letter mark
  [0x180e, 0x180e], // Mongolian vowel separator
  [0x200b, 0x200f], // zero-width space, non-joiner, joiner, left-to-right and right-to-left marks
  [0x202a, 0x202e], // bidirectional embeddings and overrides
  [0x2060, 0x2064], // word joiner and invisible operators
  [0x2066, 0x206f], // bidirectional isolates and deprecated format characters
  [0xfeff, 0xfeff], // byte order mark, zero-width no-break space
  [0xfff9, 0xfffb], // interlinear annotation characters
  [0xe0001, 0xe0001], // language tag
  [0xe0020, 0xe007f], // tag characters
]

function isInvisible(cp: number): boolean {
  for (const [from, to] of INVISIBLE_RANGES) if (cp >= from && cp <= to) return true
  return false
}

/** Positions listed per character before the rest are only counted. */
const MAX_POSITIONS = 5

function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
}

function positionList(positions: readonly number[]): string {
  const shown = positions.slice(0, MAX_POSITIONS).map(String)
  const more = positions.length - shown.length
  if (more > 0) return `positions ${shown.join(', ')} and ${more} more`
  if (shown.length === 1) return `position ${shown[0] as string}`
  return `positions ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] as string}`
}

/**
 * Drops invisible format characters and says which and where (1-based positions in the pasted
 * text), one note per character kind, so nothing is removed without a word.
 */
function removeInvisible(text: string): { readonly text: string; readonly notes: readonly string[] } {
  let kept = ''
  let from = 0
  const found = new Map<number, number[]>()
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) as number
    const width = cp > 0xffff ? 2 : 1
    if (isInvisible(cp)) {
      kept += text.slice(from, i)
      from = i + width
      const list = found.get(cp)
      if (list === undefined) found.set(cp, [i + 1])
      else list.push(i + 1)
    }
    i += width
  }
  if (found.size === 0) return { text, notes: [] }
  kept += text.slice(from)
  const notes = [...found].map(([cp, positions]) => `Removed the invisible character ${codePointName(cp)} at ${positionList(positions)}.`)
  return { text: kept, notes }
}

/**
 * A note naming the non-ASCII characters of what looks like a token once they are left out (a
 * Cyrillic or Greek look-alike letter, typically): the token keeps them, so decoding points at them
 * too, instead of the extractor silently keeping only the part after one. Positions are 1-based in
 * the token as it is stored.
 */
function nonAsciiNote(token: string): string | null {
  let ascii = ''
  const found: string[] = []
  let count = 0
  for (let i = 0; i < token.length;) {
    const cp = token.codePointAt(i) as number
    const width = cp > 0xffff ? 2 : 1
    if (cp > 0x7f) {
      count++
      if (found.length < MAX_POSITIONS) found.push(`${codePointName(cp)} '${String.fromCodePoint(cp)}' at position ${i + 1}`)
    } else ascii += token.slice(i, i + width)
    i += width
  }
  if (count === 0 || !looksLikeJwt(ascii)) return null
  const more = count > found.length ? ` and ${count - found.length} more` : ''
  const what = count === 1 ? 'a non-ASCII character' : 'non-ASCII characters'
  return `The token holds ${what}: ${found.join(', ')}${more}. A token is ASCII only, so ${count === 1 ? 'it is probably a look-alike letter' : 'they are probably look-alike letters'} from a font, a chat app or a translation: retype ${count === 1 ? 'it' : 'them'}.`
}

function isBase64urlCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f
}

/** Only characters a compact token (or a base64-damaged one) can contain. */
function isTokenText(s: string): boolean {
  if (s === '') return false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (!isBase64urlCode(c) && c !== 0x2e && c !== 0x2b && c !== 0x2f && c !== 0x3d) return false
  }
  return true
}

function dotCount(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0x2e) n++
  return n
}

/** A compact JWS or JWE: token characters with 2 or 4 dots and a non-empty first part. */
function looksLikeJwt(s: string): boolean {
  const dots = dotCount(s)
  return isTokenText(s) && (dots === 2 || dots === 4) && !s.startsWith('.')
}

const QUOTES = new Set(['"', "'", '`'])

const surroundingQuotes: Step = (text) => {
  const first = text[0]
  if (text.length >= 2 && first !== undefined && QUOTES.has(first) && text.endsWith(first)) {
    return { text: text.slice(1, -1), notes: ['Removed the surrounding quotes.'] }
  }
  return null
}

const trailingPunctuation: Step = (text) => {
  const last = text[text.length - 1]
  if ((last === ',' || last === ';') && text.length > 1) {
    const rest = text.slice(0, -1).trim()
    const inner = QUOTES.has(rest[0] ?? '') && rest.endsWith(rest[0] ?? '') ? rest.slice(1, -1) : rest
    if (isTokenText(inner)) return { text: rest, notes: [`Removed a trailing '${last}'.`] }
  }
  return null
}

const jsonBody: Step = (text) => {
  const parsed = parseJsonObjectText(text)
  if (parsed === null) return null
  const entries = Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string')
  const named = TOKEN_NAMES.flatMap((name) => entries.filter(([n]) => n === name))
  const pick = named.find(([, v]) => looksLikeJwt(v.trim())) ?? entries.find(([, v]) => looksLikeJwt(v.trim())) ?? named[0]
  if (pick === undefined) return null
  const notes = [`Took the value of the JSON member "${pick[0]}".`]
  const others = entries.filter(([n, v]) => n !== pick[0] && looksLikeJwt(v.trim())).map(([n]) => `"${n}"`)
  if (others.length > 0) notes.push(`The JSON also has ${others.join(', ')}: paste ${others.length === 1 ? 'it' : 'one'} alone to decode ${others.length === 1 ? 'it' : 'another'}.`)
  return { text: pick[1], notes }
}

const AUTHORIZATION = /^authorization[ \t]*:[ \t]*/i
const SCHEME = /^(bearer|dpop)[ \t]+/i

const authorizationHeader: Step = (text) => {
  const header = AUTHORIZATION.exec(text)
  const rest = header === null ? text : text.slice(header[0].length)
  const scheme = SCHEME.exec(rest)
  if (header === null && scheme === null) return null
  const name = scheme === null ? '' : (SCHEMES[(scheme[1] as string).toLowerCase()] as string)
  const value = scheme === null ? rest : rest.slice(scheme[0].length)
  if (header !== null && scheme !== null) return { text: value, notes: [`Removed the 'Authorization: ${name}' prefix.`] }
  if (header !== null) return { text: value, notes: ["Removed the 'Authorization:' header name."] }
  return { text: value, notes: [`Removed the '${name}' prefix.`] }
}

const COOKIE = /^(set-cookie|cookie)[ \t]*:[ \t]*/i

const cookieHeader: Step = (text) => {
  const match = COOKIE.exec(text)
  if (match === null) return null
  const header = (match[1] as string).toLowerCase() === 'set-cookie' ? 'Set-Cookie' : 'Cookie'
  // Set-Cookie carries one cookie; what follows its first ';' are attributes (Path, HttpOnly…).
  const body = text.slice(match[0].length)
  let pick: readonly [string, string] | undefined
  let named: readonly [string, string] | undefined
  for (let start = 0; start <= body.length;) {
    let end = start
    while (end < body.length && !isCookieSeparator(body.charCodeAt(end))) end++
    const item = body.slice(start, end)
    start = end + 1
    const eq = item.indexOf('=')
    if (eq >= 0) {
      const pair = [item.slice(0, eq).trim(), unquote(item.slice(eq + 1).trim())] as const
      if (looksLikeJwt(urlDecode(pair[1]))) {
        pick = pair
        break
      }
      if (named === undefined && /token|jwt|session/i.test(pair[0])) named = pair
    }
    if (header === 'Set-Cookie') break
  }
  pick ??= named
  if (pick === undefined) return { text: text.slice(match[0].length), notes: [`Removed the '${header}:' header name.`] }
  const value = urlDecode(pick[1])
  const notes = [`Took the value of the cookie "${pick[0]}" from the ${header} header.`]
  if (value !== pick[1]) notes.push('URL-decoded it.')
  return { text: value, notes }
}

const URL_START = /^[a-z][a-z0-9+.-]*:\/\//i
const PARAMETER = /(?:^|[?#&;])(?:id_token|access_token|token|jwt)=/

const urlParameters: Step = (text) => {
  if (!URL_START.test(text) && !text.startsWith('#') && !text.startsWith('?') && !PARAMETER.test(text)) return null
  const hash = text.indexOf('#')
  const beforeHash = hash < 0 ? text : text.slice(0, hash)
  const question = beforeHash.indexOf('?')
  const fragment = hash < 0 ? null : text.slice(hash + 1)
  const query = question < 0 ? null : beforeHash.slice(question + 1)
  const sources: [string, string][] = []
  // OpenID Connect returns tokens in the fragment, so it wins over the query.
  if (fragment !== null) sources.push(['URL fragment', fragment])
  if (query !== null) sources.push(['URL query', query])
  if (fragment === null && query === null && !URL_START.test(text)) sources.push(['parameters', text])
  for (const name of TOKEN_NAMES) {
    for (const [where, params] of sources) {
      for (const item of params.split('&')) {
        const eq = item.indexOf('=')
        if (eq < 0 || item.slice(0, eq) !== name) continue
        const raw = item.slice(eq + 1)
        const value = urlDecode(raw)
        const decoded = value !== raw ? ' and URL-decoded it' : ''
        return { text: value, notes: [`Took the "${name}" parameter from the ${where}${decoded}.`] }
      }
    }
  }
  return null
}

/**
 * Whether base64url text can start a JWS or JWE header: base64url of `{` followed by `"` or
 * whitespace (every JSON object header) begins `ey` or `ew`.
 */
function startsLikeHeader(s: string): boolean {
  return s.charCodeAt(0) === 0x65 && (s.charCodeAt(1) === 0x79 || s.charCodeAt(1) === 0x77)
}

const innerWhitespace: Step = (text) => {
  if (!/\s/.test(text)) return null
  const joined = text.replace(/\s+/g, '')
  // Only a wrapped token: joining the words of ordinary text ("my token is eyJ…") would invent a
  // token. A wrapped one starts with its header, and none of its later lines is a token by itself.
  if (!looksLikeJwt(joined) || !startsLikeHeader(joined)) return null
  // The text is trimmed, so the first word is the first line of the token.
  if (text.split(/\s+/).some((word, i) => i > 0 && startsLikeHeader(word) && looksLikeJwt(word))) return null
  return { text: joined, notes: ['Removed line breaks and spaces inside the token.'] }
}

const embeddedToken: Step = (text) => {
  if (isTokenText(text)) return null
  let fallback: string | null = null
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1
    if (c >= 0 && (isBase64urlCode(c) || c === 0x2e || isForeignLetterInWord(text, i, start >= 0))) {
      if (start < 0) start = i
      continue
    }
    if (start >= 0) {
      const word = trimDots(text.slice(start, i))
      start = -1
      if (looksLikeJwt(asciiOnly(word))) {
        if (asciiOnly(word).startsWith('eyJ')) return { text: word, notes: ['Picked the token out of the surrounding text.'] }
        if (fallback === null && word.length >= 16) fallback = word
      }
    }
  }
  return fallback === null ? null : { text: fallback, notes: ['Picked the token out of the surrounding text.'] }
}

const STEPS: readonly Step[] = [
  trailingPunctuation,
  surroundingQuotes,
  jsonBody,
  authorizationHeader,
  cookieHeader,
  urlParameters,
  innerWhitespace,
  embeddedToken,
]

/**
 * A non-ASCII character that belongs to the word around it, so a look-alike letter inside a token
 * does not split it (the part after it would be taken for the token): a cased letter (Cyrillic,
 * Greek…), or any character between two token characters. A curly quote before a token stays out.
 */
function isForeignLetterInWord(text: string, i: number, inWord: boolean): boolean {
  const c = text.charCodeAt(i)
  if (c <= 0x7f || isWhitespaceCode(c)) return false
  const ch = text[i] as string
  if (ch.toLowerCase() !== ch.toUpperCase()) return true
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1
  return inWord && next >= 0 && (isBase64urlCode(next) || next === 0x2e)
}

function isWhitespaceCode(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x85
}

function asciiOnly(word: string): string {
  let out = ''
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) <= 0x7f) out += word[i]
  return out
}

/** Sentence dots around a word are not part of a token (no regex: `\\.+$` backtracks quadratically). */
function trimDots(word: string): string {
  let a = 0
  let b = word.length
  while (a < b && word.charCodeAt(a) === 0x2e) a++
  while (b > a && word.charCodeAt(b - 1) === 0x2e) b--
  return word.slice(a, b)
}

function isCookieSeparator(c: number): boolean {
  return c === 0x3b || c === 0x0a || c === 0x0d
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value
}

function urlDecode(value: string): string {
  if (!value.includes('%')) return value
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
