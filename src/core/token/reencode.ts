import { err, ok, type Result } from '../result'
import type { DecodedToken, JwsAlgorithm, SecretEncoding } from '../types'
import { algorithmSpec, parseKey } from '../keys'
import { base64urlEncode } from './base64url-codec'
import { compactJson } from './json'
import { signToken } from './sign'

/** What to re-encode: the current token and the editors' texts (undefined when a pane is untouched). */
export interface ReencodeInput {
  readonly decoded: DecodedToken
  readonly headerText: string | undefined
  readonly payloadText: string | undefined
  /** False when the payload is plain text (not JSON): it is then encoded as typed. */
  readonly payloadIsJson: boolean
  readonly signingKey: string
  readonly signingEncoding: SecretEncoding
  readonly algorithm: JwsAlgorithm
}

/** A re-encoded token. */
export interface ReencodedToken {
  readonly token: string
  /** True when the old signature was kept (no usable signing key). */
  readonly stale: boolean
  /** Why signing was not possible although a key was given, or warnings of a successful signing. */
  readonly notes: readonly string[]
}

/** Error codes of {@link reencodeToken}: which pane holds JSON that is not valid. */
export type ReencodeErrorCode = 'HEADER_INVALID_JSON' | 'PAYLOAD_INVALID_JSON'

function isSigningAlgorithm(alg: string | undefined): alg is JwsAlgorithm {
  return alg !== undefined && (alg === 'none' || algorithmSpec(alg) !== undefined)
}

/**
 * Builds the token for edited header/payload texts. Edited JSON is compacted (member order and number
 * text kept); untouched parts keep their encoded text. With a signing key the token is signed with the
 * header's `alg` (or the chosen algorithm when the header has none usable); without one, the old
 * signature is kept and the result is marked stale. Invalid JSON stops re-encoding; the error code
 * names the pane.
 */
export async function reencodeToken(input: ReencodeInput): Promise<Result<ReencodedToken, ReencodeErrorCode>> {
  const { decoded } = input
  let header: string | undefined
  let payload: string | undefined
  if (input.headerText !== undefined) {
    const compact = compactJson(input.headerText)
    if (!compact.ok) return err('HEADER_INVALID_JSON', compact.error.message.replace('The JSON', 'The header JSON'))
    header = compact.value
  }
  if (input.payloadText !== undefined) {
    if (input.payloadIsJson) {
      const compact = compactJson(input.payloadText)
      if (!compact.ok) return err('PAYLOAD_INVALID_JSON', compact.error.message.replace('The JSON', 'The payload JSON'))
      payload = compact.value
    } else {
      payload = input.payloadText
    }
  }

  const notes: string[] = []
  if (input.signingKey.trim() !== '') {
    const headerSource = header ?? decoded.header?.text ?? '{}'
    const payloadSource = payload ?? decoded.payload?.text
    const headerAlg = decoded.alg
    let alg: JwsAlgorithm = input.algorithm
    if (input.headerText === undefined && isSigningAlgorithm(headerAlg)) alg = headerAlg
    else if (input.headerText !== undefined) {
      const typed = /"alg"\s*:\s*"([^"]*)"/.exec(header ?? '')?.[1]
      if (isSigningAlgorithm(typed)) alg = typed
    }
    if (payloadSource !== undefined && payloadSource !== null) {
      const parsed = await parseKey(input.signingKey, { encoding: input.signingEncoding })
      if (!parsed.ok) notes.push(`Not re-signed: ${parsed.error.message}`)
      else {
        const key = parsed.value.keys.find((k) => k.kind !== 'public') ?? null
        if (key === null && alg !== 'none') notes.push('Not re-signed: the signing key is a public key; signing needs the private key or the secret.')
        else {
          const signed = await signToken({ header: headerSource, payload: payloadSource, alg, key, syncHeader: true })
          if (signed.ok) return ok({ token: signed.value.token, stale: false, notes: signed.value.warnings })
          notes.push(`Not re-signed: ${signed.error.message}`)
        }
      }
    }
  }

  const headerSegment = header !== undefined ? base64urlEncode(header) : (decoded.header?.encoded ?? '')
  const payloadSegment = payload !== undefined ? base64urlEncode(payload) : (decoded.payload?.encoded ?? '')
  const signature = decoded.signature?.encoded ?? ''
  return ok({ token: `${headerSegment}.${payloadSegment}.${signature}`, stale: true, notes })
}
