import { createPrivateKey, createPublicKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import manifest from '../../../test/fixtures/keys/manifest.json'
import { MAX_CLASSIFIED_KEY_LENGTH, classifyKeyText, type KeyPrivacyKind } from './key-privacy'

const DIR = new URL('../../../test/fixtures/keys/', import.meta.url)
const read = (file: string) => readFileSync(new URL(file, DIR), 'utf8')

// DER bodies produced by node:crypto (an implementation independent of the classifier).
const rsaPkcs8 = createPrivateKey(read('rsa-2048-pkcs8.pem')).export({ type: 'pkcs8', format: 'der' })
const ecPkcs8 = createPrivateKey(read('ec-p256-pkcs8.pem')).export({ type: 'pkcs8', format: 'der' })
const rsaPkcs1Private = createPrivateKey(read('rsa-2048-pkcs8.pem')).export({ type: 'pkcs1', format: 'der' })
const ecSec1 = createPrivateKey(read('ec-p256-pkcs8.pem')).export({ type: 'sec1', format: 'der' })
const rsaSpki = createPublicKey(read('rsa-2048-spki.pem')).export({ type: 'spki', format: 'der' })
const ecSpki = createPublicKey(read('ec-p256-spki.pem')).export({ type: 'spki', format: 'der' })
const rsaPrivateJwk = createPrivateKey(read('rsa-2048-pkcs8.pem')).export({ format: 'jwk' })
const ecPrivateJwk = createPrivateKey(read('ec-p256-pkcs8.pem')).export({ format: 'jwk' })
const edPrivateJwk = createPrivateKey(read('ed25519-pkcs8.pem')).export({ format: 'jwk' })
const certBody = (file: string) => read(file).replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')

/** PEM armour around a DER body, with whatever label the attacker likes. */
function pem(label: string, der: Buffer, end = label): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${end}-----\n`
}

interface KeySet {
  readonly files: Record<string, string>
  readonly publicJwk: Record<string, string>
}
const sets = manifest as unknown as KeySet[]
const publicJwks = sets.map((s) => s.publicJwk)
const rsaJwk = publicJwks[0] as Record<string, string>

const SUFFIX = 'so it is treated as a secret and kept out of storage and links'
const PRIVATE_SUFFIX = 'private keys are secret and are kept out of storage and links.'
const HMAC = 'The text is not public key material (a PEM public key or certificate, or a JWK or JWKS without private members), so it counts as an HMAC secret and is kept out of storage and links.'

interface Case {
  readonly name: string
  readonly text: string
  readonly kind: KeyPrivacyKind
  readonly reason: string
}

const attacks: Case[] = [
  {
    name: 'a PKCS#8 private key under BEGIN PUBLIC KEY',
    text: pem('PUBLIC KEY', rsaPkcs8),
    kind: 'secret',
    reason: `PEM block 1 (labelled "PUBLIC KEY") holds a PKCS#8 private key, whatever its label says; ${PRIVATE_SUFFIX}`,
  },
  {
    name: 'a PKCS#8 private key under BEGIN CERTIFICATE',
    text: pem('CERTIFICATE', ecPkcs8),
    kind: 'secret',
    reason: `PEM block 1 (labelled "CERTIFICATE") holds a PKCS#8 private key, whatever its label says; ${PRIVATE_SUFFIX}`,
  },
  {
    name: 'a PKCS#8 private key under BEGIN RSA PUBLIC KEY',
    text: pem('RSA PUBLIC KEY', rsaPkcs8),
    kind: 'secret',
    reason: `PEM block 1 (labelled "RSA PUBLIC KEY") holds a PKCS#8 private key, whatever its label says; ${PRIVATE_SUFFIX}`,
  },
  {
    name: 'a PKCS#1 private key under BEGIN RSA PUBLIC KEY',
    text: pem('RSA PUBLIC KEY', rsaPkcs1Private),
    kind: 'secret',
    reason: `PEM block 1 (labelled "RSA PUBLIC KEY") holds a PKCS#1 RSA private key, whatever its label says; ${PRIVATE_SUFFIX}`,
  },
  {
    name: 'a SEC1 private key under BEGIN PUBLIC KEY',
    text: pem('PUBLIC KEY', ecSec1),
    kind: 'secret',
    reason: `PEM block 1 (labelled "PUBLIC KEY") holds a SEC1 EC private key, whatever its label says; ${PRIVATE_SUFFIX}`,
  },
  {
    name: 'a PKCS#8 private key under lowercase public labels',
    text: pem('public key', rsaPkcs8),
    kind: 'secret',
    reason: `PEM block 1 (labelled "public key") holds a PKCS#8 private key, whatever its label says; ${PRIVATE_SUFFIX}`,
  },
  {
    name: 'a public block followed by a private block',
    text: pem('PUBLIC KEY', ecSpki) + pem('PUBLIC KEY', ecPkcs8),
    kind: 'secret',
    reason: `PEM block 2 (labelled "PUBLIC KEY") holds a PKCS#8 private key, whatever its label says; ${PRIVATE_SUFFIX}`,
  },
  {
    name: 'a public block followed by a private body without armour',
    text: pem('PUBLIC KEY', ecSpki) + ecPkcs8.toString('base64'),
    kind: 'secret',
    reason: `The text holds something other than PEM blocks (before, between or after them), ${SUFFIX}.`,
  },
  {
    name: 'a public block with trailing junk',
    text: `${pem('PUBLIC KEY', ecSpki)}hunter2`,
    kind: 'secret',
    reason: `The text holds something other than PEM blocks (before, between or after them), ${SUFFIX}.`,
  },
  {
    name: 'a public block with leading text',
    text: `my secret is hunter2\n${pem('PUBLIC KEY', ecSpki)}`,
    kind: 'secret',
    reason: `The text holds something other than PEM blocks (before, between or after them), ${SUFFIX}.`,
  },
  {
    name: 'a public block with text between blocks',
    text: `${pem('PUBLIC KEY', ecSpki)}hunter2\n${pem('PUBLIC KEY', rsaSpki)}`,
    kind: 'secret',
    reason: `The text holds something other than PEM blocks (before, between or after them), ${SUFFIX}.`,
  },
  {
    name: 'a public key whose END line is missing',
    text: pem('PUBLIC KEY', ecSpki).replace('-----END PUBLIC KEY-----\n', ''),
    kind: 'secret',
    reason: `The PEM armour is broken (a BEGIN line without its matching END line, or labels that differ), ${SUFFIX}.`,
  },
  {
    name: 'a public key ending under another label',
    text: pem('PUBLIC KEY', ecSpki, 'PRIVATE KEY'),
    kind: 'secret',
    reason: `The PEM armour is broken (a BEGIN line without its matching END line, or labels that differ), ${SUFFIX}.`,
  },
  {
    name: 'an END line before any BEGIN line',
    text: `-----END PUBLIC KEY-----\n${pem('PUBLIC KEY', ecSpki)}`,
    kind: 'secret',
    reason: `The PEM armour is broken (a BEGIN line without its matching END line, or labels that differ), ${SUFFIX}.`,
  },
  {
    name: 'an armour line cut short',
    text: `-----BEGIN PUBLIC KEY--\n${ecSpki.toString('base64')}\n-----END PUBLIC KEY--`,
    kind: 'secret',
    reason: `The PEM armour is broken (a BEGIN or END line is incomplete), ${SUFFIX}.`,
  },
  {
    name: 'a body that is not base64',
    text: '-----BEGIN PUBLIC KEY-----\nnot*base64!\n-----END PUBLIC KEY-----',
    kind: 'secret',
    reason: `The body of PEM block 1 (labelled "PUBLIC KEY") is not valid base64, ${SUFFIX}.`,
  },
  {
    name: 'a body that is base64 but no key structure',
    text: '-----BEGIN PUBLIC KEY-----\naHVudGVyMg==\n-----END PUBLIC KEY-----',
    kind: 'secret',
    reason: `PEM block 1 (labelled "PUBLIC KEY") does not hold a readable public key or certificate, ${SUFFIX}.`,
  },
  {
    name: 'an encrypted traditional key (header lines)',
    text: read('rsa-2048-pkcs1-encrypted.pem'),
    kind: 'secret',
    reason: `PEM block 1 (labelled "RSA PRIVATE KEY") has header lines such as "Proc-Type: 4,ENCRYPTED", which public keys never have, ${SUFFIX}.`,
  },
  {
    name: 'an encrypted PKCS#8 key',
    text: read('rsa-2048-pkcs8-encrypted.pem'),
    kind: 'secret',
    reason: `PEM block 1 (labelled "ENCRYPTED PRIVATE KEY") does not hold a readable public key or certificate, ${SUFFIX}.`,
  },
  {
    name: 'an EC key with its EC PARAMETERS block',
    text: read('ec-p256-sec1-with-params.pem'),
    kind: 'secret',
    reason: `PEM block 1 (labelled "EC PARAMETERS") does not hold a readable public key or certificate, ${SUFFIX}.`,
  },
  {
    name: 'the base64 body of a PKCS#8 key without armour',
    text: rsaPkcs8.toString('base64'),
    kind: 'secret',
    reason: `The text is the base64 body of a PKCS#8 private key without BEGIN/END lines; ${PRIVATE_SUFFIX}`,
  },
  {
    name: 'the hex of a SEC1 key without armour',
    text: ecSec1.toString('hex'),
    kind: 'secret',
    reason: `The text is the hex body of a SEC1 EC private key without BEGIN/END lines; ${PRIVATE_SUFFIX}`,
  },
  {
    name: 'the base64url body of a PKCS#8 key without armour',
    text: ecPkcs8.toString('base64url'),
    kind: 'secret',
    reason: `The text is the base64url body of a PKCS#8 private key without BEGIN/END lines; ${PRIVATE_SUFFIX}`,
  },
  { name: 'an HMAC secret', text: 'your-256-bit-secret', kind: 'secret', reason: HMAC },
  { name: 'an HMAC secret that is valid base64', text: 'aHVudGVyMmh1bnRlcjJodW50ZXIy', kind: 'secret', reason: HMAC },
  { name: 'a secret that mentions BEGIN', text: 'BEGIN PUBLIC KEY', kind: 'secret', reason: HMAC },
  { name: 'a private RSA JWK', text: JSON.stringify(rsaPrivateJwk), kind: 'secret', reason: 'The JWK has the private member "d", so it is a private key; private keys are kept out of storage and links.' },
  { name: 'a private EC JWK', text: JSON.stringify(ecPrivateJwk), kind: 'secret', reason: 'The JWK has the private member "d", so it is a private key; private keys are kept out of storage and links.' },
  { name: 'a private Ed25519 JWK', text: JSON.stringify(edPrivateJwk), kind: 'secret', reason: 'The JWK has the private member "d", so it is a private key; private keys are kept out of storage and links.' },
  {
    name: 'a private member spelled with a JSON escape',
    text: `{"kty":"EC","crv":"P-256","x":"${ecPrivateJwk.x}","y":"${ecPrivateJwk.y}","\\u0064":"${ecPrivateJwk.d}"}`,
    kind: 'secret',
    reason: 'The JWK has the private member "d", so it is a private key; private keys are kept out of storage and links.',
  },
  { name: 'a JWK with only "p"', text: JSON.stringify({ ...rsaJwk, p: 'AQAB' }), kind: 'secret', reason: 'The JWK has the private member "p", so it is a private key; private keys are kept out of storage and links.' },
  { name: 'an oct JWK', text: '{"kty":"oct","k":"c2VjcmV0"}', kind: 'secret', reason: 'The JWK holds a symmetric secret ("k"), which is secret and kept out of storage and links.' },
  { name: 'an oct JWK without k', text: '{"kty":"oct"}', kind: 'secret', reason: 'The JWK is a symmetric key (kty "oct"), which is secret and kept out of storage and links.' },
  { name: 'an AKP private JWK', text: '{"kty":"AKP","alg":"ML-DSA-44","pub":"AQAB","priv":"AQAB"}', kind: 'secret', reason: 'The JWK has the private member "priv", so it is a private key; private keys are kept out of storage and links.' },
  {
    name: 'a JWKS with one private entry',
    text: JSON.stringify({ keys: [publicJwks[1], ecPrivateJwk] }),
    kind: 'secret',
    reason: 'Key 2 of the JWKS has the private member "d", so it is a private key; private keys are kept out of storage and links.',
  },
  {
    name: 'a JWKS with an unparsable entry',
    text: JSON.stringify({ keys: [rsaJwk, { kty: 'RSA', e: 'AQAB' }] }),
    kind: 'secret',
    reason: `Key 2 of the JWKS lacks a base64url "n" member, so it is not a well-formed RSA public key, ${SUFFIX}.`,
  },
  { name: 'a JWKS with a string entry', text: JSON.stringify({ keys: [rsaJwk, 'hunter2'] }), kind: 'secret', reason: `Key 2 of the JWKS is not a JSON object, ${SUFFIX}.` },
  {
    name: 'a JWKS with a bad curve',
    text: JSON.stringify({ keys: [{ ...publicJwks[1], crv: 'P-999' }] }),
    kind: 'secret',
    reason: `Key 1 of the JWKS does not name a known curve for kty "EC" ("crv"), ${SUFFIX}.`,
  },
  { name: 'a JWKS with a private member beside the keys', text: JSON.stringify({ keys: [rsaJwk], k: 'c2VjcmV0' }), kind: 'secret', reason: `The JWKS has a private member "k" beside its keys, ${SUFFIX}.` },
  { name: 'an empty JWKS', text: '{"keys":[]}', kind: 'secret', reason: `The JWKS holds no keys, so it cannot be shown to be public, ${SUFFIX}.` },
  { name: 'keys that is not a list', text: '{"keys":{"kty":"RSA"}}', kind: 'secret', reason: `The JSON is neither a JWK nor a JWKS ("keys" must be a list of keys, without "kty" beside it), ${SUFFIX}.` },
  { name: 'an unknown key type', text: '{"kty":"DSA","y":"AQAB"}', kind: 'secret', reason: `The JWK has no known public key type ("kty" must be "RSA", "EC", "OKP" or "AKP"), ${SUFFIX}.` },
  { name: 'a JWK with a non-base64url n', text: '{"kty":"RSA","n":"a+b/","e":"AQAB"}', kind: 'secret', reason: `The JWK lacks a base64url "n" member, so it is not a well-formed RSA public key, ${SUFFIX}.` },
  {
    name: 'a JWK whose x5c hides a private key',
    text: JSON.stringify({ ...rsaJwk, x5c: [rsaPkcs8.toString('base64')] }),
    kind: 'secret',
    reason: `The JWK has an "x5c" entry that is not a base64 certificate, ${SUFFIX}.`,
  },
  { name: 'a JSON array of keys', text: JSON.stringify([rsaJwk]), kind: 'secret', reason: `The JSON is not a JWK or a JWKS (an object with "kty", or with "keys"), ${SUFFIX}.` },
  { name: 'a JWK followed by text', text: `${JSON.stringify(rsaJwk)} hunter2`, kind: 'secret', reason: `The text starts like JSON but is not valid JSON (or has text after it), ${SUFFIX}.` },
  { name: 'a JWK followed by a PEM private key', text: `${JSON.stringify(rsaJwk)}\n${read('rsa-2048-pkcs8.pem')}`, kind: 'secret', reason: `The text holds something other than PEM blocks (before, between or after them), ${SUFFIX}.` },
  {
    name: 'text over 1 MB',
    text: `${pem('PUBLIC KEY', ecSpki)}${' '.repeat(MAX_CLASSIFIED_KEY_LENGTH)}`,
    kind: 'secret',
    reason: `The key text is longer than 1 MB, too long to examine, ${SUFFIX}.`,
  },
]

const benign: Case[] = [
  { name: 'empty text', text: '', kind: 'empty', reason: 'There is no key.' },
  { name: 'only whitespace', text: ' \n\t ', kind: 'empty', reason: 'There is no key.' },
  { name: 'an RSA SPKI', text: read('rsa-2048-spki.pem'), kind: 'public', reason: 'The PEM block is public key material (SPKI public key).' },
  { name: 'a PKCS#1 RSA public key', text: read('rsa-2048-pkcs1-public.pem'), kind: 'public', reason: 'The PEM block is public key material (PKCS#1 RSA public key).' },
  { name: 'a certificate', text: read('ec-p384-cert.pem'), kind: 'public', reason: 'The PEM block is public key material (X.509 certificate).' },
  { name: 'an SPKI under lowercase labels', text: pem('public key', ecSpki), kind: 'public', reason: 'The PEM block is public key material (SPKI public key).' },
  { name: 'an SPKI under a private label (content decides)', text: pem('PRIVATE KEY', ecSpki), kind: 'public', reason: 'The PEM block is public key material (SPKI public key).' },
  { name: 'an SPKI with CRLF line breaks and indentation', text: `  ${pem('PUBLIC KEY', ecSpki).replace(/\n/g, '\r\n')}  `, kind: 'public', reason: 'The PEM block is public key material (SPKI public key).' },
  {
    name: 'an SPKI on one line',
    text: `-----BEGIN PUBLIC KEY----- ${ecSpki.toString('base64')} -----END PUBLIC KEY-----`,
    kind: 'public',
    reason: 'The PEM block is public key material (SPKI public key).',
  },
  {
    name: 'a certificate chain and a public key',
    text: `${read('rsa-2048-cert.pem')}\n${read('ec-p256-cert.pem')}${read('ed25519-spki.pem')}`,
    kind: 'public',
    reason: 'All 3 PEM blocks hold public key material (X.509 certificate, X.509 certificate, SPKI public key).',
  },
  { name: 'a bare base64 SPKI on several lines', text: (ecSpki.toString('base64').match(/.{1,64}/g) ?? []).join('\n'), kind: 'public', reason: 'The text is public key material (SPKI public key, base64 without BEGIN/END lines).' },
  { name: 'a bare base64 SPKI on one line', text: rsaSpki.toString('base64'), kind: 'public', reason: 'The text is public key material (SPKI public key, base64 without BEGIN/END lines).' },
  { name: 'a bare base64url SPKI', text: rsaSpki.toString('base64url'), kind: 'public', reason: 'The text is public key material (SPKI public key, base64url without BEGIN/END lines).' },
  { name: 'a bare hex SPKI', text: ecSpki.toString('hex'), kind: 'public', reason: 'The text is public key material (SPKI public key, hex without BEGIN/END lines).' },
  { name: 'a bare certificate (an x5c value)', text: certBody('ed25519-cert.pem'), kind: 'public', reason: 'The text is public key material (X.509 certificate, base64 without BEGIN/END lines).' },
  { name: 'a public RSA JWK', text: JSON.stringify(rsaJwk), kind: 'public', reason: 'The JWK is a public key with no private members.' },
  { name: 'a public JWK with x5c', text: JSON.stringify({ ...rsaJwk, x5c: [certBody('rsa-2048-cert.pem')] }), kind: 'public', reason: 'The JWK is a public key with no private members.' },
  { name: 'a JWKS of every fixture key', text: JSON.stringify({ keys: publicJwks }), kind: 'public', reason: `The JWKS holds ${publicJwks.length} public keys and no private members.` },
  { name: 'a JWKS of one key', text: JSON.stringify({ keys: [publicJwks[4]] }), kind: 'public', reason: 'The JWKS holds one public key and no private members.' },
]

describe('classifyKeyText: attacks and secrets are secret', () => {
  it.each(attacks)('$name', ({ text, kind, reason }) => {
    expect(classifyKeyText(text)).toEqual({ kind, reason })
  })
})

describe('classifyKeyText: public key material is public', () => {
  it.each(benign)('$name', ({ text, kind, reason }) => {
    expect(classifyKeyText(text)).toEqual({ kind, reason })
  })
})

describe('classifyKeyText on every openssl fixture', () => {
  const files = sets.flatMap((s) => Object.entries(s.files))
  const publicFlavours = new Set(['spki', 'pkcs1-public', 'cert'])
  it.each(files)('%s (%s)', (flavour, file) => {
    expect(classifyKeyText(read(file)).kind).toBe(publicFlavours.has(flavour) ? 'public' : 'secret')
  })
  it.each(['rsa-2048-pkcs1-encrypted.pem', 'rsa-2048-pkcs8-encrypted.pem', 'x25519-pkcs8.pem', 'ec-secp256k1-sec1.pem'])('%s is secret', (file) => {
    expect(classifyKeyText(read(file)).kind).toBe('secret')
  })
  it.each(['pkcs8', 'pkcs1-private', 'sec1'])('every private %s body relabelled as every public label is secret', (flavour) => {
    const privateFiles = sets.map((s) => s.files[flavour]).filter((f): f is string => f !== undefined)
    for (const file of privateFiles) {
      const der = Buffer.from(certBody(file), 'base64')
      for (const label of ['PUBLIC KEY', 'RSA PUBLIC KEY', 'CERTIFICATE', 'public key', 'Certificate']) {
        expect(classifyKeyText(pem(label, der)).kind, `${file} as ${label}`).toBe('secret')
      }
    }
  })
})

describe('classifyKeyText on 1 MB adversarial input (hang guard, not a timing assertion)', () => {
  const size = MAX_CLASSIFIED_KEY_LENGTH
  it.each([
    ['dashes', '-'.repeat(size)],
    ['BEGIN markers', '-----BEGIN '.repeat(Math.floor(size / 11))],
    ['almost-armour', '-----BEGIN A'.repeat(Math.floor(size / 12))],
    ['padding', `${'='.repeat(size - 1)}A`],
    ['a base64 body', 'A'.repeat(size)],
    ['nested JSON', `${'['.repeat(size / 2)}${']'.repeat(size / 2)}`],
    ['a huge JSON string', `{"kty":"RSA","n":"${'A'.repeat(size - 40)}","e":"AQAB"}`],
  ])('%s', (_name, text) => {
    const started = Date.now()
    const result = classifyKeyText(text)
    expect(['secret', 'public']).toContain(result.kind)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('never throws on odd values', () => {
    expect(classifyKeyText(undefined as unknown as string).kind).toBe('secret')
    expect(classifyKeyText('\u0000\uffff\ud800').kind).toBe('secret')
  })
})

describe('classifyKeyText: a URL to fetch keys from', () => {
  const PUBLIC_URL = 'The text is a URL to fetch keys from (no user name, password, query or fragment in it), not key material.'
  const CREDENTIAL_URL = 'The text is a URL with a user name, password, query or fragment, which may carry a credential, so it is treated as a secret and kept out of storage and links.'
  it.each([
    ['an issuer', 'https://login.example.com/realms/acme', 'public', PUBLIC_URL],
    ['a JWKS URL with surrounding blanks', '  https://idp.example/.well-known/jwks.json\n', 'public', PUBLIC_URL],
    ['a local IdP', 'http://localhost:8080/realms/dev', 'public', PUBLIC_URL],
    ['a query (may hold an API key)', 'https://idp.example/jwks?api_key=s3cr3t', 'secret', CREDENTIAL_URL],
    ['user info', 'https://admin:hunter2@idp.example/jwks', 'secret', CREDENTIAL_URL],
    ['a fragment', 'https://idp.example/jwks#token=abc', 'secret', CREDENTIAL_URL],
  ])('%s', (_name, text, kind, reason) => {
    expect(classifyKeyText(text)).toEqual({ kind, reason })
  })

  it('a URL followed by other words is no URL: a secret like any text', () => {
    expect(classifyKeyText('https://idp.example/jwks my-secret').kind).toBe('secret')
    expect(classifyKeyText('ftp://idp.example/jwks').kind).toBe('secret')
  })
})
