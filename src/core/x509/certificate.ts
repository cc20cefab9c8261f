import { err, ok, type Result } from '../result'
import { T, children, content, ctx, element, encoding, hex, oidText, stringValue, timeValue, type Der } from './der-reader'
import type { BasicConstraints, CertificateErrorCode } from './types'

/** Names of the distinguished-name attributes commonly seen in certificates. */
const NAME_ATTRIBUTES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
}

const KEY_USAGE_BITS = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'] as const

const EXTENDED_KEY_USAGES: Readonly<Record<string, string>> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
}

/** Extensions this reader understands (RFC 5280 §4.2): a critical one outside this list is reported. */
export const UNDERSTOOD_EXTENSIONS: Readonly<Record<string, string>> = {
  '2.5.29.14': 'subjectKeyIdentifier',
  '2.5.29.15': 'keyUsage',
  '2.5.29.17': 'subjectAltName',
  '2.5.29.19': 'basicConstraints',
  '2.5.29.35': 'authorityKeyIdentifier',
  '2.5.29.37': 'extKeyUsage',
}

/** An AlgorithmIdentifier: its OID and the DER of its parameters (if any). */
export interface AlgorithmIdentifier {
  readonly oid: string
  readonly parameters?: Uint8Array
}

/** One certificate as read from its DER. */
export interface Certificate {
  readonly der: Uint8Array
  readonly tbs: Uint8Array
  readonly serial: string
  readonly subject: string
  readonly issuer: string
  readonly subjectDer: Uint8Array
  readonly issuerDer: Uint8Array
  readonly notBefore: number
  readonly notAfter: number
  readonly spki: Uint8Array
  readonly keyAlgorithm: AlgorithmIdentifier
  readonly signatureAlgorithm: AlgorithmIdentifier
  readonly signature: Uint8Array
  readonly keyUsage?: readonly string[]
  readonly extendedKeyUsage?: readonly string[]
  readonly basicConstraints?: BasicConstraints
  /** OIDs of critical extensions this reader does not understand. */
  readonly unknownCritical: readonly string[]
}

function algorithm(bytes: Uint8Array, e: Der | undefined): AlgorithmIdentifier | undefined {
  if (e?.tag !== T.SEQUENCE) return undefined
  const parts = children(bytes, e)
  const id = oidText(bytes, parts?.[0])
  if (parts === undefined || id === undefined || parts.length > 2) return undefined
  const param = parts[1]
  return param === undefined || param.tag === T.NULL ? { oid: id } : { oid: id, parameters: encoding(bytes, param) }
}

/** A Name as `CN=…, O=…` in the order the certificate lists it, or undefined when malformed. */
function nameText(bytes: Uint8Array, e: Der | undefined): string | undefined {
  if (e?.tag !== T.SEQUENCE) return undefined
  const rdns = children(bytes, e, 64)
  if (rdns === undefined) return undefined
  const parts: string[] = []
  for (const rdn of rdns) {
    if (rdn.tag !== T.SET) return undefined
    for (const attribute of children(bytes, rdn, 16) ?? []) {
      const [type, value] = children(bytes, attribute, 2) ?? []
      const id = oidText(bytes, type)
      if (id === undefined || value === undefined) return undefined
      parts.push(`${NAME_ATTRIBUTES[id] ?? id}=${stringValue(bytes, value)}`)
    }
  }
  return parts.join(', ')
}

function bitString(bytes: Uint8Array, e: Der | undefined): boolean[] | undefined {
  if (e?.tag !== T.BIT_STRING || e.end === e.start) return undefined
  const unused = bytes[e.start] as number
  if (unused > 7) return undefined
  const bits: boolean[] = []
  for (let i = e.start + 1; i < e.end; i++) for (let b = 7; b >= 0; b--) bits.push((((bytes[i] as number) >> b) & 1) === 1)
  return bits.slice(0, bits.length - unused)
}

function smallInteger(bytes: Uint8Array, e: Der): number | undefined {
  if (e.tag !== T.INTEGER || e.end - e.start > 4 || e.end === e.start || ((bytes[e.start] as number) & 0x80) !== 0) return undefined
  let value = 0
  for (let i = e.start; i < e.end; i++) value = value * 256 + (bytes[i] as number)
  return value
}

interface Extensions {
  keyUsage?: string[]
  extendedKeyUsage?: string[]
  basicConstraints?: BasicConstraints
  unknownCritical: string[]
}

function readExtensions(bytes: Uint8Array, wrapper: Der | undefined): Extensions | undefined {
  const out: Extensions = { unknownCritical: [] }
  if (wrapper === undefined) return out
  const list = children(bytes, children(bytes, wrapper, 1)?.[0], 64)
  if (list === undefined) return undefined
  for (const extension of list) {
    const parts = children(bytes, extension, 3)
    const id = oidText(bytes, parts?.[0])
    if (parts === undefined || id === undefined) return undefined
    const critical = parts.length === 3 && parts[1]?.tag === T.BOOLEAN && bytes[parts[1].start] !== 0
    const value = parts[parts.length - 1]
    if (value?.tag !== T.OCTET_STRING) return undefined
    const inner = element(bytes, value.start, value.end)
    if (id === '2.5.29.15') {
      const bits = bitString(bytes, inner)
      if (bits === undefined) return undefined
      out.keyUsage = KEY_USAGE_BITS.filter((_, i) => bits[i] === true)
    } else if (id === '2.5.29.37') {
      const oids = children(bytes, inner, 64)
      if (oids === undefined || inner?.tag !== T.SEQUENCE) return undefined
      out.extendedKeyUsage = oids.map((o) => {
        const text = oidText(bytes, o) ?? '?'
        return EXTENDED_KEY_USAGES[text] ?? text
      })
    } else if (id === '2.5.29.19') {
      const fields = inner?.tag === T.SEQUENCE ? children(bytes, inner, 2) : undefined
      if (fields === undefined) return undefined
      let ca = false
      let pathLength: number | undefined
      for (const field of fields) {
        if (field.tag === T.BOOLEAN) ca = bytes[field.start] !== 0
        else pathLength = smallInteger(bytes, field)
      }
      out.basicConstraints = pathLength === undefined ? { ca } : { ca, pathLength }
    } else if (critical && UNDERSTOOD_EXTENSIONS[id] === undefined) {
      out.unknownCritical.push(id)
    }
  }
  return out
}

const broken = (what: string) => err('CERTIFICATE_MALFORMED' as const, `The certificate is not valid DER: its ${what} could not be read. Paste the certificate exactly as issued.`)

/**
 * Reads an X.509 certificate (RFC 5280) from its DER bytes: names, serial, validity, public key,
 * signature and the extensions that matter for a chain (key usage, extended key usage, basic
 * constraints). Never throws; malformed bytes give `CERTIFICATE_MALFORMED` naming the part.
 */
export function readCertificate(der: Uint8Array): Result<Certificate, CertificateErrorCode> {
  const top = element(der, 0)
  if (top?.tag !== T.SEQUENCE || top.end !== der.length) return broken('outer structure')
  const [tbsElement, sigAlgElement, sigElement, ...rest] = children(der, top, 4) ?? []
  if (tbsElement?.tag !== T.SEQUENCE || rest.length > 0) return broken('outer structure')
  const fields = children(der, tbsElement, 12)
  if (fields === undefined) return broken('to-be-signed part')
  const versioned = fields[0]?.tag === ctx(0)
  const [serialEl, innerSigAlg, issuerEl, validityEl, subjectEl, spkiEl, ...optional] = versioned ? fields.slice(1) : fields
  if (serialEl?.tag !== T.INTEGER) return broken('serial number')
  const signatureAlgorithm = algorithm(der, sigAlgElement)
  const inner = algorithm(der, innerSigAlg)
  if (signatureAlgorithm === undefined || inner === undefined) return broken('signature algorithm')
  if (inner.oid !== signatureAlgorithm.oid) {
    return err('CERTIFICATE_MALFORMED', 'The certificate names two different signature algorithms (inside and outside the signed part), which RFC 5280 §4.1.1.2 forbids.')
  }
  const issuer = nameText(der, issuerEl)
  const subject = nameText(der, subjectEl)
  if (issuer === undefined || issuerEl === undefined) return broken('issuer name')
  if (subject === undefined || subjectEl === undefined) return broken('subject name')
  const [nb, na] = children(der, validityEl, 2) ?? []
  const notBefore = timeValue(der, nb)
  const notAfter = timeValue(der, na)
  if (notBefore === undefined || notAfter === undefined) return broken('validity dates')
  const spkiParts = spkiEl?.tag === T.SEQUENCE ? children(der, spkiEl, 2) : undefined
  const keyAlgorithm = algorithm(der, spkiParts?.[0])
  if (spkiEl === undefined || keyAlgorithm === undefined || spkiParts?.[1]?.tag !== T.BIT_STRING) return broken('public key')
  const bits = sigElement?.tag === T.BIT_STRING ? content(der, sigElement) : undefined
  if (bits === undefined || bits.length < 2 || bits[0] !== 0) return broken('signature')
  const extensions = readExtensions(der, optional.find((o) => o.tag === ctx(3)))
  if (extensions === undefined) return broken('extensions')
  return ok({
    der,
    tbs: encoding(der, tbsElement),
    serial: hex(content(der, serialEl)),
    subject,
    issuer,
    subjectDer: encoding(der, subjectEl),
    issuerDer: encoding(der, issuerEl),
    notBefore,
    notAfter,
    spki: encoding(der, spkiEl),
    keyAlgorithm,
    signatureAlgorithm,
    signature: bits.subarray(1),
    ...(extensions.keyUsage !== undefined ? { keyUsage: extensions.keyUsage } : {}),
    ...(extensions.extendedKeyUsage !== undefined ? { extendedKeyUsage: extensions.extendedKeyUsage } : {}),
    ...(extensions.basicConstraints !== undefined ? { basicConstraints: extensions.basicConstraints } : {}),
    unknownCritical: extensions.unknownCritical,
  })
}
