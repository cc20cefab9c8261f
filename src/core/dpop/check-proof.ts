import { isoFromSeconds } from '../claims'
import { asJsonObject as asObject, type JsonObject as Obj } from '../json-object'
import { algorithmSpec, checkKeyFits, describeKey, parsedKeyFromJwk, PRIVATE_MEMBERS } from '../keys'
import { decodeToken, verifyToken } from '../token'
import type { CheckVerdict, DecodedToken, JsonValue, ParsedKey } from '../types'
import { accessTokenHash } from './ath'
import { normaliseHtu } from './htu'

/** What {@link checkDpopProof} checks, in the order it reports them. */
export type DpopCheckId = 'format' | 'typ' | 'alg' | 'jwk' | 'signature' | 'htm' | 'htu' | 'iat' | 'jti' | 'nonce' | 'ath' | 'jkt'

/** One verdict about a DPoP proof. */
export interface DpopCheck {
  readonly id: DpopCheckId
  readonly verdict: CheckVerdict
  readonly message: string
}

/** The request a proof came with, and what the server expects. */
export interface DpopCheckInput {
  /** The HTTP method of the request, e.g. `POST`. */
  readonly method: string
  /** The full request URL; its query and fragment are ignored. */
  readonly url: string
  /** The access token sent with the proof (resource requests); enables the `ath` and `jkt` checks. */
  readonly accessToken?: string
  /** The current time in seconds since 1970 (default: the clock). */
  readonly now?: number
  /** How old a proof may be, in seconds (default {@link DEFAULT_DPOP_MAX_AGE}). */
  readonly maxAgeSeconds?: number
  /** How far in the future `iat` may be, for clock differences (default {@link DEFAULT_DPOP_CLOCK_SKEW}). */
  readonly clockSkewSeconds?: number
  /** The nonce the server handed out (`DPoP-Nonce`), when it requires one. */
  readonly nonce?: string
}

/** Default acceptance window for `iat`: five minutes. */
export const DEFAULT_DPOP_MAX_AGE = 300
/** Default tolerance for an `iat` slightly in the future. */
const DEFAULT_DPOP_CLOCK_SKEW = 60

/** The order of {@link checkDpopProof}'s results. */
const DPOP_CHECK_ORDER: readonly DpopCheckId[] = ['format', 'typ', 'alg', 'jwk', 'signature', 'htm', 'htu', 'iat', 'jti', 'nonce', 'ath', 'jkt']

const own = (o: Obj, name: string): JsonValue | undefined => (Object.prototype.hasOwnProperty.call(o, name) ? o[name] : undefined)
const show = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 79)}…` : s)

/**
 * Checks a DPoP proof JWT the way RFC 9449 §4.3 tells a server to, one verdict per rule: a JWS with
 * JSON header and payload; `typ` is `dpop+jwt`; `alg` is an asymmetric signature algorithm (not
 * `none`, not HMAC); the `jwk` header holds a public key (a private member such as `d` fails); the
 * signature verifies with that key; `htm` equals the method; `htu` equals the URL ignoring query and
 * fragment, after RFC 3986 normalisation; `iat` is no older than `maxAgeSeconds` and not in the
 * future beyond the clock skew; `jti` is present; `nonce` equals the server's nonce (when given);
 * and with an access token, `ath` is its SHA-256 hash and the token's `cnf.jkt` is the RFC 7638
 * thumbprint of the proof key. Checks that cannot apply are `skip` with the reason. Remembering
 * `jti` values to stop replays is the server's job and is not done here. Never throws.
 */
export async function checkDpopProof(proof: string, input: DpopCheckInput): Promise<DpopCheck[]> {
  try {
    return await check(proof, input)
  } catch (cause) {
    const message = `The proof could not be checked: ${cause instanceof Error ? cause.message : String(cause)}.`
    return DPOP_CHECK_ORDER.map((id) => (id === 'format' ? { id, verdict: 'fail', message } : { id, verdict: 'skip', message: 'Skipped: the proof could not be checked.' }))
  }
}

async function check(proof: string, input: DpopCheckInput): Promise<DpopCheck[]> {
  const out = new Map<DpopCheckId, DpopCheck>()
  const set = (id: DpopCheckId, verdict: DpopCheck['verdict'], message: string) => out.set(id, { id, verdict, message })
  const results = () => DPOP_CHECK_ORDER.map((id) => out.get(id) ?? { id, verdict: 'skip' as const, message: 'Skipped: the proof could not be decoded.' })

  const token = decodeToken(proof.trim())
  const header = token.kind === 'jws' && token.header?.kind === 'json' ? asObject(token.header.value) : undefined
  const payload = token.kind === 'jws' && token.payload?.kind === 'json' ? asObject(token.payload.value) : undefined
  if (header === undefined || payload === undefined) {
    const what = token.kind !== 'jws' ? 'is not a JWT of three parts (header.payload.signature)' : header === undefined ? 'has a header that is not a JSON object' : 'has a payload that is not a JSON object'
    set('format', 'fail', `The proof ${what}. A DPoP proof is a signed JWT sent in the DPoP HTTP header (RFC 9449 §4.2).`)
    return results()
  }
  set('format', 'pass', 'The proof is a signed JWT with a JSON header and payload.')

  const typ = own(header, 'typ')
  if (typeof typ === 'string' && /^(application\/)?dpop\+jwt$/i.test(typ)) {
    set('typ', 'pass', `The header's "typ" is ${show(typ)}, which marks the JWT as a DPoP proof, so no other kind of JWT can be passed off as one.`)
  } else {
    set('typ', 'fail', `The header's "typ" is ${typeof typ === 'string' ? show(typ) : 'missing'}, but a DPoP proof must have "typ": "dpop+jwt" (RFC 9449 §4.2); without it, another JWT signed by the same key could be replayed as a proof.`)
  }

  const alg = token.alg
  const spec = alg === undefined ? undefined : algorithmSpec(alg)
  const algOk = spec !== undefined && spec.family !== 'HS'
  if (algOk) {
    set('alg', 'pass', `The algorithm ${alg} is an asymmetric signature, as DPoP requires.`)
  } else if (alg === undefined) {
    set('alg', 'fail', 'The header has no "alg" string; a DPoP proof must name its asymmetric signature algorithm.')
  } else if (alg.toLowerCase() === 'none') {
    set('alg', 'fail', `The algorithm is ${show(alg)}: the proof is not signed, so it proves nothing. DPoP requires an asymmetric signature (RFC 9449 §4.3).`)
  } else if (spec?.family === 'HS') {
    set('alg', 'fail', `The algorithm ${alg} is a shared-secret MAC. DPoP needs an asymmetric signature, so that the server can check it with the public key in "jwk" and the private key never leaves the client.`)
  } else {
    set('alg', 'fail', `The algorithm ${show(alg)} is not a supported asymmetric signature algorithm (RS256–RS512, PS256–PS512, ES256–ES512, EdDSA, Ed25519).`)
  }

  const key = await jwkCheck(own(header, 'jwk'), algOk ? (alg as string) : undefined, set)

  if (!algOk) set('signature', 'skip', 'Skipped: the algorithm is not an asymmetric signature algorithm.')
  else if (key === undefined) set('signature', 'skip', 'Skipped: the "jwk" header holds no usable key for this algorithm.')
  else {
    const verified = await verifyToken(token, { format: 'jwk', keys: [key], notes: [] })
    if (!verified.ok) set('signature', 'fail', verified.error.message)
    else if (verified.value.valid) set('signature', 'pass', 'The signature verifies with the key in the "jwk" header: the sender holds the matching private key.')
    else set('signature', 'fail', `The signature does not verify with the key in the "jwk" header: ${verified.value.reason ?? 'the proof was changed after signing, or signed with another key.'}`)
  }

  const htm = own(payload, 'htm')
  if (typeof htm !== 'string') set('htm', 'fail', `The proof has no "htm" string; it must name the HTTP method of the request it was made for (here ${show(input.method)}).`)
  else if (htm === input.method) set('htm', 'pass', `"htm" is ${show(htm)}, the method of the request.`)
  else {
    const hint = htm.toUpperCase() === input.method.toUpperCase() ? ' HTTP methods are case-sensitive.' : ''
    set('htm', 'fail', `"htm" is ${show(htm)}, but the request uses ${show(input.method)}: the proof was made for a different request.${hint}`)
  }

  checkHtu(own(payload, 'htu'), input.url, set)
  checkIat(own(payload, 'iat'), input, set)

  const jti = own(payload, 'jti')
  if (typeof jti === 'string' && jti !== '') set('jti', 'pass', `"jti" is ${show(jti)}. The server must remember it for the acceptance window and reject a second proof with the same value (replay); that memory is not simulated here.`)
  else set('jti', 'fail', `The proof has ${jti === undefined ? 'no "jti"' : 'an empty or non-string "jti"'}; every proof needs a unique identifier so the server can recognise a replay.`)

  const nonce = own(payload, 'nonce')
  if (input.nonce === undefined) {
    set('nonce', 'skip', nonce === undefined ? 'No server nonce given, and the proof carries none.' : `The proof carries the nonce ${typeof nonce === 'string' ? show(nonce) : '(not a string)'}; give the server's nonce to compare.`)
  } else if (nonce === input.nonce) {
    set('nonce', 'pass', `"nonce" is the nonce the server handed out, so the proof was made after the server asked for it.`)
  } else {
    set('nonce', 'fail', `"nonce" is ${typeof nonce === 'string' ? show(nonce) : 'missing'}, but the server handed out ${show(input.nonce)}: a pre-made or stale proof.`)
  }

  await checkAccessToken(payload, input.accessToken, key, set)
  return results()
}

type Setter = (id: DpopCheckId, verdict: DpopCheck['verdict'], message: string) => void

async function jwkCheck(jwk: JsonValue | undefined, alg: string | undefined, set: Setter): Promise<ParsedKey | undefined> {
  const object = asObject(jwk)
  if (object === undefined) {
    set('jwk', 'fail', jwk === undefined
      ? 'The header has no "jwk": a DPoP proof must carry the public key it is signed with (RFC 9449 §4.2).'
      : 'The header\'s "jwk" must be a JSON object holding the public key.')
    return undefined
  }
  if (own(object, 'kty') === 'oct') {
    set('jwk', 'fail', 'The "jwk" is a symmetric key (kty "oct"): putting a shared secret in a header gives it to everyone. DPoP needs a public key.')
    return undefined
  }
  const parsed = await parsedKeyFromJwk(object)
  if (!parsed.ok) {
    set('jwk', 'fail', `The "jwk" is not a usable public key: ${parsed.error.message}`)
    return undefined
  }
  const key = parsed.value
  const leaked = PRIVATE_MEMBERS.filter((name) => own(object, name) !== undefined)
  const fit = alg === undefined ? undefined : checkKeyFits(key, alg, 'verify')
  if (fit !== undefined && !fit.ok) {
    set('jwk', 'fail', fit.error.message)
    return undefined
  }
  if (leaked.length > 0) {
    set('jwk', 'fail', `The "jwk" contains private key material (${leaked.map((n) => `"${n}"`).join(', ')}): the client has published its private key, so anyone who sees this proof can make new ones. It must contain the public key only.`)
  } else {
    set('jwk', 'pass', `The header carries ${describeKey(key)} with RFC 7638 thumbprint ${key.thumbprint}, and no private members.`)
  }
  return key
}

function checkHtu(htu: JsonValue | undefined, url: string, set: Setter): void {
  if (typeof htu !== 'string') {
    set('htu', 'fail', 'The proof has no "htu" string; it must name the URL of the request it was made for.')
    return
  }
  const expected = normaliseHtu(url)
  if (!expected.ok) {
    set('htu', 'skip', `The request URL cannot be compared: ${expected.error.message}`)
    return
  }
  const actual = normaliseHtu(htu)
  if (!actual.ok) {
    set('htu', 'fail', `"htu" is not a valid URL: ${actual.error.message}`)
    return
  }
  if (actual.value === expected.value) {
    set('htu', 'pass', `"htu" ${show(htu)} matches the request URL (compared without query and fragment, after normalising case, default port, dot segments and percent-encoding).`)
  } else {
    set('htu', 'fail', `"htu" is ${show(actual.value)} but the request goes to ${show(expected.value)} (both without query and fragment, normalised): the proof was made for a different URL.`)
  }
}

function checkIat(iat: JsonValue | undefined, input: DpopCheckInput, set: Setter): void {
  const now = input.now ?? Math.floor(Date.now() / 1000)
  const maxAge = input.maxAgeSeconds ?? DEFAULT_DPOP_MAX_AGE
  const skew = input.clockSkewSeconds ?? DEFAULT_DPOP_CLOCK_SKEW
  if (typeof iat !== 'number' || !Number.isFinite(iat)) {
    set('iat', 'fail', 'The proof has no numeric "iat"; the server needs the creation time to accept only fresh proofs.')
    return
  }
  const age = now - iat
  if (age > maxAge) {
    set('iat', 'fail', `The proof was created at ${isoFromSeconds(iat)}, ${Math.round(age)} s ago, more than the ${maxAge} s allowed: an old proof may be a replay.`)
  } else if (-age > skew) {
    set('iat', 'fail', `The proof was created at ${isoFromSeconds(iat)}, ${Math.round(-age)} s in the future (more than the ${skew} s of clock skew allowed): it may have been made in advance.`)
  } else {
    set('iat', 'pass', `The proof was created at ${isoFromSeconds(iat)}, within the window (at most ${maxAge} s old, ${skew} s of clock skew).`)
  }
}

async function checkAccessToken(payload: Obj, accessToken: string | undefined, key: ParsedKey | undefined, set: Setter): Promise<void> {
  const ath = own(payload, 'ath')
  if (accessToken === undefined) {
    set('ath', 'skip', ath === undefined
      ? 'No access token given: "ath" is only required when the proof comes with an access token.'
      : 'The proof carries "ath"; paste the access token to check it.')
    set('jkt', 'skip', 'No access token given, so there is no key binding (cnf.jkt) to compare.')
    return
  }
  const expected = await accessTokenHash(accessToken)
  if (typeof ath !== 'string') set('ath', 'fail', `The proof has no "ath", but it comes with an access token: it must carry the token's hash ${expected} (RFC 9449 §4.2), or a stolen proof could be used with any token.`)
  else if (ath === expected) set('ath', 'pass', `"ath" equals base64url(SHA-256(access token)) = ${expected}: the proof is tied to this access token.`)
  else set('ath', 'fail', `"ath" is ${show(ath)}, but the access token hashes to ${expected}: the proof was made for a different access token.`)

  const decoded: DecodedToken = decodeToken(accessToken.trim())
  const claims = decoded.kind === 'jws' && decoded.payload?.kind === 'json' ? asObject(decoded.payload.value) : undefined
  if (claims === undefined) {
    set('jkt', 'skip', 'The access token is not a readable JWT (it may be opaque); the resource server learns its bound key (cnf.jkt) by introspection.')
    return
  }
  const cnf = asObject(own(claims, 'cnf'))
  const jkt = cnf === undefined ? undefined : own(cnf, 'jkt')
  if (typeof jkt !== 'string') {
    set('jkt', 'fail', 'The access token has no "cnf.jkt", so it is not bound to a key: a DPoP-bound token must carry the thumbprint of the client\'s key (RFC 9449 §6.1).')
  } else if (key === undefined) {
    set('jkt', 'skip', 'The proof has no usable key to compare with the access token\'s cnf.jkt.')
  } else if (jkt === key.thumbprint) {
    set('jkt', 'pass', `The access token's cnf.jkt equals the proof key's thumbprint ${key.thumbprint}: the token is bound to this key.`)
  } else {
    set('jkt', 'fail', `The access token's cnf.jkt is ${show(jkt)}, but the proof key's thumbprint is ${key.thumbprint}: the token is bound to another key, so this sender may not use it.`)
  }
}
