/**
 * Signatures made without the private key, for degenerate public keys (RFC 8017 encodings built by
 * hand with node:crypto hashes, Ed25519 torsion points). Each one verifies in Node's WebCrypto and
 * therefore in jose, which is exactly why the core must refuse the keys themselves.
 */
import { constants, createHash, createPublicKey, publicEncrypt, randomBytes, verify as nodeVerify } from 'node:crypto'

export type HashName = 'sha256' | 'sha384' | 'sha512'

const DIGEST_INFO: Readonly<Record<HashName, string>> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
}

const HASH_BYTES: Readonly<Record<HashName, number>> = { sha256: 32, sha384: 48, sha512: 64 }

export function bigFromBytes(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`)
}

export function bytesFromBig(value: bigint, length: number): Uint8Array {
  const hex = value.toString(16).padStart(length * 2, '0')
  if (hex.length > length * 2) throw new Error('integer too large for its length')
  return new Uint8Array(Buffer.from(hex, 'hex'))
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length
}

/** EMSA-PKCS1-v1_5 (RFC 8017 §9.2) of `message` for a `k`-byte modulus. */
export function emsaPkcs1(message: Uint8Array, hash: HashName, k: number): Uint8Array {
  const t = Buffer.concat([Buffer.from(DIGEST_INFO[hash], 'hex'), createHash(hash).update(message).digest()])
  return new Uint8Array(Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(k - 3 - t.length, 0xff), Buffer.from([0]), t]))
}

function mgf1(seed: Uint8Array, length: number, hash: HashName): Uint8Array {
  const out = Buffer.alloc(length)
  let filled = 0
  for (let counter = 0; filled < length; counter++) {
    const c = Buffer.alloc(4)
    c.writeUInt32BE(counter)
    const block = createHash(hash).update(seed).update(c).digest()
    block.copy(out, filled, 0, Math.min(block.length, length - filled))
    filled += block.length
  }
  return new Uint8Array(out)
}

/** EMSA-PSS (RFC 8017 §9.1.1) with a salt as long as the hash (RFC 7518 §3.5), left-padded to `k` bytes. */
export function emsaPss(message: Uint8Array, hash: HashName, modBits: number, salt: Uint8Array = randomBytes(HASH_BYTES[hash])): Uint8Array {
  const hLen = HASH_BYTES[hash]
  const emBits = modBits - 1
  const emLen = Math.ceil(emBits / 8)
  const mHash = createHash(hash).update(message).digest()
  const h = createHash(hash).update(Buffer.alloc(8)).update(mHash).update(salt).digest()
  const db = Buffer.concat([Buffer.alloc(emLen - salt.length - hLen - 2), Buffer.from([1]), Buffer.from(salt)])
  const mask = mgf1(h, emLen - hLen - 1, hash)
  for (let i = 0; i < db.length; i++) db[i] = (db[i] as number) ^ (mask[i] as number)
  db[0] = (db[0] as number) & (0xff >> (8 * emLen - emBits))
  const em = Buffer.concat([db, h, Buffer.from([0xbc])])
  const k = Math.ceil(modBits / 8)
  return new Uint8Array(Buffer.concat([Buffer.alloc(k - em.length), em]))
}

function byteLength(value: bigint): number {
  return Math.max(1, Math.ceil(bitLength(value) / 8))
}

/**
 * base^exponent mod modulus. For large odd moduli this borrows OpenSSL's Montgomery exponentiation
 * through a raw RSA public operation (the "key" is modulus and exponent): 50 times faster than
 * BigInt squaring, which made each e = 2 forgery take a tenth of a second.
 */
function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if ((modulus & 1n) === 1n && modulus > 1n << 64n && exponent > 1n && exponent < modulus) {
    const length = byteLength(modulus)
    const key = createPublicKey({
      key: { kty: 'RSA', n: Buffer.from(bytesFromBig(modulus, length)).toString('base64url'), e: Buffer.from(bytesFromBig(exponent, byteLength(exponent))).toString('base64url') },
      format: 'jwk',
    })
    return bigFromBytes(publicEncrypt({ key, padding: constants.RSA_NO_PADDING }, bytesFromBig(base % modulus, length)))
  }
  let result = 1n
  let b = base % modulus
  let e = exponent
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus
    b = (b * b) % modulus
    e >>= 1n
  }
  return result
}

/** A square root of `a` modulo the odd prime `p` (Tonelli–Shanks), or undefined for a non-residue. */
function sqrtModPrime(a: bigint, p: bigint): bigint | undefined {
  const x = a % p
  if (x === 0n) return 0n
  if (modPow(x, (p - 1n) / 2n, p) !== 1n) return undefined
  if (p % 4n === 3n) return modPow(x, (p + 1n) / 4n, p)
  let q = p - 1n
  let s = 0n
  while ((q & 1n) === 0n) {
    q >>= 1n
    s++
  }
  let z = 2n
  while (modPow(z, (p - 1n) / 2n, p) !== p - 1n) z++
  let m = s
  let c = modPow(z, q, p)
  let t = modPow(x, q, p)
  let r = modPow(x, (q + 1n) / 2n, p)
  while (t !== 1n) {
    let i = 0n
    let t2 = t
    while (t2 !== 1n) {
      t2 = (t2 * t2) % p
      i++
    }
    const b = modPow(c, 1n << (m - i - 1n), p)
    m = i
    c = (b * b) % p
    t = (t * c) % p
    r = (r * b) % p
  }
  return r
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m]
  let [oldS, s] = [1n, 0n]
  while (r !== 0n) {
    const q = oldR / r
    ;[oldR, r] = [r, oldR - q * r]
    ;[oldS, s] = [s, oldS - q * s]
  }
  return ((oldS % m) + m) % m
}

/**
 * A Rabin "signature" s with s² ≡ em (mod n = p·q), i.e. a valid RSA signature under the public
 * exponent e = 2, or undefined when em is not a square modulo n (three times in four).
 */
export function rabinSignature(em: Uint8Array, p: bigint, q: bigint): Uint8Array | undefined {
  const m = bigFromBytes(em)
  const residue = (prime: bigint) => m % prime === 0n || modPow(m, (prime - 1n) / 2n, prime) === 1n
  if (!residue(q) || !residue(p)) return undefined
  const rp = sqrtModPrime(m, p)
  const rq = sqrtModPrime(m, q)
  if (rp === undefined || rq === undefined) return undefined
  const n = p * q
  const s = (rp * q * modInverse(q, p) + rq * p * modInverse(p, q)) % n
  return bytesFromBig(s, Math.ceil(bitLength(n) / 8))
}

/**
 * Ed25519 encodings of the eight small-order points (canonical and the non-canonical y ≥ p forms),
 * each with both x-sign bits: the public keys and R values of forgeries with S = 0.
 */
export const ED25519_SMALL_ORDER: readonly string[] = (() => {
  const base = [
    '0100000000000000000000000000000000000000000000000000000000000000',
    'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    '0000000000000000000000000000000000000000000000000000000000000000',
    'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
    '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
    'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  ]
  const out: string[] = []
  for (const hex of base) {
    out.push(hex)
    const signed = Buffer.from(hex, 'hex')
    signed[31] = (signed[31] as number) | 0x80
    out.push(signed.toString('hex'))
  }
  return out
})()

/**
 * A signature R || S with S = 0 that Node accepts for `message` under the small-order public key
 * `x` (raw 32 bytes), found by trying every small-order R: [S]B − [k]A = −[k]A lies in the torsion
 * subgroup. For the identity key, R = identity works for every message. Undefined when Node takes
 * none of them (it refuses some non-canonical encodings).
 */
export function smallOrderForgery(x: Uint8Array, message: Uint8Array): Uint8Array | undefined {
  const zero = Buffer.alloc(32)
  let key
  try {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(x).toString('base64url') }, format: 'jwk' })
  } catch {
    key = undefined
  }
  if (key !== undefined) {
    for (const r of ED25519_SMALL_ORDER) {
      const sig = Buffer.concat([Buffer.from(r, 'hex'), zero])
      try {
        if (nodeVerify(null, message, key, sig)) return new Uint8Array(sig)
      } catch {
        // Node refused the encoding; try the next one.
      }
    }
  }
  return undefined
}

/** The order of the P-256/P-384/P-521 base points, for high-S (n − s) signatures. */
export const CURVE_ORDER: Readonly<Record<string, bigint>> = {
  'P-256': 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  'P-384': 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  'P-521': 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
}

/** The Ed25519 group order L, for S + L (non-canonical S) signatures. */
export const ED25519_ORDER = 0x1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3edn

/** The DER (ASN.1) form of a raw R || S ECDSA signature, as OpenSSL writes it. */
export function ecdsaDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2
  const int = (bytes: Uint8Array) => {
    let i = 0
    while (i < bytes.length - 1 && bytes[i] === 0) i++
    let body = Buffer.from(bytes.subarray(i))
    if (((body[0] as number) & 0x80) !== 0) body = Buffer.concat([Buffer.from([0]), body])
    return Buffer.concat([Buffer.from([0x02]), derLength(body.length), body])
  }
  const content = Buffer.concat([int(raw.subarray(0, half)), int(raw.subarray(half))])
  return new Uint8Array(Buffer.concat([Buffer.from([0x30]), derLength(content.length), content]))
}

function derLength(n: number): Buffer {
  return n < 0x80 ? Buffer.from([n]) : Buffer.from([0x81, n])
}
