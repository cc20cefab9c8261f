/**
 * Generates encryption keys for JWE (RFC 7518 §4): RSA-OAEP key pairs, ECDH-ES key pairs on P-256,
 * P-384, P-521 or X25519, and shared AES key-wrap and direct keys — in PEM and JWK, marked
 * `"use": "enc"`, with the RFC 7638 thumbprint as `kid`, plus a JWKS of each part.
 */
import { base64url, exportJWK, exportPKCS8, exportSPKI, generateKeyPair, type JWK } from 'jose'
import { publicPart } from '../keys/jwk-key'
import { jwkThumbprint } from '../keys/thumbprint'
import { err, ok, type Result } from '../result'
import {
  CONTENT_ENCRYPTION_ALGORITHMS,
  ECDH_CURVES,
  KEY_MANAGEMENT_ALGORITHMS,
  cekBytes,
  isContentEncryptionAlgorithm,
  isKeyManagementAlgorithm,
  keyManagementFamily,
  wrapKeyBytes,
  type ContentEncryptionAlgorithm,
  type EcdhCurve,
  type KeyManagementAlgorithm,
} from './encryption-algorithms'
import { RSA1_5_REFUSED } from './encrypt'

/** Options of {@link generateEncryptionKey}. */
export interface GenerateEncryptionKeyOptions {
  /** RSA modulus size for RSA-OAEP*; default 2048. */
  readonly modulusLength?: 2048 | 3072 | 4096
  /** Curve for ECDH-ES*; default P-256. */
  readonly crv?: EcdhCurve
  /** For `dir`: the content encryption the key is for, which fixes its size; default A256GCM. */
  readonly enc?: ContentEncryptionAlgorithm
}

/** A generated encryption key: both parts as text and JWK, and a JWKS of each. */
export interface GeneratedEncryptionKey {
  readonly alg: KeyManagementAlgorithm
  readonly kty: 'RSA' | 'EC' | 'OKP' | 'oct'
  /** Curve of an ECDH key. */
  readonly crv?: EcdhCurve
  /** For `dir`: the `enc` the key is sized for. */
  readonly enc?: ContentEncryptionAlgorithm
  /** RSA modulus, curve or AES key size in bits. */
  readonly bits: number
  /** RFC 7638 thumbprint of the public part (of the key itself for a shared key), also the JWKs' `kid`. */
  readonly kid: string
  /** PEM PKCS#8 private key, or a shared key as base64url text (read it with Secret encoding base64url). */
  readonly privateText: string
  /** PEM SPKI public key; absent for a shared key, which has no public part. */
  readonly publicText?: string
  /** Private JWK (`d` …), or the `oct` JWK of a shared key; with `kid`, `use: "enc"` and `alg`. */
  readonly privateJwk: JWK
  /** Public JWK, absent for a shared key. */
  readonly publicJwk?: JWK
  /** `{"keys":[privateJwk]}`: for the recipient's decryption key store. */
  readonly privateJwks: string
  /** `{"keys":[publicJwk]}`: what the recipient publishes for senders; absent for a shared key. */
  readonly publicJwks?: string
}

/** Error codes of {@link generateEncryptionKey}. */
export type GenerateEncryptionKeyErrorCode = 'ALG_UNSUPPORTED' | 'ALG_REFUSED' | 'KEYGEN_INVALID_OPTION' | 'KEYGEN_FAILED'

/**
 * A fresh key for the key management algorithm `alg`: an RSA key pair (2048/3072/4096 bits) for
 * RSA-OAEP*, an EC or X25519 key pair for ECDH-ES*, an AES key of the wrap size for A*KW and
 * A*GCMKW, and for `dir` a key of exactly the size `options.enc` needs (32 bytes for A128CBC-HS256,
 * 64 for A256CBC-HS512, the AES size for GCM). PBES2 takes a password, not a generated key, and
 * RSA1_5 is refused. RSA 4096 can take seconds. Never throws.
 */
export async function generateEncryptionKey(alg: string, options: GenerateEncryptionKeyOptions = {}): Promise<Result<GeneratedEncryptionKey, GenerateEncryptionKeyErrorCode>> {
  if (alg === 'RSA1_5') return err('ALG_REFUSED', RSA1_5_REFUSED)
  if (!isKeyManagementAlgorithm(alg)) {
    return err('ALG_UNSUPPORTED', `No encryption key can be generated for ${JSON.stringify(alg)}: it is not a key management algorithm. Choose one of ${KEY_MANAGEMENT_ALGORITHMS.filter((a) => !a.startsWith('PBES2')).join(', ')}.`)
  }
  const family = keyManagementFamily(alg)
  if (family === 'pbes2') {
    return err('ALG_UNSUPPORTED', `${alg} encrypts with a password, not a generated key: type a long passphrase that both sides know (several random words, or 20 random characters).`)
  }
  const modulusLength = options.modulusLength ?? 2048
  if (![2048, 3072, 4096].includes(modulusLength)) {
    return err('KEYGEN_INVALID_OPTION', `An RSA modulus of ${String(modulusLength)} bits is not offered. Choose 2048, 3072 or 4096.`)
  }
  const crv = options.crv ?? 'P-256'
  if (!(ECDH_CURVES as readonly string[]).includes(crv)) {
    return err('KEYGEN_INVALID_OPTION', `ECDH-ES keys are offered on ${ECDH_CURVES.join(', ')}; ${JSON.stringify(crv)} is not one of them.`)
  }
  const enc = options.enc ?? 'A256GCM'
  if (!isContentEncryptionAlgorithm(enc)) {
    return err('KEYGEN_INVALID_OPTION', `A dir key is sized for its content encryption; ${JSON.stringify(enc)} is not one. Choose one of ${CONTENT_ENCRYPTION_ALGORITHMS.join(', ')}.`)
  }
  try {
    if (family === 'aes-kw' || family === 'aes-gcm-kw' || family === 'dir') {
      const size = family === 'dir' ? cekBytes(enc) : wrapKeyBytes(alg as Parameters<typeof wrapKeyBytes>[0])
      const k = base64url.encode(crypto.getRandomValues(new Uint8Array(size)))
      const kid = await thumbprint({ kty: 'oct', k })
      const jwk: JWK = { kty: 'oct', k, kid, use: 'enc', alg }
      return ok({
        alg, kty: 'oct', bits: size * 8, kid, privateText: k, privateJwk: jwk, privateJwks: jwks(jwk),
        ...(family === 'dir' ? { enc } : {}),
      })
    }
    const pair = await generateKeyPair(alg, { extractable: true, ...(family === 'rsa' ? { modulusLength } : { crv }) })
    const privateMembers = await exportJWK(pair.privateKey)
    const publicMembers = publicPart(privateMembers)
    const kid = await thumbprint(publicMembers)
    const meta = { kid, use: 'enc', alg }
    const publicJwk: JWK = { ...publicMembers, ...meta }
    const privateJwk: JWK = { ...privateMembers, ...meta }
    return ok({
      alg,
      kty: family === 'rsa' ? 'RSA' : crv === 'X25519' ? 'OKP' : 'EC',
      ...(family === 'ecdh' ? { crv } : {}),
      bits: family === 'rsa' ? modulusLength : crv === 'X25519' ? 256 : crv === 'P-521' ? 521 : Number(crv.slice(2)),
      kid,
      privateText: withFinalNewline(await exportPKCS8(pair.privateKey)),
      publicText: withFinalNewline(await exportSPKI(pair.publicKey)),
      privateJwk,
      publicJwk,
      privateJwks: jwks(privateJwk),
      publicJwks: jwks(publicJwk),
    })
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    const hint = crv === 'X25519' && family === 'ecdh' ? ' This browser may lack X25519 in WebCrypto: choose P-256.' : ''
    return err('KEYGEN_FAILED', `The ${alg} key could not be generated: ${detail}.${hint}`)
  }
}

async function thumbprint(jwk: JWK): Promise<string> {
  const result = await jwkThumbprint(jwk)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

function jwks(jwk: JWK): string {
  return JSON.stringify({ keys: [jwk] }, null, 2)
}

// PEM files end with a line break, as openssl writes them.
function withFinalNewline(pem: string): string {
  return pem.endsWith('\n') ? pem : `${pem}\n`
}
