/**
 * ES256K (secp256k1) and Ed448 with @noble/curves, for the curves WebCrypto lacks. This module is
 * loaded on demand (see `on-demand.ts`): nothing of it is in the first-paint JavaScript. It checks
 * keys (point on the curve, private key belonging to the public key), converts them between JWK and
 * DER (SPKI, PKCS#8), and signs, verifies and generates.
 *
 * It imports no run-time code of the first-paint key modules (only types): a module shared with the
 * first-paint bundle would be split out of it into a chunk of its own, which the page then loads
 * at first paint too. The little DER and base64url it needs come from `on-demand-der.ts`, which
 * only the on-demand modules import.
 */
import { ed448 } from '@noble/curves/ed448.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import type { Result } from '../result'
import type { JWK } from '../types'
import { DER, concat, encodeBase64url, err, innerContent, jwkBytes, ok, sameBytes, sequence, spkiBits, tlv } from './on-demand-der'
import type { GeneratedPair, KeyHandle, KeyMaterial, KeyPurpose, MaterialKey, SignatureImplementation } from './signature-implementation'

/** The curves this module implements. */
export type NobleCurve = 'secp256k1' | 'Ed448'

/** Error codes of {@link jwkFromDer}. */
export type CurveDerErrorCode = 'PEM_INVALID'

const SECP256K1_BYTES = 32
const ED448_BYTES = 57

/** AlgorithmIdentifier DER: { id-ecPublicKey 1.2.840.10045.2.1, secp256k1 1.3.132.0.10 } (RFC 5480). */
const SECP256K1_ALGORITHM = [0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x0a]
/** AlgorithmIdentifier DER: { id-Ed448 1.3.101.113 } without parameters (RFC 8410 §3). */
const ED448_ALGORITHM = [0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x71]


function decode(jwk: JWK, name: 'x' | 'y' | 'd'): Uint8Array | undefined {
  return jwkBytes(jwk, name)
}

/** Decoded key bytes per imported key, so a repeated verify does not decode the JWK again. */
const keyBytes = new WeakMap<MaterialKey, Uint8Array>()


/** The uncompressed SEC1 point `04 ‖ x ‖ y` of a secp256k1 JWK, or the reason there is none. */
function secp256k1Point(jwk: JWK): Result<Uint8Array, 'KEY_INVALID'> {
  const x = decode(jwk, 'x')
  const y = decode(jwk, 'y')
  if (x === undefined || y === undefined) return err('KEY_INVALID', 'it needs both "x" and "y" as base64url')
  if (x.length !== SECP256K1_BYTES || y.length !== SECP256K1_BYTES) {
    return err('KEY_INVALID', `its x and y are ${x.length} and ${y.length} bytes, but secp256k1 needs exactly ${SECP256K1_BYTES} each`)
  }
  const point = concat(new Uint8Array([4]), x, y)
  try {
    secp256k1.Point.fromBytes(point).assertValidity()
  } catch {
    return err('KEY_INVALID', 'its point (x, y) is not on curve secp256k1, so it is no secp256k1 public key (a corrupted or forged key; an invalid-curve attack uses such points)')
  }
  return ok(point)
}

/**
 * Why a secp256k1 or Ed448 JWK cannot be used, or undefined when it can: the public point must lie
 * on the curve (and for Ed448 not be of small order); a private key must belong to that point.
 */
export function curveKeyProblem(curve: NobleCurve, jwk: JWK, withPrivate: boolean): string | undefined {
  if (curve === 'secp256k1') {
    const point = secp256k1Point(jwk)
    if (!point.ok) return point.error.message
    if (!withPrivate) return undefined
    const d = decode(jwk, 'd')
    if (d === undefined || d.length !== SECP256K1_BYTES) return `its private key "d" must be ${SECP256K1_BYTES} bytes of base64url`
    if (!secp256k1.utils.isValidSecretKey(d)) return 'its private key "d" is not between 1 and the curve order n − 1'
    return sameBytes(secp256k1.getPublicKey(d, false), point.value) ? undefined : 'its private key "d" does not belong to its public key (x, y)'
  }
  const x = decode(jwk, 'x')
  if (x === undefined || x.length !== ED448_BYTES) return `its public key "x" must be ${ED448_BYTES} bytes of base64url`
  let smallOrder: boolean
  try {
    smallOrder = ed448.Point.fromBytes(x).isSmallOrder()
  } catch {
    return 'its public key "x" is not a point on curve Ed448 (a corrupted or forged key)'
  }
  if (smallOrder) return 'its public key is a small-order point (such as the identity), for which forged signatures verify'
  if (!withPrivate) return undefined
  const d = decode(jwk, 'd')
  if (d === undefined || d.length !== ED448_BYTES) return `its private key "d" must be ${ED448_BYTES} bytes of base64url (the seed of RFC 8032)`
  return sameBytes(ed448.getPublicKey(d), x) ? undefined : 'its private key "d" does not belong to its public key "x"'
}

function publicJwkOf(curve: NobleCurve, publicKey: Uint8Array): JWK {
  return curve === 'secp256k1'
    ? { kty: 'EC', crv: 'secp256k1', x: encodeBase64url(publicKey.subarray(1, 33)), y: encodeBase64url(publicKey.subarray(33, 65)) }
    : { kty: 'OKP', crv: 'Ed448', x: encodeBase64url(publicKey) }
}

/**
 * The JWK of a secp256k1 or Ed448 SubjectPublicKeyInfo or PKCS#8 PrivateKeyInfo (a private JWK
 * carries its public members, derived from the private key). A compressed secp256k1 point is
 * decompressed. Never throws.
 */
export function jwkFromDer(curve: NobleCurve, kind: 'spki' | 'pkcs8', der: Uint8Array): Result<JWK, CurveDerErrorCode> {
  try {
    return kind === 'spki' ? publicFromSpki(curve, der) : privateFromPkcs8(curve, der)
  } catch (cause) {
    return err('PEM_INVALID', `The ${curve} key could not be read: ${cause instanceof Error ? cause.message : String(cause)}. Copy the key again, complete and unchanged.`)
  }
}

function publicFromSpki(curve: NobleCurve, der: Uint8Array): Result<JWK, CurveDerErrorCode> {
  // SubjectPublicKeyInfo: DER.SEQUENCE { algorithm, subjectPublicKey BIT STRING (no unused bits) }.
  const bytes = spkiBits(der)
  if (bytes === undefined) return err('PEM_INVALID', `The ${curve} SPKI public key has no readable key bytes. Copy the key again, complete and unchanged.`)
  if (curve === 'Ed448') {
    if (bytes.length !== ED448_BYTES) {
      return err('PEM_INVALID', `The Ed448 public key is ${bytes.length} bytes, but Ed448 public keys are exactly ${ED448_BYTES} bytes. Copy the key again, complete and unchanged.`)
    }
    return ok(publicJwkOf(curve, bytes))
  }
  let point: Uint8Array
  try {
    point = secp256k1.Point.fromBytes(bytes).toBytes(false)
  } catch {
    return err('PEM_INVALID', `The secp256k1 public key (${bytes.length} bytes) is not a point on curve secp256k1. Copy the key again, complete and unchanged; a key whose point is off the curve is corrupted or forged.`)
  }
  return ok(publicJwkOf(curve, point))
}


function privateFromPkcs8(curve: NobleCurve, der: Uint8Array): Result<JWK, CurveDerErrorCode> {
  const parts = sequence(der)
  const octets = parts?.[2]
  if (parts === undefined || octets === undefined || octets.tag !== DER.OCTET_STRING) {
    return err('PEM_INVALID', `The ${curve} PKCS#8 private key has no private key octets. Copy the key again, complete and unchanged.`)
  }
  const privateKey = der.subarray(octets.start, octets.end)
  if (curve === 'Ed448') {
    // RFC 8410 §7: CurvePrivateKey ::= OCTET STRING, the 57-byte seed of RFC 8032.
    const seed = innerContent(privateKey, DER.OCTET_STRING)
    if (seed === undefined || seed.length !== ED448_BYTES) {
      const size = seed === undefined ? 'not an OCTET STRING' : `${seed.length} bytes`
      return err('PEM_INVALID', `The Ed448 private key is ${size}, but an Ed448 private key is exactly ${ED448_BYTES} bytes (RFC 8410 §7). Copy the key again, complete and unchanged.`)
    }
    return ok({ ...publicJwkOf(curve, ed448.getPublicKey(seed)), d: encodeBase64url(seed) })
  }
  // SEC1 ECPrivateKey: DER.SEQUENCE { version 1, privateKey OCTET STRING, [0] parameters, [1] publicKey }.
  const sec1 = sequence(privateKey)
  const scalar = sec1?.[1]
  if (sec1 === undefined || sec1[0]?.tag !== DER.INTEGER || scalar === undefined || scalar.tag !== DER.OCTET_STRING) {
    return err('PEM_INVALID', 'The secp256k1 private key does not hold a SEC1 ECPrivateKey. Copy the key again, complete and unchanged.')
  }
  const raw = privateKey.subarray(scalar.start, scalar.end)
  if (raw.length > SECP256K1_BYTES) {
    return err('PEM_INVALID', `The secp256k1 private key is ${raw.length} bytes, but it must be at most ${SECP256K1_BYTES}. Copy the key again, complete and unchanged.`)
  }
  // Some encoders drop leading zero bytes of the scalar.
  const d = concat(new Uint8Array(SECP256K1_BYTES - raw.length), raw)
  if (!secp256k1.utils.isValidSecretKey(d)) {
    return err('PEM_INVALID', 'The secp256k1 private key is not between 1 and the curve order n − 1, so it is no key. Copy the key again, complete and unchanged.')
  }
  return ok({ ...publicJwkOf(curve, secp256k1.getPublicKey(d, false)), d: encodeBase64url(d) })
}

function algorithmIdentifier(curve: NobleCurve): Uint8Array {
  return new Uint8Array(curve === 'secp256k1' ? SECP256K1_ALGORITHM : ED448_ALGORITHM)
}

function publicBytes(curve: NobleCurve, jwk: JWK): Uint8Array {
  if (curve === 'Ed448') {
    const x = decode(jwk, 'x')
    if (x === undefined) throw new Error('the JWK has no "x"')
    return x
  }
  const point = secp256k1Point(jwk)
  if (!point.ok) throw new Error(point.error.message)
  return point.value
}

/**
 * SubjectPublicKeyInfo (`part: 'spki'`) or PKCS#8 PrivateKeyInfo DER of a secp256k1 or Ed448 JWK, as
 * openssl writes them (RFC 5480 with curve OID 1.3.132.0.10; RFC 8410 with OID 1.3.101.113).
 * Throws on a JWK without the members needed.
 */
export function derFromJwk(curve: NobleCurve, jwk: JWK, part: 'spki' | 'pkcs8'): Uint8Array {
  const publicKey = publicBytes(curve, jwk)
  if (part === 'spki') return tlv(DER.SEQUENCE, algorithmIdentifier(curve), tlv(DER.BIT_STRING, new Uint8Array([0]), publicKey))
  const d = decode(jwk, 'd')
  if (d === undefined) throw new Error('the JWK has no private key "d"')
  const version = new Uint8Array([DER.INTEGER, 1, 0])
  const privateKey =
    curve === 'Ed448'
      ? tlv(DER.OCTET_STRING, d)
      : tlv(DER.SEQUENCE, new Uint8Array([DER.INTEGER, 1, 1]), tlv(DER.OCTET_STRING, d), tlv(0xa1, tlv(DER.BIT_STRING, new Uint8Array([0]), publicKey)))
  return tlv(DER.SEQUENCE, version, algorithmIdentifier(curve), tlv(DER.OCTET_STRING, privateKey))
}

function materialKey(curve: NobleCurve, material: KeyMaterial, usage: KeyPurpose): MaterialKey {
  const problem = curveKeyProblem(curve, material.jwk, usage === 'sign')
  if (problem !== undefined) throw new Error(problem)
  const key: MaterialKey = { type: usage === 'sign' ? 'private' : 'public', jwk: material.jwk }
  keyBytes.set(key, usage === 'sign' ? (decode(material.jwk, 'd') as Uint8Array) : publicBytes(curve, material.jwk))
  return key
}

function bytesOf(key: KeyHandle, type: 'private' | 'public'): Uint8Array {
  const bytes = key instanceof CryptoKey ? undefined : keyBytes.get(key)
  if (bytes === undefined || (key as MaterialKey).type !== type) throw new TypeError(`the key was not imported as a ${type} key for this curve`)
  return bytes
}

function generated(curve: NobleCurve, secret: Uint8Array, publicKey: Uint8Array): GeneratedPair {
  const privateJwk: JWK = { ...publicJwkOf(curve, publicKey), d: encodeBase64url(secret) }
  const privateKey: MaterialKey = { type: 'private', jwk: privateJwk }
  const publicJwk = publicJwkOf(curve, publicKey)
  const pub: MaterialKey = { type: 'public', jwk: publicJwk }
  keyBytes.set(privateKey, secret)
  keyBytes.set(pub, publicKey)
  return { privateKey, publicKey: pub, privateJwk, pkcs8: derFromJwk(curve, privateJwk, 'pkcs8'), spki: derFromJwk(curve, publicJwk, 'spki') }
}

/**
 * ES256K (RFC 8812 §3.2): ECDSA on secp256k1 with SHA-256, signatures as R ‖ S (64 bytes). Signing
 * gives low-S signatures with added randomness (hedged, like WebCrypto's ECDSA); verifying accepts
 * high-S ones too, because JOSE does not require low-S.
 */
export const secp256k1Implementation: SignatureImplementation = {
  importKey: async (material, usage) => materialKey('secp256k1', material, usage),
  sign: async (key, data) => secp256k1.sign(data, bytesOf(key, 'private'), { prehash: true, lowS: true, extraEntropy: true }),
  verify: async (key, signature, data) => {
    const publicKey = bytesOf(key, 'public')
    try {
      return secp256k1.verify(signature, data, publicKey, { prehash: true, lowS: false, format: 'compact' })
    } catch {
      return false
    }
  },
  generatePair: async () => {
    const secret = secp256k1.utils.randomSecretKey()
    return generated('secp256k1', secret, secp256k1.getPublicKey(secret, false))
  },
}

/** Ed448 (RFC 8032 §5.2, pure EdDSA with an empty context): 57-byte keys, 114-byte signatures. */
export const ed448Implementation: SignatureImplementation = {
  importKey: async (material, usage) => materialKey('Ed448', material, usage),
  sign: async (key, data) => ed448.sign(data, bytesOf(key, 'private')),
  verify: async (key, signature, data) => {
    const publicKey = bytesOf(key, 'public')
    try {
      return ed448.verify(signature, data, publicKey)
    } catch {
      return false
    }
  },
  generatePair: async () => {
    const secret = ed448.utils.randomSecretKey()
    return generated('Ed448', secret, ed448.getPublicKey(secret))
  },
}
