import { base64urlEncode } from '../token/base64url-codec'
import { jwkThumbprint } from '../keys/thumbprint'
import { err, ok, type Result } from '../result'
import type { JWK } from '../types'
import { readCertificate, type Certificate } from './certificate'
import { hex, sameBytes } from './der-reader'
import { publicKeyName, signatureAlgorithmName, verifyCertificateSignature } from './signature'
import {
  MAX_CERTIFICATE_CHARS,
  MAX_CHAIN_LENGTH,
  MAX_ROOT_TEXT,
  type CertificateErrorCode,
  type CertificateSummary,
  type ChainCheck,
  type ChainInput,
  type ChainReport,
} from './types'

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return undefined
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

function readX5c(x5c: unknown): Result<Certificate[], CertificateErrorCode> {
  if (!Array.isArray(x5c)) return err('X5C_NOT_ARRAY', 'x5c must be an array of base64-encoded DER certificates (RFC 7515 §4.1.6), leaf first.')
  if (x5c.length === 0) return err('X5C_EMPTY', 'x5c is an empty array: it must hold at least the certificate of the signing key.')
  if (x5c.length > MAX_CHAIN_LENGTH) return err('X5C_TOO_LONG', `x5c holds ${x5c.length} certificates; at most ${MAX_CHAIN_LENGTH} are read. Real chains have two to four.`)
  const out: Certificate[] = []
  for (const [i, entry] of x5c.entries()) {
    const where = `x5c[${i}]`
    if (typeof entry !== 'string') return err('CERTIFICATE_NOT_STRING', `${where} is not a string: each entry must be a base64-encoded DER certificate.`)
    if (entry.length > MAX_CERTIFICATE_CHARS) return err('CERTIFICATE_TOO_LARGE', `${where} is ${entry.length} characters long; certificates over ${MAX_CERTIFICATE_CHARS} characters are not read.`)
    const der = decodeBase64(entry)
    if (der === undefined) {
      const hint = entry.includes('-----BEGIN') ? ' It is PEM: drop the BEGIN and END lines and the line breaks.' : /[-_]/.test(entry) ? ' It looks like base64url: x5c uses standard base64 with + and / and padding.' : ''
      return err('CERTIFICATE_NOT_BASE64', `${where} is not standard base64 (RFC 7515 §4.1.6 requires base64 of the DER, not PEM and not base64url).${hint}`)
    }
    const cert = readCertificate(der)
    if (!cert.ok) return err(cert.error.code, `${where}: ${cert.error.message}`)
    out.push(cert.value)
  }
  return ok(out)
}

/**
 * Reads the PEM certificates in `text` (or one bare base64 certificate). Blocks other than
 * CERTIFICATE are ignored; at most {@link MAX_CHAIN_LENGTH} roots are read.
 */
export function readTrustedRoots(text: string): Result<Certificate[], CertificateErrorCode> {
  if (text.length > MAX_ROOT_TEXT) return err('ROOT_TOO_LARGE', `The trusted root text is ${text.length} characters long; at most ${MAX_ROOT_TEXT} are read.`)
  const blocks: string[] = []
  let current: string[] | null = null
  let sawPem = false
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line === '-----BEGIN CERTIFICATE-----') {
      current = []
      sawPem = true
    } else if (line === '-----END CERTIFICATE-----') {
      if (current !== null) blocks.push(current.join(''))
      current = null
    } else if (line.startsWith('-----')) {
      sawPem = true
      current = null
    } else if (current !== null) {
      current.push(line)
    }
  }
  if (!sawPem) blocks.push(text.replace(/\s+/g, ''))
  if (blocks.length === 0) return err('ROOT_NOT_PEM', 'The trusted root holds no -----BEGIN CERTIFICATE----- block. Paste the root certificate in PEM.')
  const roots: Certificate[] = []
  for (const [i, block] of blocks.slice(0, MAX_CHAIN_LENGTH).entries()) {
    const der = decodeBase64(block)
    const cert = der !== undefined ? readCertificate(der) : undefined
    if (cert === undefined || !cert.ok) {
      return err('ROOT_NOT_PEM', `Trusted root ${blocks.length > 1 ? `${i + 1} ` : ''}is not a certificate: ${cert === undefined ? 'its base64 does not decode' : cert.error.message} Paste the root certificate in PEM.`)
    }
    roots.push(cert.value)
  }
  return ok(roots)
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')

async function digest(name: 'SHA-1' | 'SHA-256', bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(name, bytes as BufferSource))
}

function fingerprint(bytes: Uint8Array): string {
  return (hex(bytes).toUpperCase().match(/../g) ?? []).join(':')
}

const sameName = (a: Certificate, b: Certificate) => sameBytes(a.issuerDer, b.subjectDer) || a.issuer === b.subject

function label(cert: Certificate, index: number): string {
  return `certificate ${index} (${cert.subject || 'no subject'})`
}

function validityCheck(cert: Certificate, index: number, now: number, who = label(cert, index)): ChainCheck {
  const range = `valid from ${iso(cert.notBefore)} to ${iso(cert.notAfter)}`
  if (now < cert.notBefore) return { id: 'validity', certificate: index, verdict: 'fail', message: `Not yet valid: ${who} is ${range}; the current time is ${iso(now)}.` }
  if (now > cert.notAfter) return { id: 'validity', certificate: index, verdict: 'fail', message: `Expired: ${who} is ${range}; the current time is ${iso(now)}.` }
  return { id: 'validity', certificate: index, verdict: 'pass', message: `${capital(who)} is ${range}; the current time ${iso(now)} is inside.` }
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** The leaf key's RFC 7638 thumbprint, via a WebCrypto import of its SPKI; undefined for keys WebCrypto cannot import. */
async function spkiThumbprint(cert: Certificate): Promise<string | undefined> {
  const name = publicKeyName(cert)
  const algorithm = name.startsWith('RSA') ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : name.startsWith('EC P-') ? { name: 'ECDSA', namedCurve: name.slice(3) } : name === 'Ed25519' ? { name: 'Ed25519' } : undefined
  if (algorithm === undefined) return undefined
  try {
    const key = await crypto.subtle.importKey('spki', cert.spki as BufferSource, algorithm, true, ['verify'])
    const jwk = (await crypto.subtle.exportKey('jwk', key)) as JWK
    const thumbprint = await jwkThumbprint(jwk)
    return thumbprint.ok ? thumbprint.value : undefined
  } catch {
    return undefined
  }
}

async function hashCheck(id: 'x5t' | 'x5t#S256', value: unknown, leaf: Certificate): Promise<ChainCheck> {
  const expected = base64urlEncode(await digest(id === 'x5t' ? 'SHA-1' : 'SHA-256', leaf.der))
  const hash = id === 'x5t' ? 'SHA-1' : 'SHA-256'
  if (typeof value !== 'string') return { id, certificate: 0, verdict: 'fail', message: `${id} is not a string: it must be the base64url ${hash} of the leaf certificate's DER (${expected}).` }
  return value === expected
    ? { id, certificate: 0, verdict: 'pass', message: `${id} is the ${hash} thumbprint of the leaf certificate.` }
    : { id, certificate: 0, verdict: 'fail', message: `${id} is ${value.slice(0, 100)}, but the ${hash} thumbprint of the leaf certificate is ${expected}: it names a different certificate.` }
}

async function trustCheck(certs: readonly Certificate[], roots: readonly Certificate[], now: number, lastSelfSigned: boolean): Promise<ChainCheck[]> {
  const lastIndex = certs.length - 1
  const last = certs[lastIndex] as Certificate
  if (roots.length === 0) {
    return lastSelfSigned
      ? [{ id: 'trust', certificate: lastIndex, verdict: 'fail', message: `Not trusted: the chain ends at a self-signed certificate (${last.subject}), which vouches only for itself. Paste it as the Trusted root if you trust it.` }]
      : [{ id: 'trust', certificate: lastIndex, verdict: 'fail', message: `Not trusted: no trusted root given. The chain ends at ${label(last, lastIndex)}, issued by ${last.issuer}; paste that issuer's root certificate as the Trusted root.` }]
  }
  if (roots.some((root) => sameBytes(root.der, last.der))) {
    return [{ id: 'trust', certificate: lastIndex, verdict: 'pass', message: `Trusted: the chain ends at the pasted trusted root (${last.subject}).` }]
  }
  const reasons: string[] = []
  for (const root of roots) {
    if (!sameName(last, root)) {
      reasons.push(`the pasted root ${root.subject} is not the issuer ${last.issuer}`)
      continue
    }
    const signed = await verifyCertificateSignature(last, root)
    if (!signed.valid) {
      reasons.push(`${label(last, lastIndex)} names the pasted root as its issuer, but ${signed.reason}`)
      continue
    }
    const dates = validityCheck(root, certs.length, now, `the pasted root (${root.subject})`)
    return [
      { id: 'trust', certificate: lastIndex, verdict: 'pass', message: `Trusted: ${label(last, lastIndex)} is signed by the pasted trusted root (${root.subject}).` },
      dates,
    ]
  }
  return [{ id: 'trust', certificate: lastIndex, verdict: 'fail', message: `Not trusted: the chain does not lead to the pasted root: ${reasons.join('; ')}.` }]
}

/**
 * Checks an `x5c` certificate chain (RFC 7515 §4.1.6, RFC 5280 path basics): each certificate's
 * dates against `now`, each issuer's name, signature and CA status, critical extensions, the end
 * of the chain against the roots the user pasted, the leaf's key usage, the leaf's key against
 * the verification key, and `x5t` / `x5t#S256`. What is not checked (host names, revocation) is
 * said in rows of its own. A chain that cannot be read is an error naming the bad entry.
 */
export async function checkCertificateChain(input: ChainInput): Promise<Result<ChainReport, CertificateErrorCode>> {
  const read = readX5c(input.x5c)
  if (!read.ok) return read
  const certs = read.value
  const roots = input.trustedRoots !== undefined && input.trustedRoots.trim() !== '' ? readTrustedRoots(input.trustedRoots) : ok([])
  if (!roots.ok) return roots
  const { now } = input
  const checks: ChainCheck[] = certs.map((cert, i) => validityCheck(cert, i, now))

  for (let i = 0; i + 1 < certs.length; i++) {
    const cert = certs[i] as Certificate
    const issuer = certs[i + 1] as Certificate
    if (!sameName(cert, issuer)) {
      checks.push({ id: 'issuer-name', certificate: i, verdict: 'fail', message: wrongIssuerMessage(certs, i) })
    } else {
      checks.push({ id: 'issuer-name', certificate: i, verdict: 'pass', message: `${capital(label(cert, i))} names the next certificate as its issuer.` })
    }
    const signed = await verifyCertificateSignature(cert, issuer)
    checks.push(
      signed.valid
        ? { id: 'signature', certificate: i, verdict: 'pass', message: `The signature of ${label(cert, i)} (${signatureAlgorithmName(cert.signatureAlgorithm)}) verifies with the key of certificate ${i + 1}.` }
        : { id: 'signature', certificate: i, verdict: 'fail', message: `Bad signature: ${label(cert, i)} is not signed by certificate ${i + 1}: ${signed.reason}.` },
    )
    checks.push(caCheck(issuer, i + 1))
  }

  const unknown = certs.flatMap((cert, i) => cert.unknownCritical.map((oid) => `${oid} in certificate ${i}`))
  checks.push(
    unknown.length === 0
      ? { id: 'critical-extensions', verdict: 'pass', message: 'No certificate has a critical extension this checker does not understand.' }
      : { id: 'critical-extensions', verdict: 'fail', message: `A critical extension this checker does not understand must make the certificate unusable (RFC 5280 §4.2): ${unknown.join(', ')}.` },
  )

  const last = certs[certs.length - 1] as Certificate
  const lastSelfSigned = sameName(last, last) && (await verifyCertificateSignature(last, last)).valid
  checks.push(...(await trustCheck(certs, roots.value, now, lastSelfSigned)))

  const leaf = certs[0] as Certificate
  checks.push(leafUsageCheck(leaf))
  const leafThumbprint = await spkiThumbprint(leaf)
  const keys = input.keyThumbprints ?? []
  if (keys.length === 0) {
    checks.push({ id: 'leaf-key', certificate: 0, verdict: 'skip', message: 'Not checked: no verification key given to compare with the leaf certificate\'s public key.' })
  } else if (leafThumbprint === undefined) {
    checks.push({ id: 'leaf-key', certificate: 0, verdict: 'skip', message: `Not checked: the leaf's ${publicKeyName(leaf)} key cannot be compared here.` })
  } else if (keys.includes(leafThumbprint)) {
    checks.push({ id: 'leaf-key', certificate: 0, verdict: 'pass', message: 'The leaf certificate holds the verification key (same RFC 7638 thumbprint).' })
  } else {
    checks.push({ id: 'leaf-key', certificate: 0, verdict: 'fail', message: `The leaf certificate's public key (thumbprint ${leafThumbprint}) is not the verification key: the certificate does not vouch for the key that verifies the token.` })
  }
  if (input.x5t !== undefined) checks.push(await hashCheck('x5t', input.x5t, leaf))
  if (input.x5tS256 !== undefined) checks.push(await hashCheck('x5t#S256', input.x5tS256, leaf))
  checks.push(
    { id: 'host-name', verdict: 'skip', message: 'Not checked: a token carries no host name to match the certificate against; compare the leaf\'s subject with who should have signed.' },
    { id: 'revocation', verdict: 'skip', message: 'Not checked: revocation (CRL, OCSP) needs requests to the issuer, which this app does not make.' },
  )

  const summaries = await Promise.all(certs.map(async (cert, i) => summary(cert, i, i === certs.length - 1 ? lastSelfSigned : sameName(cert, cert) && (await verifyCertificateSignature(cert, cert)).valid)))
  const trusted = checks.some((c) => c.id === 'trust' && c.verdict === 'pass') && !checks.some((c) => c.verdict === 'fail')
  return ok({ certificates: summaries, checks, trusted })
}

/**
 * Why certificate `i` is not followed by its issuer. When the issuer is elsewhere in the chain the
 * certificates are out of order: RFC 7515 §4.1.6 requires each to certify the one before it, and a
 * strict verifier does not sort them, so neither does this checker; it says where the issuer is.
 */
function wrongIssuerMessage(certs: readonly Certificate[], i: number): string {
  const cert = certs[i] as Certificate
  const next = certs[i + 1] as Certificate
  const at = certs.findIndex((other, j) => j !== i && j !== i + 1 && sameName(cert, other))
  if (at !== -1) {
    return `Out of order: ${label(cert, i)} was issued by ${cert.issuer}, which is certificate ${at}, not the next one (${next.subject}). ` +
      'RFC 7515 §4.1.6 requires each certificate of x5c to be followed by the one that certifies it; strict verifiers do not reorder them. Reorder the x5c array.'
  }
  return `Wrong issuer: ${label(cert, i)} was issued by ${cert.issuer}, but the next certificate is ${next.subject}. The chain must list each certificate's issuer right after it.`
}

function caCheck(issuer: Certificate, index: number): ChainCheck {
  const who = label(issuer, index)
  if (issuer.basicConstraints?.ca !== true) {
    return { id: 'issuer-is-ca', certificate: index, verdict: 'fail', message: `${capital(who)} issues another certificate but is not a CA: its basicConstraints ${issuer.basicConstraints === undefined ? 'extension is missing' : 'says cA false'}.` }
  }
  if (issuer.keyUsage !== undefined && !issuer.keyUsage.includes('keyCertSign')) {
    return { id: 'issuer-is-ca', certificate: index, verdict: 'fail', message: `${capital(who)} issues another certificate, but its key usage lacks keyCertSign.` }
  }
  const below = index - 1
  if (issuer.basicConstraints.pathLength !== undefined && below > issuer.basicConstraints.pathLength) {
    return { id: 'issuer-is-ca', certificate: index, verdict: 'fail', message: `${capital(who)} allows at most ${issuer.basicConstraints.pathLength} CA certificates below it, but ${below} follow.` }
  }
  return { id: 'issuer-is-ca', certificate: index, verdict: 'pass', message: `${capital(who)} is a CA allowed to issue certificates (basicConstraints cA true${issuer.keyUsage !== undefined ? ', keyCertSign' : ''}).` }
}

function leafUsageCheck(leaf: Certificate): ChainCheck {
  if (leaf.keyUsage !== undefined && !leaf.keyUsage.includes('digitalSignature')) {
    return { id: 'leaf-usage', certificate: 0, verdict: 'fail', message: `The leaf's key usage (${leaf.keyUsage.join(', ') || 'none'}) lacks digitalSignature, so its key may not sign tokens.` }
  }
  const usage = leaf.keyUsage !== undefined ? 'its key usage includes digitalSignature' : 'it has no keyUsage extension (any use is allowed)'
  return { id: 'leaf-usage', certificate: 0, verdict: 'pass', message: `The leaf may sign: ${usage}. Extended key usage is not checked (JWT signing has no registered purpose).` }
}

async function summary(cert: Certificate, index: number, selfSigned: boolean): Promise<CertificateSummary> {
  return {
    index,
    subject: cert.subject,
    issuer: cert.issuer,
    serial: cert.serial,
    notBefore: iso(cert.notBefore),
    notAfter: iso(cert.notAfter),
    ...(cert.keyUsage !== undefined ? { keyUsage: cert.keyUsage } : {}),
    ...(cert.extendedKeyUsage !== undefined ? { extendedKeyUsage: cert.extendedKeyUsage } : {}),
    ...(cert.basicConstraints !== undefined ? { basicConstraints: cert.basicConstraints } : {}),
    publicKey: publicKeyName(cert),
    signatureAlgorithm: signatureAlgorithmName(cert.signatureAlgorithm),
    sha256Fingerprint: fingerprint(await digest('SHA-256', cert.der)),
    selfSigned,
  }
}
