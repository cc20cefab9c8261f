/**
 * A signature whose length no key could give for the header's algorithm, found without a key: the
 * verifier makes the same check once a key is given, but a cut-off or foreign signature is already
 * certain from the token alone.
 */
import { algorithmSpec, readTopSequence, TAG } from '../keys'

/** RFC 7518 §3.3 and §3.5: "A key of size 2048 bits or larger MUST be used". */
const MIN_RSA_BYTES = 256
/** 8192-bit keys are the largest RSA keys in practical use (and the largest most libraries accept). */
const MAX_RSA_BYTES = 1024
/** Keys under 1024 bits are refused outright; from there to 2047 bits the verifier still checks them. */
const WEAK_RSA_BYTES = 128
/** RFC 8032 signature sizes. */
const ED25519_BYTES = 64
const ED448_BYTES = 114

/**
 * Why a signature of `length` bytes cannot be a valid signature of `alg`, or undefined when the
 * length fits (or the algorithm is unknown). RSA signatures are as long as the key's modulus, so
 * only lengths outside 256–1024 bytes are certain; ECDSA, EdDSA and HMAC fix the length exactly.
 */
export function signatureLengthProblem(alg: string | undefined, bytes: Uint8Array): string | undefined {
  const spec = alg === undefined ? undefined : algorithmSpec(alg)
  if (spec === undefined || bytes.length === 0) return undefined
  const n = bytes.length
  const size = spec.signatureBytes
  const count = `${n} ${n === 1 ? 'byte' : 'bytes'}`
  switch (spec.family) {
    case 'RS':
    case 'PS': {
      const lead = `The signature is ${count}: ${article(spec.alg)} ${spec.alg} signature is as long as the RSA modulus, at least ${MIN_RSA_BYTES} bytes for a 2048-bit key (${spec.rfc} requires 2048 bits or more).`
      if (n < WEAK_RSA_BYTES) return `${lead} It was cut off while copying, or it was not made with ${spec.alg}.`
      if (n < MIN_RSA_BYTES) return `${lead} ${count} fits only a ${n * 8}-bit key, which strict verifiers refuse; or the signature was cut off.`
      if (n > MAX_RSA_BYTES) return `${lead} ${count} would need a ${n * 8}-bit key, far beyond the 8192-bit (${MAX_RSA_BYTES}-byte) keys that are the largest in use: something was appended to it, or it is not ${article(spec.alg)} ${spec.alg} signature.`
      return undefined
    }
    case 'ES':
      if (size === undefined || n === size) return undefined
      if (looksLikeDer(bytes)) {
        return `The ${spec.alg} signature is DER-encoded (an ASN.1 SEQUENCE of two INTEGERs, ${count}), but JWS needs the raw R||S (JOSE) form of exactly ${size} bytes. Re-sign with a JOSE library, or convert the signature to R||S (node:crypto: dsaEncoding "ieee-p1363").`
      }
      return `The signature is ${count}, but ${article(spec.alg)} ${spec.alg} signature is exactly ${size} bytes (R||S, ${size / 2} bytes each, ${spec.rfc}). It was cut off or made for another curve.`
    case 'Ed': {
      // An algorithm tied to one curve fixes the size; RFC 8037's EdDSA takes Ed25519 or Ed448 keys.
      if (size !== undefined) {
        if (n === size) return undefined
        return `The signature is ${count}, but ${article(spec.alg)} ${spec.alg} signature is exactly ${size} bytes (${spec.rfc}). It was cut off or changed.`
      }
      if (n === ED25519_BYTES || n === ED448_BYTES) return undefined
      return `The signature is ${count}, but ${article(spec.alg)} ${spec.alg} signature is exactly ${ED25519_BYTES} bytes with an Ed25519 key or ${ED448_BYTES} with an Ed448 key (${spec.rfc}). It was cut off or changed.`
    }
    case 'ML-DSA':
      if (size === undefined || n === size) return undefined
      return `The signature is ${count}, but ${article(spec.alg)} ${spec.alg} signature is exactly ${size} bytes (${spec.rfc}). It was cut off, or made with another ML-DSA parameter set.`
    case 'HS':
      if (size === undefined || n === size) return undefined
      return `The signature is ${count}, but ${article(spec.alg)} ${spec.alg} signature (HMAC with ${spec.hash ?? 'its hash'}) is exactly ${size} bytes. It was cut off or made with another algorithm.`
  }
  return undefined
}

/** "a PS256", "an RS256": the article as the name is read aloud. */
function article(alg: string): string {
  return alg.startsWith('P') ? 'a' : 'an'
}

/** A DER ECDSA-Sig-Value: SEQUENCE { INTEGER r, INTEGER s } filling the whole buffer. */
function looksLikeDer(sig: Uint8Array): boolean {
  if (sig[0] !== TAG.SEQUENCE) return false
  const parts = readTopSequence(sig)
  return parts !== undefined && parts.length === 2 && parts.every((p) => p.tag === TAG.INTEGER)
}
