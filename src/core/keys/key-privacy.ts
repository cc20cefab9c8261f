import { certificateSpki, spkiAlgorithm } from './der'
import { NAME_OF, detectDerKind, type DerKind } from './der-kind'

/**
 * Whether key text may leave the tab's memory: be written to storage without the user's opt-in, or
 * ride along in a share link. Decided by parsing the content, never by labels, and failing closed:
 * whatever cannot be shown to be public key material counts as secret.
 *
 * Regular expressions that run on the (untrusted) text here, and why each is linear:
 * - `ARMOR` below: a literal `-----`, a literal BEGIN/END and at most 80 label characters that
 *   exclude `-` and line breaks, then a literal `-----`; every start position costs at most ~95
 *   steps, so a scan is linear in the text length.
 * Everything else is a plain character loop.
 */

/** The three answers of {@link classifyKeyText}. */
export type KeyPrivacyKind = 'empty' | 'public' | 'secret'

/** The verdict and its reason in plain words (shown in the UI next to what it prevents). */
export interface KeyPrivacy {
  readonly kind: KeyPrivacyKind
  readonly reason: string
}

/** Key texts longer than this (in characters) are not examined and count as secret. */
export const MAX_CLASSIFIED_KEY_LENGTH = 1024 * 1024

/** JWK members that hold private or symmetric key material (RFC 7518 §6, plus `priv` of AKP keys). */
export const PRIVATE_JWK_MEMBERS: readonly string[] = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv']

const PUBLIC_DER_KINDS: ReadonlySet<DerKind> = new Set<DerKind>(['spki', 'pkcs1-public', 'certificate'])

const ARMOR = /-----(BEGIN|END) ([^\r\n-]{0,80})-----/gi

const SECRET_SUFFIX = 'so it is treated as a secret and kept out of storage and links'

const secret = (reason: string): KeyPrivacy => ({ kind: 'secret', reason })

/**
 * Classifies key text as `empty`, `public` (public key material only) or `secret`.
 *
 * Public only when the whole text is one of:
 * - PEM blocks, and nothing but whitespace around and between them, whose DER bodies are each an
 *   SPKI public key, a PKCS#1 RSA public key or an X.509 certificate (labels are ignored: a private
 *   key under `BEGIN PUBLIC KEY` is a private key);
 * - a JWK or JWKS whose every key is a well-formed RSA, EC, OKP or AKP public key with no private
 *   members (`d`, `p`, `q`, `dp`, `dq`, `qi`, `oth`, `k`, `priv`) and not `oct`;
 * - a bare base64, base64url or hex body (no armour) whose bytes are one of the public DER
 *   structures above.
 *
 * Everything else — HMAC secrets, private keys, encrypted keys, unparsable or mixed text, text over
 * {@link MAX_CLASSIFIED_KEY_LENGTH} characters — is `secret`. Synchronous, linear in the text
 * length, never throws.
 */
export function classifyKeyText(text: string): KeyPrivacy {
  try {
    return classify(String(text))
  } catch {
    // Unreachable by design; failing closed keeps the promise whatever happens.
    return secret(`The key text could not be examined, ${SECRET_SUFFIX}.`)
  }
}

function classify(text: string): KeyPrivacy {
  if (text.length > MAX_CLASSIFIED_KEY_LENGTH) {
    return secret(`The key text is longer than 1 MB, too long to examine, ${SECRET_SUFFIX}.`)
  }
  const start = firstNonSpace(text)
  if (start === -1) return { kind: 'empty', reason: 'There is no key.' }
  if (hasArmor(text)) return classifyPem(text)
  const first = text[start]
  if (first === '{' || first === '[') return classifyJson(text)
  return classifyBare(text)
}

// ---------------------------------------------------------------------------------------------
// PEM

interface Marker {
  readonly kind: 'BEGIN' | 'END'
  readonly label: string
  readonly index: number
  readonly end: number
}

/** A `-----BEGIN ` or `-----END ` anywhere, even when the rest of the armour line is broken. */
function hasArmor(text: string): boolean {
  const upper = (i: number) => text.charCodeAt(i) & ~0x20
  for (let i = text.indexOf('-----'); i !== -1; i = text.indexOf('-----', i + 1)) {
    const j = i + 5
    if (upper(j) === 66 && upper(j + 1) === 69 && upper(j + 2) === 71 && upper(j + 3) === 73 && upper(j + 4) === 78) return true // BEGIN
    if (upper(j) === 69 && upper(j + 1) === 78 && upper(j + 2) === 68) return true // END
  }
  return false
}

function classifyPem(text: string): KeyPrivacy {
  const markers: Marker[] = []
  for (const m of text.matchAll(ARMOR)) {
    markers.push({ kind: (m[1] as string).toUpperCase() as 'BEGIN' | 'END', label: (m[2] as string).trim(), index: m.index, end: m.index + m[0].length })
  }
  if (markers.length === 0) {
    return secret(`The PEM armour is broken (a BEGIN or END line is incomplete), ${SECRET_SUFFIX}.`)
  }
  const found: string[] = []
  let outsideFrom = 0
  for (let i = 0; i < markers.length; i += 2) {
    const begin = markers[i] as Marker
    const end = markers[i + 1]
    if (!isBlank(text, outsideFrom, begin.index)) {
      return secret(`The text holds something other than PEM blocks (before, between or after them), ${SECRET_SUFFIX}.`)
    }
    if (begin.kind !== 'BEGIN' || end === undefined || end.kind !== 'END' || end.label.toUpperCase() !== begin.label.toUpperCase()) {
      return secret(`The PEM armour is broken (a BEGIN line without its matching END line, or labels that differ), ${SECRET_SUFFIX}.`)
    }
    const n = i / 2 + 1
    const named = `PEM block ${n} (labelled "${begin.label}")`
    const body = text.slice(begin.end, end.index)
    if (body.includes(':')) {
      return secret(`${named} has header lines such as "Proc-Type: 4,ENCRYPTED", which public keys never have, ${SECRET_SUFFIX}.`)
    }
    const der = decodeBase64(stripSpace(body), 'base64')
    if (der === undefined || der.length === 0) {
      return secret(`The body of ${named} is not valid base64, ${SECRET_SUFFIX}.`)
    }
    const kind = derKind(der)
    if (kind === undefined) {
      return secret(`${named} does not hold a readable public key or certificate, ${SECRET_SUFFIX}.`)
    }
    if (!PUBLIC_DER_KINDS.has(kind)) {
      return secret(`${named} holds a ${NAME_OF[kind]}, whatever its label says; private keys are secret and are kept out of storage and links.`)
    }
    found.push(NAME_OF[kind])
    outsideFrom = end.end
  }
  if (!isBlank(text, outsideFrom, text.length)) {
    return secret(`The text holds something other than PEM blocks (before, between or after them), ${SECRET_SUFFIX}.`)
  }
  return {
    kind: 'public',
    reason: found.length === 1 ? `The PEM block is public key material (${found[0] as string}).` : `All ${found.length} PEM blocks hold public key material (${found.join(', ')}).`,
  }
}

/**
 * The structure of a DER body, checked a little deeper than its top-level tags for the public
 * kinds: an SPKI must name its algorithm and a certificate must hold a readable SPKI.
 */
function derKind(der: Uint8Array): DerKind | undefined {
  const kind = detectDerKind(der)
  if (kind === 'spki' && spkiAlgorithm(der) === undefined) return undefined
  if (kind === 'certificate') {
    const spki = certificateSpki(der)
    if (spki === undefined || detectDerKind(spki) !== 'spki' || spkiAlgorithm(spki) === undefined) return undefined
  }
  return kind
}

// ---------------------------------------------------------------------------------------------
// JWK / JWKS

type Json = null | boolean | number | string | Json[] | { [name: string]: Json }

function classifyJson(text: string): KeyPrivacy {
  let value: Json
  try {
    value = JSON.parse(text) as Json
  } catch {
    return secret(`The text starts like JSON but is not valid JSON (or has text after it), ${SECRET_SUFFIX}.`)
  }
  if (!isObject(value)) {
    return secret(`The JSON is not a JWK or a JWKS (an object with "kty", or with "keys"), ${SECRET_SUFFIX}.`)
  }
  if (has(value, 'keys')) {
    const keys = value.keys
    if (has(value, 'kty') || !Array.isArray(keys)) {
      return secret(`The JSON is neither a JWK nor a JWKS ("keys" must be a list of keys, without "kty" beside it), ${SECRET_SUFFIX}.`)
    }
    const top = PRIVATE_JWK_MEMBERS.find((m) => has(value, m))
    if (top !== undefined) return secret(`The JWKS has a private member "${top}" beside its keys, ${SECRET_SUFFIX}.`)
    if (keys.length === 0) return secret(`The JWKS holds no keys, so it cannot be shown to be public, ${SECRET_SUFFIX}.`)
    for (let i = 0; i < keys.length; i++) {
      const problem = jwkProblem(keys[i] as Json)
      if (problem !== undefined) return secret(`Key ${i + 1} of the JWKS ${problem}.`)
    }
    return { kind: 'public', reason: keys.length === 1 ? 'The JWKS holds one public key and no private members.' : `The JWKS holds ${keys.length} public keys and no private members.` }
  }
  const problem = jwkProblem(value)
  if (problem !== undefined) return secret(`The JWK ${problem}.`)
  return { kind: 'public', reason: 'The JWK is a public key with no private members.' }
}

/** Curves each public key type may name (anything else is not shown to be a public key). */
const CURVES: Readonly<Record<string, readonly string[]>> = {
  EC: ['P-256', 'P-384', 'P-521', 'secp256k1'],
  OKP: ['Ed25519', 'Ed448', 'X25519', 'X448'],
}

/** Members each key type needs as non-empty base64url text. */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  RSA: ['n', 'e'],
  EC: ['x', 'y'],
  OKP: ['x'],
  AKP: ['pub'],
}

/** Why a JWKS entry or JWK is not a well-formed public key (phrased after "The JWK …"), or undefined. */
function jwkProblem(key: Json): string | undefined {
  if (!isObject(key)) return `is not a JSON object, ${SECRET_SUFFIX}`
  const member = PRIVATE_JWK_MEMBERS.find((m) => has(key, m))
  if (member !== undefined) {
    return member === 'k'
      ? `holds a symmetric secret ("k"), which is secret and kept out of storage and links`
      : `has the private member "${member}", so it is a private key; private keys are kept out of storage and links`
  }
  const kty = key.kty
  if (kty === 'oct') return `is a symmetric key (kty "oct"), which is secret and kept out of storage and links`
  if (typeof kty !== 'string' || REQUIRED[kty] === undefined) {
    return `has no known public key type ("kty" must be "RSA", "EC", "OKP" or "AKP"), ${SECRET_SUFFIX}`
  }
  const curves = CURVES[kty]
  if (curves !== undefined && (typeof key.crv !== 'string' || !curves.includes(key.crv))) {
    return `does not name a known curve for kty "${kty}" ("crv"), ${SECRET_SUFFIX}`
  }
  for (const name of REQUIRED[kty] as readonly string[]) {
    const v = key[name]
    if (typeof v !== 'string' || v === '' || decodeBase64(v, 'base64url') === undefined) {
      return `lacks a base64url "${name}" member, so it is not a well-formed ${kty} public key, ${SECRET_SUFFIX}`
    }
  }
  if (has(key, 'x5c')) {
    const chain = key.x5c
    if (!Array.isArray(chain) || chain.some((c) => typeof c !== 'string' || !isCertificateText(c))) {
      return `has an "x5c" entry that is not a base64 certificate, ${SECRET_SUFFIX}`
    }
  }
  return undefined
}

function isCertificateText(text: string): boolean {
  const der = decodeBase64(stripSpace(text), 'base64')
  return der !== undefined && derKind(der) === 'certificate'
}

// ---------------------------------------------------------------------------------------------
// Bare base64 / base64url / hex DER

/**
 * A key box holding one http(s) URL names where keys are fetched from (opt-in discovery), not a key.
 * It may be kept like a public key only when it cannot carry a credential: no user name or password,
 * no query, no fragment. Anything else about it stays secret (fail closed).
 */
function classifyUrl(text: string): KeyPrivacy | undefined {
  const trimmed = text.trim()
  const scheme = trimmed.slice(0, 8).toLowerCase()
  if (!scheme.startsWith('https://') && !scheme.startsWith('http://')) return undefined
  if (trimmed.length > 2048 || stripSpace(trimmed) !== trimmed) return undefined
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return undefined
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return secret(`The text is a URL with a user name, password, query or fragment, which may carry a credential, ${SECRET_SUFFIX}.`)
  }
  return { kind: 'public', reason: 'The text is a URL to fetch keys from (no user name, password, query or fragment in it), not key material.' }
}

function classifyBare(text: string): KeyPrivacy {
  const url = classifyUrl(text)
  if (url !== undefined) return url
  const compact = stripSpace(text)
  const decodings: { name: string; der: Uint8Array | undefined }[] = [
    { name: 'base64', der: decodeBase64(compact, 'base64') },
    { name: 'base64url', der: decodeBase64(compact, 'base64url') },
    { name: 'hex', der: decodeHex(compact) },
  ]
  let publicFound: { name: string; kind: DerKind } | undefined
  for (const { name, der } of decodings) {
    if (der === undefined || der.length === 0) continue
    const kind = derKind(der)
    if (kind === undefined) continue
    // A reading as private key material wins over any public reading: fail closed.
    if (!PUBLIC_DER_KINDS.has(kind)) {
      return secret(`The text is the ${name} body of a ${NAME_OF[kind]} without BEGIN/END lines; private keys are secret and are kept out of storage and links.`)
    }
    publicFound ??= { name, kind }
  }
  if (publicFound !== undefined) {
    return { kind: 'public', reason: `The text is public key material (${NAME_OF[publicFound.kind]}, ${publicFound.name} without BEGIN/END lines).` }
  }
  return secret('The text is not public key material (a PEM public key or certificate, or a JWK or JWKS without private members), so it counts as an HMAC secret and is kept out of storage and links.')
}

// ---------------------------------------------------------------------------------------------
// Small linear helpers

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0b || code === 0x0c
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return i
  return -1
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false
  return true
}

function stripSpace(text: string): string {
  let out = ''
  let runStart = 0
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      if (i > runStart) out += text.slice(runStart, i)
      runStart = i + 1
    }
  }
  return runStart === 0 ? text : out + text.slice(runStart)
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const STANDARD = buildTable(B64 + '+/')
const URL_SAFE = buildTable(B64 + '-_')

function buildTable(alphabet: string): Int8Array {
  const table = new Int8Array(128).fill(-1)
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i
  return table
}

/**
 * Strict decoding without whitespace: the alphabet of the chosen variant only, `=` padding only at
 * the end (at most two, and only for standard base64), no impossible length.
 */
function decodeBase64(text: string, variant: 'base64' | 'base64url'): Uint8Array | undefined {
  const table = variant === 'base64' ? STANDARD : URL_SAFE
  let end = text.length
  if (variant === 'base64') {
    while (end > 0 && text.charCodeAt(end - 1) === 0x3d && text.length - end < 2) end--
  }
  if (end === 0 || end % 4 === 1) return undefined
  if (end < text.length && text.length % 4 !== 0) return undefined
  const out = new Uint8Array(Math.floor((end * 3) / 4))
  let buffer = 0
  let bits = 0
  let o = 0
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    const v = code < 128 ? (table[code] as number) : -1
    if (v < 0) return undefined
    buffer = ((buffer << 6) | v) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (buffer >> bits) & 0xff
    }
  }
  return out.subarray(0, o)
}

function decodeHex(text: string): Uint8Array | undefined {
  const digits = text.length > 2 && text[0] === '0' && (text[1] === 'x' || text[1] === 'X') ? text.slice(2) : text
  if (digits.length === 0 || digits.length % 2 === 1) return undefined
  const out = new Uint8Array(digits.length / 2)
  for (let i = 0; i < out.length; i++) {
    const hi = hexValue(digits.charCodeAt(2 * i))
    const lo = hexValue(digits.charCodeAt(2 * i + 1))
    if (hi < 0 || lo < 0) return undefined
    out[i] = hi * 16 + lo
  }
  return out
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  const lower = code | 0x20
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10
  return -1
}

function isObject(v: Json | undefined): v is { [name: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function has(o: { [name: string]: Json }, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, name)
}
