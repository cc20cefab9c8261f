/**
 * JWE encryption (RFC 7516): wraps a payload — often the current signed token, giving a nested JWT —
 * for a recipient's public key, a shared key or a password, in any of the three serializations.
 * jose does the cryptography; this module reads the user's key and options and says what is wrong.
 */
import { CompactEncrypt, FlattenedEncrypt, GeneralEncrypt, type CompactJWEHeaderParameters, type JWEHeaderParameters } from 'jose'
import type { JsonObject } from '../json-object'
import { jweSharedKeyFindings } from '../lint/jwe-rules'
import type { Finding } from '../lint/types'
import { err, ok, type Result } from '../result'
import type { SecretEncoding } from '../types'
import {
  CONTENT_ENCRYPTION_ALGORITHMS,
  KEY_MANAGEMENT_ALGORITHMS,
  isContentEncryptionAlgorithm,
  isKeyManagementAlgorithm,
  keyManagementFamily,
} from './encryption-algorithms'
import { readRecipientKey, type RecipientKeyErrorCode } from './recipient-key'
import type { JweSerialization } from './types'

/**
 * The PBES2 iteration count used unless the caller sets `p2c`: jose's own default, above RFC 7518
 * §4.8.1.2's minimum of 1,000. Not OWASP's 600,000 for stored passwords: since the p2c denial of
 * service (CVE-2022-36083 and its kin) receivers cap the count they accept — jose and erlang-jose
 * at 10,000, jwcrypto at 16,384, latchset jose at 32,768 — so a token made with 600,000 is refused
 * by most of them before any decryption. The password's entropy is what protects a PBES2 token;
 * the user can raise `p2c` for a receiver that accepts more.
 */
export const DEFAULT_PBES2_COUNT = 2048

/**
 * The highest `p2c` accepted for encryption: deriving with it takes the sender about as long as
 * each receiver, so larger counts only hang the page.
 */
export const MAX_ENCRYPT_PBES2_COUNT = 10_000_000

/** What {@link encryptJwe} encrypts, and for whom. */
export interface JweEncryptInput {
  /** The payload: text (UTF-8) or bytes. A compact JWS/JWE here makes a nested JWT. */
  readonly plaintext: string | Uint8Array
  /** Key management algorithm (RFC 7518 §4). `RSA1_5` is refused. */
  readonly alg: string
  /** Content encryption algorithm (RFC 7518 §5). */
  readonly enc: string
  /** Recipient public key (PEM/JWK/JWKS), shared key (text or `oct` JWK) or PBES2 password. */
  readonly keyText: string
  /** How a shared key typed as text turns into bytes (a PBES2 password is always UTF-8). */
  readonly encoding: SecretEncoding
  readonly serialization: JweSerialization
  /** Content type; `JWT` is set by default when the plaintext is a compact JWS or JWE. */
  readonly cty?: string
  /** Key id for the header; defaults to the recipient key's own `kid`, if it has one. */
  readonly kid?: string
  /** Compress the plaintext with DEFLATE before encrypting (`zip: "DEF"`). */
  readonly zip?: boolean
  /** PBES2 iteration count (default {@link DEFAULT_PBES2_COUNT}). */
  readonly p2c?: number
}

/** The encrypted token and the JOSE header its recipient sees. */
export interface JweEncryption {
  /** Compact (five parts) or JSON serialization text (pretty-printed). */
  readonly token: string
  /** The JOSE header: protected ∪ unprotected ∪ per-recipient members (`epk`, `p2s`, `iv`/`tag` of GCMKW…). */
  readonly header: JsonObject
  /** The recipient key as the UI describes it. */
  readonly keyDescription: string
  /** Findings about a shared key (`dir`, A*KW, A*GCMKW) that is typed text rather than random bytes (`jwe-key-text`). */
  readonly findings?: readonly Finding[]
}

/** Error codes of {@link encryptJwe}. */
export type EncryptErrorCode =
  | RecipientKeyErrorCode
  | 'JWE_ALG_UNSUPPORTED'
  | 'JWE_ALG_REFUSED'
  | 'JWE_ENC_UNSUPPORTED'
  | 'JWE_OPTION_INVALID'
  | 'ENCRYPT_FAILED'

/** Why RSA1_5 is not offered: shown whenever it is asked for. */
export const RSA1_5_REFUSED =
  'RSA1_5 (RSAES-PKCS1-v1_5) is refused: its padding lets anyone who can tell a receiver\'s padding errors from other errors decrypt tokens (Bleichenbacher\'s attack), and RFC 8725 §3.2 says not to use it. jose does not implement it either. Use RSA-OAEP-256 with the same RSA key.'

const COMPACT_JWS_OR_JWE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){2}$|^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){4}$/

/**
 * Encrypts `plaintext` for the recipient key in `keyText` with `alg` and `enc`, in the chosen
 * serialization. Every parameter the user chose (`alg`, `enc`, `cty`, `kid`, `zip`) is in the
 * protected header, so it is integrity-protected; in the general serialization `alg` and `kid` are
 * the recipient's (unprotected) header, as that syntax intends, and `enc`, `cty`, `zip` are shared.
 *
 * - RSA-OAEP*: the recipient's RSA public key (2048 bits or more); ECDH-ES*: an EC P-256/P-384/P-521
 *   or X25519 public key. A private key or certificate gives its public key.
 * - A*KW, A*GCMKW: a shared AES key of exactly that size; `dir`: a shared key of exactly the size
 *   `enc` needs (16/24/32 bytes for GCM, 32/48/64 for CBC-HMAC).
 * - PBES2: a password (UTF-8); `p2c` defaults to {@link DEFAULT_PBES2_COUNT}.
 *
 * Never throws: every failure is a typed error that says what to change.
 */
export async function encryptJwe(input: JweEncryptInput): Promise<Result<JweEncryption, EncryptErrorCode>> {
  try {
    return await encrypt(input)
  } catch (cause) {
    return err('ENCRYPT_FAILED', failure(input, cause))
  }
}

async function encrypt(input: JweEncryptInput): Promise<Result<JweEncryption, EncryptErrorCode>> {
  const { alg, enc } = input
  if (alg === 'RSA1_5') return err('JWE_ALG_REFUSED', RSA1_5_REFUSED)
  if (!isKeyManagementAlgorithm(alg)) {
    return err('JWE_ALG_UNSUPPORTED', `${JSON.stringify(alg)} is not a key management algorithm JWT Lab encrypts with. Choose one of ${KEY_MANAGEMENT_ALGORITHMS.join(', ')}.`)
  }
  if (!isContentEncryptionAlgorithm(enc)) {
    return err('JWE_ENC_UNSUPPORTED', `${JSON.stringify(enc)} is not a content encryption algorithm. Choose one of ${CONTENT_ENCRYPTION_ALGORITHMS.join(', ')}.`)
  }
  const family = keyManagementFamily(alg)
  const p2c = input.p2c ?? DEFAULT_PBES2_COUNT
  if (family === 'pbes2' && (!Number.isSafeInteger(p2c) || p2c < 1 || p2c > MAX_ENCRYPT_PBES2_COUNT)) {
    return err('JWE_OPTION_INVALID', `The PBES2 count p2c must be a whole number from 1 to ${MAX_ENCRYPT_PBES2_COUNT.toLocaleString('en-US')}; ${String(input.p2c)} is not. RFC 7518 §4.8.1.2 asks for at least 1,000; the default is ${DEFAULT_PBES2_COUNT}, which every common receiver accepts.`)
  }
  if (input.kid !== undefined && input.kid.length === 0) return err('JWE_OPTION_INVALID', 'The kid is empty. Type the key id the recipient knows the key by, or leave kid out.')
  if (input.cty !== undefined && input.cty.length === 0) return err('JWE_OPTION_INVALID', 'The content type (cty) is empty. Type one (JWT for a nested token), or leave cty out.')
  const key = await readRecipientKey(input.keyText, alg, enc, input.encoding, input.kid)
  if (!key.ok) return key

  const plaintext = typeof input.plaintext === 'string' ? new TextEncoder().encode(input.plaintext) : input.plaintext
  const cty = input.cty ?? (typeof input.plaintext === 'string' && COMPACT_JWS_OR_JWE.test(input.plaintext.trim()) ? 'JWT' : undefined)
  const kid = input.kid ?? key.value.kid
  const shared: JWEHeaderParameters = { enc, ...(cty === undefined ? {} : { cty }), ...(input.zip === true ? { zip: 'DEF' } : {}) }
  const recipient = { alg, ...(kid === undefined ? {} : { kid }) }
  const whole: CompactJWEHeaderParameters = { ...recipient, ...shared, enc }
  const parameters = family === 'pbes2' ? { p2c } : undefined
  // A shared key of the wrong size was refused above; one made of typed text still encrypts, with a finding.
  const sharedFindings = family !== 'rsa' && family !== 'ecdh' && family !== 'pbes2' && key.value.key instanceof Uint8Array
    ? jweSharedKeyFindings({ alg, enc, bytes: key.value.key, source: `the shared key (${key.value.description})` })
    : []
  const found = sharedFindings.length === 0 ? {} : { findings: sharedFindings }

  if (input.serialization === 'compact') {
    const jwe = new CompactEncrypt(plaintext).setProtectedHeader(whole)
    if (parameters !== undefined) jwe.setKeyManagementParameters(parameters)
    const token = await jwe.encrypt(key.value.key)
    return ok({ token, header: decodeProtected(token.slice(0, token.indexOf('.'))), keyDescription: key.value.description, ...found })
  }
  if (input.serialization === 'flattened') {
    const jwe = new FlattenedEncrypt(plaintext).setProtectedHeader(whole)
    if (parameters !== undefined) jwe.setKeyManagementParameters(parameters)
    const result = await jwe.encrypt(key.value.key)
    return ok({ token: JSON.stringify(result, null, 2), header: joseHeader(result.protected, result.unprotected, result.header), keyDescription: key.value.description, ...found })
  }
  const jwe = new GeneralEncrypt(plaintext).setProtectedHeader(shared)
  const added = jwe.addRecipient(key.value.key).setUnprotectedHeader(recipient)
  if (parameters !== undefined) added.setKeyManagementParameters(parameters)
  const result = await jwe.encrypt()
  return ok({ token: JSON.stringify(result, null, 2), header: joseHeader(result.protected, result.unprotected, result.recipients[0]?.header), keyDescription: key.value.description, ...found })
}

function decodeProtected(encoded: string | undefined): JsonObject {
  if (encoded === undefined || encoded === '') return {}
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (encoded.length % 4)) % 4))
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
  return JSON.parse(new TextDecoder().decode(bytes)) as JsonObject
}

function joseHeader(encodedProtected: string | undefined, unprotected: object | undefined, perRecipient: object | undefined): JsonObject {
  return { ...decodeProtected(encodedProtected), ...(unprotected as JsonObject | undefined), ...(perRecipient as JsonObject | undefined) }
}

/** The message for a failure inside jose or WebCrypto, with the likely reason where one is known. */
function failure(input: JweEncryptInput, cause: unknown): string {
  const detail = cause instanceof Error ? cause.message : String(cause)
  const uses192 = input.alg.includes('192') || input.enc.includes('192')
  const hint = uses192
    ? ' Some browsers\' WebCrypto (Chromium among them) has no 192-bit AES: choose a 128- or 256-bit algorithm.'
    : input.zip === true && typeof CompressionStream === 'undefined'
      ? ' This environment has no CompressionStream for zip: encrypt without zip.'
      : ''
  return `Encrypting with ${input.alg} and ${input.enc} failed: ${detail}.${hint}`
}
