import { T, children, content, element, oidText } from './der-reader'
import type { AlgorithmIdentifier, Certificate } from './certificate'

const CURVES: Readonly<Record<string, { readonly name: string; readonly size: number }>> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', size: 32 },
  '1.3.132.0.34': { name: 'P-384', size: 48 },
  '1.3.132.0.35': { name: 'P-521', size: 66 },
}

const HASHES: Readonly<Record<string, string>> = {
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  '1.3.14.3.2.26': 'SHA-1',
}

/** Signature algorithms by OID, with the hash they use. */
const SIGNATURES: Readonly<Record<string, { readonly label: string; readonly family: 'rsa' | 'pss' | 'ecdsa' | 'ed25519'; readonly hash?: string }>> = {
  '1.2.840.113549.1.1.11': { label: 'sha256WithRSAEncryption', family: 'rsa', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { label: 'sha384WithRSAEncryption', family: 'rsa', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { label: 'sha512WithRSAEncryption', family: 'rsa', hash: 'SHA-512' },
  '1.2.840.113549.1.1.10': { label: 'RSASSA-PSS', family: 'pss' },
  '1.2.840.10045.4.3.2': { label: 'ecdsa-with-SHA256', family: 'ecdsa', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { label: 'ecdsa-with-SHA384', family: 'ecdsa', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { label: 'ecdsa-with-SHA512', family: 'ecdsa', hash: 'SHA-512' },
  '1.3.101.112': { label: 'Ed25519', family: 'ed25519' },
}

const WEAK_SIGNATURES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
}

/** The signature algorithm's usual name (or its OID). */
export function signatureAlgorithmName(a: AlgorithmIdentifier): string {
  return SIGNATURES[a.oid]?.label ?? WEAK_SIGNATURES[a.oid] ?? a.oid
}

/** The public key in words, e.g. `EC P-256`, `RSA 2048 bits`, `Ed25519`. */
export function publicKeyName(cert: Certificate): string {
  const { oid, parameters } = cert.keyAlgorithm
  if (oid === '1.2.840.10045.2.1') {
    const curveOid = parameters !== undefined ? oidText(parameters, element(parameters, 0)) : undefined
    return `EC ${(curveOid !== undefined ? CURVES[curveOid]?.name : undefined) ?? curveOid ?? 'unknown curve'}`
  }
  if (oid === '1.2.840.113549.1.1.1' || oid === '1.2.840.113549.1.1.10') {
    const bits = rsaModulusBits(cert.spki)
    return bits !== undefined ? `RSA ${bits} bits` : 'RSA'
  }
  if (oid === '1.3.101.112') return 'Ed25519'
  if (oid === '1.3.101.113') return 'Ed448'
  return oid
}

function rsaModulusBits(spki: Uint8Array): number | undefined {
  const top = element(spki, 0)
  const bits = children(spki, top, 2)?.[1]
  if (bits?.tag !== T.BIT_STRING) return undefined
  const key = element(spki, bits.start + 1, bits.end)
  const n = children(spki, key, 2)?.[0]
  if (n?.tag !== T.INTEGER) return undefined
  let start = n.start
  while (start < n.end && spki[start] === 0) start++
  if (start === n.end) return 0
  return (n.end - start - 1) * 8 + (32 - Math.clz32(spki[start] as number))
}

/** Converts an ECDSA signature `SEQUENCE { r, s }` to the fixed-size `r || s` WebCrypto expects. */
function ecdsaRaw(der: Uint8Array, size: number): Uint8Array | undefined {
  const [r, s, ...rest] = children(der, element(der, 0), 3) ?? []
  if (r?.tag !== T.INTEGER || s?.tag !== T.INTEGER || rest.length > 0) return undefined
  const out = new Uint8Array(size * 2)
  for (const [i, part] of [r, s].entries()) {
    let bytes = content(der, part)
    while (bytes.length > size && bytes[0] === 0) bytes = bytes.subarray(1)
    if (bytes.length > size) return undefined
    out.set(bytes, i * size + size - bytes.length)
  }
  return out
}

interface PssParameters {
  readonly hash: string
  readonly saltLength: number
}

/** RSASSA-PSS-params (RFC 4055 §3.1): hash, MGF1 hash (must match for WebCrypto), salt length. */
function pssParameters(parameters: Uint8Array | undefined): PssParameters | string {
  let hash = 'SHA-1'
  let mgfHash = 'SHA-1'
  let saltLength = 20
  if (parameters !== undefined) {
    for (const field of children(parameters, element(parameters, 0), 4) ?? []) {
      const inner = element(parameters, field.start, field.end)
      if (field.tag === 0xa0) hash = HASHES[oidText(parameters, children(parameters, inner, 2)?.[0]) ?? ''] ?? 'unknown'
      else if (field.tag === 0xa1) {
        const mgfAlgorithm = children(parameters, children(parameters, inner, 2)?.[1], 2)?.[0]
        mgfHash = HASHES[oidText(parameters, mgfAlgorithm) ?? ''] ?? 'unknown'
      } else if (field.tag === 0xa2 && inner?.tag === T.INTEGER && inner.end - inner.start <= 2) {
        saltLength = 0
        for (let i = inner.start; i < inner.end; i++) saltLength = saltLength * 256 + (parameters[i] as number)
      }
    }
  }
  if (hash === 'unknown' || hash !== mgfHash) return 'its RSASSA-PSS parameters use a hash (or a mask hash differing from it) that cannot be checked here'
  return { hash, saltLength }
}

/** The outcome of checking one certificate's signature with its issuer's key. */
export type SignatureCheck = { readonly valid: true } | { readonly valid: false; readonly reason: string }

/**
 * Verifies `cert`'s signature with the public key of `issuer` (WebCrypto). Any failure (an
 * unsupported algorithm, a key that does not import, a signature that does not verify) is a
 * reason in words, never an exception.
 */
export async function verifyCertificateSignature(cert: Certificate, issuer: Certificate): Promise<SignatureCheck> {
  const weak = WEAK_SIGNATURES[cert.signatureAlgorithm.oid]
  if (weak !== undefined) return { valid: false, reason: `it is signed with ${weak}, a broken hash that no verifier should accept` }
  const spec = SIGNATURES[cert.signatureAlgorithm.oid]
  if (spec === undefined) return { valid: false, reason: `its signature algorithm ${cert.signatureAlgorithm.oid} is not supported here` }
  try {
    if (spec.family === 'ed25519') {
      const key = await crypto.subtle.importKey('spki', issuer.spki as BufferSource, { name: 'Ed25519' }, false, ['verify'])
      return outcome(await crypto.subtle.verify({ name: 'Ed25519' }, key, cert.signature as BufferSource, cert.tbs as BufferSource))
    }
    if (spec.family === 'ecdsa') {
      const curveOid = issuer.keyAlgorithm.parameters !== undefined ? oidText(issuer.keyAlgorithm.parameters, element(issuer.keyAlgorithm.parameters, 0)) : undefined
      const curve = curveOid !== undefined ? CURVES[curveOid] : undefined
      if (issuer.keyAlgorithm.oid !== '1.2.840.10045.2.1' || curve === undefined) return { valid: false, reason: `it is signed with ${spec.label}, but the issuer's key is ${publicKeyName(issuer)}` }
      const raw = ecdsaRaw(cert.signature, curve.size)
      if (raw === undefined) return { valid: false, reason: 'its ECDSA signature is not a valid DER SEQUENCE of two integers' }
      const key = await crypto.subtle.importKey('spki', issuer.spki as BufferSource, { name: 'ECDSA', namedCurve: curve.name }, false, ['verify'])
      return outcome(await crypto.subtle.verify({ name: 'ECDSA', hash: spec.hash as string }, key, raw as BufferSource, cert.tbs as BufferSource))
    }
    if (issuer.keyAlgorithm.oid !== '1.2.840.113549.1.1.1' && issuer.keyAlgorithm.oid !== '1.2.840.113549.1.1.10') {
      return { valid: false, reason: `it is signed with ${spec.label}, but the issuer's key is ${publicKeyName(issuer)}` }
    }
    if (spec.family === 'pss') {
      const params = pssParameters(cert.signatureAlgorithm.parameters)
      if (typeof params === 'string') return { valid: false, reason: params }
      const key = await crypto.subtle.importKey('spki', issuer.spki as BufferSource, { name: 'RSA-PSS', hash: params.hash }, false, ['verify'])
      return outcome(await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: params.saltLength }, key, cert.signature as BufferSource, cert.tbs as BufferSource))
    }
    const key = await crypto.subtle.importKey('spki', issuer.spki as BufferSource, { name: 'RSASSA-PKCS1-v1_5', hash: spec.hash as string }, false, ['verify'])
    return outcome(await crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, key, cert.signature as BufferSource, cert.tbs as BufferSource))
  } catch {
    return { valid: false, reason: `the issuer's public key (${publicKeyName(issuer)}) could not be used to check a ${spec.label} signature` }
  }
}

function outcome(valid: boolean): SignatureCheck {
  return valid ? { valid: true } : { valid: false, reason: 'the signature does not verify with the issuer\'s public key' }
}
