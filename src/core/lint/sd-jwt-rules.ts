/**
 * SD-JWT rules (RFC 9901): what an SD-JWT's issuer made guessable or linkable, and what a
 * presentation's key binding says about replay — salts too short or repeated, a weak or unknown
 * `_sd_alg`, no `cnf` (no key binding possible), personal data left always visible, no decoy digests,
 * and a Key Binding JWT whose `iat` is stale. They read the text only (disclosures decoded, digests
 * counted, nothing hashed): matching digests to disclosures is the SD-JWT room's work.
 */
import { isJsonObject, type JsonObject } from '../json-object'
import { cutSdJwt } from '../sd-jwt/cut'
import { MAX_DEPTH } from '../sd-jwt/limits'
import type { SdJwtParts, SdJwtSpan } from '../sd-jwt/types'
import { base64urlDecode } from '../token/base64url-codec'
import type { DecodedToken, JsonValue } from '../types'
import { personalDataRule } from './personal-data-rules'
import { listOf, memberLocation, quote, showJson, type Location } from './token-parts'
import type { Finding, LintRule, ResolvedLintContext } from './types'

/** RFC 9901 §4.2.1: salts SHOULD carry 128 bits or more of cryptographically random data. */
export const MIN_SALT_BITS = 128

/** A KB-JWT older than this (seconds) is stale: the verifier's default window (RFC 9901 §7.3 leaves it to policy). */
export const MAX_KB_IAT_AGE_SECONDS = 300

/** Clock skew into the future accepted for a KB-JWT's `iat`. */
export const KB_IAT_SKEW_SECONDS = 60

/** `_sd_alg` names of the IANA Named Information Hash Algorithm Registry that are strong enough (RFC 9901 §4.1.1). */
const STRONG_SD_ALGS: ReadonlySet<string> = new Set([
  'sha-256', 'sha-384', 'sha-512', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'blake2s-256', 'blake2b-256', 'blake2b-512', 'k12-256', 'k12-512',
])

/** Registered but truncated or broken hashes: second preimages or collisions within reach. */
const WEAK_SD_ALGS: Readonly<Record<string, string>> = {
  'sha-256-128': 'SHA-256 truncated to 128 bits',
  'sha-256-120': 'SHA-256 truncated to 120 bits',
  'sha-256-96': 'SHA-256 truncated to 96 bits',
  'sha-256-64': 'SHA-256 truncated to 64 bits',
  'sha-256-32': 'SHA-256 truncated to 32 bits',
  md5: 'MD5, whose collisions are computed in seconds',
  'md-5': 'MD5, whose collisions are computed in seconds',
  'sha-1': 'SHA-1, whose collisions have been computed (SHAttered, 2017)',
  sha1: 'SHA-1, whose collisions have been computed (SHAttered, 2017)',
}

/** Digests counted per SD-JWT before giving up (bounded work for hostile payloads). */
const MAX_COUNTED = 100_000

/** Top-level claims examined for personal data. */
const MAX_EXAMINED_CLAIMS = 500

/** Claims SD-JWT VC says must not be selectively disclosable, and structural ones: never asked to be. */
const NOT_DISCLOSABLE: ReadonlySet<string> = new Set(['iss', 'nbf', 'exp', 'iat', 'cnf', 'vct', 'vct#integrity', 'status', '_sd', '_sd_alg'])

/** One disclosure, decoded as far as it goes. */
interface ReadDisclosure {
  /** 0-based position among the text's disclosures. */
  readonly index: number
  readonly span: SdJwtSpan
  readonly salt: string | undefined
  readonly name: string | undefined
  readonly value: JsonValue | undefined
}

/** What the rules read from an SD-JWT text. */
interface SdJwtFacts {
  readonly parts: SdJwtParts
  readonly payload: JsonObject | undefined
  readonly disclosures: readonly ReadDisclosure[]
  readonly kbPayload: JsonObject | undefined
}

function jsonOf(base64url: string): unknown {
  const bytes = base64urlDecode(base64url)
  if (bytes === undefined) return undefined
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return undefined
  }
}

function jwtPayload(compact: string): JsonObject | undefined {
  const parts = compact.split('.')
  if (parts.length !== 3) return undefined
  const value = jsonOf(parts[1] as string)
  return isJsonObject(value) ? value : undefined
}

function readDisclosure(span: SdJwtSpan, index: number): ReadDisclosure {
  const value = jsonOf(span.text)
  if (!Array.isArray(value) || (value.length !== 2 && value.length !== 3)) return { index, span, salt: undefined, name: undefined, value: undefined }
  const salt = typeof value[0] === 'string' ? value[0] : undefined
  if (value.length === 3) return { index, span, salt, name: typeof value[1] === 'string' ? value[1] : undefined, value: value[2] as JsonValue }
  return { index, span, salt, name: undefined, value: value[1] as JsonValue }
}

// The rules read the same token: read it once.
const factsOf = new WeakMap<DecodedToken, SdJwtFacts | null>()

function readFacts(token: DecodedToken): SdJwtFacts | undefined {
  const known = factsOf.get(token)
  if (known !== undefined) return known ?? undefined
  let parts = token.sdJwt
  if (parts === undefined) {
    const split = cutSdJwt(token.token)
    parts = split.ok ? split.value : undefined
  }
  const facts = parts === undefined
    ? null
    : {
        parts,
        payload: jwtPayload(parts.issuerJwt.text),
        disclosures: parts.disclosures.map((span, index) => readDisclosure(span, index)),
        kbPayload: parts.kbJwt === null ? undefined : jwtPayload(parts.kbJwt.text),
      }
  factsOf.set(token, facts)
  return facts ?? undefined
}

/** Where a disclosure sits in the text (compact form; the JSON form has no usable offsets). */
function spanLocation(facts: SdJwtFacts, span: SdJwtSpan): Location {
  return facts.parts.form === 'json' || span.start < 0 ? {} : { segment: 'token', offset: span.start, length: span.text.length }
}

/** A payload member's place, in the compact form only (there the issuer JWT starts the text). */
function payloadLocation(token: DecodedToken, facts: SdJwtFacts, name: string): Location {
  return facts.parts.form === 'json' || token.payload === null ? {} : memberLocation(token, 'payload', name)
}

/** The random bits a salt can carry: 8 per byte when it is base64url (as issuers write it), else 8 per UTF-8 byte at most. */
function saltBits(salt: string): number {
  if (/^[A-Za-z0-9_-]+$/.test(salt) && salt.length % 4 !== 1) return Math.floor((salt.length * 6) / 8) * 8
  return new TextEncoder().encode(salt).length * 8
}

/** Salts shorter than 128 bits, and salts used by more than one disclosure. */
export const sdJwtSaltRule: LintRule = (token) => {
  const facts = readFacts(token)
  if (facts === undefined) return []
  const findings: Finding[] = []
  const short = facts.disclosures.filter((d) => d.salt !== undefined && saltBits(d.salt) < MIN_SALT_BITS)
  if (short.length > 0) {
    const described = short.slice(0, 5).map((d) => `${quote(d.salt as string, 40)} (${saltBits(d.salt as string)} bits${d.name === undefined ? '' : `, for "${d.name}"`})`)
    const first = short[0] as ReadDisclosure
    findings.push({
      id: 'sd-jwt-salt-short',
      severity: 'medium',
      title: `Salt shorter than ${MIN_SALT_BITS} bits in ${short.length} disclosure${short.length === 1 ? '' : 's'}`,
      explanation:
        `A withheld claim is protected only by its salt: its digest is public, and anyone who guesses the salt and value can confirm the guess. These salts are short: ${listOf(described, 5, short.length)}. ` +
        `With fewer than ${MIN_SALT_BITS} random bits the salt can be searched together with likely values (a birthdate, a country), which reveals claims the holder chose not to disclose.`,
      fix: `Issue every disclosure with its own salt of at least ${MIN_SALT_BITS / 8} random bytes from a cryptographically secure generator (crypto.getRandomValues), base64url-encoded.`,
      reference: 'RFC 9901 §4.2.1 and §9.3',
      ...spanLocation(facts, first.span),
    })
  }
  const bySalt = new Map<string, ReadDisclosure[]>()
  for (const d of facts.disclosures) {
    if (d.salt === undefined) continue
    const list = bySalt.get(d.salt)
    if (list === undefined) bySalt.set(d.salt, [d])
    else list.push(d)
  }
  const repeated = [...bySalt.entries()].filter(([, list]) => list.length > 1)
  if (repeated.length > 0) {
    const described = repeated.slice(0, 5).map(([salt, list]) => `${quote(salt, 40)} in disclosures ${listOf(list.slice(0, 6).map((d) => String(d.index + 1)), 6, list.length)}`)
    findings.push({
      id: 'sd-jwt-salt-repeated',
      severity: 'high',
      title: `The same salt in more than one disclosure (${repeated.length} salt${repeated.length === 1 ? '' : 's'})`,
      explanation:
        `Salts are repeated: ${listOf(described, 5, repeated.length)}. Whoever sees one disclosure learns the salt of the others, and can then test guesses of their withheld values against the public digests offline; ` +
        'equal salts also make equal claims give equal digests, which links tokens and claims together.',
      fix: 'Draw a fresh random salt of at least 128 bits for every disclosure, decoys included; never derive salts from each other or reuse them across credentials.',
      reference: 'RFC 9901 §4.2.1 and §9.3',
      // The second use of the first repeated salt: the first one is where it was still fine.
      ...spanLocation(facts, ((repeated[0] as [string, ReadDisclosure[]])[1][1] as ReadDisclosure).span),
    })
  }
  return findings
}

/** `_sd_alg` that is a weak hash, not a registered name, or not a string. */
export const sdJwtSdAlgRule: LintRule = (token) => {
  const facts = readFacts(token)
  const payload = facts?.payload
  if (facts === undefined || payload === undefined || !Object.prototype.hasOwnProperty.call(payload, '_sd_alg')) return []
  const sdAlg = payload._sd_alg
  const location = payloadLocation(token, facts, '_sd_alg')
  if (typeof sdAlg === 'string' && STRONG_SD_ALGS.has(sdAlg)) return []
  const weak = typeof sdAlg === 'string' ? WEAK_SD_ALGS[sdAlg.toLowerCase()] : undefined
  if (weak !== undefined) {
    return [{
      id: 'sd-jwt-sd-alg-weak',
      severity: 'high',
      title: `Weak _sd_alg: ${quote(sdAlg as string)}`,
      explanation:
        `The disclosures' digests are computed with ${weak}. A digest is the issuer's commitment to a disclosure: with a hash this weak, someone can make a second disclosure with the same digest (another value the issuer's signature then covers), or find the withheld value behind a digest with far less work than SHA-256 needs.`,
      fix: 'Issue with "_sd_alg": "sha-256" (the default), "sha-384" or "sha-512"; verifiers should accept only the hashes they expect.',
      reference: 'RFC 9901 §4.1.1 and §9.4',
      ...location,
    }]
  }
  return [{
    id: 'sd-jwt-sd-alg-unknown',
    severity: 'medium',
    title: `Unknown _sd_alg: ${typeof sdAlg === 'string' ? quote(sdAlg) : showJson(sdAlg as JsonValue)}`,
    explanation:
      `"_sd_alg" is ${showJson(sdAlg as JsonValue)}, which is not ${typeof sdAlg === 'string' ? 'a hash name of the IANA Named Information Hash Algorithm Registry (names are lower case, e.g. "sha-256")' : 'a string naming a hash'}. ` +
      'A verifier cannot recompute the digests, so it must reject the SD-JWT — or, if it falls back to a default, it checks the disclosures against a hash the issuer did not use.',
    fix: 'Name the hash exactly as registered: "sha-256" (or leave "_sd_alg" out, which means sha-256), "sha-384" or "sha-512".',
    reference: 'RFC 9901 §4.1.1; IANA Named Information Hash Algorithm Registry',
    ...location,
  }]
}

/** No `cnf`: a presentation cannot prove possession of a holder key, so a copied SD-JWT works for anyone. */
export const sdJwtNoCnfRule: LintRule = (token) => {
  const facts = readFacts(token)
  const payload = facts?.payload
  if (facts === undefined || payload === undefined || Object.prototype.hasOwnProperty.call(payload, 'cnf')) return []
  const kb = facts.parts.kbJwt !== null
  return [{
    id: 'sd-jwt-no-cnf',
    severity: 'medium',
    title: 'No holder key (cnf): key binding is impossible',
    explanation:
      `The issuer-signed payload has no "cnf" claim, so no key is bound to the holder${kb ? ', and the Key Binding JWT that comes with it cannot be checked against anything' : ''}. ` +
      'Whoever obtains a copy of this SD-JWT — a verifier it was shown to, a log, a stolen device backup — can present it as the holder, with any subset of its disclosures.',
    fix: 'Issue with the holder\'s public key in "cnf" (a "jwk", RFC 7800) and have verifiers require a Key Binding JWT signed by that key, with their own "aud" and a fresh "nonce".',
    reference: 'RFC 9901 §4.1.2 and §9.5; RFC 7800 §3',
    ...(facts.parts.form === 'json' || token.payload === null ? {} : { segment: 'payload' as const, offset: token.payload.start, length: token.payload.encoded.length }),
  }]
}

/** Personal data among the always-visible top-level claims (the same detection as the personal-data rule). */
export const sdJwtVisiblePersonalDataRule: LintRule = (token, context) => {
  const facts = readFacts(token)
  const payload = facts?.payload
  if (facts === undefined || payload === undefined) return []
  const visible = Object.keys(payload).filter((name) => !NOT_DISCLOSABLE.has(name)).slice(0, MAX_EXAMINED_CLAIMS)
  const personal = visible.filter((name) => personalDataRule(singleClaimToken(name, payload[name] as JsonValue), context).length > 0)
  if (personal.length === 0) return []
  const names = personal.map((name) => `"${name}"`)
  return [{
    id: 'sd-jwt-personal-data-visible',
    severity: 'low',
    title: `Personal data always visible: ${listOf(names, 4)}`,
    explanation:
      `The issuer put ${listOf(names, 6)} in plain view in the signed payload, so every presentation reveals ${personal.length === 1 ? 'it' : 'them'} whatever the holder chooses. ` +
      'They are personal data that SD-JWT could make selectively disclosable, so a holder could show only what each verifier needs.',
    fix: 'Issue these claims as disclosures (each with its own salt) and keep in plain view only what every verifier needs and the rules require to be visible (iss, exp, cnf, vct, status).',
    reference: 'RFC 9901 §4.1 and §10.1',
    ...payloadLocation(token, facts, personal[0] as string),
  }]
}

/** A stand-in token of one claim, so the personal-data rule's detection decides about it. */
function singleClaimToken(name: string, value: JsonValue): DecodedToken {
  return {
    kind: 'jws', token: '', header: null, signature: null, alg: undefined, diagnostics: [],
    payload: { encoded: '', start: 0, bytes: null, text: null, kind: 'json', value: { [name]: value }, members: [] },
  }
}

/** Digests in `_sd` arrays and `{"...": digest}` array elements, in the payload and in disclosed values. */
function countDigests(values: readonly (JsonValue | undefined)[]): number {
  let count = 0
  const stack: { value: JsonValue | undefined; depth: number }[] = values.map((value) => ({ value, depth: 0 }))
  while (stack.length > 0 && count < MAX_COUNTED) {
    const { value, depth } = stack.pop() as { value: JsonValue | undefined; depth: number }
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) continue
    if (Array.isArray(value)) {
      for (const item of value) {
        if (isJsonObject(item) && Object.keys(item).length === 1 && typeof item['...'] === 'string') count++
        else stack.push({ value: item, depth: depth + 1 })
      }
      continue
    }
    for (const name of Object.keys(value)) {
      const member = value[name]
      if (name === '_sd' && Array.isArray(member)) count += member.filter((d) => typeof d === 'string').length
      else stack.push({ value: member, depth: depth + 1 })
    }
  }
  return count
}

/** As many digests as disclosures: no decoys, so the digest count tells how many claims there are. */
export const sdJwtNoDecoysRule: LintRule = (token) => {
  const facts = readFacts(token)
  const payload = facts?.payload
  if (facts === undefined || payload === undefined) return []
  const digests = countDigests([payload, ...facts.disclosures.map((d) => d.value)])
  const readable = facts.disclosures.filter((d) => d.salt !== undefined).length
  if (digests === 0 || digests !== readable || readable !== facts.disclosures.length) return []
  return [{
    id: 'sd-jwt-no-decoys',
    severity: 'low',
    title: 'No decoy digests: the digest count tells how many claims there are',
    explanation:
      `The SD-JWT has ${digests} digest${digests === 1 ? '' : 's'} and ${readable} disclosure${readable === 1 ? '' : 's'}, one for each: the issuer added no decoys. ` +
      'In a presentation that withholds some disclosures, every digest left over is then a real claim, so a verifier counts how many claims the holder kept back in each object (and, knowing the credential type, which ones they probably are).',
    fix: 'Add a random number of decoy digests to each "_sd" array and array with disclosable elements when issuing (RFC 9901 §4.2.5); the builder\'s decoy count does it.',
    reference: 'RFC 9901 §4.2.5 and §10.3',
  }]
}

/** A Key Binding JWT whose `iat` is older than the accepted window, or in the future. */
export const sdJwtKbIatRule: LintRule = (token, context: ResolvedLintContext) => {
  const facts = readFacts(token)
  const kb = facts?.kbPayload
  if (facts === undefined || kb === undefined || facts.parts.kbJwt === null) return []
  const iat = typeof kb.iat === 'number' && Number.isFinite(kb.iat) ? kb.iat : undefined
  if (iat === undefined) return []
  const location = spanLocation(facts, facts.parts.kbJwt)
  const age = Math.floor(context.now - iat)
  const when = new Date(iat * 1000)
  const at = Number.isNaN(when.getTime()) ? String(iat) : when.toISOString().replace('.000Z', 'Z')
  if (age > MAX_KB_IAT_AGE_SECONDS) {
    return [{
      id: 'sd-jwt-kb-iat-stale',
      severity: 'medium',
      title: `Stale Key Binding JWT: iat is ${duration(age)} old`,
      explanation:
        `The Key Binding JWT was made at ${at}, ${duration(age)} before the time checked against, beyond the ${MAX_KB_IAT_AGE_SECONDS / 60}-minute window verifiers usually allow. ` +
        'Key binding proves the holder signed this presentation for this verifier recently; an old one may be a recorded presentation replayed by someone else.',
      fix: 'Verifiers: reject KB-JWTs whose iat is outside a short window, and bind each presentation to a fresh nonce. Holders: make a new KB-JWT for every presentation.',
      reference: 'RFC 9901 §7.3 step 5 and §9.5',
      ...location,
    }]
  }
  if (iat - context.now > KB_IAT_SKEW_SECONDS) {
    return [{
      id: 'sd-jwt-kb-iat-future',
      severity: 'medium',
      title: `Key Binding JWT from the future: iat is ${duration(Math.floor(iat - context.now))} ahead`,
      explanation:
        `The Key Binding JWT says it was made at ${at}, later than the time checked against by more than the ${KB_IAT_SKEW_SECONDS} seconds of clock skew usually allowed. ` +
        'A presentation dated ahead stays "fresh" for longer than it should, which is how pre-made presentations are kept for later replay.',
      fix: 'Verifiers: reject KB-JWTs whose iat is ahead of their clock by more than a small skew. Holders: check the device clock.',
      reference: 'RFC 9901 §7.3 step 5',
      ...location,
    }]
  }
  return []
}

/** `95 seconds`, `12 minutes`, `3 hours`, `2 days`. */
function duration(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  if (seconds < 120) return unit(seconds, 'second')
  if (seconds < 7200) return unit(Math.floor(seconds / 60), 'minute')
  if (seconds < 172_800) return unit(Math.floor(seconds / 3600), 'hour')
  return unit(Math.floor(seconds / 86_400), 'day')
}

/** Every SD-JWT rule, in the order their findings are listed. */
export const sdJwtRules: readonly LintRule[] = [sdJwtSaltRule, sdJwtSdAlgRule, sdJwtNoCnfRule, sdJwtKbIatRule, sdJwtVisiblePersonalDataRule, sdJwtNoDecoysRule]

/** All SD-JWT findings (one rule family for the lint list); nothing for a token that is not an SD-JWT. */
export const sdJwtRule: LintRule = (token, context) => (readFacts(token) === undefined ? [] : sdJwtRules.flatMap((rule) => rule(token, context)))
