/**
 * Algorithm rules: unsigned tokens (`alg: none` in any casing) and keys whose type does not fit
 * the token's algorithm (the basis of algorithm-confusion attacks).
 */
import type { ParsedKey } from '../types'
import type { Finding, LintRule } from './types'
import { headerObject, member, memberLocation, quote } from './token-parts'

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
  /** Plain description, e.g. "an EC key on P-256". */
  readonly text: string
}

/** The key type (and curve) an algorithm needs, or undefined for algorithms the lint does not know. */
export function keyNeedOf(alg: string): KeyNeed | undefined {
  if (/^HS(256|384|512)$/.test(alg)) return { kty: 'oct', text: 'an HMAC secret' }
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return { kty: 'RSA', text: 'an RSA key' }
  const curve = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[alg]
  if (curve !== undefined) return { kty: 'EC', curves: [curve], text: `an EC key on ${curve}` }
  if (alg === 'Ed25519') return { kty: 'OKP', curves: ['Ed25519'], text: 'an Ed25519 key' }
  if (alg === 'EdDSA') return { kty: 'OKP', curves: ['Ed25519', 'Ed448'], text: 'an Ed25519 or Ed448 key' }
  return undefined
}

function fits(key: ParsedKey, need: KeyNeed): boolean {
  return key.kty === need.kty && (need.curves === undefined || (key.crv !== undefined && need.curves.includes(key.crv)))
}

function describeKey(key: ParsedKey): string {
  if (key.kty === 'oct') return `an HMAC secret (${key.bits} bits)`
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
