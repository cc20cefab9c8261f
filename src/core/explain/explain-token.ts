import { err, ok, type Result } from '../result'
import type { DecodedToken, ParsedKey } from '../types'
import { base64Step, partSteps } from './encoding-steps'
import { clip, plural } from './format'
import { jweSteps } from './jwe-steps'
import { sdJwtSteps } from './sd-jwt-steps'
import { computationStep, recomputeStep, signatureBytesStep } from './signature-steps'
import type { ExplainStep } from './types'

/** Error codes of {@link explainToken}. */
export type ExplainErrorCode = 'EXPLAIN_JWE' | 'EXPLAIN_NOT_JWS' | 'EXPLAIN_UNDECODABLE' | 'EXPLAIN_FAILED'

/**
 * A step-by-step walkthrough of how a signed token (JWS) is built, with its real values:
 * header JSON → UTF-8 bytes (hex in 3-byte groups) → base64url (each 3-byte group's 4 characters and
 * why there is no `=` padding) → the same for the payload → the exact signing input → how the
 * token's algorithm computes the signature (HMAC with the secret's length; the SHA-2 hash of the
 * signing input for RSA and ECDSA; the input itself for EdDSA) → signature bytes → base64url → the
 * token. With a key, a last step recomputes the signature (HMAC, RSASSA-PKCS1-v1_5 and Ed25519 are
 * deterministic, given a secret or private key) and says whether it equals the token's, or verifies
 * it (PSS and ECDSA are randomised, or only a public key was given).
 *
 * Listings are capped (about 400 bytes of hex, 24 groups, 2000 characters per value) and say so, so
 * even a megabyte token gives a small result. Never throws.
 */
export async function explainToken(token: DecodedToken, key: ParsedKey | null): Promise<Result<ExplainStep[], ExplainErrorCode>> {
  try {
    return await explain(token, key)
  } catch (cause) {
    return err('EXPLAIN_FAILED', `The walkthrough could not be built: ${cause instanceof Error ? cause.message : String(cause)}.`)
  }
}

async function explain(token: DecodedToken, key: ParsedKey | null): Promise<Result<ExplainStep[], ExplainErrorCode>> {
  if (token.kind === 'jwe') {
    const steps = jweSteps(token)
    return steps === undefined
      ? err('EXPLAIN_JWE', 'This encrypted token (JWE) has no readable protected header or not five parts, so its structure cannot be shown. Copy the token again, completely.')
      : ok(steps)
  }
  const { header, payload, signature } = token
  if (token.kind !== 'jws' || header === null || payload === null || signature === null) {
    return err('EXPLAIN_NOT_JWS', 'The walkthrough needs a signed token of three parts separated by dots (header.payload.signature). Paste a complete token.')
  }
  if (header.bytes === null || payload.bytes === null) {
    return err('EXPLAIN_UNDECODABLE', `The ${header.bytes === null ? 'header' : 'payload'} is not base64url, so there are no bytes to explain. Copy the token again, completely.`)
  }
  const signingInput = `${header.encoded}.${payload.encoded}`
  const steps: ExplainStep[] = [
    ...partSteps('header', header, header.bytes),
    ...partSteps('payload', payload, payload.bytes),
    {
      id: 'signing-input',
      title: 'The signing input',
      explanation: `The signature covers exactly this ASCII text: the base64url header, a dot, and the base64url payload (RFC 7515 §5.1). Not the JSON, not a re-encoding: these ${plural(signingInput.length, 'character')}. Changing any of them, even one whitespace character inside the JSON, changes what is signed.`,
      values: [
        { label: 'Signing input', value: clip(signingInput), mono: true },
        { label: 'Length', value: `${plural(signingInput.length, 'character')} (${header.encoded.length} + 1 + ${payload.encoded.length})` },
      ],
    },
    await computationStep(token.alg, signingInput, key),
    signatureBytesStep(token.alg, signature),
  ]
  if (signature.bytes !== null) steps.push(base64Step('signature', signature, signature.bytes))
  steps.push({
    id: 'token',
    title: 'The token',
    explanation: `The compact serialisation (RFC 7515 §7.1) is the signing input, a dot, and the base64url signature: ${plural(token.token.length, 'character')} in all. Anyone can decode the first two parts (base64url is an encoding, not encryption), so a JWS must never carry secrets in its header or payload.`,
    values: [
      { label: 'Token', value: clip(token.token), mono: true },
      { label: 'Parts', value: `header ${header.encoded.length} + payload ${payload.encoded.length} + signature ${signature.encoded.length} characters, joined by two dots` },
    ],
  })
  steps.push(await recomputeStep(token, signingInput, key))
  // An SD-JWT is its issuer-signed JWT (the steps above) plus disclosures and maybe a KB-JWT.
  if (token.sdJwt !== undefined) steps.push(...((await sdJwtSteps(token)) ?? []))
  return ok(steps)
}
