import type { JwsAlgorithm, ParsedKey } from '../types'
import { mlDsaOnDemand, onDemand } from './on-demand'
import type { KeyHandle, SignatureImplementation } from './signature-implementation'
import { webCrypto } from './webcrypto'

/** A JWS algorithm that signs (every one but `none`). */
export type SigningAlgorithm = Exclude<JwsAlgorithm, 'none'>

/** The family a JWS algorithm belongs to; it decides which key type fits. */
export type AlgorithmFamily = 'HS' | 'RS' | 'PS' | 'ES' | 'Ed' | 'ML-DSA'

/** A curve of the EC and OKP signing keys. */
export type CurveName = 'P-256' | 'P-384' | 'P-521' | 'secp256k1' | 'Ed25519' | 'Ed448'

/** A hash function of the JWS algorithms. */
export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512'

/**
 * Everything the engine knows about one signing algorithm: the registry entry that key import,
 * signing, verifying, key generation, the walkthrough and the labs read. Adding an algorithm is one
 * entry in the table below (and, where WebCrypto lacks it, one {@link SignatureImplementation}).
 */
export interface AlgorithmSpec {
  readonly alg: SigningAlgorithm
  readonly family: AlgorithmFamily
  /** The hash the algorithm signs (`SHA-256`…); absent where it hashes internally (EdDSA, ML-DSA). */
  readonly hash?: HashName
  /** Output size of {@link AlgorithmSpec.hash} in bytes: HMAC's recommended secret size, PSS's salt size. */
  readonly hashBytes?: number
  /** Key type that fits. */
  readonly kty: ParsedKey['kty']
  /** Curve the key must be on (ES*, Ed25519, Ed448); for `EdDSA` the usual one of {@link AlgorithmSpec.curves}. */
  readonly crv?: CurveName
  /** Every curve that fits, where more than one does: `EdDSA` takes Ed25519 and Ed448 keys (RFC 8037). */
  readonly curves?: readonly CurveName[]
  /**
   * Exact signature size in bytes where the algorithm fixes it (HS*, ES*, Ed25519, Ed448, ML-DSA); RSA's
   * follows the key, and so does `EdDSA`'s curve (see {@link signatureBytesFor}).
   */
  readonly signatureBytes?: number
  /** Public key size in bytes where the algorithm fixes it and it is worth telling (ML-DSA's are kilobytes). */
  readonly publicKeyBytes?: number
  /** NIST post-quantum security category (FIPS 204: ML-DSA-44 is 2, -65 is 3, -87 is 5). */
  readonly securityCategory?: 2 | 3 | 5
  /** Whether the same key and input always give the same signature (no salt, no nonce). */
  readonly deterministic: boolean
  /** Where the algorithm is defined for JWS, e.g. `RFC 7518 §3.2`. */
  readonly rfc: string
  /** What the algorithm needs, for messages: `a shared secret`, `an EC key on curve P-256`. */
  readonly need: string
  /** What to paste to verify, e.g. `an RSA public key (PEM, certificate, JWK or JWKS) for RS256`. */
  readonly verifyKeyHint: string
  /** What to do to sign, e.g. `paste an RSA private key (PEM or JWK), or generate one.` */
  readonly signKeyHint: string
  /** How keys are imported, and signatures made and checked. */
  readonly implementation: SignatureImplementation
}

const RSA_HINT = 'paste an RSA private key (PEM or JWK), or generate one.'
const PUBLIC_KEY_FORMS = '(PEM, certificate, JWK or JWKS)'
const F4 = new Uint8Array([1, 0, 1])

function hmac(alg: SigningAlgorithm, hash: HashName, bytes: number): AlgorithmSpec {
  return {
    alg, family: 'HS', hash, hashBytes: bytes, kty: 'oct', signatureBytes: bytes, deterministic: true, rfc: 'RFC 7518 §3.2',
    need: 'a shared secret',
    verifyKeyHint: `the shared secret (${alg} uses an HMAC secret)`,
    signKeyHint: 'type or paste the shared secret into the signing key.',
    implementation: webCrypto({ importParams: { name: 'HMAC', hash }, signParams: { name: 'HMAC' } }),
  }
}

function rsa(alg: SigningAlgorithm, family: 'RS' | 'PS', hash: HashName, bytes: number): AlgorithmSpec {
  const name = family === 'RS' ? 'RSASSA-PKCS1-v1_5' : 'RSA-PSS'
  return {
    alg, family, hash, hashBytes: bytes, kty: 'RSA', deterministic: family === 'RS', rfc: family === 'RS' ? 'RFC 7518 §3.3' : 'RFC 7518 §3.5',
    need: 'an RSA key',
    verifyKeyHint: `an RSA public key ${PUBLIC_KEY_FORMS} for ${alg}`,
    signKeyHint: RSA_HINT,
    implementation: webCrypto({
      importParams: { name, hash },
      // RFC 7518 §3.5: the PSS salt is as long as the hash.
      signParams: family === 'RS' ? { name } : { name, saltLength: bytes },
      generateParams: (modulusLength) => ({ name, modulusLength, publicExponent: F4, hash }),
    }),
  }
}

function ecdsa(alg: SigningAlgorithm, hash: HashName, bytes: number, crv: 'P-256' | 'P-384' | 'P-521' | 'secp256k1', signatureBytes: number): AlgorithmSpec {
  return {
    alg, family: 'ES', hash, hashBytes: bytes, kty: 'EC', crv, signatureBytes, deterministic: false, rfc: 'RFC 7518 §3.4',
    need: `an EC key on curve ${crv}`,
    verifyKeyHint: `an EC ${crv} public key ${PUBLIC_KEY_FORMS} for ${alg}`,
    signKeyHint: 'paste an EC private key (PEM or JWK), or generate one.',
    implementation: webCrypto({
      importParams: { name: 'ECDSA', namedCurve: crv },
      signParams: { name: 'ECDSA', hash },
      generateParams: () => ({ name: 'ECDSA', namedCurve: crv }),
    }),
  }
}

const ED25519 = webCrypto({ importParams: { name: 'Ed25519' }, signParams: { name: 'Ed25519' }, generateParams: () => ({ name: 'Ed25519' }) })
const ED448 = onDemand((curves) => curves.ed448Implementation)

function edwards(alg: SigningAlgorithm, crv: 'Ed25519' | 'Ed448'): AlgorithmSpec {
  return {
    alg, family: 'Ed', kty: 'OKP', crv, signatureBytes: crv === 'Ed448' ? 114 : 64, deterministic: true, rfc: alg === 'EdDSA' ? 'RFC 8037' : 'RFC 9864',
    need: `an ${crv} (OKP) key`,
    verifyKeyHint: `an ${crv} public key ${PUBLIC_KEY_FORMS} for ${alg}`,
    signKeyHint: `paste an ${crv} private key (PEM or JWK), or generate one.`,
    implementation: crv === 'Ed448' ? ED448 : ED25519,
  }
}

/**
 * `EdDSA` of RFC 8037: the key's curve decides between Ed25519 (WebCrypto) and Ed448; a generated
 * key is Ed25519. RFC 9864 deprecates the name in favour of `Ed25519` and `Ed448`.
 */
function polymorphicEdDsa(): AlgorithmSpec {
  const of = (key: KeyHandle) => (key instanceof CryptoKey ? ED25519 : ED448)
  const { signatureBytes: _size, ...ed25519 } = edwards('EdDSA', 'Ed25519')
  return {
    ...ed25519,
    curves: ['Ed25519', 'Ed448'],
    need: 'an Ed25519 or Ed448 (OKP) key',
    verifyKeyHint: `an Ed25519 or Ed448 public key ${PUBLIC_KEY_FORMS} for EdDSA`,
    signKeyHint: 'paste an Ed25519 or Ed448 private key (PEM or JWK), or generate one.',
    implementation: {
      importKey: (material, usage) => (material.jwk.crv === 'Ed448' ? ED448 : ED25519).importKey(material, usage),
      sign: (key, data) => of(key).sign(key, data),
      verify: (key, signature, data) => of(key).verify(key, signature, data),
      ...(ED25519.generatePair === undefined ? {} : { generatePair: ED25519.generatePair }),
    },
  }
}

/** ES256K (RFC 8812 §3.2): ECDSA on secp256k1 with SHA-256, which WebCrypto lacks. */
function es256k(): AlgorithmSpec {
  return {
    ...ecdsa('ES256K', 'SHA-256', 32, 'secp256k1', 64),
    rfc: 'RFC 8812 §3.2',
    implementation: onDemand((curves) => curves.secp256k1Implementation),
  }
}

/**
 * ML-DSA (FIPS 204) for JOSE, RFC 9964: a lattice signature with an `AKP` key bound to one parameter
 * set by its `alg`. No hash in the name (ML-DSA hashes with SHAKE256 inside); signatures are
 * kilobytes, public keys more than a kilobyte.
 */
function mlDsa(alg: 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87', signatureBytes: number, publicKeyBytes: number, securityCategory: 2 | 3 | 5): AlgorithmSpec {
  return {
    alg, family: 'ML-DSA', kty: 'AKP', signatureBytes, publicKeyBytes, securityCategory, deterministic: false, rfc: 'RFC 9964',
    need: `an ${alg} (AKP) key`,
    verifyKeyHint: `an ${alg} public key (PEM, AKP JWK or JWKS) for ${alg}`,
    signKeyHint: `paste an ${alg} private key (PEM or AKP JWK with its seed "priv"), or generate one.`,
    implementation: mlDsaOnDemand((module) => module.mlDsaImplementations[alg]),
  }
}

/** The registry: one entry per algorithm, in the order the app lists them. */
const SPECS: Readonly<Record<SigningAlgorithm, AlgorithmSpec>> = {
  HS256: hmac('HS256', 'SHA-256', 32),
  HS384: hmac('HS384', 'SHA-384', 48),
  HS512: hmac('HS512', 'SHA-512', 64),
  RS256: rsa('RS256', 'RS', 'SHA-256', 32),
  RS384: rsa('RS384', 'RS', 'SHA-384', 48),
  RS512: rsa('RS512', 'RS', 'SHA-512', 64),
  PS256: rsa('PS256', 'PS', 'SHA-256', 32),
  PS384: rsa('PS384', 'PS', 'SHA-384', 48),
  PS512: rsa('PS512', 'PS', 'SHA-512', 64),
  ES256: ecdsa('ES256', 'SHA-256', 32, 'P-256', 64),
  ES384: ecdsa('ES384', 'SHA-384', 48, 'P-384', 96),
  ES512: ecdsa('ES512', 'SHA-512', 64, 'P-521', 132),
  ES256K: es256k(),
  EdDSA: polymorphicEdDsa(),
  Ed25519: edwards('Ed25519', 'Ed25519'),
  Ed448: edwards('Ed448', 'Ed448'),
  'ML-DSA-44': mlDsa('ML-DSA-44', 2420, 1312, 2),
  'ML-DSA-65': mlDsa('ML-DSA-65', 3309, 1952, 3),
  'ML-DSA-87': mlDsa('ML-DSA-87', 4627, 2592, 5),
}

/** Every algorithm the engine can sign and verify with (all but `none`). */
export const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = Object.keys(SPECS) as SigningAlgorithm[]

/** The supported algorithms as a list for messages: `HS256, …, Ed25519 or Ed448` (`and` with `conjunction`). */
export function supportedAlgorithmList(conjunction: 'or' | 'and' | ',' = 'or'): string {
  if (conjunction === ',') return SIGNING_ALGORITHMS.join(', ')
  return `${SIGNING_ALGORITHMS.slice(0, -1).join(', ')} ${conjunction} ${SIGNING_ALGORITHMS[SIGNING_ALGORITHMS.length - 1]}`
}

/** The registry entry of a supported signing algorithm, or undefined for `none` and anything unknown. */
export function algorithmSpec(alg: string): AlgorithmSpec | undefined {
  return Object.prototype.hasOwnProperty.call(SPECS, alg) ? SPECS[alg as SigningAlgorithm] : undefined
}

/** The members of a key that decide which algorithms it fits. */
export type KeyShape = Pick<ParsedKey, 'kty' | 'crv'> & { readonly alg?: string | undefined }

/** Whether a key of this type and curve fits the algorithm's entry (an AKP key: its `alg` decides). */
export function keyFitsSpec(key: KeyShape, spec: AlgorithmSpec): boolean {
  if (spec.kty !== key.kty) return false
  if (spec.kty === 'AKP') return key.alg === spec.alg
  if (spec.curves !== undefined) return spec.curves.some((crv) => crv === key.crv)
  return spec.crv === undefined || spec.crv === key.crv
}

/**
 * The signature size of the algorithm with a key on `crv`: the entry's own, or for `EdDSA` that of
 * the curve's fully-specified entry (`Ed448`: 114 bytes). Undefined where the key decides (RSA).
 */
export function signatureBytesFor(spec: AlgorithmSpec, crv: string | undefined): number | undefined {
  if (spec.signatureBytes !== undefined) return spec.signatureBytes
  if (spec.curves === undefined) return undefined
  return Object.values(SPECS).find((other) => other.family === spec.family && other.crv === crv && other.curves === undefined)?.signatureBytes
}

/** Algorithms a key of this type can be used with, for "choose one of …" hints. */
export function algorithmsForKey(key: KeyShape): string[] {
  return SIGNING_ALGORITHMS.filter((alg) => keyFitsSpec(key, SPECS[alg]))
}

/** Plain description of a key for messages, e.g. `an RSA public key (2048 bits)`. */
export function describeKey(key: Pick<ParsedKey, 'kind' | 'kty' | 'crv' | 'bits'> & { readonly alg?: string | undefined }): string {
  switch (key.kty) {
    case 'oct':
      return `a ${key.bits}-bit HMAC secret`
    case 'RSA':
      return `an RSA ${key.kind} key (${key.bits} bits)`
    case 'EC':
      return `an EC ${key.crv ?? 'unknown-curve'} ${key.kind} key`
    case 'OKP':
      return `an ${key.crv ?? 'OKP'} ${key.kind} key`
    case 'AKP':
      return `an ${key.alg ?? 'ML-DSA'} ${key.kind} key`
  }
}
