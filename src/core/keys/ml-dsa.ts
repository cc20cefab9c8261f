/**
 * ML-DSA-44, ML-DSA-65 and ML-DSA-87 (FIPS 204; JOSE: RFC 9964) with @noble/post-quantum, and with
 * the browser's WebCrypto where it has ML-DSA. This module is loaded on demand (see `on-demand.ts`):
 * nothing of it is in the first-paint JavaScript. It checks `AKP` JWKs (public key size, private
 * seed belonging to the public key), converts them to and from DER (SPKI and PKCS#8 with the
 * ML-DSA OIDs of RFC 9881), and signs, verifies and generates.
 *
 * Like `noble-curves.ts` it imports no run-time code of the first-paint key modules (only types),
 * so that no shared chunk is pulled into the first paint; its DER and base64url help is
 * `on-demand-der.ts`, shared with the curve module only.
 */
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js'
import type { Result } from '../result'
import type { JWK } from '../types'
import { DER, elements, encodeBase64url, err, jwkBytes, ok, sameBytes, sequence, spkiBits, tlv } from './on-demand-der'
import type { GeneratedPair, KeyHandle, KeyMaterial, KeyPurpose, MaterialKey, SignatureImplementation } from './signature-implementation'

/** The ML-DSA parameter sets, by their JOSE algorithm names. */
export type MlDsaAlgorithm = 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87'

/** Error codes of {@link akpJwkFromDer}. */
export type AkpDerErrorCode = 'PEM_INVALID'

interface ParameterSet {
  readonly dsa: typeof ml_dsa44
  /** Last byte of the OID 2.16.840.1.101.3.4.3.{17,18,19} (RFC 9881 §2). */
  readonly oidLast: number
  readonly publicBytes: number
  /** The expanded private key of FIPS 204 (what some tools store instead of the seed). */
  readonly expandedBytes: number
  readonly signatureBytes: number
}

const PARAMETERS: Readonly<Record<MlDsaAlgorithm, ParameterSet>> = {
  'ML-DSA-44': { dsa: ml_dsa44, oidLast: 0x11, publicBytes: 1312, expandedBytes: 2560, signatureBytes: 2420 },
  'ML-DSA-65': { dsa: ml_dsa65, oidLast: 0x12, publicBytes: 1952, expandedBytes: 4032, signatureBytes: 3309 },
  'ML-DSA-87': { dsa: ml_dsa87, oidLast: 0x13, publicBytes: 2592, expandedBytes: 4896, signatureBytes: 4627 },
}

/** The private key of an AKP JWK is the 32-byte seed ξ of FIPS 204 key generation (RFC 9964). */
const SEED_BYTES = 32

/** `seed [0] IMPLICIT OCTET STRING` of the ML-DSA PrivateKey CHOICE (RFC 9881 §6). */
const SEED_TAG = 0x80


function decode(jwk: JWK, name: 'pub' | 'priv'): Uint8Array | undefined {
  return jwkBytes(jwk, name)
}

function isMlDsa(alg: unknown): alg is MlDsaAlgorithm {
  return typeof alg === 'string' && Object.prototype.hasOwnProperty.call(PARAMETERS, alg)
}



/** The parameter set whose public key has this size, for "is alg right?" hints. */
function setWithPublicSize(bytes: number): MlDsaAlgorithm | undefined {
  return (Object.keys(PARAMETERS) as MlDsaAlgorithm[]).find((alg) => PARAMETERS[alg].publicBytes === bytes)
}

/**
 * Why an `AKP` JWK cannot be used, or undefined when it can: `alg` must name an ML-DSA parameter
 * set (RFC 9964 binds an AKP key to one), `pub` must have that set's size, and a private key's
 * `priv` must be the 32-byte seed from which `pub` is derived.
 */
export function akpKeyProblem(jwk: JWK, withPrivate: boolean): string | undefined {
  const alg = (jwk as Record<string, unknown>).alg
  if (alg === undefined) return 'it has no "alg"; an AKP key names its algorithm, e.g. "alg": "ML-DSA-44" (RFC 9964)'
  if (!isMlDsa(alg)) return `its "alg" is ${JSON.stringify(alg)}, but an AKP key for JWS is ML-DSA-44, ML-DSA-65 or ML-DSA-87 (RFC 9964)`
  const set = PARAMETERS[alg]
  const pub = decode(jwk, 'pub')
  if (pub === undefined) return 'it needs its public key "pub" as base64url (no padding)'
  if (pub.length !== set.publicBytes) {
    const other = setWithPublicSize(pub.length)
    const hint = other === undefined ? '' : ` (that is the size of an ${other} public key: is "alg" right?)`
    return `its public key "pub" is ${pub.length} bytes, but an ${alg} public key is exactly ${set.publicBytes} bytes${hint}`
  }
  if (!withPrivate) return undefined
  const priv = decode(jwk, 'priv')
  if (priv === undefined) return 'its private key "priv" must be base64url (no padding)'
  if (priv.length !== SEED_BYTES) {
    const expanded = (Object.keys(PARAMETERS) as MlDsaAlgorithm[]).find((name) => PARAMETERS[name].expandedBytes === priv.length)
    return expanded === undefined
      ? `its private key "priv" is ${priv.length} bytes, but it must be the ${SEED_BYTES}-byte seed (RFC 9964)`
      : `its "priv" is the ${priv.length}-byte expanded ${expanded} private key, but an AKP JWK holds the ${SEED_BYTES}-byte seed it is made from (RFC 9964); export the key in seed form, or generate a new one`
  }
  return sameBytes(set.dsa.keygen(priv).publicKey, pub) ? undefined : 'its private key "priv" (the seed) does not belong to its public key "pub"'
}

/** The ML-DSA algorithm of an OID, or undefined when it is none of the three. */
export function mlDsaOfOid(oid: string): MlDsaAlgorithm | undefined {
  return (Object.keys(PARAMETERS) as MlDsaAlgorithm[]).find((alg) => oid === `2.16.840.1.101.3.4.3.${PARAMETERS[alg].oidLast}`)
}


function publicJwkOf(alg: MlDsaAlgorithm, publicKey: Uint8Array): JWK {
  return { kty: 'AKP', alg, pub: encodeBase64url(publicKey) } as JWK
}

/**
 * The AKP JWK of an ML-DSA SubjectPublicKeyInfo or PKCS#8 PrivateKeyInfo (RFC 9881). A private key
 * in the `seed` or `both` form gives a JWK with `priv` (the seed) and `pub`; the `expandedKey`-only
 * form is refused with the reason, because an AKP JWK holds the seed, which it no longer carries.
 * Never throws.
 */
export function akpJwkFromDer(alg: MlDsaAlgorithm, kind: 'spki' | 'pkcs8', der: Uint8Array): Result<JWK, AkpDerErrorCode> {
  const set = PARAMETERS[alg]
  try {
    if (kind === 'spki') {
      const key = spkiBits(der)
      if (key === undefined) return err('PEM_INVALID', `The ${alg} SPKI public key has no readable key bytes. Copy the key again, complete and unchanged.`)
      if (key.length !== set.publicBytes) {
        return err('PEM_INVALID', `The ${alg} public key is ${key.length} bytes, but an ${alg} public key is exactly ${set.publicBytes} bytes. Copy the key again, complete and unchanged.`)
      }
      return ok(publicJwkOf(alg, key))
    }
    const octets = sequence(der)?.[2]
    if (octets === undefined || octets.tag !== DER.OCTET_STRING) {
      return err('PEM_INVALID', `The ${alg} PKCS#8 private key has no private key octets. Copy the key again, complete and unchanged.`)
    }
    const seed = seedOf(alg, der.subarray(octets.start, octets.end))
    if (!seed.ok) return seed
    return ok({ ...publicJwkOf(alg, set.dsa.keygen(seed.value).publicKey), priv: encodeBase64url(seed.value) } as JWK)
  } catch (cause) {
    return err('PEM_INVALID', `The ${alg} key could not be read: ${cause instanceof Error ? cause.message : String(cause)}. Copy the key again, complete and unchanged.`)
  }
}

/** The seed of an ML-DSA PrivateKey CHOICE: `seed`, `expandedKey` or `both` (RFC 9881 §6). */
function seedOf(alg: MlDsaAlgorithm, privateKey: Uint8Array): Result<Uint8Array, AkpDerErrorCode> {
  const set = PARAMETERS[alg]
  const [only, ...rest] = elements(privateKey) ?? []
  const content = only === undefined ? undefined : privateKey.subarray(only.start, only.end)
  if (only === undefined || content === undefined || rest.length > 0) {
    return err('PEM_INVALID', `The ${alg} private key is not in any form of RFC 9881 (seed, expandedKey or both). Copy the key again, complete and unchanged.`)
  }
  if (only.tag === SEED_TAG) {
    if (content.length !== SEED_BYTES) return err('PEM_INVALID', `The ${alg} private key's seed is ${content.length} bytes, but it must be ${SEED_BYTES}. Copy the key again, complete and unchanged.`)
    return ok(content)
  }
  if (only.tag === DER.OCTET_STRING) {
    return err('PEM_INVALID', `The ${alg} private key holds only the ${content.length}-byte expanded key, not the ${SEED_BYTES}-byte seed it was made from. An AKP JWK holds the seed (RFC 9964), so this key cannot be used here. Export it in seed form (e.g. openssl's ml-dsa.output_formats=seed-priv or seed-only), or generate a new key.`)
  }
  const both = only.tag === DER.SEQUENCE ? elements(privateKey, only.start, only.end) : undefined
  const [seedPart, expandedPart] = both ?? []
  if (both?.length !== 2 || seedPart?.tag !== DER.OCTET_STRING || expandedPart?.tag !== DER.OCTET_STRING) {
    return err('PEM_INVALID', `The ${alg} private key is not in any form of RFC 9881 (seed, expandedKey or both). Copy the key again, complete and unchanged.`)
  }
  const seed = privateKey.subarray(seedPart.start, seedPart.end)
  const expanded = privateKey.subarray(expandedPart.start, expandedPart.end)
  if (seed.length !== SEED_BYTES || expanded.length !== set.expandedBytes) {
    return err('PEM_INVALID', `The ${alg} private key's seed and expanded key are ${seed.length} and ${expanded.length} bytes, but they must be ${SEED_BYTES} and ${set.expandedBytes}. Copy the key again, complete and unchanged.`)
  }
  if (!sameBytes(set.dsa.keygen(seed).secretKey, expanded)) {
    return err('PEM_INVALID', `The ${alg} private key carries a seed and an expanded key that do not belong together (RFC 9881 §8 asks to refuse such a key). The key is corrupted or was assembled from two keys.`)
  }
  return ok(seed)
}

function algorithmIdentifier(alg: MlDsaAlgorithm): Uint8Array {
  // AlgorithmIdentifier { id-ml-dsa-NN } with the parameters absent (RFC 9881 §2).
  return new Uint8Array([DER.SEQUENCE, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, PARAMETERS[alg].oidLast])
}

/**
 * SubjectPublicKeyInfo (`part: 'spki'`) or PKCS#8 PrivateKeyInfo DER (the `seed` form RFC 9881
 * recommends) of an AKP JWK. Throws on a JWK that is not an ML-DSA key with the members needed.
 */
export function akpDerFromJwk(jwk: JWK, part: 'spki' | 'pkcs8'): Uint8Array {
  const alg = (jwk as Record<string, unknown>).alg
  if (!isMlDsa(alg)) throw new Error('the JWK names no ML-DSA "alg"')
  const pub = decode(jwk, 'pub')
  if (pub === undefined) throw new Error('the JWK has no "pub"')
  if (part === 'spki') return tlv(DER.SEQUENCE, algorithmIdentifier(alg), tlv(DER.BIT_STRING, new Uint8Array([0]), pub))
  const seed = decode(jwk, 'priv')
  if (seed === undefined) throw new Error('the JWK has no private key "priv"')
  return tlv(DER.SEQUENCE, new Uint8Array([DER.INTEGER, 1, 0]), algorithmIdentifier(alg), tlv(DER.OCTET_STRING, tlv(SEED_TAG, seed)))
}

/** Decoded key bytes per imported key (the expanded private key, or the public key). */
const keyBytes = new WeakMap<MaterialKey, Uint8Array>()

function bytesOf(key: KeyHandle, type: 'private' | 'public'): Uint8Array {
  const bytes = key instanceof CryptoKey ? undefined : keyBytes.get(key)
  if (bytes === undefined || (key as MaterialKey).type !== type) throw new TypeError(`the key was not imported as an ML-DSA ${type} key`)
  return bytes
}

/**
 * The browser's own ML-DSA key, where its WebCrypto has ML-DSA (the WICG "Modern Algorithms in the
 * Web Cryptography API" names); undefined where it has not, which is every shipping engine today.
 */
async function webCryptoKey(alg: MlDsaAlgorithm, usage: KeyPurpose, bytes: Uint8Array): Promise<CryptoKey | undefined> {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined
  if (subtle === undefined) return undefined
  try {
    const format = (usage === 'verify' ? 'raw-public' : 'raw-seed') as 'raw'
    return await subtle.importKey(format, bytes as Uint8Array<ArrayBuffer>, { name: alg }, false, [usage])
  } catch {
    return undefined
  }
}

function implementation(alg: MlDsaAlgorithm): SignatureImplementation {
  const set = PARAMETERS[alg]
  return {
    importKey: async (material: KeyMaterial, usage: KeyPurpose) => {
      const jwk = { ...material.jwk, alg } as JWK
      const problem = akpKeyProblem(jwk, usage === 'sign')
      if (problem !== undefined) throw new Error(problem)
      const bytes = decode(jwk, usage === 'sign' ? 'priv' : 'pub') as Uint8Array
      const native = await webCryptoKey(alg, usage, bytes)
      if (native !== undefined) return native
      const key: MaterialKey = { type: usage === 'sign' ? 'private' : 'public', jwk }
      keyBytes.set(key, usage === 'sign' ? set.dsa.keygen(bytes).secretKey : bytes)
      return key
    },
    // FIPS 204 ML-DSA.Sign with an empty context, hedged (fresh randomness per signature), as RFC 9964 uses it.
    sign: async (key, data) => {
      if (key instanceof CryptoKey) return new Uint8Array(await crypto.subtle.sign({ name: alg }, key, data as Uint8Array<ArrayBuffer>))
      return set.dsa.sign(data, bytesOf(key, 'private'))
    },
    verify: async (key, signature, data) => {
      if (signature.length !== set.signatureBytes) return false
      if (key instanceof CryptoKey) return crypto.subtle.verify({ name: alg }, key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>)
      try {
        return set.dsa.verify(signature, data, bytesOf(key, 'public'))
      } catch {
        return false
      }
    },
    generatePair: async () => generated(alg, crypto.getRandomValues(new Uint8Array(SEED_BYTES))),
  }
}

function generated(alg: MlDsaAlgorithm, seed: Uint8Array): GeneratedPair {
  const { publicKey, secretKey } = PARAMETERS[alg].dsa.keygen(seed)
  const publicJwk = publicJwkOf(alg, publicKey)
  const privateJwk = { ...publicJwk, priv: encodeBase64url(seed) } as JWK
  const privateKey: MaterialKey = { type: 'private', jwk: privateJwk }
  const pub: MaterialKey = { type: 'public', jwk: publicJwk }
  keyBytes.set(privateKey, secretKey)
  keyBytes.set(pub, publicKey)
  return { privateKey, publicKey: pub, privateJwk, pkcs8: akpDerFromJwk(privateJwk, 'pkcs8'), spki: akpDerFromJwk(publicJwk, 'spki') }
}

/** ML-DSA-44, -65 and -87 (RFC 9964): the implementation of each parameter set. */
export const mlDsaImplementations: Readonly<Record<MlDsaAlgorithm, SignatureImplementation>> = {
  'ML-DSA-44': implementation('ML-DSA-44'),
  'ML-DSA-65': implementation('ML-DSA-65'),
  'ML-DSA-87': implementation('ML-DSA-87'),
}
