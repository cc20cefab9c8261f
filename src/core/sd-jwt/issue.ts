/**
 * The issuer's builder (RFC 9901 §4.1, §4.2): claims made selectively disclosable at any depth,
 * array elements too, recursive disclosures, decoy digests, and the issuer-signed JWT signed with
 * the token room's signer.
 */
import { isJsonObject } from '../json-object'
import { algorithmSpec, PRIVATE_MEMBERS } from '../keys'
import { err, ok, type Result } from '../result'
import { base64urlEncode } from '../token/base64url-codec'
import { compactJson, formatJsonValue, parseJsonText } from '../token/json'
import { signToken } from '../token/sign'
import type { JsonValue, JwsAlgorithm } from '../types'
import { MAX_DEPTH } from './limits'
import { SD_HASHES, sdDigest } from './process'
import type { Disclosure, DisclosureContent, IssuedSdJwt, SdJwtErrorCode, SdJwtIssueInput } from './types'

/** Most decoys per `_sd` array; more only bloats the token. */
export const MAX_DECOYS = 100

const RESERVED = new Set(['_sd', '...', '_sd_alg'])

type JsonObject = { [name: string]: JsonValue }

/** Compact JSON text of a value (big integers keep their digits). */
export function jsonText(value: JsonValue): string {
  const compacted = compactJson(formatJsonValue(value))
  return compacted.ok ? compacted.value : formatJsonValue(value)
}

/** A fresh salt: `bytes` random bytes from `crypto.getRandomValues`, base64url (RFC 9901 §9.3). */
export function randomSalt(bytes: number): string {
  return base64urlEncode(crypto.getRandomValues(new Uint8Array(bytes)))
}

/** RFC 6901 pointer segments, or null when the text is not a pointer. */
function pointerSegments(pointer: string): string[] | null {
  if (!pointer.startsWith('/')) return null
  return pointer.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
}

function escapeSegment(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1')
}

function setMember(object: JsonObject, name: string, value: JsonValue): void {
  Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true })
}

interface Built {
  readonly content: DisclosureContent
  readonly encoded: string
  readonly json: string
  readonly digest: string
  readonly referencedAt: string
  readonly placedAt: string
}

interface BuildContext {
  readonly chosen: ReadonlySet<string>
  readonly hash: 'SHA-256' | 'SHA-384' | 'SHA-512'
  readonly saltBytes: number
  readonly decoys: number
  readonly out: Built[]
}

async function disclose(ctx: BuildContext, content: DisclosureContent, referencedAt: string, placedAt: string): Promise<string> {
  const json = content.kind === 'property'
    ? `[${JSON.stringify(content.salt)},${JSON.stringify(content.name)},${jsonText(content.value)}]`
    : `[${JSON.stringify(content.salt)},${jsonText(content.value)}]`
  const encoded = base64urlEncode(json)
  const digest = await sdDigest(encoded, ctx.hash)
  ctx.out.push({ content, encoded, json, digest, referencedAt, placedAt })
  return digest
}

/** Builds the issuer-signed form of a value bottom-up, so a parent's disclosure holds its children's digests. */
async function build(value: JsonValue, pointer: string, depth: number, ctx: BuildContext): Promise<JsonValue> {
  if (depth > MAX_DEPTH) throw new RangeError('too deep')
  if (Array.isArray(value)) {
    const out: JsonValue[] = []
    for (let i = 0; i < value.length; i++) {
      const at = `${pointer}/${i}`
      const child = await build(value[i] as JsonValue, at, depth + 1, ctx)
      if (ctx.chosen.has(at)) {
        out.push({ '...': await disclose(ctx, { kind: 'element', salt: randomSalt(ctx.saltBytes), value: child }, pointer, at) })
      } else out.push(child)
    }
    return out
  }
  if (!isJsonObject(value)) return value
  const out: JsonObject = {}
  const digests: string[] = []
  for (const name of Object.keys(value)) {
    const at = `${pointer}/${escapeSegment(name)}`
    const child = await build(value[name] as JsonValue, at, depth + 1, ctx)
    if (ctx.chosen.has(at)) {
      digests.push(await disclose(ctx, { kind: 'property', salt: randomSalt(ctx.saltBytes), name, value: child }, pointer, at))
    } else setMember(out, name, child)
  }
  if (digests.length > 0) {
    for (let i = 0; i < ctx.decoys; i++) digests.push(await sdDigest(randomSalt(ctx.saltBytes), ctx.hash))
    // Sorted, so the order of the digests says nothing about the order of the claims (RFC 9901 §4.2.4.1).
    digests.sort()
    setMember(out, '_sd', digests)
  }
  return out
}

/**
 * Issues an SD-JWT (RFC 9901 §4): the claims named by `disclosable` (JSON pointers to object members
 * or array elements, at any depth; a parent and its child both listed give a recursive disclosure)
 * become disclosures with fresh salts from `crypto.getRandomValues` (`saltBytes`, at least 16 =
 * 128 bits), their digests go into `_sd` arrays (sorted, plus `decoys` decoy digests each) or replace
 * array elements as `{"...": digest}`; `_sd_alg` names the hash, `cnf.jwk` the holder's public key
 * when given; the header and payload are signed with the token room's signer under the header's
 * `alg` (any JWS algorithm it supports; `none` is refused, §9.1). Returns `<JWT>~<disclosure>~…~`
 * and the disclosures. Never throws.
 */
export async function issueSdJwt(input: SdJwtIssueInput): Promise<Result<IssuedSdJwt, SdJwtErrorCode>> {
  try {
    return await issue(input)
  } catch (cause) {
    if (cause instanceof RangeError) return err('TOO_DEEP', `The payload nests objects and arrays deeper than ${MAX_DEPTH} levels; no credential needs that many.`)
    return err('INTERNAL_ERROR', `The SD-JWT could not be issued because of an internal error (${cause instanceof Error ? cause.message : String(cause)}). Please report it.`)
  }
}

async function issue(input: SdJwtIssueInput): Promise<Result<IssuedSdJwt, SdJwtErrorCode>> {
  const payload = parseJsonText(input.payloadJson)
  if (payload.errors.length > 0 || !isJsonObject(payload.value)) {
    return err('INVALID_INPUT', 'The payload is not a JSON object: write the claims as {"name": value, …}.')
  }
  const header = parseJsonText(input.headerJson)
  if (header.errors.length > 0 || !isJsonObject(header.value)) return err('INVALID_INPUT', 'The header is not a JSON object: write it as {"alg": "ES256", "typ": "dc+sd-jwt"}.')
  const alg = header.value['alg']
  if (typeof alg !== 'string') return err('INVALID_INPUT', 'The header has no "alg" string: name the algorithm to sign with, e.g. "ES256".')
  if (alg === 'none') return err('INVALID_INPUT', 'An SD-JWT must be signed (RFC 9901 §9.1): "alg": "none" would let anyone change its claims. Choose a signing algorithm.')
  if (algorithmSpec(alg) === undefined) return err('INVALID_INPUT', `The algorithm "${alg}" is not supported for signing.`)
  const sdAlg = input.sdAlg ?? 'sha-256'
  const hash = SD_HASHES[sdAlg]
  if (hash === undefined) return err('INVALID_INPUT', `"${String(sdAlg)}" is not a digest algorithm used here: choose sha-256, sha-384 or sha-512.`)
  const saltBytes = input.saltBytes ?? 16
  if (!Number.isInteger(saltBytes) || saltBytes < 16 || saltBytes > 64) return err('INVALID_INPUT', `Salts of ${saltBytes} bytes are refused: use 16 to 64 bytes (at least 128 bits, RFC 9901 §9.3).`)
  const decoys = input.decoys ?? 0
  if (!Number.isInteger(decoys) || decoys < 0 || decoys > MAX_DECOYS) return err('INVALID_INPUT', `${decoys} decoys per "_sd" array is refused: use a whole number from 0 to ${MAX_DECOYS}.`)
  const claims = payload.value
  for (const name of RESERVED) {
    if (Object.prototype.hasOwnProperty.call(claims, name)) return err('INVALID_INPUT', `The payload already has "${name}": that name is reserved for the SD-JWT's own digests. Remove it.`)
  }
  const chosen = new Set<string>()
  for (const pointer of input.disclosable) {
    const segments = pointerSegments(pointer)
    if (segments === null || pointer === '/') return err('INVALID_INPUT', `"${pointer}" is not a JSON pointer to a claim: write e.g. /given_name, /address/street_address or /nationalities/0.`)
    if (!pointsAt(claims, segments)) return err('INVALID_INPUT', `The pointer ${pointer} names no claim of the payload.`)
    if (segments.length === 1 && (segments[0] === 'cnf' || RESERVED.has(segments[0] as string))) {
      return err('INVALID_INPUT', `${pointer} cannot be selectively disclosable: the verifier needs the holder key in plain view to check key binding.`)
    }
    chosen.add(`/${segments.map(escapeSegment).join('/')}`)
  }
  let holderJwk: JsonObject | undefined
  if (input.holderPublicJwk !== undefined) {
    const secret = PRIVATE_MEMBERS.filter((m) => Object.prototype.hasOwnProperty.call(input.holderPublicJwk, m))
    if (secret.length > 0) return err('INVALID_INPUT', `The holder key has private members (${secret.map((m) => `"${m}"`).join(', ')}): only its public key goes into "cnf", or every verifier could sign as the holder.`)
    if (input.holderPublicJwk['kty'] === 'oct') return err('INVALID_INPUT', 'The holder key is a secret ("oct") key: "cnf" must hold a public key, or every verifier could sign as the holder.')
    holderJwk = { ...input.holderPublicJwk }
  }
  const ctx: BuildContext = { chosen, hash, saltBytes, decoys, out: [] }
  const built = await build(claims, '', 0, ctx) as JsonObject
  setMember(built, '_sd_alg', sdAlg)
  if (holderJwk !== undefined) setMember(built, 'cnf', { jwk: holderJwk })
  const signed = await signToken({ header: input.headerJson, payload: jsonText(built), alg: alg as JwsAlgorithm, key: input.issuerKey })
  if (!signed.ok) return err('SIGN_FAILED', `The issuer-signed JWT could not be signed: ${signed.error.message}`)
  let offset = signed.value.token.length + 1
  const disclosures: Disclosure[] = ctx.out.map((b, index) => {
    const start = offset
    offset += b.encoded.length + 1
    return { index, encoded: b.encoded, start, json: b.json, content: b.content, digest: b.digest, referencedAt: b.referencedAt, placedAt: b.placedAt }
  })
  return ok({ sdJwt: `${signed.value.token}~${ctx.out.map((b) => `${b.encoded}~`).join('')}`, disclosures })
}

function pointsAt(root: JsonValue, segments: readonly string[]): boolean {
  let current: JsonValue = root
  for (const segment of segments) {
    if (Array.isArray(current)) {
      const index = Number(segment)
      if (!Number.isInteger(index) || index < 0 || String(index) !== segment || index >= current.length) return false
      current = current[index] as JsonValue
    } else if (isJsonObject(current) && Object.prototype.hasOwnProperty.call(current, segment)) {
      current = current[segment] as JsonValue
    } else return false
  }
  return true
}
