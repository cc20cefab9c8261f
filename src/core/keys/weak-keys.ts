/**
 * Public keys that no verifier may trust: with them a signature can be forged without the private
 * key, or the key is too small to mean anything. WebCrypto does not refuse them everywhere (Node's
 * accepts RSA e = 1 and Ed25519 small-order points, Chromium accepts small-order points), so the
 * core refuses them itself, in every engine.
 */

/**
 * Ed25519 point encodings of small order (the eight torsion points, in canonical form and with
 * y + p where that still fits, RFC 8032 §5.1.3), with the x-sign bit cleared. With such a public
 * key a signature of R = identity and S = 0 verifies every message (libsodium blocklists the same).
 */
const SMALL_ORDER_ED25519: readonly string[] = [
  '0100000000000000000000000000000000000000000000000000000000000000', // identity (order 1)
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p − 1 (order 2)
  '0000000000000000000000000000000000000000000000000000000000000000', // y = 0 (order 4)
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', // order 8
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05', // order 8
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p, non-canonical 0 (order 4)
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p + 1, non-canonical 1 (order 1)
]

/** The smallest RSA modulus accepted for verification; under 2048 bits the lint still flags it. */
export const MIN_RSA_VERIFY_BITS = 1024

/** Whether 32 bytes encode an Ed25519 point of small order (any sign bit, canonical or not). */
function isSmallOrderEd25519(x: Uint8Array): boolean {
  if (x.length !== 32) return false
  let hex = ''
  for (let i = 0; i < 32; i++) hex += ((i === 31 ? (x[i] as number) & 0x7f : (x[i] as number))).toString(16).padStart(2, '0')
  return SMALL_ORDER_ED25519.includes(hex)
}

/**
 * Why an RSA public exponent (big-endian bytes) is degenerate, or undefined when it is usable.
 * e = 1 makes every padded message its own signature; an even e is not a valid RSA exponent.
 */
export function rsaExponentProblem(e: Uint8Array): string | undefined {
  let start = 0
  while (start < e.length && e[start] === 0) start++
  const significant = e.length - start
  const last = e.length === 0 ? 0 : (e[e.length - 1] as number)
  const value = significant === 0 ? 0 : significant === 1 ? last : Infinity
  if (value < 3) {
    return `its public exponent e is ${value}, so anyone can forge signatures without the private key (with e = 1 a padded message is its own signature)`
  }
  if ((last & 1) === 0) return `its public exponent e is even${Number.isFinite(value) ? ` (${value})` : ''}, which no valid RSA key has`
  return undefined
}

/** Why an RSA modulus (big-endian bytes) is degenerate: an even n has the factor 2, so it factors at once. */
export function rsaModulusProblem(n: Uint8Array): string | undefined {
  const last = n.length === 0 ? 0 : (n[n.length - 1] as number)
  return (last & 1) === 0 ? 'its modulus n is even, so it factors at once and anyone can forge signatures' : undefined
}

/** The problem of an Ed25519 public key, or undefined when it may be used. */
export function ed25519KeyProblem(x: Uint8Array): string | undefined {
  return isSmallOrderEd25519(x)
    ? 'its public key is a small-order point (such as the identity), for which a signature with R = identity and S = 0 verifies any payload'
    : undefined
}
