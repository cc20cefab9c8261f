/**
 * The JWE algorithms of RFC 7518 §4–5 this tool decrypts: how each key management algorithm obtains
 * the content encryption key (CEK), and the sizes each content encryption algorithm expects.
 */

/** How a key management algorithm obtains the CEK (RFC 7516 §2, "Key Management Mode"). */
export type KeyManagementMode = 'key-encryption' | 'key-wrapping' | 'gcm-key-wrapping' | 'direct-agreement' | 'agreement-wrapping' | 'direct' | 'password'

/** One key management algorithm. */
export interface KeyManagementSpec {
  readonly mode: KeyManagementMode
  /** What key it needs, as a phrase for messages ("an RSA private key"). */
  readonly needs: string
  /** The key-wrapping key size in bits (AES-KW, AES-GCMKW, the KW of ECDH-ES+AxKW and PBES2). */
  readonly wrapBits?: number
  /** The hash of RSA-OAEP or of PBES2's PBKDF2. */
  readonly hash?: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'
}

const RSA = 'an RSA private key (PEM "PRIVATE KEY" or "RSA PRIVATE KEY", or a private RSA JWK with "d")'
const ECDH = 'the recipient\'s private key for key agreement: an EC private key on the curve of "epk" (P-256, P-384 or P-521) or an X25519 private key (PEM or private JWK with "d")'

function aesKw(bits: number): KeyManagementSpec {
  return { mode: 'key-wrapping', needs: `a ${bits}-bit (${bits / 8}-byte) shared AES key`, wrapBits: bits }
}
function aesGcmKw(bits: number): KeyManagementSpec {
  return { mode: 'gcm-key-wrapping', needs: `a ${bits}-bit (${bits / 8}-byte) shared AES key`, wrapBits: bits }
}
function pbes2(hash: 'SHA-256' | 'SHA-384' | 'SHA-512', bits: number): KeyManagementSpec {
  return { mode: 'password', needs: 'a password (typed as text, used as UTF-8)', hash, wrapBits: bits }
}

/** Every registered key management algorithm except `RSA1_5`, which is refused (see {@link REFUSED_ALGORITHMS}). */
export const KEY_MANAGEMENT: Readonly<Record<string, KeyManagementSpec>> = {
  'RSA-OAEP': { mode: 'key-encryption', needs: RSA, hash: 'SHA-1' },
  'RSA-OAEP-256': { mode: 'key-encryption', needs: RSA, hash: 'SHA-256' },
  'RSA-OAEP-384': { mode: 'key-encryption', needs: RSA, hash: 'SHA-384' },
  'RSA-OAEP-512': { mode: 'key-encryption', needs: RSA, hash: 'SHA-512' },
  'ECDH-ES': { mode: 'direct-agreement', needs: ECDH },
  'ECDH-ES+A128KW': { mode: 'agreement-wrapping', needs: ECDH, wrapBits: 128 },
  'ECDH-ES+A192KW': { mode: 'agreement-wrapping', needs: ECDH, wrapBits: 192 },
  'ECDH-ES+A256KW': { mode: 'agreement-wrapping', needs: ECDH, wrapBits: 256 },
  A128KW: aesKw(128),
  A192KW: aesKw(192),
  A256KW: aesKw(256),
  A128GCMKW: aesGcmKw(128),
  A192GCMKW: aesGcmKw(192),
  A256GCMKW: aesGcmKw(256),
  dir: { mode: 'direct', needs: 'the shared content encryption key itself' },
  'PBES2-HS256+A128KW': pbes2('SHA-256', 128),
  'PBES2-HS384+A192KW': pbes2('SHA-384', 192),
  'PBES2-HS512+A256KW': pbes2('SHA-512', 256),
}

/** Registered algorithms refused on purpose, with the reason shown to the user. */
export const REFUSED_ALGORITHMS: Readonly<Record<string, string>> = {
  RSA1_5:
    'The key management algorithm is "RSA1_5" (RSAES-PKCS1-v1_5), which this tool refuses: its padding check is a Bleichenbacher padding oracle — a decrypter that reveals whether padding was valid lets an attacker recover the CEK with many crafted tokens — so RFC 8725 §3.2 says not to use it, and maintained JOSE libraries (jose v6 among them) no longer offer it. Ask the sender to encrypt with "RSA-OAEP-256" (or "RSA-OAEP") to the same RSA key.',
}

/** One content encryption algorithm (RFC 7518 §5). */
export interface ContentEncryptionSpec {
  readonly kind: 'gcm' | 'cbc-hmac'
  /** CEK length in bytes (for CBC-HMAC: MAC key and AES key together). */
  readonly cekBytes: number
  readonly ivBytes: number
  readonly tagBytes: number
  /** A short description for the steps. */
  readonly description: string
}

function gcm(bits: number): ContentEncryptionSpec {
  return { kind: 'gcm', cekBytes: bits / 8, ivBytes: 12, tagBytes: 16, description: `AES-${bits} in GCM mode: one operation decrypts and checks the 128-bit tag` }
}
function cbc(bits: number, hash: number): ContentEncryptionSpec {
  return {
    kind: 'cbc-hmac',
    cekBytes: (bits / 8) * 2,
    ivBytes: 16,
    tagBytes: bits / 8,
    description: `AES-${bits}-CBC with HMAC-SHA-${hash}: the first half of the CEK is the MAC key, the second half the AES key; the tag is the HMAC truncated to ${bits} bits`,
  }
}

/** Every registered content encryption algorithm. */
export const CONTENT_ENCRYPTION: Readonly<Record<string, ContentEncryptionSpec>> = {
  A128GCM: gcm(128),
  A192GCM: gcm(192),
  A256GCM: gcm(256),
  'A128CBC-HS256': cbc(128, 256),
  'A192CBC-HS384': cbc(192, 384),
  'A256CBC-HS512': cbc(256, 512),
}

/** The names in a table, quoted and joined for a message. */
export function nameList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ')
}

/** Own-property lookup (a header's "alg" may be "__proto__" or "constructor"). */
export function lookup<T>(table: Readonly<Record<string, T>>, name: unknown): T | undefined {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined
}
