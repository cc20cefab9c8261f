import type { JwsAlgorithm, ParsedKey } from '../types'

/** The family a JWS algorithm belongs to; it decides which key type fits. */
export type AlgorithmFamily = 'HS' | 'RS' | 'PS' | 'ES' | 'Ed'

/** What the engine needs to know about one signing algorithm. */
export interface AlgorithmSpec {
  readonly alg: Exclude<JwsAlgorithm, 'none'>
  readonly family: AlgorithmFamily
  /** WebCrypto hash name (`SHA-256`…); Ed25519 hashes internally. */
  readonly hash?: 'SHA-256' | 'SHA-384' | 'SHA-512'
  /** Curve the key must be on (ES*, EdDSA). */
  readonly crv?: 'P-256' | 'P-384' | 'P-521' | 'Ed25519'
  /** Exact signature size in bytes where the algorithm fixes it (ES*, Ed25519). */
  readonly signatureBytes?: number
  /** Key type that fits. */
  readonly kty: ParsedKey['kty']
}

const SPECS: Readonly<Record<Exclude<JwsAlgorithm, 'none'>, AlgorithmSpec>> = {
  HS256: { alg: 'HS256', family: 'HS', hash: 'SHA-256', kty: 'oct' },
  HS384: { alg: 'HS384', family: 'HS', hash: 'SHA-384', kty: 'oct' },
  HS512: { alg: 'HS512', family: 'HS', hash: 'SHA-512', kty: 'oct' },
  RS256: { alg: 'RS256', family: 'RS', hash: 'SHA-256', kty: 'RSA' },
  RS384: { alg: 'RS384', family: 'RS', hash: 'SHA-384', kty: 'RSA' },
  RS512: { alg: 'RS512', family: 'RS', hash: 'SHA-512', kty: 'RSA' },
  PS256: { alg: 'PS256', family: 'PS', hash: 'SHA-256', kty: 'RSA' },
  PS384: { alg: 'PS384', family: 'PS', hash: 'SHA-384', kty: 'RSA' },
  PS512: { alg: 'PS512', family: 'PS', hash: 'SHA-512', kty: 'RSA' },
  ES256: { alg: 'ES256', family: 'ES', hash: 'SHA-256', crv: 'P-256', signatureBytes: 64, kty: 'EC' },
  ES384: { alg: 'ES384', family: 'ES', hash: 'SHA-384', crv: 'P-384', signatureBytes: 96, kty: 'EC' },
  ES512: { alg: 'ES512', family: 'ES', hash: 'SHA-512', crv: 'P-521', signatureBytes: 132, kty: 'EC' },
  EdDSA: { alg: 'EdDSA', family: 'Ed', crv: 'Ed25519', signatureBytes: 64, kty: 'OKP' },
  Ed25519: { alg: 'Ed25519', family: 'Ed', crv: 'Ed25519', signatureBytes: 64, kty: 'OKP' },
}

/** Every algorithm the engine can sign and verify with (all but `none`). */
export const SIGNING_ALGORITHMS: readonly Exclude<JwsAlgorithm, 'none'>[] = Object.keys(SPECS) as Exclude<JwsAlgorithm, 'none'>[]

/** The spec of a supported signing algorithm, or undefined for `none` and anything unknown. */
export function algorithmSpec(alg: string): AlgorithmSpec | undefined {
  return Object.prototype.hasOwnProperty.call(SPECS, alg) ? SPECS[alg as keyof typeof SPECS] : undefined
}

/** Algorithms a key of this type can be used with, for "choose one of …" hints. */
export function algorithmsForKey(key: Pick<ParsedKey, 'kty' | 'crv'>): string[] {
  return SIGNING_ALGORITHMS.filter((alg) => {
    const spec = SPECS[alg]
    return spec.kty === key.kty && (spec.crv === undefined || spec.crv === key.crv)
  })
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

/** Plain description of what an algorithm needs, e.g. `an EC key on curve P-256`. */
export function describeNeed(spec: AlgorithmSpec): string {
  switch (spec.family) {
    case 'HS':
      return 'a shared secret'
    case 'RS':
    case 'PS':
      return 'an RSA key'
    case 'ES':
      return `an EC key on curve ${spec.crv}`
    case 'Ed':
      return 'an Ed25519 (OKP) key'
  }
}
