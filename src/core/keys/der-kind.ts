import { TAG, readTopSequence } from './der'

/** The key structure a DER body holds, judged by its shape alone. */
export type DerKind = 'spki' | 'pkcs8' | 'pkcs1-public' | 'pkcs1-private' | 'sec1' | 'certificate'

/** The PEM label each structure belongs under. */
export const LABEL_OF: Readonly<Record<DerKind, string>> = {
  spki: 'PUBLIC KEY',
  pkcs8: 'PRIVATE KEY',
  'pkcs1-public': 'RSA PUBLIC KEY',
  'pkcs1-private': 'RSA PRIVATE KEY',
  sec1: 'EC PRIVATE KEY',
  certificate: 'CERTIFICATE',
}

/** Plain names of the structures for messages. */
export const NAME_OF: Readonly<Record<DerKind, string>> = {
  spki: 'SPKI public key',
  pkcs8: 'PKCS#8 private key',
  'pkcs1-public': 'PKCS#1 RSA public key',
  'pkcs1-private': 'PKCS#1 RSA private key',
  sec1: 'SEC1 EC private key',
  certificate: 'X.509 certificate',
}

/** Recognises a key structure from the tags of its top-level SEQUENCE; undefined when none fits. */
export function detectDerKind(der: Uint8Array): DerKind | undefined {
  const parts = readTopSequence(der)
  if (parts === undefined) return undefined
  const tags = parts.map((p) => p.tag)
  const is = (...expected: number[]) => expected.every((tag, i) => tags[i] === tag)
  if (tags.length === 2 && is(TAG.SEQUENCE, TAG.BIT_STRING)) return 'spki'
  if (tags.length === 3 && is(TAG.SEQUENCE, TAG.SEQUENCE, TAG.BIT_STRING)) return 'certificate'
  if (tags.length === 2 && is(TAG.INTEGER, TAG.INTEGER)) return 'pkcs1-public'
  if (tags.length >= 9 && tags.slice(0, 9).every((t) => t === TAG.INTEGER)) return 'pkcs1-private'
  if (tags.length >= 3 && is(TAG.INTEGER, TAG.SEQUENCE, TAG.OCTET_STRING)) return 'pkcs8'
  if (tags.length >= 2 && is(TAG.INTEGER, TAG.OCTET_STRING)) return 'sec1'
  return undefined
}
