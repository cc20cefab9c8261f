import type { JwsAlgorithm, ParsedKey } from '../types'
import type { SignatureImplementation } from './signature-implementation'
import { webCrypto } from './webcrypto'

/** A JWS algorithm that signs (every one but `none`). */
export type SigningAlgorithm = Exclude<JwsAlgorithm, 'none'>

/** The family a JWS algorithm belongs to; it decides which key type fits. */
export type AlgorithmFamily = 'HS' | 'RS' | 'PS' | 'ES' | 'Ed'

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
  /** The hash the algorithm signs (`SHA-256`…); absent where it hashes internally (Ed25519). */
  readonly hash?: HashName
  /** Output size of {@link AlgorithmSpec.hash} in bytes: HMAC's recommended secret size, PSS's salt size. */
  readonly hashBytes?: number
  /** Key type that fits. */
  readonly kty: ParsedKey['kty']
  /** Curve the key must be on (ES*, EdDSA). */
  readonly crv?: 'P-256' | 'P-384' | 'P-521' | 'Ed25519'
  /** Exact signature size in bytes where the algorithm fixes it (HS*, ES*, Ed25519); RSA's follows the key. */
  readonly signatureBytes?: number
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

function ecdsa(alg: SigningAlgorithm, hash: HashName, bytes: number, crv: 'P-256' | 'P-384' | 'P-521', signatureBytes: number): AlgorithmSpec {
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

function ed25519(alg: SigningAlgorithm): AlgorithmSpec {
  return {
    alg, family: 'Ed', kty: 'OKP', crv: 'Ed25519', signatureBytes: 64, deterministic: true, rfc: 'RFC 8037',
    need: 'an Ed25519 (OKP) key',
    verifyKeyHint: `an Ed25519 public key ${PUBLIC_KEY_FORMS} for ${alg}`,
    signKeyHint: 'paste an Ed25519 private key (PEM or JWK), or generate one.',
    implementation: webCrypto({ importParams: { name: 'Ed25519' }, signParams: { name: 'Ed25519' }, generateParams: () => ({ name: 'Ed25519' }) }),
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
  EdDSA: ed25519('EdDSA'),
  Ed25519: ed25519('Ed25519'),
}

/** Every algorithm the engine can sign and verify with (all but `none`). */
export const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = Object.keys(SPECS) as SigningAlgorithm[]

/** The supported algorithms as a list for messages: `HS256, …, EdDSA or Ed25519` (`and` with `conjunction`). */
export function supportedAlgorithmList(conjunction: 'or' | 'and' | ',' = 'or'): string {
  if (conjunction === ',') return SIGNING_ALGORITHMS.join(', ')
  return `${SIGNING_ALGORITHMS.slice(0, -1).join(', ')} ${conjunction} ${SIGNING_ALGORITHMS[SIGNING_ALGORITHMS.length - 1]}`
}

/** The registry entry of a supported signing algorithm, or undefined for `none` and anything unknown. */
export function algorithmSpec(alg: string): AlgorithmSpec | undefined {
  return Object.prototype.hasOwnProperty.call(SPECS, alg) ? SPECS[alg as SigningAlgorithm] : undefined
}

/** Whether a key of this type and curve fits the algorithm's entry. */
export function keyFitsSpec(key: Pick<ParsedKey, 'kty' | 'crv'>, spec: AlgorithmSpec): boolean {
  return spec.kty === key.kty && (spec.crv === undefined || spec.crv === key.crv)
}

/** Algorithms a key of this type can be used with, for "choose one of …" hints. */
export function algorithmsForKey(key: Pick<ParsedKey, 'kty' | 'crv'>): string[] {
  return SIGNING_ALGORITHMS.filter((alg) => keyFitsSpec(key, SPECS[alg]))
}

/** Plain description of a key for messages, e.g. `an RSA public key (2048 bits)`. */
export function describeKey(key: Pick<ParsedKey, 'kind' | 'kty' | 'crv' | 'bits'>): string {
  switch (key.kty) {
    case 'oct':
      return `a ${key.bits}-bit HMAC secret`
    case 'RSA':
      return `an RSA ${key.kind} key (${key.bits} bits)`
    case 'EC':
      return `an EC ${key.crv ?? 'unknown-curve'} ${key.kind} key`
    case 'OKP':
      return `an ${key.crv ?? 'OKP'} ${key.kind} key`
  }
}
