/**
 * Reads the `Decryption key` text into candidate keys: private PEM (PKCS#8, PKCS#1, SEC1), a private
 * JWK or JWKS (encryption keys included, which the signature key parser skips), or text that is a
 * shared secret or a PBES2 password depending on the token's `alg`.
 */
import { isJsonObject } from '../json-object'
import { detectDerKind, NAME_OF } from '../keys/der-kind'
import { OID, pkcs8Algorithm, sec1CurveOid, wrapPkcs1Private, wrapSec1 } from '../keys/der'
import { looksLikePem, readPem } from '../keys/pem'
import { jwkThumbprint } from '../keys/thumbprint'
import { err, ok, type Result } from '../result'
import { base64urlDecode } from '../token/base64url-codec'
import type { JWK } from '../types'

/** Error codes of {@link readDecryptionKeys}. */
export type DecryptionKeyErrorCode = 'KEY_EMPTY' | 'KEY_INVALID' | 'KEY_NOT_PRIVATE'

/** What a candidate key is. `text` is typed text: a shared secret or a password, decided by `alg`. */
export type DecryptionKeyKind = 'RSA' | 'EC' | 'X25519' | 'oct' | 'text'

/** One candidate decryption key. */
export interface DecryptionKey {
  readonly kind: DecryptionKeyKind
  /** The private JWK with only its key members (for RSA, EC, X25519). */
  readonly jwk?: Readonly<Record<string, string>>
  /** The bytes of an `oct` JWK. */
  readonly bytes?: Uint8Array
  /** The text as typed (kind `text`). */
  readonly text?: string
  readonly crv?: string
  readonly bits?: number
  readonly kid?: string
  readonly use?: string
  readonly keyOps?: readonly string[]
  readonly alg?: string
  readonly thumbprint?: string
  /** e.g. `RSA 2048-bit private key (PEM PKCS#8)`. */
  readonly description: string
}

const CURVE_OF_OID: Readonly<Record<string, string>> = { [OID.p256]: 'P-256', [OID.p384]: 'P-384', [OID.p521]: 'P-521' }
const RSA_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const
const EC_MEMBERS = ['crv', 'x', 'y', 'd'] as const
const OKP_MEMBERS = ['crv', 'x', 'd'] as const

/** Reads the key text. Never throws. */
export async function readDecryptionKeys(text: string): Promise<Result<readonly DecryptionKey[], DecryptionKeyErrorCode>> {
  try {
    return await readUnguarded(String(text))
  } catch (cause) {
    return err('KEY_INVALID', `The decryption key could not be read: ${cause instanceof Error ? cause.message : String(cause)}.`)
  }
}

async function readUnguarded(text: string): Promise<Result<readonly DecryptionKey[], DecryptionKeyErrorCode>> {
  const trimmed = text.trim()
  if (trimmed.length === 0) {
    return err('KEY_EMPTY', 'The decryption key is empty. Paste the private key (PEM or JWK), the JWKS, the shared secret or the password the token was encrypted for.')
  }
  if (looksLikePem(trimmed)) return readPemKey(trimmed)
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return readJson(trimmed)
  return ok([{ kind: 'text', text, description: 'typed text (a shared secret, or a password for PBES2)' }])
}

async function readPemKey(text: string): Promise<Result<readonly DecryptionKey[], DecryptionKeyErrorCode>> {
  const pem = readPem(text)
  if (!pem.ok) return err('KEY_INVALID', pem.error.message)
  const { der, label } = pem.value.block
  const kind = detectDerKind(der)
  if (kind === undefined) return err('KEY_INVALID', `The body of the "${label}" PEM block is not a key structure. Copy the key again, complete and unchanged.`)
  if (kind === 'spki' || kind === 'pkcs1-public' || kind === 'certificate') {
    return err('KEY_NOT_PRIVATE', `This is a ${NAME_OF[kind]}: a public key encrypts, only the private key decrypts. Paste the recipient's private key ("-----BEGIN PRIVATE KEY-----", "RSA PRIVATE KEY" or "EC PRIVATE KEY").`)
  }
  let pkcs8 = der
  if (kind === 'pkcs1-private') pkcs8 = wrapPkcs1Private(der)
  if (kind === 'sec1') {
    const curve = sec1CurveOid(der)
    if (curve === undefined) return err('KEY_INVALID', 'The EC private key does not name its curve (no parameters); export it again with its curve, e.g. `openssl pkcs8 -topk8 -nocrypt -in key.pem`.')
    pkcs8 = wrapSec1(der, curve)
  }
  const algorithm = pkcs8Algorithm(pkcs8)
  const source = `PEM ${NAME_OF[kind]}`
  let params: RsaHashedImportParams | EcKeyImportParams | Algorithm
  if (algorithm?.oid === OID.rsaEncryption) params = { name: 'RSA-OAEP', hash: 'SHA-256' }
  else if (algorithm?.oid === OID.ecPublicKey) {
    const crv = algorithm.parameterOid === undefined ? undefined : CURVE_OF_OID[algorithm.parameterOid]
    if (crv === undefined) return err('KEY_INVALID', 'The EC private key is on a curve JWE does not use for ECDH-ES; JWE uses P-256, P-384, P-521 or X25519.')
    params = { name: 'ECDH', namedCurve: crv }
  } else if (algorithm?.oid === OID.x25519) params = { name: 'X25519' }
  else {
    const what = algorithm?.oid === OID.ed25519 || algorithm?.oid === OID.ed448 ? 'an EdDSA signing key' : algorithm?.oid === OID.rsassaPss ? 'an RSA-PSS (signature-only) key' : 'not a key type JWE decrypts with'
    return err('KEY_INVALID', `The private key is ${what}. JWE decryption needs an RSA key (RSA-OAEP), an EC key on P-256/P-384/P-521 or an X25519 key (ECDH-ES).`)
  }
  let jwk: JsonWebKey
  try {
    const key = await crypto.subtle.importKey('pkcs8', pkcs8 as BufferSource, params, true, params.name === 'RSA-OAEP' ? ['decrypt'] : ['deriveBits'])
    jwk = await crypto.subtle.exportKey('jwk', key)
  } catch (cause) {
    return err('KEY_INVALID', `The ${NAME_OF[kind]} could not be imported (${cause instanceof Error ? cause.message : String(cause)}). Copy the key again, complete and unchanged.`)
  }
  // WebCrypto's export adds "alg" and "key_ops" of the import parameters: they are not the key's own markings.
  return ok([await fromJwk({ ...jwk, alg: undefined, key_ops: undefined, ext: undefined }, source)])
}

async function readJson(text: string): Promise<Result<readonly DecryptionKey[], DecryptionKeyErrorCode>> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return err('KEY_INVALID', 'The decryption key starts like JSON but is not valid JSON. Paste a whole JWK ({"kty":…}) or JWKS ({"keys":[…]}).')
  }
  const members: unknown[] = Array.isArray(value) ? value : isJsonObject(value) && Array.isArray(value.keys) ? value.keys : [value]
  const set = members.length !== 1 || Array.isArray(value) || (isJsonObject(value) && Array.isArray(value.keys))
  if (members.length === 0) return err('KEY_INVALID', 'The JWKS holds no keys. Paste a JWKS with the private key the token was encrypted for.')
  const keys: DecryptionKey[] = []
  const skipped: string[] = []
  for (let i = 0; i < members.length && i < 256; i++) {
    const member = members[i]
    const where = set ? `JWKS key ${i + 1}` : 'JWK'
    if (!isJsonObject(member) || typeof member.kty !== 'string') {
      if (!set) return err('KEY_INVALID', 'The JSON is not a JWK: it has no "kty" member. Paste a private JWK or a JWKS.')
      skipped.push(`${where}: no "kty"`)
      continue
    }
    const key = await jwkCandidate(member, where)
    if (key.ok) keys.push(key.value)
    else if (!set) return key
    else skipped.push(key.error.message)
  }
  if (keys.length === 0) {
    return err(skipped.every((s) => s.includes('public')) ? 'KEY_NOT_PRIVATE' : 'KEY_INVALID', `No key in the JWKS can decrypt: ${skipped.join('; ')}.`)
  }
  return ok(keys)
}

async function jwkCandidate(jwk: Record<string, unknown>, where: string): Promise<Result<DecryptionKey, DecryptionKeyErrorCode>> {
  const kty = jwk.kty
  if (kty === 'oct') {
    const bytes = typeof jwk.k === 'string' ? base64urlDecode(jwk.k) : undefined
    if (bytes === undefined || bytes.length === 0) return err('KEY_INVALID', `The ${where} is "kty":"oct" without a valid base64url "k" (the key bytes).`)
    const thumbprint = await jwkThumbprint(jwk as unknown as JWK)
    return ok({
      kind: 'oct',
      bytes,
      bits: bytes.length * 8,
      ...common(jwk),
      ...(thumbprint.ok ? { thumbprint: thumbprint.value } : {}),
      description: `${bytes.length * 8}-bit shared key (${where}${typeof jwk.kid === 'string' ? `, kid "${jwk.kid}"` : ''})`,
    })
  }
  if (kty === 'RSA' || kty === 'EC' || kty === 'OKP') {
    if (typeof jwk.d !== 'string') {
      return err('KEY_NOT_PRIVATE', `The ${where} is a public ${kty} key (no "d"): a public key encrypts, only the private key decrypts. Paste the private JWK.`)
    }
    if (kty === 'OKP' && jwk.crv !== 'X25519') {
      return err('KEY_INVALID', `The ${where} is an OKP key on ${JSON.stringify(jwk.crv ?? null)}; JWE key agreement (ECDH-ES) uses X25519 among OKP curves${jwk.crv === 'Ed25519' || jwk.crv === 'Ed448' ? ` (${String(jwk.crv)} is for signatures)` : ''}.`)
    }
    if (kty === 'EC' && !['P-256', 'P-384', 'P-521'].includes(String(jwk.crv))) {
      return err('KEY_INVALID', `The ${where} is an EC key on ${JSON.stringify(jwk.crv ?? null)}; JWE key agreement (ECDH-ES) uses P-256, P-384 or P-521.`)
    }
    const names = kty === 'RSA' ? RSA_MEMBERS : kty === 'EC' ? EC_MEMBERS : OKP_MEMBERS
    const missing = names.filter((n) => typeof jwk[n] !== 'string')
    if (missing.length > 0) return err('KEY_INVALID', `The ${where} (${kty}) lacks ${missing.map((m) => `"${m}"`).join(', ')}; paste the complete private JWK.`)
    return ok(await fromJwk(jwk, where))
  }
  return err('KEY_INVALID', `The ${where} has "kty" ${JSON.stringify(kty)}; JWE decrypts with "RSA", "EC", "OKP" (X25519) or "oct" keys.`)
}

function common(jwk: Record<string, unknown>): Pick<DecryptionKey, 'kid' | 'use' | 'keyOps' | 'alg'> {
  return {
    ...(typeof jwk.kid === 'string' ? { kid: jwk.kid } : {}),
    ...(typeof jwk.use === 'string' ? { use: jwk.use } : {}),
    ...(Array.isArray(jwk.key_ops) ? { keyOps: jwk.key_ops.filter((o): o is string => typeof o === 'string') } : {}),
    ...(typeof jwk.alg === 'string' ? { alg: jwk.alg } : {}),
  }
}

async function fromJwk(jwk: Record<string, unknown>, source: string): Promise<DecryptionKey> {
  const kty = jwk.kty as 'RSA' | 'EC' | 'OKP'
  const names = kty === 'RSA' ? RSA_MEMBERS : kty === 'EC' ? EC_MEMBERS : OKP_MEMBERS
  const clean: Record<string, string> = { kty }
  for (const name of names) clean[name] = jwk[name] as string
  const thumbprint = await jwkThumbprint(clean as unknown as JWK)
  const kid = typeof jwk.kid === 'string' ? `, kid "${jwk.kid}"` : ''
  if (kty === 'RSA') {
    const bits = rsaBits(clean.n as string)
    return { kind: 'RSA', jwk: clean, bits, ...common(jwk), ...(thumbprint.ok ? { thumbprint: thumbprint.value } : {}), description: `RSA ${bits}-bit private key (${source}${kid})` }
  }
  const crv = clean.crv as string
  return {
    kind: kty === 'EC' ? 'EC' : 'X25519',
    jwk: clean,
    crv,
    ...common(jwk),
    ...(thumbprint.ok ? { thumbprint: thumbprint.value } : {}),
    description: `${kty === 'EC' ? `EC ${crv}` : 'X25519'} private key (${source}${kid})`,
  }
}

function rsaBits(n: string): number {
  const bytes = base64urlDecode(n)
  if (bytes === undefined || bytes.length === 0) return 0
  let first = 0
  while (first < bytes.length && bytes[first] === 0) first++
  const top = bytes[first] ?? 0
  return (bytes.length - first - 1) * 8 + (top === 0 ? 0 : Math.floor(Math.log2(top)) + 1)
}
