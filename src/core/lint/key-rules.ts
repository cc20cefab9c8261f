/**
 * Key strength rules: RSA moduli under 2048 bits, in the verification keys or in a `jwk` embedded
 * in the header.
 */
import type { Finding, LintRule } from './types'
import { base64urlDecode } from '../token'
import { asObject, headerObject, member, memberLocation } from './token-parts'

/** The minimum RSA modulus size of RFC 7518 §3.3 and §3.5. */
export const MIN_RSA_BITS = 2048

/** Bit length of a big-endian unsigned integer (leading zero bytes ignored). */
export function bitLength(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length && bytes[i] === 0) i++
  if (i === bytes.length) return 0
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i] ?? 0))
}

function weakRsa(bits: number, whose: string, extra: Partial<Finding>): Finding {
  return {
    id: 'weak-rsa-key',
    severity: 'high',
    title: `RSA key under ${MIN_RSA_BITS} bits (${bits} bits)`,
    explanation:
      `${whose} has a ${bits}-bit modulus. RSA keys this short can be factored with enough computing power (512-bit keys in hours ` +
      'on rented servers); whoever factors it can sign any token.',
    fix: `Use RSA keys of at least ${MIN_RSA_BITS} bits (3072 for use beyond 2030), or switch to ES256 or Ed25519.`,
    reference: 'RFC 7518 §3.3 and §3.5; NIST SP 800-57 Part 1 §5.6.1',
    ...extra,
  }
}

/** RSA keys shorter than 2048 bits. */
export const weakRsaKeyRule: LintRule = (token, context) => {
  const findings: Finding[] = []
  const keys = context.keys?.keys ?? []
  keys.forEach((key, index) => {
    if (key.kty !== 'RSA' || key.bits >= MIN_RSA_BITS) return
    const whose = keys.length === 1 ? 'The verification key' : `Key ${index + 1} of the key set${key.kid !== undefined ? ` (kid ${JSON.stringify(key.kid)})` : ''}`
    findings.push(weakRsa(key.bits, whose, {}))
  })
  const jwk = asObject(member(headerObject(token), 'jwk'))
  const n = member(jwk, 'n')
  if (member(jwk, 'kty') === 'RSA' && typeof n === 'string') {
    const modulus = base64urlDecode(n)
    const bits = modulus === undefined ? 0 : bitLength(modulus)
    if (bits > 0 && bits < MIN_RSA_BITS) findings.push(weakRsa(bits, 'The RSA key embedded in the header (jwk)', memberLocation(token, 'header', 'jwk')))
  }
  return findings
}
