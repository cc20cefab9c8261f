import { err, ok, type Result } from '../result'
import { base64urlDecode, base64urlEncode } from '../token/base64url-codec'
import { KEY_ORIGINS, type KeyStoreEntry, type KeyStoreErrorCode } from './types'

/**
 * Encryption at rest of key store entries: PBKDF2-SHA-256 over the passphrase with a random 16-byte
 * salt derives an AES-256-GCM key; a random 12-byte IV encrypts the entries' JSON. The envelope is
 * JSON with a version, so a later format can be told apart. GCM's tag makes any change to the salt,
 * IV or ciphertext fail to open; a wrong passphrase fails the same way, and the two cannot be told
 * apart by the cipher alone, so the envelope carries a check value derived from the same key.
 */

/** The envelope's format version. */
export const SEALED_VERSION = 1

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; envelopes asking for fewer are refused. */
export const PBKDF2_ITERATIONS = 600_000

/** Envelopes asking for more are refused: a hostile blob must not hang the tab. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000

/** Sealed texts longer than this (characters) are not read. */
export const MAX_SEALED_LENGTH = 4 * 1024 * 1024

interface Envelope {
  readonly v: number
  readonly kdf: 'PBKDF2-SHA-256'
  readonly iterations: number
  readonly salt: string
  readonly iv: string
  /** AES-GCM's tag over an empty text under a fixed IV: tells a wrong passphrase from tampering. */
  readonly check: string
  readonly ciphertext: string
}

const CHECK_IV = new Uint8Array(12)

const encoder = new TextEncoder()

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

// The check value encrypts nothing under a separate fixed IV: it reveals only whether a passphrase
// derives the same key. The random per-envelope salt keeps it from being reused across envelopes.
async function checkValue(key: CryptoKey): Promise<string> {
  return base64urlEncode(new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: CHECK_IV, additionalData: encoder.encode('jwt-lab key store check') }, key, new Uint8Array(0))))
}

/**
 * Seals key store entries with a passphrase the user typed: the returned text is a JSON envelope
 * holding no key material in any encoding (salt, IV, a check value and the AES-GCM ciphertext).
 * An empty passphrase is refused. Never throws.
 */
export async function sealKeyStore(entries: readonly KeyStoreEntry[], passphrase: string): Promise<Result<string, KeyStoreErrorCode>> {
  if (passphrase === '') return err('STORE_EMPTY_PASSPHRASE', 'Type a passphrase: the private keys are encrypted with it before they are stored.')
  try {
    const salt = crypto.getRandomValues(new Uint8Array(16))
    const iv = crypto.getRandomValues(new Uint8Array(12))
    const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS)
    const plaintext = encoder.encode(JSON.stringify(entries))
    const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plaintext))
    const envelope: Envelope = {
      v: SEALED_VERSION,
      kdf: 'PBKDF2-SHA-256',
      iterations: PBKDF2_ITERATIONS,
      salt: base64urlEncode(salt),
      iv: base64urlEncode(iv),
      check: await checkValue(key),
      ciphertext: base64urlEncode(ciphertext),
    }
    return ok(JSON.stringify(envelope))
  } catch (cause) {
    return err('STORE_CRYPTO_FAILED', `The keys could not be encrypted: ${cause instanceof Error ? cause.message : String(cause)}.`)
  }
}

const TAMPERED = 'The stored keys were changed since they were encrypted, so they cannot be opened. Remove them and add the keys again.'

function readEnvelope(blob: string): Result<{ envelope: Envelope; salt: Uint8Array; iv: Uint8Array; check: Uint8Array; ciphertext: Uint8Array }, KeyStoreErrorCode> {
  if (blob.length > MAX_SEALED_LENGTH) return err('STORE_MALFORMED', 'The stored keys are over 4 MB, too large to open. Remove them and add the keys again.')
  let raw: unknown
  try {
    raw = JSON.parse(blob)
  } catch {
    return err('STORE_MALFORMED', 'The stored keys are not an encrypted key store (not JSON). Remove them and add the keys again.')
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return err('STORE_MALFORMED', 'The stored keys are not an encrypted key store (not a JSON object). Remove them and add the keys again.')
  }
  const e = raw as Record<string, unknown>
  if (e.v !== SEALED_VERSION) {
    return err('STORE_UNKNOWN_VERSION', `The stored keys use format version ${JSON.stringify(e.v ?? null)}, which this version of the app cannot read (it reads version ${SEALED_VERSION}). Open them with the version that stored them, or remove them.`)
  }
  if (e.kdf !== 'PBKDF2-SHA-256' || typeof e.iterations !== 'number' || !Number.isInteger(e.iterations) || e.iterations < PBKDF2_ITERATIONS || e.iterations > MAX_PBKDF2_ITERATIONS) {
    return err('STORE_TAMPERED', TAMPERED)
  }
  const parts = [e.salt, e.iv, e.check, e.ciphertext].map((p) => (typeof p === 'string' ? base64urlDecode(p) : undefined))
  const [salt, iv, check, ciphertext] = parts
  if (salt === undefined || iv === undefined || check === undefined || ciphertext === undefined || salt.length !== 16 || iv.length !== 12 || check.length !== 16 || ciphertext.length < 16) {
    return err('STORE_TAMPERED', TAMPERED)
  }
  return ok({ envelope: e as unknown as Envelope, salt, iv, check, ciphertext })
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number)
  return diff === 0
}

function isEntry(raw: unknown): raw is KeyStoreEntry {
  if (typeof raw !== 'object' || raw === null) return false
  const e = raw as Record<string, unknown>
  return (
    typeof e.id === 'string' && typeof e.name === 'string' && typeof e.kind === 'string' && typeof e.thumbprint === 'string' &&
    typeof e.text === 'string' && ['oct', 'RSA', 'EC', 'OKP', 'AKP'].includes(e.kty as string) &&
    (KEY_ORIGINS as readonly unknown[]).includes(e.origin) && (e.visibility === 'public' || e.visibility === 'private') &&
    (e.kid === undefined || typeof e.kid === 'string') && (e.alg === undefined || typeof e.alg === 'string')
  )
}

/**
 * Opens a text made by {@link sealKeyStore} with the passphrase. A wrong passphrase, a changed
 * envelope and an unknown format version each give their own error and message. Never throws.
 */
export async function openKeyStore(blob: string, passphrase: string): Promise<Result<KeyStoreEntry[], KeyStoreErrorCode>> {
  if (passphrase === '') return err('STORE_EMPTY_PASSPHRASE', 'Type the passphrase the keys were stored with.')
  const read = readEnvelope(String(blob))
  if (!read.ok) return read
  const { envelope, salt, iv, check, ciphertext } = read.value
  let plaintext: Uint8Array
  try {
    const key = await deriveKey(passphrase, salt, envelope.iterations)
    const expected = base64urlDecode(await checkValue(key)) as Uint8Array
    if (!sameBytes(expected, check)) return err('STORE_WRONG_PASSPHRASE', 'Wrong passphrase: the stored keys did not open with it. Type the passphrase they were stored with.')
    plaintext = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, ciphertext as BufferSource))
  } catch {
    return err('STORE_TAMPERED', TAMPERED)
  }
  let entries: unknown
  try {
    entries = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext))
  } catch {
    return err('STORE_MALFORMED', 'The stored keys opened but hold no key list. Remove them and add the keys again.')
  }
  if (!Array.isArray(entries) || !entries.every(isEntry)) return err('STORE_MALFORMED', 'The stored keys opened but hold no key list. Remove them and add the keys again.')
  return ok(entries)
}
