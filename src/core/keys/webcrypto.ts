import type { JWK } from '../types'
import type { GeneratedPair, KeyHandle, KeyMaterial, KeyPurpose, SignatureImplementation } from './signature-implementation'

/** WebCrypto parameters of one algorithm: the same for import, sign and verify, plus key generation. */
export interface WebCryptoParameters {
  readonly importParams: AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams | HmacImportParams
  readonly signParams: AlgorithmIdentifier | RsaPssParams | EcdsaParams
  /** Key-pair generation parameters; absent for HMAC. */
  readonly generateParams?: (modulusLength: number) => RsaHashedKeyGenParams | EcKeyGenParams | Algorithm
}

const KEY_MEMBERS = ['kty', 'crv', 'n', 'e', 'x', 'y', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'oth'] as const

/** The {@link SignatureImplementation} of an algorithm WebCrypto has. */
export function webCrypto(params: WebCryptoParameters): SignatureImplementation {
  const generate = params.generateParams
  return {
    importKey: (material: KeyMaterial, usage: KeyPurpose) =>
      material.secret !== undefined
        ? crypto.subtle.importKey('raw', material.secret as Uint8Array<ArrayBuffer>, params.importParams, false, [usage])
        : crypto.subtle.importKey('jwk', material.jwk as JsonWebKey, params.importParams, false, [usage]),
    sign: async (key, data) => new Uint8Array(await crypto.subtle.sign(params.signParams, cryptoKey(key), data as Uint8Array<ArrayBuffer>)),
    verify: (key, signature, data) =>
      crypto.subtle.verify(params.signParams, cryptoKey(key), signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>),
    ...(generate === undefined ? {} : { generatePair: async ({ modulusLength }) => generatePair(generate(modulusLength)) }),
  }
}

function cryptoKey(key: KeyHandle): CryptoKey {
  if (!(key instanceof CryptoKey)) throw new TypeError('the key was not imported for WebCrypto')
  return key
}

/** Key generation attempts before an OperationError counts (see {@link generateWithRetry}). */
const GENERATE_ATTEMPTS = 4

/**
 * WebKit (WebKitGTK 2.50) fails about one Ed25519 generateKey in a hundred with an OperationError, while
 * it imports and signs with any Ed25519 key: a fresh attempt draws a fresh key, so a few are tried.
 */
async function generateWithRetry(params: RsaHashedKeyGenParams | EcKeyGenParams | Algorithm): Promise<CryptoKeyPair> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair
    } catch (cause) {
      if (attempt >= GENERATE_ATTEMPTS || !(cause instanceof Error) || cause.name !== 'OperationError') throw cause
    }
  }
}

async function generatePair(params: RsaHashedKeyGenParams | EcKeyGenParams | Algorithm): Promise<GeneratedPair> {
  const pair = await generateWithRetry(params)
  const exported = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as Record<string, unknown>
  // Key members only, in WebCrypto's order: `alg`, `ext` and `key_ops` describe this export, not the key.
  const privateJwk: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(exported)) if ((KEY_MEMBERS as readonly string[]).includes(name)) privateJwk[name] = value
  return {
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    privateJwk: privateJwk as JWK,
    pkcs8: new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)),
    spki: new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)),
  }
}
