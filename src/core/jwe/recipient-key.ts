/**
 * Reads the key a JWE is encrypted for, as the user typed it: a recipient's public key (PEM, JWK,
 * JWKS; a private key or certificate gives its public key), a shared AES key (text in one of the
 * secret encodings, or an `oct` JWK) or a PBES2 password.
 */
import { exportJWK, importPKCS8, importSPKI, importX509 } from 'jose'
import type { JWK } from 'jose'
import { OID, certificateSpki, pkcs8Algorithm, sec1CurveOid, spkiAlgorithm, wrapPkcs1Private, wrapPkcs1Public, wrapSec1 } from '../keys/der'
import { detectDerKind, type DerKind } from '../keys/der-kind'
import { publicPart } from '../keys/jwk-key'
import { toPem } from '../keys/parse'
import { looksLikePem, readPem, type PemErrorCode } from '../keys/pem'
import { decodeSecret, type SecretErrorCode } from '../keys/secret'
import { err, ok, type Result } from '../result'
import type { SecretEncoding } from '../types'
import { ECDH_CURVES, cekBytes, keyManagementFamily, wrapKeyBytes, type ContentEncryptionAlgorithm, type KeyManagementAlgorithm } from './encryption-algorithms'

/** Error codes of {@link readRecipientKey}. */
export type RecipientKeyErrorCode =
  | SecretErrorCode
  | PemErrorCode
  | 'KEY_INVALID'
  | 'KEY_WRONG_TYPE'
  | 'KEY_WRONG_SIZE'
  | 'KEY_ALG_MISMATCH'
  | 'KEY_USE_MISMATCH'
  | 'KEY_NOT_FOUND'

/** A key ready for jose's encrypt classes, and what the UI says about it. */
export interface RecipientKey {
  /** A public JWK (asymmetric algorithms) or the raw bytes (shared keys and passwords). */
  readonly key: JWK | Uint8Array
  /** The key's own `kid`, when it has one (JWK and JWKS members). */
  readonly kid?: string
  /** E.g. `RSA 2048-bit public key`, `256-bit shared key`, `password (12 characters)`. */
  readonly description: string
}

const EMPTY_KEY: Readonly<Record<string, string>> = {
  rsa: 'The recipient key is empty. Paste the recipient\'s RSA public key (PEM or JWK).',
  ecdh: 'The recipient key is empty. Paste the recipient\'s EC (P-256, P-384, P-521) or X25519 public key (PEM or JWK).',
  'aes-kw': 'The shared key is empty. Paste the AES key both sides know (hex, base64, base64url or an "oct" JWK).',
  'aes-gcm-kw': 'The shared key is empty. Paste the AES key both sides know (hex, base64, base64url or an "oct" JWK).',
  dir: 'The shared key is empty. Paste the content encryption key both sides know (hex, base64, base64url or an "oct" JWK).',
  pbes2: 'The password is empty. Type the password both sides know.',
}

/**
 * The key `alg` encrypts for, read from `text`. Shared keys must have exactly the length the
 * algorithm needs (the AES key size of `A*KW`/`A*GCMKW`, the CEK size of `enc` for `dir`); a PBES2
 * password is the text as typed, in UTF-8, whatever `encoding` says. In a JWKS the member whose
 * `kid` is `kid` is used, else the first member that fits `alg`. Never throws.
 */
export async function readRecipientKey(
  text: string,
  alg: KeyManagementAlgorithm,
  enc: ContentEncryptionAlgorithm,
  encoding: SecretEncoding,
  kid?: string,
): Promise<Result<RecipientKey, RecipientKeyErrorCode>> {
  const family = keyManagementFamily(alg) ?? 'rsa'
  if (text.trim().length === 0) return err('KEY_EMPTY', EMPTY_KEY[family] ?? 'The key is empty.')
  try {
    if (family === 'pbes2') {
      const bytes = new TextEncoder().encode(text)
      return ok({ key: bytes, description: `password (${[...text].length} characters)` })
    }
    if (family === 'rsa' || family === 'ecdh') return await readPublicKey(text.trim(), alg, family, kid)
    const needed = family === 'dir' ? cekBytes(enc) : wrapKeyBytes(alg as Parameters<typeof wrapKeyBytes>[0])
    return readSharedKey(text, alg, enc, encoding, needed, kid)
  } catch (cause) {
    return err('KEY_INVALID', `The key could not be read: ${cause instanceof Error ? cause.message : String(cause)}.`)
  }
}

function readSharedKey(
  text: string,
  alg: KeyManagementAlgorithm,
  enc: ContentEncryptionAlgorithm,
  encoding: SecretEncoding,
  needed: number,
  kid: string | undefined,
): Result<RecipientKey, RecipientKeyErrorCode> {
  const trimmed = text.trim()
  let bytes: Uint8Array
  let ownKid: string | undefined
  if (trimmed.startsWith('{')) {
    const jwk = pickJwk(trimmed, alg, kid, (k) => k['kty'] === 'oct')
    if (!jwk.ok) return jwk
    const k = jwk.value['k']
    if (typeof k !== 'string' || !/^[A-Za-z0-9_-]*$/.test(k)) return err('KEY_INVALID', 'The "oct" JWK has no base64url "k" member. Add the key bytes as "k".')
    const decoded = decodeSecret(k, 'base64url')
    if (!decoded.ok) return decoded
    bytes = decoded.value
    ownKid = typeof jwk.value['kid'] === 'string' ? jwk.value['kid'] : undefined
  } else {
    if (looksLikePem(trimmed)) return err('KEY_WRONG_TYPE', `${alg} uses a shared key, not a PEM key. Paste the AES key both sides know, or choose RSA-OAEP-256 or ECDH-ES to encrypt for a public key.`)
    const decoded = decodeSecret(text, encoding)
    if (!decoded.ok) return decoded
    bytes = decoded.value
  }
  if (bytes.length !== needed) {
    const what = alg === 'dir'
      ? `dir uses the key as the content encryption key of ${enc}, which takes exactly ${needed} bytes (${needed * 8} bits)`
      : `${alg} wraps with a ${needed * 8}-bit AES key, so the key must be exactly ${needed} bytes`
    return err('KEY_WRONG_SIZE', `The shared key is ${bytes.length} bytes (${bytes.length * 8} bits), but ${what}. Paste a key of that size${encoding === 'utf8' && !trimmed.startsWith('{') ? ' (with Secret encoding utf8 every character counts; for a hex or base64 key choose that encoding)' : ''}, or generate one.`)
  }
  return ok({ key: bytes, ...(ownKid === undefined ? {} : { kid: ownKid }), description: `${needed * 8}-bit shared key` })
}

/** The JWK in a JWK or JWKS text that fits, checked for `use` and `alg`. */
function pickJwk(text: string, alg: string, kid: string | undefined, fits: (jwk: Record<string, unknown>) => boolean): Result<Record<string, unknown>, RecipientKeyErrorCode> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    return err('KEY_INVALID', `The key is not valid JSON (${cause instanceof Error ? cause.message : String(cause)}). Paste a JWK or a JWKS.`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('KEY_INVALID', 'The key JSON is not an object. Paste a JWK or a JWKS {"keys": [...]}.')
  const object = value as Record<string, unknown>
  let jwk: Record<string, unknown>
  if (Array.isArray(object['keys'])) {
    const members = (object['keys'] as unknown[]).filter((k): k is Record<string, unknown> => typeof k === 'object' && k !== null && !Array.isArray(k))
    if (kid !== undefined) {
      const found = members.find((k) => k['kid'] === kid)
      if (found === undefined) return err('KEY_NOT_FOUND', `The JWKS has no key with kid ${JSON.stringify(kid)}. Use one of its kids, or clear kid to use the first key that fits ${alg}.`)
      jwk = found
    } else {
      const found = members.find((k) => fits(k) && k['use'] !== 'sig' && (k['alg'] === undefined || k['alg'] === alg))
      if (found === undefined) return err('KEY_NOT_FOUND', `The JWKS has no key for ${alg} (one whose type fits, with "use" absent or "enc" and "alg" absent or ${JSON.stringify(alg)}). Paste the recipient's encryption key.`)
      jwk = found
    }
  } else {
    jwk = object
  }
  if (!fits(jwk)) return err('KEY_WRONG_TYPE', `${alg} needs ${needFor(alg)}, but the JWK has "kty" ${JSON.stringify(jwk['kty'] ?? null)}${typeof jwk['crv'] === 'string' ? ` and "crv" ${JSON.stringify(jwk['crv'])}` : ''}.${hintFor(alg, jwk)}`)
  if (jwk['use'] !== undefined && jwk['use'] !== 'enc') {
    return err('KEY_USE_MISMATCH', `The key says "use": ${JSON.stringify(jwk['use'])}, so it is not for encryption (that is "use": "enc"). Use the recipient's encryption key.`)
  }
  if (jwk['alg'] !== undefined && jwk['alg'] !== alg) {
    return err('KEY_ALG_MISMATCH', `The key says "alg": ${JSON.stringify(jwk['alg'])}, so it is meant for that algorithm only, not ${alg}. Choose ${typeof jwk['alg'] === 'string' ? jwk['alg'] : 'its algorithm'}, or use another key.`)
  }
  return ok(jwk)
}

function needFor(alg: string): string {
  const family = keyManagementFamily(alg)
  if (family === 'rsa') return 'an RSA public key'
  if (family === 'ecdh') return 'an EC key on P-256, P-384 or P-521, or an X25519 key'
  return 'a shared key ("kty": "oct")'
}

function hintFor(alg: string, jwk: Record<string, unknown>): string {
  if (jwk['kty'] === 'OKP' && jwk['crv'] === 'Ed25519') return ' An Ed25519 key signs; ECDH-ES needs an X25519 key.'
  if (jwk['kty'] === 'EC' && keyManagementFamily(alg) === 'ecdh') return ` ECDH-ES in JOSE works on ${ECDH_CURVES.join(', ')} only.`
  return ''
}

/** The key type and curve of DER key material, judged by its algorithm OIDs. */
function derShape(kind: DerKind, der: Uint8Array): { kty: string; crv?: string; other?: string } {
  if (kind === 'pkcs1-public' || kind === 'pkcs1-private') return { kty: 'RSA' }
  if (kind === 'sec1') return curveShape(sec1CurveOid(der))
  const id = kind === 'pkcs8' ? pkcs8Algorithm(der) : spkiAlgorithm(kind === 'certificate' ? (certificateSpki(der) ?? new Uint8Array()) : der)
  if (id === undefined) return { kty: '?', other: 'unreadable key structure' }
  if (id.oid === OID.rsaEncryption) return { kty: 'RSA' }
  if (id.oid === OID.rsassaPss) return { kty: 'RSA', other: 'RSA-PSS key (restricted to signatures)' }
  if (id.oid === OID.ecPublicKey) return curveShape(id.parameterOid)
  if (id.oid === OID.x25519) return { kty: 'OKP', crv: 'X25519' }
  if (id.oid === OID.ed25519) return { kty: 'OKP', crv: 'Ed25519', other: 'Ed25519 key (it signs; ECDH-ES needs X25519)' }
  if (id.oid === OID.x448) return { kty: 'OKP', crv: 'X448', other: 'X448 key (WebCrypto and jose do not do ECDH-ES with X448)' }
  if (id.oid === OID.ed448) return { kty: 'OKP', crv: 'Ed448', other: 'Ed448 key (it signs)' }
  return { kty: '?', other: `key of algorithm ${id.oid}` }
}

function curveShape(curveOid: string | undefined): { kty: string; crv?: string; other?: string } {
  const crv = curveOid === OID.p256 ? 'P-256' : curveOid === OID.p384 ? 'P-384' : curveOid === OID.p521 ? 'P-521' : undefined
  if (crv !== undefined) return { kty: 'EC', crv }
  return { kty: 'EC', other: curveOid === OID.secp256k1 ? 'EC key on secp256k1' : `EC key on curve ${curveOid ?? '(not named)'}` }
}

const KIND_OF_LABEL: Readonly<Record<string, DerKind>> = {
  'PUBLIC KEY': 'spki',
  'PRIVATE KEY': 'pkcs8',
  'RSA PUBLIC KEY': 'pkcs1-public',
  'RSA PRIVATE KEY': 'pkcs1-private',
  'EC PRIVATE KEY': 'sec1',
  CERTIFICATE: 'certificate',
}

function fitsFamily(family: 'rsa' | 'ecdh', kty: unknown, crv: unknown): boolean {
  if (family === 'rsa') return kty === 'RSA'
  return (kty === 'EC' && (crv === 'P-256' || crv === 'P-384' || crv === 'P-521')) || (kty === 'OKP' && crv === 'X25519')
}

async function readPublicKey(text: string, alg: KeyManagementAlgorithm, family: 'rsa' | 'ecdh', kid: string | undefined): Promise<Result<RecipientKey, RecipientKeyErrorCode>> {
  let jwk: Record<string, unknown>
  let from: string
  if (looksLikePem(text)) {
    const pem = readPem(text)
    if (!pem.ok) return pem
    const { label, der } = pem.value.block
    const kind = detectDerKind(der) ?? KIND_OF_LABEL[label]
    if (kind === undefined) return err('KEY_INVALID', `The "${label}" PEM block does not hold a key JWT Lab can read. Paste the recipient's public key.`)
    const shape = derShape(kind, der)
    if (shape.other !== undefined || !fitsFamily(family, shape.kty, shape.crv)) {
      return err('KEY_WRONG_TYPE', `${alg} needs ${needFor(alg)}, but this is ${shape.other !== undefined ? `an ${shape.other}` : `an ${shape.kty === 'OKP' ? shape.crv ?? 'OKP' : shape.kty} key`}. Paste the recipient's ${family === 'rsa' ? 'RSA' : 'EC or X25519'} public key, or choose ${family === 'rsa' ? 'ECDH-ES' : 'RSA-OAEP-256'} for this key.`)
    }
    const extractable = { extractable: true }
    let cryptoKey: CryptoKey
    if (kind === 'spki' || kind === 'pkcs1-public') {
      cryptoKey = await importSPKI(toPem(kind === 'spki' ? der : wrapPkcs1Public(der), 'PUBLIC KEY'), alg, extractable)
      from = 'public key'
    } else if (kind === 'certificate') {
      cryptoKey = await importX509(text.slice(text.indexOf('-----BEGIN CERTIFICATE-----')), alg, extractable)
      from = "certificate's public key (its dates and chain are not checked)"
    } else {
      const pkcs8 = kind === 'pkcs8' ? der : kind === 'pkcs1-private' ? wrapPkcs1Private(der) : wrapSec1(der, sec1CurveOid(der) ?? '')
      cryptoKey = await importPKCS8(toPem(pkcs8, 'PRIVATE KEY'), alg, extractable)
      from = 'public key, derived from the private key given (a recipient\'s public key is enough to encrypt)'
    }
    jwk = publicPart(await exportJWK(cryptoKey)) as Record<string, unknown>
  } else if (text.startsWith('{')) {
    const picked = pickJwk(text, alg, kid, (k) => fitsFamily(family, k['kty'], k['crv']))
    if (!picked.ok) return picked
    const isPrivate = typeof picked.value['d'] === 'string'
    jwk = publicPart(picked.value as JWK) as Record<string, unknown>
    from = isPrivate ? 'public key, taken from the private JWK given (a recipient\'s public key is enough to encrypt)' : 'public key'
  } else {
    return err('KEY_WRONG_TYPE', `${alg} encrypts for a public key: paste the recipient's ${family === 'rsa' ? 'RSA' : 'EC or X25519'} public key as PEM or JWK. To encrypt with a shared key choose A256KW or dir; with a password, PBES2-HS256+A128KW.`)
  }
  if (jwk['kty'] === 'RSA') {
    const n = typeof jwk['n'] === 'string' ? jwk['n'] : ''
    const bits = rsaBits(n)
    if (bits < 2048) {
      return err('KEY_WRONG_SIZE', `The RSA key has a ${bits}-bit modulus; RSA-OAEP keys must be 2048 bits or larger (RFC 7518 §4.3), and jose refuses smaller ones. Use a key of 2048 bits or more.`)
    }
    return ok({ key: jwk as JWK, ...kidOf(jwk), description: `RSA ${bits}-bit ${from}` })
  }
  return ok({ key: jwk as JWK, ...kidOf(jwk), description: `${String(jwk['crv'])} ${from}` })
}

function kidOf(jwk: Record<string, unknown>): { kid?: string } {
  return typeof jwk['kid'] === 'string' ? { kid: jwk['kid'] } : {}
}

/** Modulus size in bits of a base64url `n` (leading zero bytes do not count). */
function rsaBits(n: string): number {
  if (!/^[A-Za-z0-9_-]+$/.test(n)) return 0
  const decoded = decodeSecret(n, 'base64url')
  if (!decoded.ok) return 0
  const bytes = decoded.value
  let i = 0
  while (i < bytes.length && bytes[i] === 0) i++
  if (i === bytes.length) return 0
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i] as number))
}
