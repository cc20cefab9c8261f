/**
 * The key management step, done with WebCrypto as a diagnostic: whether the key fits the algorithm,
 * and the CEK it yields. jose (which does the real decryption) deliberately hides a key-management
 * failure behind a random CEK, so a wrong key and a tampered ciphertext look the same there; here
 * each integrity check of key management (RSA-OAEP padding, AES-KW, AES-GCMKW tag) is run on its own,
 * so a failure is told apart.
 */
import type { JsonObject } from '../json-object'
import { decodeSecret } from '../keys/secret'
import { base64urlDecode, base64urlEncode } from '../token/base64url-codec'
import type { SecretEncoding } from '../types'
import type { ContentEncryptionSpec, KeyManagementSpec } from './algorithms'
import { concatKdf } from './concat-kdf'
import type { DecryptionKey } from './decryption-key'
import type { JweStepValue } from './types'

/** The key as the algorithm uses it: a JWK for RSA/ECDH, bytes for shared keys and passwords. */
export type KeyMaterial = { readonly jwk: Readonly<Record<string, string>> } | { readonly bytes: Uint8Array }

/** A key that fits the algorithm, with the sentence saying why. */
export interface FittingKey {
  readonly material: KeyMaterial
  readonly why: string
}

/** The CEK, or why key management failed. `verified` says whether an integrity check vouched for it. */
export type CekOutcome =
  | { readonly ok: true; readonly cek: Uint8Array; readonly verified: boolean; readonly explanation: string; readonly values: readonly JweStepValue[] }
  | { readonly ok: false; readonly explanation: string; readonly values: readonly JweStepValue[] }

/** The secret encodings as messages name them. */
export const ENCODING_NAME: Readonly<Record<SecretEncoding, string>> = { utf8: 'UTF-8', base64url: 'base64url', base64: 'base64', hex: 'hex' }
const OTHER_ENCODINGS: readonly SecretEncoding[] = ['utf8', 'base64url', 'base64', 'hex']

/** Whether the key can serve `alg`; a sentence naming what is needed when it cannot. */
export function fitKey(
  alg: string,
  spec: KeyManagementSpec,
  enc: string,
  content: ContentEncryptionSpec,
  header: JsonObject,
  key: DecryptionKey,
  encoding: SecretEncoding,
): { ok: true; value: FittingKey } | { ok: false; reason: string } {
  const marked = markedProblem(alg, spec, enc, key)
  if (marked !== undefined) return { ok: false, reason: marked }
  const needs = `"${alg}" needs ${spec.needs}`
  switch (spec.mode) {
    case 'key-encryption': {
      if (key.kind !== 'RSA' || key.jwk === undefined) return { ok: false, reason: `${needs}; the key given is ${key.description}.` }
      if ((key.bits ?? 0) < 2048) {
        return { ok: false, reason: `The RSA key has ${key.bits ?? 0} bits; RSA-OAEP in JOSE libraries (jose among them) requires 2048 bits or more, so no such token should exist. Use the 2048-bit or larger key the token was encrypted to.` }
      }
      return { ok: true, value: { material: { jwk: key.jwk }, why: `an RSA private key (${key.bits ?? 0} bits) decrypts the encrypted key with RSAES-OAEP (${spec.hash === 'SHA-1' ? 'SHA-1 and MGF1-SHA-1' : `${spec.hash} and MGF1-${spec.hash}`}).` } }
    }
    case 'direct-agreement':
    case 'agreement-wrapping': {
      const epk = header.epk
      const epkCrv = typeof epk === 'object' && epk !== null && !Array.isArray(epk) ? (epk as JsonObject).crv : undefined
      if ((key.kind !== 'EC' && key.kind !== 'X25519') || key.jwk === undefined) return { ok: false, reason: `${needs}; the key given is ${key.description}.` }
      if (typeof epkCrv !== 'string') return { ok: false, reason: `"${alg}" needs the sender's ephemeral public key in the header member "epk" (a JWK with "crv"); this header has none, so the token is incomplete.` }
      if (key.crv !== epkCrv) {
        return { ok: false, reason: `The ephemeral key "epk" is on ${epkCrv}, the key given on ${key.crv ?? '?'}: key agreement needs both on the same curve. Paste the recipient's ${epkCrv} private key.` }
      }
      return { ok: true, value: { material: { jwk: key.jwk }, why: `a ${key.crv} private key agrees on a shared secret with the ephemeral key "epk" (${key.crv}).` } }
    }
    case 'key-wrapping':
    case 'gcm-key-wrapping':
    case 'direct': {
      const want = spec.mode === 'direct' ? content.cekBytes : (spec.wrapBits as number) / 8
      const what = spec.mode === 'direct' ? `"dir" with "${enc}" needs the ${want}-byte (${want * 8}-bit) content encryption key itself` : needs
      if (key.kind === 'oct' && key.bytes !== undefined) {
        if (key.bytes.length !== want) return { ok: false, reason: `${what}; the JWK's "k" is ${key.bytes.length} bytes.` }
        return { ok: true, value: { material: { bytes: key.bytes }, why: `a ${want * 8}-bit shared key (JWK "oct").` } }
      }
      if (key.kind !== 'text' || key.text === undefined) return { ok: false, reason: `${what} (typed as a secret, or an "oct" JWK); the key given is ${key.description}.` }
      const bytes = decodeSecret(key.text, encoding)
      if (!bytes.ok) return { ok: false, reason: bytes.error.message }
      if (bytes.value.length !== want) {
        const fits = OTHER_ENCODINGS.filter((e) => e !== encoding).filter((e) => {
          const other = decodeSecret(key.text as string, e)
          return other.ok && other.value.length === want
        })
        const hint = fits.length > 0 ? ` As ${fits.map((e) => ENCODING_NAME[e]).join(' or ')} it would be ${want} bytes: choose that secret encoding.` : ' Paste the right key, or choose the secret encoding it was written in.'
        return { ok: false, reason: `${what}; the secret is ${bytes.value.length} bytes as ${ENCODING_NAME[encoding]}.${hint}` }
      }
      return { ok: true, value: { material: { bytes: bytes.value }, why: `a ${want * 8}-bit shared key (the secret read as ${ENCODING_NAME[encoding]}).` } }
    }
    case 'password': {
      if (key.kind === 'oct' && key.bytes !== undefined) return { ok: true, value: { material: { bytes: key.bytes }, why: `the JWK's "k" bytes (${key.bytes.length}) serve as the password.` } }
      if (key.kind !== 'text' || key.text === undefined) return { ok: false, reason: `${needs}; the key given is ${key.description}.` }
      const bytes = new TextEncoder().encode(key.text)
      return { ok: true, value: { material: { bytes }, why: `the password is the typed text as UTF-8 (${bytes.length} bytes; the secret encoding does not apply to passwords).` } }
    }
  }
}

/** A JWK's own markings (`use`, `key_ops`, `alg`) that rule it out, as a strict library would. */
function markedProblem(alg: string, spec: KeyManagementSpec, enc: string, key: DecryptionKey): string | undefined {
  if (key.use !== undefined && key.use !== 'enc') {
    return `The key is marked "use":"${key.use}", not "enc": it is published for ${key.use === 'sig' ? 'signatures' : `"${key.use}"`}, and strict libraries refuse it for decryption. Use the recipient's encryption key ("use":"enc").`
  }
  if (key.keyOps !== undefined && !key.keyOps.some((op) => ['decrypt', 'unwrapKey', 'deriveBits', 'deriveKey'].includes(op))) {
    return `The key's "key_ops" (${key.keyOps.map((o) => `"${o}"`).join(', ') || 'empty'}) allow no decryption ("decrypt", "unwrapKey" or "deriveBits"). Use the recipient's decryption key.`
  }
  if (key.alg !== undefined && key.alg !== alg && !(spec.mode === 'direct' && key.alg === enc)) {
    return `The key is marked "alg":"${key.alg}", but the token uses "${alg}"; a key is bound to the algorithm it names. Use the key made for "${alg}".`
  }
  return undefined
}

function hex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}

function bytesValue(label: string, bytes: Uint8Array): JweStepValue {
  return { label: `${label} (${bytes.length} bytes, hex)`, value: hex(bytes), mono: true }
}

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer
}

const FAILED_CEK_ADVICE = 'Check that this is the key the token was encrypted to (its "kid", if any, should match the header\'s), and that the encrypted key was copied unchanged.'

/** Obtains the CEK for one recipient. Never throws: every WebCrypto refusal becomes a failed outcome. */
export async function obtainCek(
  alg: string,
  spec: KeyManagementSpec,
  enc: string,
  content: ContentEncryptionSpec,
  header: JsonObject,
  encryptedKey: Uint8Array,
  material: KeyMaterial,
): Promise<CekOutcome> {
  try {
    return await obtain(alg, spec, enc, content, header, encryptedKey, material)
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    const aes192 = /192/.test(alg) || /192/.test(enc)
    return {
      ok: false,
      explanation: `Key management could not run: ${detail}.${aes192 ? ' 192-bit AES is missing from some browsers\' WebCrypto (Chromium refuses 192-bit AES keys); Firefox, Safari and Node have it.' : ''}`,
      values: [],
    }
  }
}

async function obtain(
  alg: string,
  spec: KeyManagementSpec,
  enc: string,
  content: ContentEncryptionSpec,
  header: JsonObject,
  encryptedKey: Uint8Array,
  material: KeyMaterial,
): Promise<CekOutcome> {
  const subtle = crypto.subtle
  const encrypted = encryptedKey.length > 0 ? [{ label: 'Encrypted key (base64url)', value: base64urlEncode(encryptedKey), mono: true }] : []
  const lengthCheck = (cek: Uint8Array, verified: boolean, explanation: string, values: JweStepValue[]): CekOutcome =>
    cek.length === content.cekBytes
      ? { ok: true, cek, verified, explanation, values: [...values, bytesValue('CEK', cek)] }
      : { ok: false, explanation: `${explanation} But the CEK it yields is ${cek.length} bytes, and "${enc}" needs ${content.cekBytes}: the token was made with another "enc" or is broken.`, values }
  const direct = spec.mode === 'direct' || spec.mode === 'direct-agreement'
  if (direct && encryptedKey.length > 0) {
    return { ok: false, explanation: `With "${alg}" the CEK is not transported, so the encrypted key must be empty (RFC 7518 §${spec.mode === 'direct' ? '4.5' : '4.6'}); this token has ${encryptedKey.length} bytes there: it is malformed, or its "alg" was changed.`, values: encrypted }
  }
  if (!direct && encryptedKey.length === 0) {
    return { ok: false, explanation: `"${alg}" carries the CEK in the encrypted key (part 2 of a compact JWE, "encrypted_key" in JSON), but it is empty: the token was cut, or its "alg" was changed (from "dir"?).`, values: [] }
  }
  switch (spec.mode) {
    case 'key-encryption': {
      const jwk = (material as { jwk: Record<string, string> }).jwk
      const key = await subtle.importKey('jwk', { ...jwk, ext: false } as JsonWebKey, { name: 'RSA-OAEP', hash: spec.hash as string }, false, ['decrypt'])
      let cek: Uint8Array
      try {
        cek = new Uint8Array(await subtle.decrypt({ name: 'RSA-OAEP' }, key, buffer(encryptedKey)))
      } catch {
        return {
          ok: false,
          explanation: `RSA-OAEP decryption of the encrypted key failed its padding check: the encrypted key was not encrypted to this RSA key (wrong key, or the key of another "kid"), or it was changed in transit. ${FAILED_CEK_ADVICE}`,
          values: encrypted,
        }
      }
      return lengthCheck(cek, true, `The encrypted key was decrypted with RSAES-OAEP (${spec.hash}); its padding check passed, so this is the right key.`, encrypted)
    }
    case 'key-wrapping':
    case 'password': {
      let kek = (material as { bytes: Uint8Array }).bytes
      const values: JweStepValue[] = [...encrypted]
      let derived = ''
      if (spec.mode === 'password') {
        const p2s = typeof header.p2s === 'string' ? base64urlDecode(header.p2s) : undefined
        const p2c = header.p2c as number
        if (p2s === undefined || p2s.length < 8) {
          return { ok: false, explanation: `PBES2 needs a salt input "p2s" (base64url, at least 8 bytes) in the header; it is ${header.p2s === undefined ? 'missing' : 'invalid or too short'}, so the token is broken.`, values }
        }
        const salt = new Uint8Array([...new TextEncoder().encode(alg), 0, ...p2s])
        const base = await subtle.importKey('raw', buffer(kek), 'PBKDF2', false, ['deriveBits'])
        kek = new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: spec.hash as string, salt: buffer(salt), iterations: p2c }, base, spec.wrapBits as number))
        values.push({ label: 'Salt (UTF-8 of alg, a zero byte, then p2s; hex)', value: hex(salt), mono: true }, { label: 'Iterations (p2c)', value: String(p2c) }, bytesValue('Key-wrapping key from PBKDF2', kek))
        derived = `PBKDF2-${spec.hash} with ${p2c} iterations turned the password into a ${spec.wrapBits as number}-bit key-wrapping key; `
      }
      const unwrapped = await aesKwUnwrap(kek, encryptedKey)
      if (unwrapped === undefined) {
        const why = spec.mode === 'password'
          ? 'the password is wrong (PBES2 has no other check: a wrong password gives a wrong key-wrapping key), or the encrypted key, "p2s" or "p2c" were changed. Check the password — it is used exactly as typed, as UTF-8.'
          : `this is not the key the CEK was wrapped with (wrong key or the key of another "kid"), or the encrypted key was changed. ${FAILED_CEK_ADVICE}`
        return { ok: false, explanation: `${derived}AES Key Wrap (RFC 3394) unwrapping of the encrypted key failed its integrity check: ${why}`, values }
      }
      return lengthCheck(unwrapped, true, `${derived}the encrypted key was unwrapped with AES Key Wrap (RFC 3394); its integrity check passed, so this is the right ${spec.mode === 'password' ? 'password' : 'key'}.`, values)
    }
    case 'gcm-key-wrapping': {
      const iv = typeof header.iv === 'string' ? base64urlDecode(header.iv) : undefined
      const tag = typeof header.tag === 'string' ? base64urlDecode(header.tag) : undefined
      if (iv === undefined || iv.length !== 12 || tag === undefined || tag.length !== 16) {
        return { ok: false, explanation: `"${alg}" carries the key wrap's 96-bit IV and 128-bit tag in the header members "iv" and "tag"; here ${iv === undefined || iv.length !== 12 ? '"iv" is missing or not 12 bytes' : '"tag" is missing or not 16 bytes'}, so the token is broken.`, values: encrypted }
      }
      const kek = await subtle.importKey('raw', buffer((material as { bytes: Uint8Array }).bytes), 'AES-GCM', false, ['decrypt'])
      const values = [...encrypted, bytesValue('Key wrap IV ("iv" header)', iv), bytesValue('Key wrap tag ("tag" header)', tag)]
      let cek: Uint8Array
      try {
        cek = new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: buffer(iv), tagLength: 128 }, kek, buffer(new Uint8Array([...encryptedKey, ...tag]))))
      } catch {
        return { ok: false, explanation: `AES-GCM decryption of the encrypted key failed its tag check (the "tag" header): this is not the key the CEK was wrapped with, or the encrypted key, "iv" or "tag" header were changed. ${FAILED_CEK_ADVICE}`, values }
      }
      return lengthCheck(cek, true, 'The encrypted key was decrypted with AES-GCM under the shared key; its tag check passed, so this is the right key.', values)
    }
    case 'direct': {
      const cek = (material as { bytes: Uint8Array }).bytes
      return { ok: true, cek, verified: false, explanation: 'Skipped: with "dir" there is no encrypted key — the shared key is the CEK itself. Nothing checks it here; a wrong key shows up as a failed authentication tag.', values: [bytesValue('CEK (the shared key)', cek)] }
    }
    case 'direct-agreement':
    case 'agreement-wrapping': {
      const jwk = (material as { jwk: Record<string, string> }).jwk
      const epk = header.epk as Record<string, unknown>
      const x25519 = jwk.crv === 'X25519'
      const params: EcKeyImportParams | Algorithm = x25519 ? { name: 'X25519' } : { name: 'ECDH', namedCurve: jwk.crv as string }
      const publicJwk: JsonWebKey = x25519 ? { kty: 'OKP', crv: 'X25519', x: String(epk.x) } : { kty: 'EC', crv: String(epk.crv), x: String(epk.x), y: String(epk.y) }
      let ephemeral: CryptoKey
      try {
        ephemeral = await subtle.importKey('jwk', publicJwk, params, false, [])
      } catch {
        return { ok: false, explanation: 'The ephemeral public key "epk" is not a valid point on its curve, so no shared secret can be agreed: the token is broken or was tampered with.', values: encrypted }
      }
      const own = await subtle.importKey('jwk', { ...jwk, ext: false } as JsonWebKey, params, false, ['deriveBits'])
      const size = x25519 ? 256 : jwk.crv === 'P-256' ? 256 : jwk.crv === 'P-384' ? 384 : 528
      const z = new Uint8Array(await subtle.deriveBits({ name: params.name, public: ephemeral } as EcdhKeyDeriveParams, own, size))
      const agreedCek = spec.mode === 'direct-agreement'
      const bits = agreedCek ? content.cekBytes * 8 : (spec.wrapBits as number)
      const apu = typeof header.apu === 'string' ? (base64urlDecode(header.apu) ?? new Uint8Array()) : new Uint8Array()
      const apv = typeof header.apv === 'string' ? (base64urlDecode(header.apv) ?? new Uint8Array()) : new Uint8Array()
      const derived = await concatKdf(z, bits, agreedCek ? enc : alg, apu, apv)
      const values: JweStepValue[] = [...encrypted, bytesValue('Shared secret Z (ECDH)', z), { label: 'Concat KDF AlgorithmID', value: agreedCek ? enc : alg }]
      if (agreedCek) {
        return {
          ok: true,
          cek: derived,
          verified: false,
          explanation: `Skipped as a separate check: with "ECDH-ES" the CEK is agreed, not transported — ECDH between the private key and "epk" gives Z, and Concat KDF (SHA-256, AlgorithmID "${enc}") turns it into the ${bits}-bit CEK. Nothing checks it here; a wrong key shows up as a failed authentication tag.`,
          values: [...values, bytesValue('CEK', derived)],
        }
      }
      values.push(bytesValue('Key-wrapping key from Concat KDF', derived))
      const unwrapped = await aesKwUnwrap(derived, encryptedKey)
      if (unwrapped === undefined) {
        return {
          ok: false,
          explanation: `ECDH with "epk" and Concat KDF gave a key-wrapping key, but AES Key Wrap unwrapping of the encrypted key failed its integrity check: this is not the recipient's key (wrong key, or the key of another "kid"), or the encrypted key, "epk", "apu" or "apv" were changed. ${FAILED_CEK_ADVICE}`,
          values,
        }
      }
      return lengthCheck(unwrapped, true, `ECDH between the private key and "epk" gave Z; Concat KDF (SHA-256, AlgorithmID "${alg}") gave a ${bits}-bit key-wrapping key, which unwrapped the encrypted key with AES Key Wrap; its integrity check passed, so this is the right key.`, values)
    }
  }
}

/** RFC 3394 unwrap through WebCrypto; undefined when the integrity check fails. */
async function aesKwUnwrap(kek: Uint8Array, wrapped: Uint8Array): Promise<Uint8Array | undefined> {
  if (wrapped.length < 24 || wrapped.length % 8 !== 0) return undefined
  const key = await crypto.subtle.importKey('raw', buffer(kek), 'AES-KW', false, ['unwrapKey'])
  try {
    const unwrapped = await crypto.subtle.unwrapKey('raw', buffer(wrapped), key, 'AES-KW', { name: 'HMAC', hash: 'SHA-256', length: (wrapped.length - 8) * 8 }, true, ['sign'])
    return new Uint8Array(await crypto.subtle.exportKey('raw', unwrapped))
  } catch {
    return undefined
  }
}

