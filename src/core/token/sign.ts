import { isJsonObject } from '../json-object'
import { algorithmSpec, importForAlgorithm, type ImportErrorCode } from '../keys'
import { err, ok, type Result } from '../result'
import type { JsonMember, JwsAlgorithm, ParsedKey, SignedToken } from '../types'
import { base64urlEncode } from './base64url-codec'
import { isUnencodedPayload } from './header-checks'
import { compactJson, describeJsonError, parseJsonText } from './json'

/** What {@link signToken} signs. */
export interface SignInput {
  /** Header JSON text; must be an object. */
  readonly header: string
  /** Payload text: JSON is compacted, anything else is signed as its UTF-8 bytes. */
  readonly payload: string
  readonly alg: JwsAlgorithm
  /** Secret or private key; ignored for `none`. */
  readonly key: ParsedKey | null
  /** Set the header's `alg` to `alg`, and its `kid` to the key's `kid` when the key has one. */
  readonly syncHeader?: boolean
  /**
   * Encode the header and payload texts exactly as given instead of compacting JSON (default
   * false): re-signing a token's own bytes, with their line breaks, needs this.
   */
  readonly keepText?: boolean
}

/** Error codes of {@link signToken} and {@link signSigningInput} (plus those of `importForAlgorithm`). */
export type SignErrorCode = 'HEADER_NOT_JSON' | 'HEADER_NOT_OBJECT' | 'NO_SIGNING_KEY' | 'SIGN_FAILED' | 'PAYLOAD_HAS_DOT' | ImportErrorCode

const ENCODER = new TextEncoder()

/**
 * Signs a header and payload as a compact JWS with WebCrypto. JSON is re-encoded compactly keeping
 * member order and number text (unless `keepText`), and exactly the bytes of
 * `base64url(header) '.' base64url(payload)` are signed. With `syncHeader`, the header's `alg` (added
 * as the first member when missing) and `kid` (from the key) are edited in the text, other members
 * untouched. Short HMAC secrets and a header `alg` that disagrees with `alg` give warnings, not
 * errors. A header with `"b64": false` listed in `crit` (RFC 7797) signs the payload unencoded: the
 * payload text itself is the second segment (it may not contain '.'). Never throws.
 */
export async function signToken(input: SignInput): Promise<Result<SignedToken, SignErrorCode>> {
  const headerResult = prepareHeader(input)
  if (!headerResult.ok) return headerResult
  const warnings: string[] = [...headerResult.value.warnings]
  const header = headerResult.value.text

  let payload = input.payload
  const parsedPayload = parseJsonText(payload)
  const payloadError = parsedPayload.errors[0]
  if (payloadError === undefined) {
    if (!input.keepText) payload = (compactJson(payload) as { ok: true; value: string }).value
    warnings.push(...duplicateWarnings('payload', parsedPayload.duplicates))
  } else if (/^\s*[[{]/.test(payload.slice(0, 64))) {
    warnings.push(`The payload is not valid JSON (${describeJsonError(payloadError).replace(/\.$/, '')}), so it was signed as plain text.`)
  }

  const headerValue = parseJsonText(header).value
  const unencoded = isJsonObject(headerValue) && isUnencodedPayload(headerValue)
  if (unencoded && payload.includes('.')) {
    return err('PAYLOAD_HAS_DOT', 'The header says the payload is unencoded ("b64": false), but the payload contains \'.\', which the compact form cannot carry (RFC 7797 §5.2). Remove the dots from the payload, or remove "b64" and "crit" from the header.')
  }
  const signingInput = `${base64urlEncode(header)}.${unencoded ? payload : base64urlEncode(payload)}`
  const signature = await signSigningInput(signingInput, input.alg, input.key)
  if (!signature.ok) return signature
  warnings.push(...signature.value.warnings)
  return ok({ token: `${signingInput}.${signature.value.signature}`, header, payload, warnings })
}

/**
 * Signs a JWS signing input (`base64url(header).base64url(payload)`, as ASCII) and returns the
 * base64url signature: HS* (HMAC), RS* (RSASSA-PKCS1-v1_5), PS* (RSA-PSS, salt length = hash
 * length), ES* (ECDSA, raw R‖S as JWS requires), EdDSA/Ed25519, and `none` (empty signature). The
 * key must fit the algorithm (see `importForAlgorithm`). Never throws.
 */
export async function signSigningInput(
  signingInput: string,
  alg: JwsAlgorithm,
  key: ParsedKey | null,
): Promise<Result<{ readonly signature: string; readonly warnings: readonly string[] }, SignErrorCode>> {
  const warnings: string[] = []
  if (alg === 'none') {
    if (key !== null) warnings.push('The algorithm is "none", so the key was not used and the token has no signature.')
    return ok({ signature: '', warnings })
  }
  const spec = algorithmSpec(alg)
  if (key === null || spec === undefined) {
    return err('NO_SIGNING_KEY', `Signing with ${alg} needs a key: ${spec?.signKeyHint ?? UNKNOWN_KEY_HINT}`)
  }
  const imported = await importForAlgorithm(key, alg, 'sign')
  if (!imported.ok) return imported
  if (spec.kty === 'oct') {
    const hashBits = (spec.hashBytes as number) * 8
    const bits = (key.secret?.byteLength ?? key.bits / 8) * 8
    if (bits < hashBits) {
      warnings.push(`The HMAC secret is ${bits} bits (${bits / 8} bytes), shorter than the ${hashBits} bits ${spec.rfc} requires for ${alg}; short secrets can be brute-forced. Use a random secret of at least ${hashBits / 8} bytes.`)
    }
  }
  try {
    const bytes = await spec.implementation.sign(imported.value, ENCODER.encode(signingInput))
    return ok({ signature: base64urlEncode(bytes), warnings })
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    return err('SIGN_FAILED', `Signing with ${alg} failed: ${detail}. Check that the key is complete and matches the algorithm.`)
  }
}

/** What the signer asks for when the algorithm is unknown (a hand-built input; typed callers cannot reach it). */
const UNKNOWN_KEY_HINT = 'paste an RSA private key (PEM or JWK), or generate one.'

function prepareHeader(input: SignInput): Result<{ text: string; warnings: string[] }, SignErrorCode> {
  const parsed = parseJsonText(input.header)
  const first = parsed.errors[0]
  if (first !== undefined) {
    return err('HEADER_NOT_JSON', `The header is not valid JSON: ${describeJsonError(first)} Fix the header before signing.`)
  }
  const value = parsed.value
  if (!isJsonObject(value)) {
    return err('HEADER_NOT_OBJECT', 'The header must be a JSON object, such as {"alg":"HS256","typ":"JWT"}.')
  }
  const warnings: string[] = []
  let text = input.keepText ? input.header : (compactJson(input.header) as { ok: true; value: string }).value
  if (input.syncHeader) {
    text = setMember(text, 'alg', JSON.stringify(input.alg), 'first')
    const kid = input.key?.kid
    if (kid !== undefined && input.alg !== 'none') text = setMember(text, 'kid', JSON.stringify(kid), 'last')
  } else {
    const alg = value['alg']
    if (alg !== input.alg) {
      const shown = typeof alg === 'string' ? `"${alg}"` : 'missing'
      warnings.push(`The header's "alg" is ${shown}, but the token is signed with ${input.alg}; verifiers go by the header, so it will not verify.`)
    }
  }
  warnings.push(...duplicateWarnings('header', parsed.duplicates))
  return ok({ text, warnings })
}

/** Repeated member names warned about one by one; a crafted text may repeat 100,000. */
const MAX_DUPLICATE_WARNINGS = 20

function duplicateWarnings(part: 'header' | 'payload', duplicates: readonly { readonly name: string }[]): string[] {
  const out = duplicates.slice(0, MAX_DUPLICATE_WARNINGS).map((dup) => `The ${part} has the member "${dup.name}" more than once; verifiers disagree on which value wins.`)
  if (duplicates.length > MAX_DUPLICATE_WARNINGS) out.push(`The ${part} repeats ${duplicates.length - MAX_DUPLICATE_WARNINGS} more member names.`)
  return out
}

/**
 * Sets a top-level member of a JSON object text by editing the text: every occurrence's value is
 * replaced, or the member is inserted as the first or last member. Other text stays byte-identical.
 */
function setMember(text: string, name: string, valueJson: string, where: 'first' | 'last'): string {
  const members: readonly JsonMember[] = parseJsonText(text).members
  const matches = members.filter((m) => m.name === name)
  if (matches.length > 0) {
    // One pass: slicing the whole text once per repeated member would be quadratic on a crafted header.
    const parts: string[] = []
    let from = 0
    for (const m of matches) {
      parts.push(text.slice(from, m.valueStart), valueJson)
      from = m.valueEnd
    }
    parts.push(text.slice(from))
    return parts.join('')
  }
  const member = `${JSON.stringify(name)}:${valueJson}`
  if (where === 'first') {
    const open = text.indexOf('{')
    return text.slice(0, open + 1) + member + (members.length > 0 ? ',' : '') + text.slice(open + 1)
  }
  const last = members[members.length - 1]
  if (last !== undefined) return `${text.slice(0, last.end)},${member}${text.slice(last.end)}`
  const close = text.lastIndexOf('}')
  return text.slice(0, close) + member + text.slice(close)
}
