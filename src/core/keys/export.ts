import { exportPKCS8, exportSPKI, importJWK } from 'jose'
import { err, ok, type Result } from '../result'
import type { JWK, ParsedKey } from '../types'
import { describeKey } from './algorithms'
import { PRIVATE_MEMBERS, publicPart } from './jwk-key'
import { loadCurves, loadMlDsa } from './on-demand'
import { toPem } from './parse'

/** Error codes of {@link exportKeyText}. */
export type ExportErrorCode = 'KEY_NOT_PRIVATE' | 'EXPORT_UNSUPPORTED' | 'KEY_IMPORT_FAILED'

/** Text formats a key can be exported in. */
export type KeyTextFormat = 'pem' | 'jwk'

/**
 * A key as text: PEM (SPKI `PUBLIC KEY` or PKCS#8 `PRIVATE KEY`) or a pretty-printed JWK.
 * `part: 'public'` of a private key gives its public key. HMAC secrets have only a JWK form (the
 * `oct` JWK, which is the secret itself) and no public part. Never throws.
 */
export async function exportKeyText(key: ParsedKey, format: KeyTextFormat, part: 'public' | 'private'): Promise<Result<string, ExportErrorCode>> {
  if (key.kty === 'oct') {
    if (part === 'public') {
      return err('EXPORT_UNSUPPORTED', 'An HMAC secret has no public part: whoever verifies needs the secret itself. Export the private part (the secret) instead.')
    }
    if (format === 'pem') {
      return err('EXPORT_UNSUPPORTED', 'An HMAC secret has no PEM form. Export it as a JWK, or copy the secret text.')
    }
    return ok(JSON.stringify(key.jwk, null, 2))
  }
  if (part === 'private' && key.kind !== 'private') {
    return err('KEY_NOT_PRIVATE', `The key is ${describeKey(key)}, so there is no private key to export. Export the public part, or paste the private key.`)
  }
  const jwk = part === 'public' ? (key.publicJwk ?? publicPart(key.jwk)) : key.jwk
  if (format === 'jwk') return ok(JSON.stringify(jwk, null, 2))
  try {
    const material = keyMaterial(jwk, part === 'private')
    if (key.kty === 'AKP') {
      // RFC 9881 SPKI, and PKCS#8 in the seed form it recommends.
      const der = (await loadMlDsa()).akpDerFromJwk(material, part === 'public' ? 'spki' : 'pkcs8')
      return ok(toPem(der, part === 'public' ? 'PUBLIC KEY' : 'PRIVATE KEY'))
    }
    if (key.crv === 'secp256k1' || key.crv === 'Ed448') {
      // WebCrypto (and so jose) cannot hold these curves: the curve module writes the DER.
      const der = (await loadCurves()).derFromJwk(key.crv, material, part === 'public' ? 'spki' : 'pkcs8')
      return ok(toPem(der, part === 'public' ? 'PUBLIC KEY' : 'PRIVATE KEY'))
    }
    // Any algorithm of the key's type will do: SPKI and PKCS#8 do not record the JWS algorithm.
    const alg = key.kty === 'RSA' ? 'PS256' : key.kty === 'OKP' ? 'EdDSA' : key.crv === 'P-521' ? 'ES512' : key.crv === 'P-384' ? 'ES384' : 'ES256'
    const cryptoKey = await importJWK(material, alg, { extractable: true })
    if (cryptoKey instanceof Uint8Array) return err('EXPORT_UNSUPPORTED', 'The key has no PEM form.')
    // PEM files end with a line break (as openssl writes them); jose's exports do not.
    return ok(`${part === 'public' ? await exportSPKI(cryptoKey) : await exportPKCS8(cryptoKey)}\n`)
  } catch (cause) {
    return err('KEY_IMPORT_FAILED', `The key (${describeKey(key)}) could not be exported as PEM: ${cause instanceof Error ? cause.message : String(cause)}.`)
  }
}

/**
 * A JWKS (pretty-printed JSON) of the public keys, for publishing. Secrets are left out (they must
 * never be published); keys without a `kid` get their RFC 7638 thumbprint as `kid`.
 */
export function exportJwks(keys: readonly ParsedKey[]): string {
  const published = keys
    .filter((key) => key.kty !== 'oct')
    .map((key) => {
      const { kid: _kid, ...rest } = (key.publicJwk ?? publicPart(key.jwk)) as JWK & { kid?: string }
      return { kid: key.kid ?? key.thumbprint, ...rest }
    })
  return JSON.stringify({ keys: published }, null, 2)
}

/** Only the members that define the key: jose refuses JWKs whose `alg`/`use`/`key_ops` disagree. */
function keyMaterial(jwk: JWK, withPrivate: boolean): JWK {
  const out: Record<string, unknown> = {}
  for (const name of ['kty', 'crv', 'n', 'e', 'x', 'y', ...(jwk.kty === 'AKP' ? ['alg', 'pub'] : []), ...(withPrivate ? PRIVATE_MEMBERS : [])]) {
    const value = (jwk as Record<string, unknown>)[name]
    if (value !== undefined) out[name] = value
  }
  return out as JWK
}
