/**
 * The weak-secret cracker: tries candidate HMAC secrets against one HS256/HS384/HS512 token.
 */
import { err, ok, type Result } from '../result'
import type { DecodedToken } from '../types'
import { encodeUtf8Into, type CandidateBatch } from './candidate-batch'
import { createFixedMessageHmac, type HmacAlgorithm } from './hmac-engine'

export type { HmacAlgorithm } from './hmac-engine'

/** Error codes of {@link createCracker}. */
export type CrackErrorCode = 'NOT_HMAC' | 'TOKEN_MALFORMED'

/** A token reduced to what cracking needs. */
export interface CrackTarget {
  /** The compact `header.payload` text the signature was computed over. */
  readonly signingInput: string
  readonly signature: Uint8Array
  readonly alg: HmacAlgorithm
}

/** Tries secrets against one token. Keeps preallocated state: use one per thread of work. */
export interface Cracker {
  readonly alg: HmacAlgorithm
  readonly signingInput: string
  /** True when `key` is the secret. */
  tryKey(key: Uint8Array): boolean
  /** Index of the first candidate whose UTF-8 bytes are the secret, or -1. */
  tryBatch(candidates: readonly string[]): number
  /** Index of the first packed candidate in `[from, to)` that is the secret, or -1. */
  tryPacked(batch: CandidateBatch, from?: number, to?: number): number
  /** The same on a device that answers later (the GPU); jobs prefer it when present. */
  tryPackedAsync?(batch: CandidateBatch, from?: number, to?: number): Promise<number>
}

const HMAC_ALGS: readonly string[] = ['HS256', 'HS384', 'HS512']
const MAC_LENGTH: Record<HmacAlgorithm, number> = { HS256: 32, HS384: 48, HS512: 64 }

function isHmacAlg(alg: unknown): alg is HmacAlgorithm {
  return typeof alg === 'string' && HMAC_ALGS.includes(alg)
}

function notHmac(alg: string): string {
  return `This token uses ${alg}; cracking applies to HMAC tokens only (HS256, HS384, HS512), whose secret can be guessed offline.`
}

/** Reduces a decoded token to a {@link CrackTarget}, or says why it cannot be cracked. */
export function crackTargetFromToken(token: DecodedToken): Result<CrackTarget, CrackErrorCode> {
  if (token.kind === 'jwe') {
    return err('NOT_HMAC', 'This is an encrypted token (JWE); cracking applies to HMAC-signed tokens only (HS256, HS384, HS512).')
  }
  if (token.kind !== 'jws' || token.header === null || token.payload === null || token.signature === null) {
    return err('TOKEN_MALFORMED', 'This is not a signed token of three dot-separated parts; paste a complete header.payload.signature token to crack it.')
  }
  if (token.alg === undefined) {
    return err('TOKEN_MALFORMED', 'The header has no "alg" text, so the HMAC hash is unknown; cracking needs an HS256, HS384 or HS512 token.')
  }
  if (!isHmacAlg(token.alg)) return err('NOT_HMAC', notHmac(token.alg))
  if (token.signature.bytes === null) {
    return err('TOKEN_MALFORMED', 'The signature is not valid base64url, so there is nothing to compare guesses against; paste the token exactly as issued.')
  }
  return ok({
    signingInput: `${token.header.encoded}.${token.payload.encoded}`,
    signature: token.signature.bytes,
    alg: token.alg,
  })
}

function isCrackTarget(input: DecodedToken | CrackTarget): input is CrackTarget {
  return 'signingInput' in input
}

/**
 * Prepares a cracker for an HS256/HS384/HS512 token. The signing input is padded and scheduled
 * once here, so each guess costs only the key-dependent hash blocks.
 */
export function createCracker(input: DecodedToken | CrackTarget): Result<Cracker, CrackErrorCode> {
  let target: CrackTarget
  if (isCrackTarget(input)) {
    target = input
  } else {
    const reduced = crackTargetFromToken(input)
    if (!reduced.ok) return reduced
    target = reduced.value
  }
  if (!isHmacAlg(target.alg)) return err('NOT_HMAC', notHmac(String(target.alg)))
  const macLength = MAC_LENGTH[target.alg]
  if (target.signature.length !== macLength) {
    return err(
      'TOKEN_MALFORMED',
      `The signature is ${target.signature.length} bytes but ${target.alg} signatures are ${macLength} bytes; no secret can match, so check that the token is complete.`,
    )
  }
  const message = new Uint8Array(target.signingInput.length * 3)
  const messageLength = encodeUtf8Into(target.signingInput, message, 0)
  const hmac = createFixedMessageHmac(target.alg, message.subarray(0, messageLength))
  const words = macLength / 4
  const expected = new Int32Array(words)
  for (let i = 0; i < macLength; i++) expected[i >> 2] = expected[i >> 2]! | (target.signature[i]! << (24 - 8 * (i & 3)))
  const first = expected[0]!
  const mac = hmac.mac

  const matches = (src: Uint8Array, start: number, end: number): boolean => {
    hmac.compute(src, start, end)
    // A single word rejects all but one guess in four billion; compare the rest only then.
    if (mac[0] !== first) return false
    for (let j = 1; j < words; j++) if (mac[j] !== expected[j]) return false
    return true
  }

  let scratch = new Uint8Array(256)
  return ok({
    alg: target.alg,
    signingInput: target.signingInput,
    tryKey: (key) => matches(key, 0, key.length),
    tryBatch(candidates) {
      for (let i = 0; i < candidates.length; i++) {
        const text = candidates[i]!
        if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3)
        if (matches(scratch, 0, encodeUtf8Into(text, scratch, 0))) return i
      }
      return -1
    },
    tryPacked(batch, from = 0, to = batch.count) {
      const { bytes, offsets } = batch
      const stop = Math.min(to, batch.count)
      for (let i = Math.max(0, from); i < stop; i++) {
        if (matches(bytes, offsets[i]!, offsets[i + 1]!)) return i
      }
      return -1
    },
  })
}
