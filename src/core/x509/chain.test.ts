import { X509Certificate, createHash, createPublicKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { jwkThumbprint } from '../keys/thumbprint'
import type { JWK } from '../types'
import { checkCertificateChain, readTrustedRoots } from './chain'
import { readCertificate } from './certificate'
import { MAX_CERTIFICATE_CHARS, type ChainCheck, type ChainInput, type ChainReport } from './types'

/** Certificates written by scripts/make-cert-fixtures.sh with openssl. */
const DIR = new URL('../../../test/fixtures/certs/', import.meta.url)
const pem = (name: string) => readFileSync(new URL(`${name}.pem`, DIR), 'utf8')
const b64 = (name: string) => new X509Certificate(pem(name)).raw.toString('base64')
const NOW = Date.UTC(2026, 0, 1) / 1000
const CHAIN = ['leaf-ec', 'intermediate-ec', 'root-rsa']

async function report(input: Partial<ChainInput> & { names?: readonly string[] }): Promise<ChainReport> {
  const { names = CHAIN, ...rest } = input
  const result = await checkCertificateChain({ x5c: names.map(b64), now: NOW, ...rest })
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const rows = (r: ChainReport, id: ChainCheck['id']) => r.checks.filter((c) => c.id === id).map((c) => [c.certificate, c.verdict])
const row = (r: ChainReport, id: ChainCheck['id'], certificate?: number) => r.checks.find((c) => c.id === id && (certificate === undefined || c.certificate === certificate))

async function leafThumbprint(name: string): Promise<string> {
  const jwk = createPublicKey(pem(name)).export({ format: 'jwk' }) as JWK
  const t = await jwkThumbprint(jwk)
  if (!t.ok) throw new Error('thumbprint')
  return t.value
}

describe('certificate summaries, cross-checked with node:crypto X509Certificate', () => {
  it.each(['leaf-ec', 'intermediate-ec', 'root-rsa', 'leaf-rsa-pss', 'self-ed25519', 'leaf-expired'])('%s', async (name) => {
    const node = new X509Certificate(pem(name))
    const r = await report({ names: [name] })
    const [c] = r.certificates
    expect(c?.sha256Fingerprint).toBe(node.fingerprint256)
    expect(c?.serial).toBe(node.serialNumber.toLowerCase())
    expect(c?.notBefore).toBe(new Date(node.validFrom).toISOString().replace('.000Z', 'Z'))
    expect(c?.notAfter).toBe(new Date(node.validTo).toISOString().replace('.000Z', 'Z'))
    // node lists one attribute a line, in the certificate's order.
    expect(c?.subject).toBe(node.subject.split('\n').join(', '))
    expect(c?.issuer).toBe(node.issuer.split('\n').join(', '))
  })

  it('reads usages, constraints, key and algorithm names', async () => {
    const r = await report({})
    expect(r.certificates.map((c) => [c.publicKey, c.signatureAlgorithm, c.keyUsage, c.extendedKeyUsage, c.basicConstraints, c.selfSigned])).toEqual([
      ['EC P-256', 'ecdsa-with-SHA384', ['digitalSignature'], ['serverAuth', 'clientAuth'], { ca: false }, false],
      ['EC P-384', 'sha256WithRSAEncryption', ['keyCertSign', 'cRLSign'], undefined, { ca: true, pathLength: 0 }, false],
      ['RSA 2048 bits', 'sha256WithRSAEncryption', ['keyCertSign', 'cRLSign'], undefined, { ca: true }, true],
    ])
  })
})

describe('checkCertificateChain', () => {
  it('passes a valid chain ending at the pasted root', async () => {
    const r = await report({ trustedRoots: pem('root-rsa') })
    expect(r.checks.filter((c) => c.verdict === 'fail')).toEqual([])
    expect(rows(r, 'signature')).toEqual([[0, 'pass'], [1, 'pass']])
    expect(rows(r, 'issuer-is-ca')).toEqual([[1, 'pass'], [2, 'pass']])
    expect(row(r, 'trust')?.message).toBe('Trusted: the chain ends at the pasted trusted root (CN=JWT Lab Test Root, O=JWT Lab Fixtures).')
    expect(r.trusted).toBe(true)
  })

  it('passes a chain without its root that is signed by the pasted root', async () => {
    const r = await report({ names: ['leaf-ec', 'intermediate-ec'], trustedRoots: pem('root-rsa') })
    expect(row(r, 'trust')?.verdict).toBe('pass')
    expect(row(r, 'validity', 2)?.verdict).toBe('pass')
    expect(r.trusted).toBe(true)
  })

  it('says plainly that a self-signed end is not trusted unless pasted', async () => {
    const r = await report({})
    expect(row(r, 'trust')).toEqual({
      id: 'trust',
      certificate: 2,
      verdict: 'fail',
      message: 'Not trusted: the chain ends at a self-signed certificate (CN=JWT Lab Test Root, O=JWT Lab Fixtures), which vouches only for itself. Paste it as the Trusted root if you trust it.',
    })
    expect(r.trusted).toBe(false)
  })

  it('says not trusted when no root is given and the chain does not end self-signed', async () => {
    const r = await report({ names: ['leaf-ec', 'intermediate-ec'] })
    expect(row(r, 'trust')?.message).toMatch(/^Not trusted: no trusted root given\. The chain ends at certificate 1 /)
  })

  it('fails a chain that does not lead to the pasted root', async () => {
    const r = await report({ trustedRoots: pem('other-root') })
    expect(row(r, 'trust')?.verdict).toBe('fail')
    expect(row(r, 'trust')?.message).toContain('the pasted root CN=Other Root, O=Someone Else is not the issuer CN=JWT Lab Test Root, O=JWT Lab Fixtures')
  })

  it.each([
    ['leaf-expired', 'fail', /^Expired: certificate 0 \(CN=expired\.example\.com\) is valid from 2020-01-01T00:00:00Z to 2021-01-01T00:00:00Z; the current time is 2026-01-01T00:00:00Z\.$/],
    ['leaf-future', 'fail', /^Not yet valid: certificate 0 \(CN=future\.example\.com\) is valid from 2098-01-01T00:00:00Z to 2099-01-01T00:00:00Z/],
    ['leaf-ec', 'pass', /^Certificate 0 \(CN=signer\.example\.com\) is valid from 2020-01-01T00:00:00Z to 2099-12-31T00:00:00Z/],
  ] as const)('dates of %s: %s', async (leaf, verdict, message) => {
    const r = await report({ names: [leaf, 'intermediate-ec', 'root-rsa'], trustedRoots: pem('root-rsa') })
    expect(row(r, 'validity', 0)?.verdict).toBe(verdict)
    expect(row(r, 'validity', 0)?.message).toMatch(message)
    expect(row(r, 'signature', 0)?.verdict).toBe('pass')
    expect(r.trusted).toBe(verdict === 'pass')
  })

  it('uses the time it is given (a time override), not the clock', async () => {
    const r = await report({ names: ['leaf-expired', 'intermediate-ec'], now: Date.UTC(2020, 5, 1) / 1000 })
    expect(row(r, 'validity', 0)?.verdict).toBe('pass')
  })

  it('fails a wrong issuer: name and signature', async () => {
    const r = await report({ names: ['wrong-issuer', 'intermediate-ec', 'root-rsa'], trustedRoots: pem('root-rsa') })
    expect(row(r, 'issuer-name', 0)?.message).toBe(
      'Wrong issuer: certificate 0 (CN=wrong.example.com) was issued by CN=Other Root, O=Someone Else, but the next certificate is CN=JWT Lab Test Intermediate, O=JWT Lab Fixtures. The chain must list each certificate\'s issuer right after it.',
    )
    expect(row(r, 'signature', 0)?.message).toBe(
      'Bad signature: certificate 0 (CN=wrong.example.com) is not signed by certificate 1: it is signed with sha256WithRSAEncryption, but the issuer\'s key is EC P-384.',
    )
    expect(r.trusted).toBe(false)
  })

  it('fails a bad signature (one flipped bit in the leaf signature)', async () => {
    const der = new X509Certificate(pem('leaf-rsa-pss')).raw
    der[der.length - 5] = (der[der.length - 5] as number) ^ 1
    const result = await checkCertificateChain({ x5c: [der.toString('base64'), b64('root-rsa')], now: NOW, trustedRoots: pem('root-rsa') })
    expect(result.ok && row(result.value, 'signature', 0)?.verdict).toBe('fail')
    const good = await report({ names: ['leaf-rsa-pss', 'root-rsa'], trustedRoots: pem('root-rsa') })
    expect(row(good, 'signature', 0)?.message).toBe('The signature of certificate 0 (CN=pss.example.com) (RSASSA-PSS) verifies with the key of certificate 1.')
  })

  it('names an out-of-order chain as such and does not reorder it', async () => {
    const r = await report({ names: ['leaf-ec', 'root-rsa', 'intermediate-ec'], trustedRoots: pem('root-rsa') })
    expect(row(r, 'issuer-name', 0)?.message).toBe(
      'Out of order: certificate 0 (CN=signer.example.com) was issued by CN=JWT Lab Test Intermediate, O=JWT Lab Fixtures, which is certificate 2, not the next one (CN=JWT Lab Test Root, O=JWT Lab Fixtures). ' +
        'RFC 7515 §4.1.6 requires each certificate of x5c to be followed by the one that certifies it; strict verifiers do not reorder them. Reorder the x5c array.',
    )
    expect(row(r, 'signature', 0)?.verdict).toBe('fail')
    expect(r.trusted).toBe(false)
  })

  it('fails a leaf used as an issuer (not a CA)', async () => {
    const r = await report({ names: ['intermediate-ec', 'leaf-ec'] })
    expect(row(r, 'issuer-is-ca', 1)?.message).toBe('Certificate 1 (CN=signer.example.com) issues another certificate but is not a CA: its basicConstraints says cA false.')
  })

  it('enforces pathLenConstraint', async () => {
    const r = await report({ names: ['leaf-ec', 'intermediate-ec', 'intermediate-ec', 'root-rsa'] })
    expect(row(r, 'issuer-is-ca', 2)?.message).toBe('Certificate 2 (CN=JWT Lab Test Intermediate, O=JWT Lab Fixtures) allows at most 0 CA certificates below it, but 1 follow.')
  })

  it('verifies a self-signed Ed25519 certificate pasted as its own root', async () => {
    const r = await report({ names: ['self-ed25519'], trustedRoots: pem('self-ed25519') })
    expect(r.certificates[0]?.selfSigned).toBe(true)
    expect(row(r, 'trust')?.verdict).toBe('pass')
  })

  it('compares the leaf key with the verification key', async () => {
    const same = await report({ keyThumbprints: [await leafThumbprint('leaf-ec')] })
    expect(row(same, 'leaf-key')?.verdict).toBe('pass')
    const other = await report({ keyThumbprints: [await leafThumbprint('intermediate-ec')] })
    expect(row(other, 'leaf-key')?.message).toMatch(/^The leaf certificate's public key \(thumbprint [A-Za-z0-9_-]{43}\) is not the verification key/)
    const none = await report({})
    expect(row(none, 'leaf-key')?.verdict).toBe('skip')
  })

  it('compares x5t and x5t#S256 with the leaf (node:crypto digests)', async () => {
    const der = new X509Certificate(pem('leaf-ec')).raw
    const x5t = createHash('sha1').update(der).digest('base64url')
    const x5tS256 = createHash('sha256').update(der).digest('base64url')
    const good = await report({ x5t, x5tS256 })
    expect([row(good, 'x5t')?.verdict, row(good, 'x5t#S256')?.verdict]).toEqual(['pass', 'pass'])
    const wrong = createHash('sha256').update(new X509Certificate(pem('root-rsa')).raw).digest('base64url')
    const bad = await report({ x5t: x5tS256, x5tS256: wrong })
    expect(row(bad, 'x5t')?.message).toBe(`x5t is ${x5tS256}, but the SHA-1 thumbprint of the leaf certificate is ${x5t}: it names a different certificate.`)
    expect(row(bad, 'x5t#S256')?.verdict).toBe('fail')
    const absent = await report({})
    expect(row(absent, 'x5t')).toBeUndefined()
  })

  it('always says what is not checked', async () => {
    const r = await report({ trustedRoots: pem('root-rsa') })
    expect(rows(r, 'host-name')).toEqual([[undefined, 'skip']])
    expect(row(r, 'revocation')?.message).toBe('Not checked: revocation (CRL, OCSP) needs requests to the issuer, which this app does not make.')
  })
})

describe('hostile input', () => {
  const big = 'A'.repeat(MAX_CERTIFICATE_CHARS + 4)
  it.each([
    ['not an array', 'MIIB', 'X5C_NOT_ARRAY', 'x5c must be an array of base64-encoded DER certificates (RFC 7515 §4.1.6), leaf first.'],
    ['empty', [], 'X5C_EMPTY', 'x5c is an empty array: it must hold at least the certificate of the signing key.'],
    ['eleven entries', Array(11).fill('AAAA'), 'X5C_TOO_LONG', 'x5c holds 11 certificates; at most 10 are read. Real chains have two to four.'],
    ['a number', [42], 'CERTIFICATE_NOT_STRING', 'x5c[0] is not a string: each entry must be a base64-encoded DER certificate.'],
    ['too large', [big], 'CERTIFICATE_TOO_LARGE', `x5c[0] is ${big.length} characters long; certificates over ${MAX_CERTIFICATE_CHARS} characters are not read.`],
    ['base64url', ['ab-_'], 'CERTIFICATE_NOT_BASE64', 'x5c[0] is not standard base64 (RFC 7515 §4.1.6 requires base64 of the DER, not PEM and not base64url). It looks like base64url: x5c uses standard base64 with + and / and padding.'],
    ['PEM', [pem('leaf-ec')], 'CERTIFICATE_NOT_BASE64', 'x5c[0] is not standard base64 (RFC 7515 §4.1.6 requires base64 of the DER, not PEM and not base64url). It is PEM: drop the BEGIN and END lines and the line breaks.'],
    ['garbage DER', ['AAAA'], 'CERTIFICATE_MALFORMED', 'x5c[0]: The certificate is not valid DER: its outer structure could not be read. Paste the certificate exactly as issued.'],
  ])('%s', async (_, x5c, code, message) => {
    expect(await checkCertificateChain({ x5c, now: NOW })).toEqual({ ok: false, error: { code, message } })
  })

  it('never throws on any truncation or single-byte corruption of a certificate', () => {
    const der = new Uint8Array(new X509Certificate(pem('leaf-ec')).raw)
    for (let n = 0; n < der.length; n++) expect(readCertificate(der.subarray(0, n)).ok).toBe(false)
    for (let i = 0; i < der.length; i++) {
      const copy = der.slice()
      copy[i] = (copy[i] as number) ^ 0xff
      expect(() => readCertificate(copy)).not.toThrow()
    }
  })

  it('rejects deep or huge length fields fast', () => {
    const deep = new Uint8Array(20_000).fill(0x30)
    const start = performance.now()
    expect(readCertificate(deep).ok).toBe(false)
    expect(readCertificate(new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff])).ok).toBe(false)
    expect(performance.now() - start).toBeLessThan(200)
  })

  it('reports a trusted root that is not a certificate', () => {
    expect(readTrustedRoots('hello')).toEqual({ ok: false, error: { code: 'ROOT_NOT_PEM', message: 'Trusted root is not a certificate: its base64 does not decode Paste the root certificate in PEM.' } })
    const r = readTrustedRoots(`${pem('root-rsa')}\n${pem('other-root')}`)
    expect(r.ok && r.value.map((c) => c.subject)).toEqual(['CN=JWT Lab Test Root, O=JWT Lab Fixtures', 'CN=Other Root, O=Someone Else'])
  })
})
