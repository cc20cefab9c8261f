import { algorithmSpec, describeKey, signatureBytesFor } from '../keys'
import { base64urlEncode, signSigningInput, verifyToken } from '../token'
import type { DecodedSegment, DecodedToken, JwsAlgorithm, ParsedKey } from '../types'
import { clip, hex, hexInGroups, MAX_LISTED_BYTES, plural } from './format'
import type { ExplainStep, ExplainValue } from './types'

const ENCODER = new TextEncoder()

/** How the signature is computed for the token's algorithm, with the real hash of the signing input. */
export async function computationStep(alg: string | undefined, signingInput: string, key: ParsedKey | null): Promise<ExplainStep> {
  const id = 'signature-computation'
  if (alg === 'none') {
    return {
      id,
      title: 'No signature (alg "none")',
      explanation: 'The header says "none": this is an unsecured JWS (RFC 7515 §A.5). No key is used and the signature part is empty, so anyone can change the header or payload without it showing. Verifiers must reject such tokens unless they explicitly expect them.',
      values: [{ label: 'Algorithm', value: 'none' }],
    }
  }
  const spec = alg === undefined ? undefined : algorithmSpec(alg)
  if (spec === undefined) {
    return {
      id,
      title: 'Signature: unknown algorithm',
      explanation: alg === undefined
        ? 'The header has no "alg" string, so the token does not say how it was signed and the computation cannot be shown.'
        : `The header's "alg" is ${JSON.stringify(alg)}, which this app does not know, so the computation cannot be shown. Algorithm names are case-sensitive.`,
      values: [{ label: 'Algorithm', value: alg ?? '(missing)' }],
    }
  }
  const input = ENCODER.encode(signingInput)
  const bits = spec.hash?.slice(4)
  const values: ExplainValue[] = [{ label: 'Algorithm', value: spec.alg }]
  switch (spec.family) {
    case 'HS': {
      const need = spec.hashBytes as number
      const secret = key === null
        ? 'not given: paste the secret to recompute the signature'
        : key.kty !== 'oct' || key.secret === undefined
          ? `the key given is ${describeKey(key)}, not a shared secret`
          : `${plural(key.secret.length, 'byte')} (${key.secret.length * 8} bits)${key.secret.length < need ? `, shorter than the ${need} bytes ${spec.rfc} requires for ${spec.alg}` : ''}`
      values.push(
        { label: 'Formula', value: `HMAC-SHA-${bits}(secret, ASCII(signing input))`, mono: true },
        { label: 'Secret', value: secret },
        { label: 'Input', value: plural(input.length, 'byte') },
        { label: 'Output', value: plural(need, 'byte') },
      )
      return {
        id,
        title: `Signature: HMAC with SHA-${bits}`,
        explanation: `${spec.alg} is HMAC with SHA-${bits} (${spec.rfc}): the shared secret and the signing input go through SHA-${bits} twice (an inner and an outer keyed hash), giving a ${need}-byte tag. Whoever knows the secret can both make and check the tag, so it must stay on the servers and be long and random: at least ${need} bytes for ${spec.alg}.`,
        values,
      }
    }
    case 'Ed': {
      // EdDSA (RFC 8037) takes the curve of the key; without a key on one of its curves, Ed25519.
      const crv = spec.curves === undefined ? spec.crv : spec.curves.find((c) => c === key?.crv) ?? spec.crv
      const size = signatureBytesFor(spec, crv) as number
      const hash = crv === 'Ed448' ? 'SHAKE256' : 'SHA-512'
      values.push(
        { label: 'Formula', value: `${crv}-Sign(private key, ASCII(signing input))`, mono: true },
        { label: 'Input', value: `the ${plural(input.length, 'byte')} of the signing input itself (no separate hash)` },
        { label: 'Output', value: plural(size, 'byte') },
      )
      return {
        id,
        title: `Signature: EdDSA (${crv})`,
        explanation: `${spec.alg} signs with ${crv} (${spec.rfc}). Unlike the other algorithms it is given the signing input itself, not a hash of it: ${crv} hashes internally with ${hash} and derives its nonce from the key and the message, so the same key and input always give the same ${size}-byte signature.`,
        values,
      }
    }
    case 'ML-DSA': {
      const size = spec.signatureBytes as number
      const publicKey = spec.publicKeyBytes as number
      values.push(
        { label: 'Formula', value: `${spec.alg}.Sign(private key, ASCII(signing input), context "")`, mono: true },
        { label: 'Input', value: `the ${plural(input.length, 'byte')} of the signing input itself (ML-DSA hashes it with SHAKE256 inside)` },
        { label: 'Output', value: `${size.toLocaleString('en')} bytes (${Math.ceil((size * 4) / 3).toLocaleString('en')} base64url characters)` },
        { label: 'Public key', value: `${publicKey.toLocaleString('en')} bytes` },
      )
      return {
        id,
        title: `Signature: ${spec.alg} (post-quantum, lattice-based)`,
        explanation:
          `${spec.alg} is ML-DSA, the module-lattice signature of FIPS 204 (NIST security category ${spec.securityCategory}), used in JOSE as RFC 9964 defines. ` +
          'It is built to withstand quantum computers, which would break RSA, ECDSA and EdDSA. Its name carries no hash: like EdDSA it is given the signing input itself and hashes with SHAKE256 inside. ' +
          `The price is size: a ${size.toLocaleString('en')}-byte signature — longer than most whole tokens — and a ${publicKey.toLocaleString('en')}-byte public key, where ES256 needs 64 and 65 bytes. ` +
          'Signing is hedged: fresh randomness goes into every signature, so two signatures of the same input differ and both verify.',
        values,
      }
    }
    default: {
      const digest = new Uint8Array(await crypto.subtle.digest(spec.hash as string, input))
      values.push({ label: `SHA-${bits}(signing input)`, value: hex(digest), mono: true })
      if (spec.family === 'RS') {
        const size = key !== null && key.kty === 'RSA' ? `${plural(Math.ceil(key.bits / 8), 'byte')} (the size of the ${key.bits}-bit modulus)` : 'the size of the RSA modulus (256 bytes for a 2048-bit key)'
        values.push({ label: 'Formula', value: `EMSA-PKCS1-v1_5(SHA-${bits}(input))^d mod n`, mono: true }, { label: 'Output', value: size })
        return {
          id,
          title: `Signature: RSASSA-PKCS1-v1_5 with SHA-${bits}`,
          explanation: `${spec.alg} is RSASSA-PKCS1-v1_5 with SHA-${bits} (${spec.rfc}). The signing input is hashed with SHA-${bits} (the value below). The hash is wrapped in a DigestInfo structure naming SHA-${bits}, padded to the key size as 00 01 FF…FF 00 (EMSA-PKCS1-v1_5), and raised to the private exponent d modulo n. Nothing is random, so the same key and input always give the same signature.`,
          values,
        }
      }
      if (spec.family === 'PS') {
        values.push({ label: 'Formula', value: `EMSA-PSS(SHA-${bits}(input), random ${spec.hashBytes}-byte salt)^d mod n`, mono: true })
        return {
          id,
          title: `Signature: RSASSA-PSS with SHA-${bits}`,
          explanation: `${spec.alg} is RSASSA-PSS with SHA-${bits} and MGF1 (${spec.rfc}). The hash below is combined with a random salt as long as the hash (${spec.hashBytes} bytes) and masked (EMSA-PSS) before the RSA operation. The salt makes every signature different, even for the same key and input, and all of them verify.`,
          values,
        }
      }
      const half = (spec.signatureBytes as number) / 2
      values.push(
        { label: 'Formula', value: `(r, s) = ECDSA-Sign(private key, SHA-${bits}(input), random k); signature = r ‖ s`, mono: true },
        { label: 'Output', value: `${spec.signatureBytes} bytes: r and s, ${half} bytes each` },
      )
      return {
        id,
        title: `Signature: ECDSA on ${spec.crv} with SHA-${bits}`,
        explanation: `${spec.alg} is ECDSA on curve ${spec.crv} with SHA-${bits} (${spec.rfc}). The hash below is signed with the private key and a fresh random number k, giving two numbers r and s of ${half} bytes each. JWS writes them side by side (r ‖ s, ${spec.signatureBytes} bytes), not in the DER form other systems use. Because k is random, every signature differs; reusing a k would reveal the private key.`,
        values,
      }
    }
  }
}

/** The token's signature bytes in hex (split into r and s for ECDSA). */
export function signatureBytesStep(alg: string | undefined, signature: DecodedSegment): ExplainStep {
  const id = 'signature-bytes'
  const bytes = signature.bytes
  if (bytes === null) {
    return { id, title: 'Signature bytes', explanation: 'The signature part is not valid base64url, so it has no bytes to show. The token was probably cut or changed while copying.', values: [{ label: 'Signature part', value: clip(signature.encoded), mono: true }] }
  }
  if (bytes.length === 0) {
    return { id, title: 'Signature bytes', explanation: alg === 'none' ? 'With "none" there is no signature: zero bytes.' : 'The signature part is empty: the token carries no signature at all, so it cannot be verified.', values: [{ label: 'Byte count', value: '0' }] }
  }
  const spec = alg === undefined ? undefined : algorithmSpec(alg)
  const values: ExplainValue[] = [
    { label: 'Bytes (hex, 3-byte groups)', value: hexInGroups(bytes), mono: true },
    { label: 'Byte count', value: String(bytes.length) },
  ]
  let extra = ''
  if (spec?.family === 'ES' && bytes.length === spec.signatureBytes) {
    const half = bytes.length / 2
    values.push({ label: 'r', value: hex(bytes.subarray(0, half)), mono: true }, { label: 's', value: hex(bytes.subarray(half)), mono: true })
    extra = ` The first ${half} bytes are r, the last ${half} are s.`
  }
  const shown = bytes.length > MAX_LISTED_BYTES ? ` Only the first ${MAX_LISTED_BYTES} bytes are listed.` : ''
  return { id, title: 'Signature bytes', explanation: `The result of the computation is ${plural(bytes.length, 'byte')} of binary data.${extra}${shown}`, values }
}

/**
 * Recomputes (deterministic algorithms, with a key able to sign) or verifies (randomised algorithms,
 * or only a public key) the token's signature with the given key.
 */
export async function recomputeStep(token: DecodedToken, signingInput: string, key: ParsedKey | null): Promise<ExplainStep> {
  const id = 'recompute'
  const title = 'Check with your key'
  const skip = (explanation: string): ExplainStep => ({ id, title, explanation, values: [], verdict: 'skip' })
  const alg = token.alg
  const spec = alg === undefined ? undefined : algorithmSpec(alg)
  if (spec === undefined) return skip(alg === 'none' ? 'There is no signature to recompute: the algorithm is "none".' : 'The algorithm is unknown, so the signature cannot be recomputed.')
  if (key === null) return skip('Paste the key (the secret, or a public or private key) to recompute or verify the signature here.')
  const bytes = token.signature?.bytes ?? null
  if (bytes === null) return skip('The signature part is not valid base64url, so there is nothing to compare with.')
  const inToken = base64urlEncode(bytes)

  const deterministic = spec.deterministic
  // HS* with a non-secret key goes this way too, so the algorithm-confusion refusal is shown.
  if (deterministic && (key.kind !== 'public' || spec.family === 'HS')) {
    const signed = await signSigningInput(signingInput, spec.alg as JwsAlgorithm, key)
    if (!signed.ok) return skip(`The key cannot be used for ${spec.alg}: ${signed.error.message}`)
    const same = signed.value.signature === inToken
    const what = spec.family === 'HS' ? 'HMAC' : spec.family === 'RS' ? 'RSASSA-PKCS1-v1_5' : (key.crv ?? 'EdDSA')
    return {
      id,
      title: 'Recompute the signature',
      explanation: same
        ? `${what} is deterministic: the same key and signing input always give the same bytes. The recomputed signature equals the token's, so the key is right and not a single character of the header or payload was changed.`
        : `${what} is deterministic, so with the right key the recomputed signature would equal the token's. It differs: either the key is not the one that signed the token, or the header or payload was changed after signing.`,
      values: [
        { label: 'Recomputed signature', value: clip(signed.value.signature), mono: true },
        { label: "Token's signature", value: clip(inToken), mono: true },
        { label: 'Result', value: same ? 'Equal' : 'Different' },
      ],
      verdict: same ? 'pass' : 'fail',
    }
  }

  const why = deterministic
    ? `Recomputing the ${spec.alg} signature needs the private key; with the public key given, the signature is verified instead.`
    : `${spec.alg} is randomised (${spec.family === 'PS' ? 'a random salt' : spec.family === 'ML-DSA' ? 'fresh randomness' : 'a random nonce k'} goes into every signature), so a recomputed signature would differ from the token's every time even with the right key. Instead, the token's signature is verified with the public key.`
  const verified = await verifyToken(token, { format: 'jwk', keys: [key], notes: [] })
  if (!verified.ok) return skip(`${why} That was not possible: ${verified.error.message}`)
  const { valid, reason } = verified.value
  return {
    id,
    title: 'Verify the signature',
    explanation: valid
      ? `${why} It verifies: the key matches and the header and payload are exactly what was signed.`
      : `${why} It does not verify: ${reason ?? 'the key does not match, or the token was changed after signing.'}`,
    values: [
      { label: 'Key', value: describeKey(key) },
      { label: 'Result', value: valid ? 'Signature verified' : 'Invalid signature' },
    ],
    verdict: valid ? 'pass' : 'fail',
  }
}
