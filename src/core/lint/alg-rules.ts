/**
 * Algorithm rules: unsigned tokens (`alg: none` in any casing), keys whose type does not fit
 * the token's algorithm (the basis of algorithm-confusion attacks), the deprecated polymorphic
 * `EdDSA`, and ES256K signatures that low-S verifiers refuse.
 */
import type { ParsedKey } from '../types'
import type { Finding, LintRule } from './types'
import { byteRangeLocation, headerObject, member, memberLocation, quote } from './token-parts'

/** `alg` none in any letter case: the token is unsigned. */
export const algNoneRule: LintRule = (token) => {
  const alg = member(headerObject(token), 'alg')
  if (typeof alg !== 'string' || alg.toLowerCase() !== 'none') return []
  const variant = alg !== 'none'
  const signed = (token.signature?.encoded.length ?? 0) > 0
  return [{
    id: 'alg-none',
    severity: 'critical',
    title: variant ? `Unsigned token: alg is ${quote(alg)}, a case variant of "none"` : 'Unsigned token: alg is "none"',
    explanation:
      `The header sets alg to ${quote(alg)}, so the token carries no signature and anyone can write one. ` +
      'A verifier that honours it accepts forged tokens.' +
      (variant ? ` Case variants such as ${quote(alg)} slip past blocklists that only compare with "none".` : '') +
      (signed ? ' The signature segment is not empty, which an unsecured JWT must have.' : ''),
    fix: 'Verify with an explicit allowlist of algorithms (for example ["RS256"]) that never includes "none", and never take the algorithm from the token.',
    reference: 'RFC 8725 §2.1 and §3.1; RFC 7518 §3.6',
    ...memberLocation(token, 'header', 'alg'),
  }]
}

interface KeyNeed {
  readonly kty: ParsedKey['kty']
  readonly curves?: readonly string[]
  /** The key's own `alg` that must match (AKP keys). */
  readonly alg?: string
  /** Plain description, e.g. "an EC key on P-256". */
  readonly text: string
}

/** The key type (and curve) an algorithm needs, or undefined for algorithms the lint does not know. */
export function keyNeedOf(alg: string): KeyNeed | undefined {
  if (/^HS(256|384|512)$/.test(alg)) return { kty: 'oct', text: 'an HMAC secret' }
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return { kty: 'RSA', text: 'an RSA key' }
  const curve = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[alg]
  if (curve !== undefined) return { kty: 'EC', curves: [curve], text: `an EC key on ${curve}` }
  if (alg === 'ES256K') return { kty: 'EC', curves: ['secp256k1'], text: 'an EC key on secp256k1' }
  if (alg === 'Ed25519') return { kty: 'OKP', curves: ['Ed25519'], text: 'an Ed25519 key' }
  if (alg === 'Ed448') return { kty: 'OKP', curves: ['Ed448'], text: 'an Ed448 key' }
  if (alg === 'EdDSA') return { kty: 'OKP', curves: ['Ed25519', 'Ed448'], text: 'an Ed25519 or Ed448 key' }
  // RFC 9964: an AKP key is bound to one ML-DSA parameter set by its own "alg".
  if (alg === 'ML-DSA-44' || alg === 'ML-DSA-65' || alg === 'ML-DSA-87') return { kty: 'AKP', alg, text: `an ${alg} (AKP) key` }
  return undefined
}

function fits(key: ParsedKey, need: KeyNeed): boolean {
  if (need.alg !== undefined && key.alg !== need.alg) return false
  return key.kty === need.kty && (need.curves === undefined || (key.crv !== undefined && need.curves.includes(key.crv)))
}

function describeKey(key: ParsedKey): string {
  if (key.kty === 'oct') return `an HMAC secret (${key.bits} bits)`
  if (key.kty === 'AKP') return `an ${key.alg ?? 'AKP'} ${key.kind} key`
  // "an RSA", "an EC", "an OKP": every asymmetric kty takes "an".
  const detail = key.crv !== undefined ? ` on ${key.crv}` : ` (${key.bits} bits)`
  return `an ${key.kty} ${key.kind} key${detail}`
}

/** The verification key(s) cannot serve the token's algorithm; HMAC with a public key is confusion. */
export const keyAlgMismatchRule: LintRule = (token, context) => {
  const keys = context.keys?.keys ?? []
  const alg = token.alg
  if (keys.length === 0 || alg === undefined) return []
  const need = keyNeedOf(alg)
  if (need === undefined || keys.some((key) => fits(key, need))) return []
  const given = keys.length === 1 && keys[0] !== undefined ? describeKey(keys[0]) : `${keys.length} keys, none of them ${need.text}`
  const location = memberLocation(token, 'header', 'alg')
  const asymmetric = keys.find((key) => key.kty !== 'oct')
  if (need.kty === 'oct' && asymmetric !== undefined) {
    const finding: Finding = {
      id: 'key-alg-confusion',
      severity: 'critical',
      title: `${alg} token checked with an asymmetric key: algorithm confusion`,
      explanation:
        `The token says ${alg} (HMAC), but the key given is ${given}. A verifier that hands this key to HMAC ` +
        'uses the public key bytes as the shared secret, and public keys are public: anyone can then forge tokens.',
      fix: 'Bind each key to one algorithm (the JWK "alg" member or the library\'s algorithms option) and reject tokens whose alg does not fit the key type.',
      reference: 'RFC 8725 §2.1 and §3.1; CVE-2015-9235',
      ...location,
    }
    return [finding]
  }
  return [{
    id: 'key-alg-mismatch',
    severity: 'medium',
    title: `Key type does not fit ${alg}`,
    explanation: `The token says ${alg}, which needs ${need.text}, but the key given is ${given}. The signature cannot be checked with this key.`,
    fix: `Verify with ${need.text}; if the token should use another algorithm, the issuer has to sign it with that algorithm.`,
    reference: 'RFC 7518 §3.1; RFC 8725 §3.1',
    ...location,
  }]
}

/** `EdDSA` names no curve: RFC 9864 deprecates it for the fully-specified `Ed25519` and `Ed448`. */
export const eddsaDeprecatedRule: LintRule = (token, context) => {
  if (token.alg !== 'EdDSA') return []
  const curve = context.keys?.keys.find((key) => key.kty === 'OKP' && (key.crv === 'Ed25519' || key.crv === 'Ed448'))?.crv
  const name = curve === undefined ? '"Ed25519" (or "Ed448" for an Ed448 key)' : `"${curve}", as the key given is ${curve}`
  return [{
    id: 'alg-eddsa-deprecated',
    severity: 'info',
    title: 'alg "EdDSA" is deprecated (RFC 9864)',
    explanation:
      'The header says "EdDSA", which names no curve: the key decides between Ed25519 and Ed448 (RFC 8037). ' +
      'RFC 9864 deprecates it in favour of the fully-specified "Ed25519" and "Ed448", so that an algorithm allowlist says exactly what it accepts. ' +
      'Verifiers still accept "EdDSA", and this token is checked as before.',
    fix: `Sign new tokens with alg ${name}; verifiers that move to the new names should accept "EdDSA" until the issuers have switched.`,
    reference: 'RFC 9864; RFC 8037 §3.1',
    ...memberLocation(token, 'header', 'alg'),
  }]
}

/** Half the order n of secp256k1 (SEC 2 §2.4.1): an s above it is "high-S". */
const SECP256K1_HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n

/** An ES256K signature with s > n/2: valid in JOSE, refused by verifiers that require low-S. */
export const es256kHighSRule: LintRule = (token) => {
  const signature = token.signature
  const bytes = signature?.bytes
  if (token.alg !== 'ES256K' || signature == null || bytes == null || bytes.length !== 64) return []
  let s = 0n
  for (let i = 32; i < 64; i++) s = s * 256n + BigInt(bytes[i] as number)
  // s ≥ n is no signature at all (it fails verification); only a valid s above n/2 is "high".
  if (s <= SECP256K1_HALF_ORDER || s > SECP256K1_HALF_ORDER * 2n) return []
  return [{
    id: 'es256k-high-s',
    severity: 'info',
    title: 'ES256K signature with a high S (not low-S normalised)',
    explanation:
      "The signature's s is above half the curve order n. JOSE does not require low-S (RFC 8812), so the signature is checked here as usual and OpenSSL-based " +
      'verifiers accept it; but verifiers that require low-S, as Bitcoin\'s libsecp256k1 and atproto do, reject it. ' +
      'Whenever (r, s) is valid, (r, n − s) is valid too, so a signature can be changed without the key (malleability).',
    fix: 'Signers: normalise s to the lower half (s ≤ n/2), as most secp256k1 libraries do by default. Verifiers: never treat a signature as a unique identifier of the token.',
    reference: 'RFC 8812 §3.2; BIP 62 (low S values)',
    ...byteRangeLocation('signature', signature.start, signature.encoded.length, 32, 64),
  }]
}
