import type { Extraction } from '../types'
import { parseJsonObjectText } from '../json-object'
import { looksLikeSdJwt } from '../sd-jwt/cut'

/** Names under which URLs, JSON bodies and cookies carry tokens, most specific first. */
const TOKEN_NAMES: readonly string[] = ['id_token', 'access_token', 'token', 'jwt', 'vp_token', 'credential']

const SCHEMES: Readonly<Record<string, string>> = { bearer: 'Bearer', dpop: 'DPoP' }

/** Each pass removes one wrapper; real pastes nest at most a few (quotes around a header line…). */
const MAX_PASSES = 12

type Step = (text: string) => { readonly text: string; readonly notes: readonly string[] } | null

/** One JWT found in pasted text that holds several, as the token picker offers it. */
export interface TokenCandidate {
  /** The compact token, exactly as it is stored when picked. */
  readonly token: string
  /**
   * The name it was given in the text: a JSON member, a `name=` pair (URL parameter, cookie, log
   * field) or a `name:` field (`access_token`, `id_token`, `session`…); absent otherwise.
   */
  readonly name?: string
  /** Where it was found: `json` member, `name=`/`name:` `pair`, `authorization` header value, or plain `text`. */
  readonly source: 'json' | 'pair' | 'authorization' | 'text'
  /** 1-based position (UTF-16 units) of its first character in the pasted text. */
  readonly position: number
  /** How notes and the picker call it: `access_token`, `the Bearer token`, `the token at position 57`. */
  readonly label: string
  /** The notes to show when this token is the one picked (the {@link Extraction.stripped} of that pick). */
  readonly stripped: readonly string[]
}

/** An {@link Extraction} with the other tokens of the pasted text, when it held several. */
export interface TokenExtraction extends Extraction {
  /**
   * Present only when the text holds more than one distinct JWT: every one in the order they appear
   * (at most {@link MAX_TOKEN_CANDIDATES}; a note says how many more were left out). `token` is one of them.
   */
  readonly candidates?: readonly TokenCandidate[]
}

/** The picker offers at most this many tokens of one paste; a log file may hold thousands. */
export const MAX_TOKEN_CANDIDATES = 20

/**
 * Pulls a compact token out of whatever was pasted: surrounding whitespace and quotes, line breaks
 * inside a wrapped token, `Bearer …` and `Authorization: Bearer …`, a URL (query or fragment) with
 * `id_token=`, `access_token=` or `token=` (URL-decoded), a `Cookie:` / `Set-Cookie:` line (the value
 * that looks like a JWT), a JSON body such as `{"access_token":"…"}`, and as a last resort the first
 * JWT-looking word of a longer text (a curl command, a log line). `stripped` says, in order, what was
 * removed. An SD-JWT (RFC 9901: `<JWT>~<disclosure>~…~[<KB-JWT>]`, or its JSON serialization) is kept
 * whole, also as a `vp_token=` parameter or a `"credential"` member of a credential response.
 *
 * When the text holds several distinct JWTs (a token response with access, ID and refresh tokens,
 * a log line, an `Authorization` header beside a cookie), `candidates` lists them and one is picked:
 * the `access_token` or the `Authorization` header's token first, because that is what an API
 * receives and rejects, so it is what people most often debug; then the `id_token`, which the client
 * reads once at sign-in; then any other named token, a `refresh_token`, and unnamed ones last. Among
 * equals, the one the single-token rules above take (the URL fragment over the query), else the
 * first. The note says which was picked ("Picked access_token (1 of 3 tokens in the pasted text).").
 * Members named `…_token` of a JSON body whose values are not JWTs (opaque refresh tokens) are named
 * as such in a note. Linear in the input length (no backtracking regular expressions); never throws.
 */
export function extractToken(text: string): TokenExtraction {
  const visible = removeInvisible(text)
  const single = extractOne(visible.text, visible.notes)
  // An SD-JWT holds several JWT-looking parts (the issuer JWT, a KB-JWT): they are one token.
  if (looksLikeSdJwt(single.token)) return single
  try {
    return withCandidates(visible, single)
  } catch {
    // The scan guards its own work; this only keeps the contract if it ever does not.
    return single
  }
}

/** The single-token rules: strips one wrapper per pass until none applies. */
function extractOne(text: string, invisibleNotes: readonly string[]): Extraction {
  const stripped: string[] = [...invisibleNotes]
  let current = text
  const trimmed = current.trim()
  if (trimmed !== current && trimmed !== '') stripped.push('Removed surrounding spaces and line breaks.')
  current = trimmed
  try {
    for (let pass = 0; pass < MAX_PASSES && current !== ''; pass++) {
      // Kept whole: the steps below would take the issuer JWT out of its '~'-separated parts.
      if (looksLikeSdJwt(current)) break
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
  const opaque = opaqueTokensNote(text.trim(), current)
  if (opaque !== null) stripped.push(opaque)
  return { token: current, stripped }
}

/** A JWT found by the scan, before it is labelled. */
interface Found {
  readonly token: string
  /** UTF-16 index of its first character in the text the invisible characters were removed from. */
  readonly start: number
  readonly name?: string
  readonly source: TokenCandidate['source']
  /** The `Bearer` or `DPoP` scheme before an Authorization header's token. */
  readonly scheme?: string
}

/** Counts the scan's steps, so tests can bound its work by the text's length instead of by a clock. */
export interface ScanMeter {
  steps: number
}

/**
 * Every distinct JWT-looking word of the text (a JWS or JWE header start, two or four dots), the
 * first {@link MAX_TOKEN_CANDIDATES} with the name written before them, and how many more there
 * were. One pass over the text; the look-back for a name is bounded, so the work is linear.
 */
export function scanTokenCandidates(text: string, meter: ScanMeter = { steps: 0 }): { readonly found: readonly Found[]; readonly more: number } {
  const found: Found[] = []
  const seen = new Set<string>()
  let more = 0
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    meter.steps++
    const c = i < text.length ? text.charCodeAt(i) : -1
    if (c >= 0 && (isBase64urlCode(c) || c === 0x2e || isForeignLetterInWord(text, i, start >= 0))) {
      if (start < 0) start = i
      continue
    }
    if (start < 0) continue
    const wordEnd = i
    let wordStart = start
    while (wordStart < wordEnd && text.charCodeAt(wordStart) === 0x2e) wordStart++
    meter.steps += wordStart - start + 1
    start = -1
    // Most words of a long text cannot start a header: skip them before copying anything.
    const lead = text.charCodeAt(wordStart)
    if (wordStart === wordEnd || (lead <= 0x7f && lead !== 0x65)) continue
    const word = trimDots(text.slice(wordStart, wordEnd))
    meter.steps += 3 * (wordEnd - wordStart)
    const ascii = asciiOnly(word)
    if (!startsLikeHeader(ascii) || !looksLikeJwt(ascii) || seen.has(word)) continue
    seen.add(word)
    if (found.length >= MAX_TOKEN_CANDIDATES) {
      more++
      continue
    }
    found.push({ token: word, start: wordStart, ...nameBefore(text, wordStart, meter) })
  }
  return { found, more }
}

/** How far back a name is looked for: spaces, quotes and separators, then the name itself. */
const MAX_GAP = 16
const MAX_NAME_LENGTH = 64

function isNameCode(c: number): boolean {
  return isBase64urlCode(c) || c === 0x2e || c === 0x3a || c === 0x5b || c === 0x5d || c === 0x24
}

/** Reads a name that ends just before `end`, going back at most {@link MAX_NAME_LENGTH} characters. */
function nameEndingAt(text: string, end: number, accepts: (c: number) => boolean, meter: ScanMeter): string {
  let i = end
  while (i > 0 && end - i < MAX_NAME_LENGTH && accepts(text.charCodeAt(i - 1))) i--
  meter.steps += end - i
  return end - i === MAX_NAME_LENGTH && i > 0 && accepts(text.charCodeAt(i - 1)) ? '' : text.slice(i, end)
}

function skipBack(text: string, i: number, what: (c: number) => boolean): number {
  let j = i
  while (j > 0 && i - j < MAX_GAP && what(text.charCodeAt(j - 1))) j--
  return j
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09
/** Quotes around a value or a name, and the backslash that escapes them in JSON inside a log line. */
const isQuoteOrBackslash = (c: number): boolean => c === 0x22 || c === 0x27 || c === 0x5c

/**
 * The name written just before a token: `"name": "…"` (JSON, also escaped inside a log line),
 * `name=…` (URL parameter, cookie, log field), `name: …`, or `Authorization: Bearer …` / `Bearer …`.
 */
function nameBefore(text: string, start: number, meter: ScanMeter): Pick<Found, 'name' | 'source' | 'scheme'> {
  meter.steps += 2 * MAX_GAP
  const afterQuote = skipBack(text, start, isQuoteOrBackslash)
  const quoted = afterQuote < start
  const sep = skipBack(text, afterQuote, isBlank)
  const sepCode = sep > 0 ? text.charCodeAt(sep - 1) : -1
  if (sepCode === 0x3a) {
    // `"name": "…"` or `name: …`
    const nameEnd = skipBack(text, sep - 1, isBlank)
    const unquoted = skipBack(text, nameEnd, isQuoteOrBackslash)
    if (unquoted < nameEnd) {
      const name = nameEndingAt(text, unquoted, (c) => c !== 0x22 && c !== 0x5c && c >= 0x20, meter)
      if (name !== '' && unquoted - name.length > 0 && isQuoteOrBackslash(text.charCodeAt(unquoted - name.length - 1))) return { name, source: 'json' }
      return { source: 'text' }
    }
    const name = nameEndingAt(text, nameEnd, (c) => isBase64urlCode(c) || c === 0x2e, meter)
    if (name === '') return { source: 'text' }
    return name.toLowerCase() === 'authorization' ? { name: 'Authorization', source: 'authorization' } : { name, source: 'pair' }
  }
  if (sepCode === 0x3d) {
    const name = nameEndingAt(text, sep - 1, isNameCode, meter)
    return name === '' ? { source: 'text' } : { name, source: 'pair' }
  }
  if (!quoted && sep < start) {
    // `Bearer eyJ…`, after `Authorization:` or alone.
    const word = nameEndingAt(text, sep, (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a), meter)
    const scheme = SCHEMES[word.toLowerCase()]
    if (scheme !== undefined && (sep - word.length === 0 || !isBase64urlCode(text.charCodeAt(sep - word.length - 1)))) {
      return { name: 'Authorization', source: 'authorization', scheme }
    }
  }
  return { source: 'text' }
}

/** Ranks a found token for the default pick (lower first); the order is explained at {@link extractToken}. */
function pickRank(f: Found): number {
  const name = f.name?.toLowerCase()
  if (f.source === 'authorization' || name === 'access_token') return 0
  if (name === 'id_token') return 1
  if (name === 'refresh_token') return 3
  return name === undefined ? 4 : 2
}

function labelOf(f: Found, position: number): string {
  if (f.source === 'authorization') return f.scheme === undefined ? "the Authorization header's token" : `the ${f.scheme} token`
  if (f.name !== undefined) return f.name
  return `the token at position ${position}`
}

/** Maps indices of the text without invisible characters back to the pasted text (indices must increase). */
function positionMapper(removed: readonly (readonly [number, number])[]): (index: number) => number {
  let next = 0
  let shift = 0
  return (index) => {
    while (next < removed.length && (removed[next] as readonly [number, number])[0] <= index + shift) {
      shift += (removed[next] as readonly [number, number])[1]
      next++
    }
    return index + shift
  }
}

function withCandidates(visible: VisibleText, single: Extraction): TokenExtraction {
  const { found, more } = scanTokenCandidates(visible.text)
  if (found.length < 2) return single
  const toPosition = positionMapper(visible.removed)
  const positions = found.map((f) => toPosition(f.start) + 1)
  const best = Math.min(...found.map(pickRank))
  const tied = found.map((f, i) => ({ f, i })).filter(({ f }) => pickRank(f) === best)
  const picked = (tied.find(({ f }) => f.token === single.token) ?? tied[0] as { i: number }).i
  const total = found.length + more
  const left = more > 0 ? [`Only the first ${MAX_TOKEN_CANDIDATES} are offered to pick from; ${more} more ${more === 1 ? 'was' : 'were'} left out.`] : []
  const opaque = opaqueTokensNote(visible.text.trim(), '')
  const candidates = found.map((f, i): TokenCandidate => {
    const position = positions[i] as number
    const label = labelOf(f, position)
    const stripped = [...visible.notes, `Picked ${label} (${i + 1} of ${total} tokens in the pasted text).`, ...left]
    const foreign = nonAsciiNote(f.token)
    if (foreign !== null) stripped.push(foreign)
    if (opaque !== null) stripped.push(opaque)
    const named = f.name === undefined ? {} : { name: f.name }
    return { token: f.token, ...named, source: f.source, position, label, stripped }
  })
  const chosen = candidates[picked] as TokenCandidate
  return { token: chosen.token, stripped: chosen.stripped, candidates }
}

/**
 * Names the members of a JSON body called `token` or `…_token` whose string values are not JWTs
 * (opaque refresh tokens, typically), leaving out the one that was taken as the token.
 */
function opaqueTokensNote(text: string, taken: string): string | null {
  if (!text.startsWith('{')) return null
  const parsed = parseJsonObjectText(text)
  if (parsed === null) return null
  const names: string[] = []
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string' || value === '' || value === taken || !(name === 'token' || name.endsWith('_token'))) continue
    if (!looksLikeJwt(value.trim())) names.push(`"${name}"`)
  }
  if (names.length === 0) return null
  const list = names.length === 1 ? names[0] as string : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] as string}`
  return names.length === 1
    ? `The JSON member ${list} is not a JWT (an opaque value only its issuer can read), so it is not decoded.`
    : `The JSON members ${list} are not JWTs (opaque values only their issuer can read), so they are not decoded.`
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
interface VisibleText {
  readonly text: string
  readonly notes: readonly string[]
  /** Each removed character: its UTF-16 index in the pasted text and its width (1 or 2). */
  readonly removed: readonly (readonly [number, number])[]
}

function removeInvisible(text: string): VisibleText {
  let kept = ''
  let from = 0
  const found = new Map<number, number[]>()
  const removed: [number, number][] = []
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) as number
    const width = cp > 0xffff ? 2 : 1
    if (isInvisible(cp)) {
      removed.push([i, width])
      kept += text.slice(from, i)
      from = i + width
      const list = found.get(cp)
      if (list === undefined) found.set(cp, [i + 1])
      else list.push(i + 1)
    }
    i += width
  }
  if (found.size === 0) return { text, notes: [], removed }
  kept += text.slice(from)
  const notes = [...found].map(([cp, positions]) => `Removed the invisible character ${codePointName(cp)} at ${positionList(positions)}.`)
  return { text: kept, notes, removed }
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
    if (isTokenText(inner) || looksLikeSdJwt(inner)) return { text: rest, notes: [`Removed a trailing '${last}'.`] }
  }
  return null
}

const jsonBody: Step = (text) => {
  const parsed = parseJsonObjectText(text)
  if (parsed === null) return null
  const entries = Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string')
  const named = TOKEN_NAMES.flatMap((name) => entries.filter(([n]) => n === name))
  const pick = named.find(([, v]) => looksLikeJwt(v.trim())) ?? entries.find(([, v]) => looksLikeJwt(v.trim()))
    ?? entries.find(([, v]) => looksLikeSdJwt(v)) ?? named[0]
  if (pick === undefined) return null
  // Other JWTs of the body are offered by the token picker (see extractToken), not named here.
  return { text: pick[1], notes: [`Took the value of the JSON member "${pick[0]}".`] }
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
  // An OpenID4VP response posts its presentation as a form body: vp_token=…&state=….
  const vpToken = text.startsWith('vp_token=') || text.includes('&vp_token=')
  if (!URL_START.test(text) && !text.startsWith('#') && !text.startsWith('?') && !PARAMETER.test(text) && !vpToken) return null
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
  if (startsLikeHeader(joined) && looksLikeSdJwt(joined) && !text.split(/\s+/).some((word, i) => i > 0 && startsLikeHeader(word) && looksLikeSdJwt(word))) {
    return { text: joined, notes: ['Removed line breaks and spaces inside the token.'] }
  }
  // Only a wrapped token: joining the words of ordinary text ("my token is eyJ…") would invent a
  // token. A wrapped one starts with its header, and none of its later lines is a token by itself.
  if (!looksLikeJwt(joined) || !startsLikeHeader(joined)) return null
  // The text is trimmed, so the first word is the first line of the token.
  if (text.split(/\s+/).some((word, i) => i > 0 && startsLikeHeader(word) && looksLikeJwt(word))) return null
  return { text: joined, notes: ['Removed line breaks and spaces inside the token.'] }
}

/** The first word of the text that is a whole compact SD-JWT (base64url, dots and '~'), or null. */
function embeddedSdJwt(text: string): string | null {
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1
    if (c >= 0 && (isBase64urlCode(c) || c === 0x2e || c === 0x7e)) {
      if (start < 0) start = i
      continue
    }
    if (start >= 0) {
      const word = trimDots(text.slice(start, i))
      start = -1
      if (startsLikeHeader(word) && looksLikeSdJwt(word)) return word
    }
  }
  return null
}

const embeddedToken: Step = (text) => {
  if (isTokenText(text)) return null
  const sdJwt = text.includes('~') ? embeddedSdJwt(text) : null
  if (sdJwt !== null) return { text: sdJwt, notes: ['Picked the SD-JWT out of the surrounding text.'] }
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
  let i = 0
  while (i < word.length && word.charCodeAt(i) <= 0x7f) i++
  if (i === word.length) return word
  let out = word.slice(0, i)
  for (let j = i + 1; j < word.length; j++) if (word.charCodeAt(j) <= 0x7f) out += word[j]
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
