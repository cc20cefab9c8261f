import { base64url } from 'jose'
import { err, ok, type Result } from '../result'
import type { GeneratedKey, JWK, JwsAlgorithm, ParsedKey, SecretEncoding } from '../types'
import { algorithmSpec } from './algorithms'
import { publicPart } from './jwk-key'
import { parseKey, toPem } from './parse'
import { jwkThumbprint } from './thumbprint'

/** Options of {@link generateKey}. */
export interface GenerateKeyOptions {
  /** RSA modulus size (RS*, PS*); default 2048. */
  readonly modulusLength?: 2048 | 3072 | 4096
  /** HMAC secret size (HS*); default the hash size (256 for HS256, 384 for HS384, 512 for HS512). */
  readonly secretBits?: 256 | 384 | 512
}

/** Error codes of {@link generateKey} and {@link generateSigningKey}. */
export type GenerateErrorCode = 'ALG_UNSUPPORTED' | 'KEYGEN_INVALID_OPTION' | 'KEYGEN_FAILED'

/**
 * Generates a fresh key for `alg` with the algorithm's implementation: an HMAC secret, an RSA key
 * pair (2048/3072/4096 bits), an EC key pair on the algorithm's curve, or an Ed25519 key pair.
 *
 * Key pairs come as PEM PKCS#8 (`privateText`) and PEM SPKI (`publicText`) plus JWKs. An HMAC secret
 * is random bytes written as base64url text in both `privateText` and `publicText` — a printable
 * text that keeps every random bit — so the UI must set `Secret encoding` to `base64url` when it puts
 * this text into a key box. JWKs carry `alg`, `use: "sig"` and the RFC 7638 thumbprint as `kid`.
 * RSA 4096 can take seconds: run it in a worker. Never throws.
 */
export async function generateKey(alg: JwsAlgorithm, options: GenerateKeyOptions = {}): Promise<Result<GeneratedKey, GenerateErrorCode>> {
  const spec = algorithmSpec(alg)
  if (spec === undefined) {
    return err('ALG_UNSUPPORTED', `No key can be generated for "${alg}": ${alg === 'none' ? 'an unsecured token uses no key' : 'the algorithm is not supported'}. Choose a signing algorithm such as HS256, RS256, ES256 or EdDSA.`)
  }
  const modulusLength = options.modulusLength ?? 2048
  if (![2048, 3072, 4096].includes(modulusLength)) {
    return err('KEYGEN_INVALID_OPTION', `An RSA modulus of ${String(modulusLength)} bits is not offered. Choose 2048, 3072 or 4096.`)
  }
  const secretBits = options.secretBits ?? (spec.hashBytes ?? 32) * 8
  if (![256, 384, 512].includes(secretBits)) {
    return err('KEYGEN_INVALID_OPTION', `A secret of ${String(secretBits)} bits is not offered. Choose 256, 384 or 512.`)
  }
  try {
    const generatePair = spec.implementation.generatePair
    if (generatePair === undefined) {
      const bytes = crypto.getRandomValues(new Uint8Array(secretBits / 8))
      const text = base64url.encode(bytes)
      const jwk = await withMetadata({ kty: 'oct', k: text }, alg, { kty: 'oct', k: text })
      if (!jwk.ok) return jwk
      return ok({ alg, privateText: text, publicText: text, privateJwk: jwk.value.jwk, publicJwk: jwk.value.jwk, thumbprint: jwk.value.thumbprint })
    }
    const pair = await generatePair({ modulusLength })
    const publicJwk = publicPart(pair.privateJwk)
    const pub = await withMetadata(publicJwk, alg, publicJwk)
    if (!pub.ok) return pub
    const priv = await withMetadata(pair.privateJwk, alg, publicJwk)
    if (!priv.ok) return priv
    return ok({
      alg,
      // PEM files end with a line break, as openssl writes them.
      privateText: toPem(pair.pkcs8, 'PRIVATE KEY'),
      publicText: toPem(pair.spki, 'PUBLIC KEY'),
      privateJwk: priv.value.jwk,
      publicJwk: pub.value.jwk,
      thumbprint: pub.value.thumbprint,
    })
  } catch (cause) {
    return err('KEYGEN_FAILED', `The ${alg} key could not be generated: ${cause instanceof Error ? cause.message : String(cause)}.`)
  }
}

/** A generated key with the key itself, ready to sign with, and how to read its text back. */
export interface GeneratedSigningKey extends GeneratedKey {
  /** The secret or the private key, parsed from `privateText`. */
  readonly key: ParsedKey
  /** The encoding `privateText` and `publicText` are read with: `base64url` for a secret, else `utf8`. */
  readonly encoding: SecretEncoding
}

/**
 * {@link generateKey}, then its private text read back as the key to sign with: what a caller needs
 * to sign right away and to put the texts into key boxes. Never throws.
 */
export async function generateSigningKey(alg: JwsAlgorithm, options: GenerateKeyOptions = {}): Promise<Result<GeneratedSigningKey, GenerateErrorCode>> {
  const generated = await generateKey(alg, options)
  if (!generated.ok) return generated
  const encoding: SecretEncoding = generated.value.privateJwk.kty === 'oct' ? 'base64url' : 'utf8'
  const parsed = await parseKey(generated.value.privateText, { encoding })
  const key = parsed.ok ? parsed.value.keys.find((k) => k.kind !== 'public') : undefined
  if (key === undefined) {
    return err('KEYGEN_FAILED', `The generated ${alg} key could not be read back${parsed.ok ? '' : `: ${parsed.error.message}`}. Generate it again.`)
  }
  return ok({ ...generated.value, key, encoding })
}

async function withMetadata(jwk: JWK, alg: string, thumbprintOf: JWK): Promise<Result<{ jwk: JWK; thumbprint: string }, GenerateErrorCode>> {
  const thumbprint = await jwkThumbprint(thumbprintOf)
  if (!thumbprint.ok) return err('KEYGEN_FAILED', thumbprint.error.message)
  const { key_ops: _ops, ext: _ext, ...material } = jwk as JWK & { key_ops?: unknown; ext?: unknown }
  return ok({ jwk: { ...material, kid: thumbprint.value, alg, use: 'sig' }, thumbprint: thumbprint.value })
}
