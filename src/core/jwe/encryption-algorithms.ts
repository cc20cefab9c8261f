/**
 * The JWE algorithms of RFC 7518 §4 (key management) and §5 (content encryption) that JWT Lab
 * encrypts with, and what key each one needs.
 */

/** Key management algorithms (`alg`) offered for encryption, in the order the UI lists them. */
export const KEY_MANAGEMENT_ALGORITHMS = [
  'RSA-OAEP',
  'RSA-OAEP-256',
  'RSA-OAEP-384',
  'RSA-OAEP-512',
  'ECDH-ES',
  'ECDH-ES+A128KW',
  'ECDH-ES+A192KW',
  'ECDH-ES+A256KW',
  'A128KW',
  'A192KW',
  'A256KW',
  'A128GCMKW',
  'A192GCMKW',
  'A256GCMKW',
  'dir',
  'PBES2-HS256+A128KW',
  'PBES2-HS384+A192KW',
  'PBES2-HS512+A256KW',
] as const

/** A key management algorithm JWT Lab encrypts with. */
export type KeyManagementAlgorithm = (typeof KEY_MANAGEMENT_ALGORITHMS)[number]

/** Content encryption algorithms (`enc`), in the order the UI lists them. */
export const CONTENT_ENCRYPTION_ALGORITHMS = ['A128GCM', 'A192GCM', 'A256GCM', 'A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512'] as const

/** A content encryption algorithm. */
export type ContentEncryptionAlgorithm = (typeof CONTENT_ENCRYPTION_ALGORITHMS)[number]

/** The curves ECDH-ES works on (RFC 7518 §4.6, RFC 8037 §3.2). */
export const ECDH_CURVES = ['P-256', 'P-384', 'P-521', 'X25519'] as const

/** A curve for ECDH-ES. */
export type EcdhCurve = (typeof ECDH_CURVES)[number]

/** What kind of key an algorithm needs from the user. */
export type KeyManagementFamily = 'rsa' | 'ecdh' | 'aes-kw' | 'aes-gcm-kw' | 'dir' | 'pbes2'

/** The family of a key management algorithm, or undefined for anything else. */
export function keyManagementFamily(alg: string): KeyManagementFamily | undefined {
  if (!isKeyManagementAlgorithm(alg)) return undefined
  if (alg.startsWith('RSA-OAEP')) return 'rsa'
  if (alg.startsWith('ECDH-ES')) return 'ecdh'
  if (alg.startsWith('PBES2')) return 'pbes2'
  if (alg === 'dir') return 'dir'
  return alg.endsWith('GCMKW') ? 'aes-gcm-kw' : 'aes-kw'
}

/** Whether `alg` is one of {@link KEY_MANAGEMENT_ALGORITHMS}. */
export function isKeyManagementAlgorithm(alg: string): alg is KeyManagementAlgorithm {
  return (KEY_MANAGEMENT_ALGORITHMS as readonly string[]).includes(alg)
}

/** Whether `enc` is one of {@link CONTENT_ENCRYPTION_ALGORITHMS}. */
export function isContentEncryptionAlgorithm(enc: string): enc is ContentEncryptionAlgorithm {
  return (CONTENT_ENCRYPTION_ALGORITHMS as readonly string[]).includes(enc)
}

/**
 * The content encryption key size of `enc` in bytes: the AES key for GCM, the MAC key and the AES
 * key together for CBC-HMAC (RFC 7518 §5.2.2.1: A128CBC-HS256 takes 32 bytes). A `dir` key must be
 * exactly this long.
 */
export function cekBytes(enc: ContentEncryptionAlgorithm): number {
  const bits = Number(enc.slice(1, 4))
  return enc.includes('CBC') ? (bits / 8) * 2 : bits / 8
}

/** The AES key size in bytes of an AES key-wrap algorithm (`A128KW`, `A256GCMKW`): what its shared key must be. */
export function wrapKeyBytes(alg: 'A128KW' | 'A192KW' | 'A256KW' | 'A128GCMKW' | 'A192GCMKW' | 'A256GCMKW'): number {
  return Number(alg.slice(1, 4)) / 8
}
