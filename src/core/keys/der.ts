/**
 * Just enough DER to find a key's algorithm and to wrap PKCS#1 / SEC1 keys into SPKI / PKCS#8.
 * Every reader returns undefined on malformed input instead of throwing: pasted text is untrusted.
 */

import { children, element, oidText, type Der } from '../x509/der-reader'

/** One DER element: its tag and where its content lies in the buffer (the certificate reader's element). */
export type DerElement = Der

/** DER tags used here. */
export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
  CONTEXT_0: 0xa0,
} as const

/** The outer SEQUENCE when it spans the whole buffer, with its children. */
export function readTopSequence(bytes: Uint8Array): DerElement[] | undefined {
  const top = element(bytes, 0)
  if (top === undefined || top.tag !== TAG.SEQUENCE || top.end !== bytes.length) return undefined
  return children(bytes, top)
}

/** An AlgorithmIdentifier: the algorithm OID and, when the parameter is an OID (EC curves), that too. */
export interface AlgorithmId {
  readonly oid: string
  readonly parameterOid?: string
}

/** Reads an AlgorithmIdentifier SEQUENCE. */
function readAlgorithmId(bytes: Uint8Array, sequence: DerElement | undefined): AlgorithmId | undefined {
  if (sequence === undefined || sequence.tag !== TAG.SEQUENCE) return undefined
  const parts = children(bytes, sequence)
  const algorithm = oidText(bytes, parts?.[0])
  if (algorithm === undefined) return undefined
  const param = parts?.[1]
  if (param === undefined || param.tag !== TAG.OID) return { oid: algorithm }
  // A parameter that claims to be an OID but is broken makes the whole identifier unreadable.
  const parameterOid = oidText(bytes, param)
  return parameterOid === undefined ? undefined : { oid: algorithm, parameterOid }
}

/** Algorithm of a SubjectPublicKeyInfo. */
export function spkiAlgorithm(der: Uint8Array): AlgorithmId | undefined {
  const parts = readTopSequence(der)
  if (parts === undefined || parts.length !== 2 || parts[1]?.tag !== TAG.BIT_STRING) return undefined
  return readAlgorithmId(der, parts[0])
}

/** The subjectPublicKey bytes of a SubjectPublicKeyInfo (its BIT STRING without the unused-bits byte). */
export function spkiKeyBytes(der: Uint8Array): Uint8Array | undefined {
  const bits = readTopSequence(der)?.[1]
  if (bits === undefined || bits.tag !== TAG.BIT_STRING || bits.end - bits.start < 2 || der[bits.start] !== 0) return undefined
  return der.subarray(bits.start + 1, bits.end)
}

/** The modulus and public exponent of a PKCS#1 RSAPublicKey (`SEQUENCE { n INTEGER, e INTEGER }`). */
export function rsaPublicParts(pkcs1: Uint8Array): { readonly n: Uint8Array; readonly e: Uint8Array } | undefined {
  const parts = readTopSequence(pkcs1)
  const n = parts?.[0]
  const e = parts?.[1]
  if (parts === undefined || parts.length !== 2 || n?.tag !== TAG.INTEGER || e?.tag !== TAG.INTEGER) return undefined
  return { n: pkcs1.subarray(n.start, n.end), e: pkcs1.subarray(e.start, e.end) }
}

/** Algorithm of a PKCS#8 PrivateKeyInfo (version 0 or 1). */
export function pkcs8Algorithm(der: Uint8Array): AlgorithmId | undefined {
  const parts = readTopSequence(der)
  if (parts === undefined || parts.length < 3 || parts[0]?.tag !== TAG.INTEGER || parts[2]?.tag !== TAG.OCTET_STRING) return undefined
  return readAlgorithmId(der, parts[1])
}

/** The SubjectPublicKeyInfo bytes inside an X.509 certificate. */
export function certificateSpki(der: Uint8Array): Uint8Array | undefined {
  const parts = readTopSequence(der)
  const tbs = parts?.[0]
  if (tbs === undefined || tbs.tag !== TAG.SEQUENCE) return undefined
  const fields = children(der, tbs)
  if (fields === undefined) return undefined
  // tbsCertificate: [0] version (optional), serial, signature, issuer, validity, subject, spki, …
  const index = fields[0]?.tag === TAG.CONTEXT_0 ? 6 : 5
  const spki = fields[index]
  if (spki === undefined || spki.tag !== TAG.SEQUENCE) return undefined
  return der.slice(spki.offset, spki.end)
}

/** The curve OID in a SEC1 ECPrivateKey's `[0] parameters`, or undefined when it is missing. */
export function sec1CurveOid(der: Uint8Array): string | undefined {
  const parts = readTopSequence(der)
  if (parts === undefined || parts[0]?.tag !== TAG.INTEGER || parts[1]?.tag !== TAG.OCTET_STRING) return undefined
  const params = parts.find((p) => p.tag === TAG.CONTEXT_0)
  if (params === undefined) return undefined
  return oidText(der, element(der, params.start, params.end))
}

function encodeLength(length: number): number[] {
  if (length < 0x80) return [length]
  const out: number[] = []
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) out.unshift(rest % 256)
  return [0x80 | out.length, ...out]
}

/** One DER element from its tag and content. */
export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const size = content.reduce((sum, part) => sum + part.length, 0)
  const head = [tag, ...encodeLength(size)]
  const out = new Uint8Array(head.length + size)
  out.set(head, 0)
  let offset = head.length
  for (const part of content) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** DER encoding of a dotted OID. */
export function oid(dotted: string): Uint8Array {
  const numbers = dotted.split('.').map(Number)
  const values = [(numbers[0] as number) * 40 + (numbers[1] as number), ...numbers.slice(2)]
  const out: number[] = []
  for (const value of values) {
    const groups: number[] = []
    for (let rest = value; ; rest = Math.floor(rest / 128)) {
      groups.unshift(rest % 128)
      if (rest < 128) break
    }
    groups.forEach((g, i) => out.push(i < groups.length - 1 ? g | 0x80 : g))
  }
  return tlv(TAG.OID, new Uint8Array(out))
}

/** Object identifiers of the key algorithms and curves the parser recognises. */
export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  p521: '1.3.132.0.35',
  secp256k1: '1.3.132.0.10',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
  x25519: '1.3.101.110',
  x448: '1.3.101.111',
  dsa: '1.2.840.10040.4.1',
  mlDsa44: '2.16.840.1.101.3.4.3.17',
  mlDsa65: '2.16.840.1.101.3.4.3.18',
  mlDsa87: '2.16.840.1.101.3.4.3.19',
} as const

const RSA_ALGORITHM_ID = () => tlv(TAG.SEQUENCE, oid(OID.rsaEncryption), new Uint8Array([TAG.NULL, 0]))

/** Wraps a PKCS#1 RSAPublicKey into a SubjectPublicKeyInfo. */
export function wrapPkcs1Public(pkcs1: Uint8Array): Uint8Array {
  return tlv(TAG.SEQUENCE, RSA_ALGORITHM_ID(), tlv(TAG.BIT_STRING, new Uint8Array([0]), pkcs1))
}

/** Wraps a PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo. */
export function wrapPkcs1Private(pkcs1: Uint8Array): Uint8Array {
  return tlv(TAG.SEQUENCE, new Uint8Array([TAG.INTEGER, 1, 0]), RSA_ALGORITHM_ID(), tlv(TAG.OCTET_STRING, pkcs1))
}

/** Wraps a SEC1 ECPrivateKey into a PKCS#8 PrivateKeyInfo for the given curve. */
export function wrapSec1(sec1: Uint8Array, curveOid: string): Uint8Array {
  const algorithm = tlv(TAG.SEQUENCE, oid(OID.ecPublicKey), oid(curveOid))
  return tlv(TAG.SEQUENCE, new Uint8Array([TAG.INTEGER, 1, 0]), algorithm, tlv(TAG.OCTET_STRING, sec1))
}
