import { oid, TAG, tlv, toPem } from '../keys'
import { rawSignature } from '../token'
import type { AttackerKey } from './attacker-key'

/** Signature algorithms of certificates (RFC 5758 §3.2, RFC 4055 §5). */
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2'
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11'
const COMMON_NAME = '2.5.4.3'
const UTF8_STRING = 0x0c
const UTC_TIME = 0x17
const DAY = 86_400_000

/**
 * A self-signed X.509 v3 certificate (RFC 5280 §4.1) for the attacker's key, as PEM: what an
 * `x5u` URL would serve. Issuer and subject are both `CN=<commonName>`; valid from a day ago for a
 * year. Throws only if WebCrypto fails.
 */
export async function selfSignedCertificate(key: AttackerKey, commonName: string, now = Date.now()): Promise<string> {
  const rsa = key.alg === 'RS256'
  const algorithm = rsa
    ? tlv(TAG.SEQUENCE, oid(SHA256_WITH_RSA), new Uint8Array([TAG.NULL, 0]))
    : tlv(TAG.SEQUENCE, oid(ECDSA_WITH_SHA256))
  const name = tlv(TAG.SEQUENCE, tlv(0x31, tlv(TAG.SEQUENCE, oid(COMMON_NAME), tlv(UTF8_STRING, new TextEncoder().encode(commonName)))))
  const serial = crypto.getRandomValues(new Uint8Array(16))
  serial[0] = ((serial[0] as number) & 0x7f) | 0x01
  const tbs = tlv(
    TAG.SEQUENCE,
    tlv(TAG.CONTEXT_0, tlv(TAG.INTEGER, new Uint8Array([2]))),
    tlv(TAG.INTEGER, serial),
    algorithm,
    name,
    tlv(TAG.SEQUENCE, utcTime(now - DAY), utcTime(now + 365 * DAY)),
    name,
    key.spki,
  )
  const raw = await rawSignature(key.alg, key.privateKey, tbs)
  const signature = rsa ? raw : ecdsaDer(raw)
  const certificate = tlv(TAG.SEQUENCE, tbs, algorithm, tlv(TAG.BIT_STRING, new Uint8Array([0]), signature))
  return toPem(certificate, 'CERTIFICATE')
}

/** UTCTime `YYMMDDHHMMSSZ` (RFC 5280 §4.1.2.5.1; fine until 2049). */
function utcTime(ms: number): Uint8Array {
  const iso = new Date(ms).toISOString()
  const text = iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19) + 'Z'
  return tlv(UTC_TIME, new TextEncoder().encode(text))
}

/** WebCrypto's r‖s ECDSA signature as the DER `SEQUENCE { r INTEGER, s INTEGER }` certificates use. */
export function ecdsaDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2
  return tlv(TAG.SEQUENCE, derInteger(raw.subarray(0, half)), derInteger(raw.subarray(half)))
}

function derInteger(bytes: Uint8Array): Uint8Array {
  let i = 0
  while (i < bytes.length - 1 && bytes[i] === 0) i++
  const body = bytes.subarray(i)
  // A set top bit would read as negative: DER prefixes a zero byte.
  return (body[0] as number) & 0x80 ? tlv(TAG.INTEGER, new Uint8Array([0]), body) : tlv(TAG.INTEGER, body)
}
