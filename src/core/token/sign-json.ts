import { hasMember, type JsonObject } from '../json-object'
import { SIGNING_ALGORITHMS } from '../keys'
import { err, ok, type Result } from '../result'
import type { JsonValue, JwsAlgorithm, ParsedKey } from '../types'
import { base64urlEncode } from './base64url-codec'
import { critProblems } from './header-checks'
import { MAX_JWS_SIGNATURES } from './jws-json-object'
import { signSigningInput, type SignErrorCode } from './sign'

/** One signature to make with {@link signJwsJson}. */
export interface JwsJsonSigner {
  /**
   * The JWS Protected Header, usually with `alg` (and `kid` when the verifier picks keys by it). An
   * empty object leaves the `protected` member out; then `alg` must be in `unprotectedHeader`.
   */
  readonly protectedHeader: JsonObject
  /** The JWS Unprotected Header (`header` member); its names must differ from the protected ones. */
  readonly unprotectedHeader?: JsonObject
  /** Secret or private key for the header's `alg`, parsed as for `signToken`; ignored for `none`. */
  readonly key: ParsedKey | null
}

/** What {@link signJwsJson} signs. */
export interface SignJwsJsonInput {
  /** The payload: a text (signed as its UTF-8 bytes, exactly as given) or bytes. */
  readonly payload: string | Uint8Array
  readonly signers: readonly JwsJsonSigner[]
  /** Output syntax; by default flattened for one signer and general for more. */
  readonly syntax?: 'flattened' | 'general'
  /**
   * Sign the payload unencoded (RFC 7797): every protected header gets `"b64": false` and `"b64"` in
   * its `crit`. A protected header may also say so itself; all signers must agree either way.
   */
  readonly unencodedPayload?: boolean
}

/** One entry of the `signatures` array (or the members of the flattened syntax). */
export interface JwsJsonSignatureMembers {
  /** base64url of the protected header's JSON text; absent when the protected header is empty. */
  readonly protected?: string
  readonly header?: JsonObject
  readonly signature: string
}

/** A JWS in JSON serialization made by {@link signJwsJson}. */
export interface SignedJwsJson {
  readonly syntax: 'flattened' | 'general'
  /** The JWS as compact JSON text; parses back with `parseJwsJson`. */
  readonly text: string
  /** The `payload` member: base64url, or the payload text itself when unencoded. */
  readonly payload: string
  readonly signatures: readonly JwsJsonSignatureMembers[]
  /** Notes that did not stop signing (e.g. a short HMAC secret), prefixed "Signature N: " in the general syntax. */
  readonly warnings: readonly string[]
}

/** Error codes of {@link signJwsJson}, plus those of the compact signer for each signature. */
export type SignJwsJsonErrorCode =
  | 'NO_SIGNER'
  | 'TOO_MANY_SIGNERS'
  | 'FLATTENED_NEEDS_ONE_SIGNER'
  | 'HEADER_CONFLICT'
  | 'ALG_MISSING'
  | 'ALG_UNSUPPORTED'
  | 'CRIT_UNPROTECTED'
  | 'CRIT_INVALID'
  | 'B64_NOT_CRITICAL'
  | 'B64_MISMATCH'
  | 'PAYLOAD_NOT_TEXT'
  | SignErrorCode

const OFFERED: readonly string[] = [...SIGNING_ALGORITHMS, 'none']
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Signs one payload as a JWS in JSON serialization (RFC 7515 §7.2): the flattened syntax for one
 * signer (unless `syntax` says general) and the general syntax for one or more. Each signature is
 * made by the compact signer's path (`signSigningInput`, the algorithm table) over
 * `ASCII(protected '.' payload)`, where `protected` is base64url of the protected header's compact
 * JSON. The algorithm is the `alg` of the JOSE Header (protected and unprotected merged), which must
 * name a supported algorithm; the two headers must share no name (RFC 7515 §7.2.1), and `crit` and
 * `b64` may only be protected (RFC 7515 §4.1.11, RFC 7797 §3). With an unencoded payload
 * (RFC 7797), `payload` is the text itself, so it may contain '.'; all signers must agree on `b64`.
 * Errors of a signer are prefixed "Signature N: " in the general syntax. Never throws.
 */
export async function signJwsJson(input: SignJwsJsonInput): Promise<Result<SignedJwsJson, SignJwsJsonErrorCode>> {
  const { signers } = input
  if (signers.length === 0) {
    return err('NO_SIGNER', 'There is no signer: a JWS needs at least one signature. Add a signing key with its algorithm.')
  }
  if (signers.length > MAX_JWS_SIGNATURES) {
    return err('TOO_MANY_SIGNERS', `${signers.length} signers were given; at most ${MAX_JWS_SIGNATURES} signatures are made (and checked) here. Remove some signers.`)
  }
  const syntax = input.syntax ?? (signers.length === 1 ? 'flattened' : 'general')
  if (syntax === 'flattened' && signers.length > 1) {
    return err('FLATTENED_NEEDS_ONE_SIGNER', `The flattened syntax carries exactly one signature, but ${signers.length} signers were given. Choose the general syntax for several signatures (RFC 7515 §7.2.2).`)
  }

  const prepared: { protectedHeader: JsonObject; alg: JwsAlgorithm; unencoded: boolean }[] = []
  for (const [i, signer] of signers.entries()) {
    const lead = syntax === 'general' ? `Signature ${i + 1}: ` : ''
    const checked = checkSigner(signer, lead, input.unencodedPayload === true)
    if (!checked.ok) return checked
    prepared.push(checked.value)
  }
  const unencoded = prepared[0]?.unencoded === true
  const disagreeing = prepared.findIndex((p) => p.unencoded !== unencoded)
  if (disagreeing >= 0) {
    return err('B64_MISMATCH', `Signature ${disagreeing + 1} ${unencoded ? 'has an encoded payload' : 'has an unencoded payload ("b64": false)'}, but signature 1 ${unencoded ? 'has an unencoded one' : 'has an encoded one'}. All signatures of one JWS share the payload, so "b64" must be the same in all of them (RFC 7797 §3).`)
  }

  let payload: string
  if (unencoded) {
    if (typeof input.payload === 'string') {
      payload = input.payload
    } else {
      try {
        payload = UTF8.decode(input.payload)
      } catch {
        return err('PAYLOAD_NOT_TEXT', 'The payload bytes are not UTF-8 text, so they cannot be carried unencoded ("b64": false) in a JSON string. Sign with an encoded payload instead.')
      }
    }
  } else {
    payload = base64urlEncode(input.payload)
  }

  const signatures: JwsJsonSignatureMembers[] = []
  const warnings: string[] = []
  for (const [i, signer] of signers.entries()) {
    const lead = syntax === 'general' ? `Signature ${i + 1}: ` : ''
    const { protectedHeader, alg } = prepared[i] as (typeof prepared)[number]
    const protectedText = Object.keys(protectedHeader).length === 0 ? undefined : base64urlEncode(stringify(protectedHeader))
    const signed = await signSigningInput(`${protectedText ?? ''}.${payload}`, alg, signer.key)
    if (!signed.ok) return err(signed.error.code, `${lead}${signed.error.message}`)
    warnings.push(...signed.value.warnings.map((w) => `${lead}${w}`))
    signatures.push({
      ...(protectedText === undefined ? {} : { protected: protectedText }),
      ...(signer.unprotectedHeader === undefined ? {} : { header: signer.unprotectedHeader }),
      signature: signed.value.signature,
    })
  }

  const value: JsonObject = syntax === 'general'
    ? { payload, signatures: signatures.map(membersValue) }
    : { payload, ...membersValue(signatures[0] as JwsJsonSignatureMembers) }
  return ok({ syntax, text: stringify(value), payload, signatures, warnings })
}

function membersValue(s: JwsJsonSignatureMembers): JsonObject {
  return { ...(s.protected === undefined ? {} : { protected: s.protected }), ...(s.header === undefined ? {} : { header: s.header }), signature: s.signature }
}

type Checked = Result<{ protectedHeader: JsonObject; alg: JwsAlgorithm; unencoded: boolean }, SignJwsJsonErrorCode>

function checkSigner(signer: JwsJsonSigner, lead: string, unencodedPayload: boolean): Checked {
  const unprotected = signer.unprotectedHeader ?? {}
  let protectedHeader = signer.protectedHeader
  if (unencodedPayload) {
    const crit = protectedHeader['crit']
    const listed = Array.isArray(crit) ? crit : []
    protectedHeader = { ...protectedHeader, b64: false, crit: listed.includes('b64') ? listed : [...listed, 'b64'] }
  }
  const shared = Object.keys(unprotected).filter((name) => hasMember(protectedHeader, name))
  if (shared.length > 0) {
    const names = shared.map((n) => `"${n}"`).join(', ')
    return err('HEADER_CONFLICT', `${lead}${names} ${shared.length > 1 ? 'are' : 'is'} in both the protected and the unprotected header; they must be disjoint (RFC 7515 §7.2.1). Keep each parameter in one of them.`)
  }
  for (const name of ['crit', 'b64']) {
    if (hasMember(unprotected, name)) {
      return err('CRIT_UNPROTECTED', `${lead}"${name}" is in the unprotected header, but it must be integrity protected (RFC 7515 §4.1.11, RFC 7797 §3): move it into the protected header.`)
    }
  }
  const crit = protectedHeader['crit']
  const exposed = Array.isArray(crit) ? crit.find((name): name is string => typeof name === 'string' && hasMember(unprotected, name)) : undefined
  if (exposed !== undefined) {
    return err('CRIT_UNPROTECTED', `${lead}"crit" lists "${exposed}", which is in the unprotected header; critical parameters must be integrity protected (RFC 7515 §4.1.11): move "${exposed}" into the protected header.`)
  }
  const problem = critProblems(protectedHeader)[0]
  if (problem !== undefined) return err('CRIT_INVALID', `${lead}${problem.message} A verifier would refuse the signature: fix "crit" before signing.`)
  if (hasMember(protectedHeader, 'b64') && !(Array.isArray(crit) && crit.includes('b64'))) {
    return err('B64_NOT_CRITICAL', `${lead}the protected header has "b64" but its "crit" does not list "b64", so verifiers that do not know RFC 7797 would misread the payload (RFC 7797 §6). Add "crit": ["b64"], or remove "b64".`)
  }
  const b64 = protectedHeader['b64']
  if (b64 !== undefined && typeof b64 !== 'boolean') {
    return err('B64_NOT_CRITICAL', `${lead}"b64" must be true or false (RFC 7797 §3).`)
  }
  const alg = hasMember(protectedHeader, 'alg') ? protectedHeader['alg'] : hasMember(unprotected, 'alg') ? unprotected['alg'] : undefined
  if (alg === undefined) {
    return err('ALG_MISSING', `${lead}neither the protected nor the unprotected header has "alg", so nothing says how to sign or verify (RFC 7515 §4.1.1). Put "alg" into the protected header.`)
  }
  if (typeof alg !== 'string' || !OFFERED.includes(alg)) {
    const shown = typeof alg === 'string' ? `"${alg.length > 40 ? `${alg.slice(0, 40)}…` : alg}"` : 'not a string'
    return err('ALG_UNSUPPORTED', `${lead}"alg" is ${shown}; signing supports ${OFFERED.join(', ')}.`)
  }
  return ok({ protectedHeader, alg: alg as JwsAlgorithm, unencoded: b64 === false })
}

/** Compact JSON of a value as the core decodes it: `bigint` members are written as their digits. */
function stringify(value: JsonValue): string {
  if (typeof value === 'bigint') return value.toString()
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(stringify).join(',')}]`
  return `{${Object.entries(value).map(([name, v]) => `${JSON.stringify(name)}:${stringify(v)}`).join(',')}}`
}
