import { createPrivateKey, createPublicKey, verify as nodeVerify, constants } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import manifest from '../../../test/fixtures/keys/manifest.json'
import type { JwsAlgorithm, KeyFormat, ParsedKey } from '../types'
import { algorithmSpec } from './algorithms'
import { exportKeyText } from './export'
import { importForAlgorithm } from './import'
import { CERTIFICATE_NOTE, DERIVED_PUBLIC_NOTE, parseKey } from './parse'

/** One key set written by scripts/make-key-fixtures.sh with openssl; thumbprints by node:crypto. */
interface KeySet {
  name: string
  kty: string
  crv?: string
  bits: number
  files: Record<string, string>
  publicJwk: Record<string, string>
  thumbprint: string
}

const DIR = new URL('../../../test/fixtures/keys/', import.meta.url)
const read = (file: string) => readFileSync(new URL(file, DIR), 'utf8')
const derOf = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' })

const FORMAT: Record<string, KeyFormat> = {
  pkcs8: 'pem-pkcs8',
  'pkcs1-private': 'pem-pkcs1-private',
  'pkcs1-public': 'pem-pkcs1-public',
  spki: 'pem-spki',
  cert: 'pem-certificate',
  sec1: 'pem-sec1',
  'sec1-with-params': 'pem-sec1',
}
const PRIVATE_FLAVOURS = new Set(['pkcs8', 'pkcs1-private', 'sec1', 'sec1-with-params'])
const SIGN_ALG: Record<string, JwsAlgorithm> = {
  'rsa-2048': 'PS256', 'ec-p256': 'ES256', 'ec-p384': 'ES384', 'ec-p521': 'ES512', 'ec-secp256k1': 'ES256K', ed25519: 'EdDSA', ed448: 'Ed448',
}
/** node:crypto's digest of each ECDSA algorithm (ES256K hashes with SHA-256). */
const NODE_HASH: Record<string, string> = { ES256: 'sha256', ES384: 'sha384', ES512: 'sha512', ES256K: 'sha256' }

async function parseFile(file: string): Promise<{ format: KeyFormat; key: ParsedKey; notes: readonly string[] }> {
  const result = await parseKey(read(file), { encoding: 'utf8' })
  if (!result.ok) throw new Error(`${file}: ${result.error.code} ${result.error.message}`)
  expect(result.value.keys).toHaveLength(1)
  return { format: result.value.format, key: result.value.keys[0] as ParsedKey, notes: result.value.notes }
}

describe.each(manifest as unknown as KeySet[])('openssl fixtures: $name', (set) => {
  const spkiDer = derOf(read(set.files.spki as string))

  it.each(Object.entries(set.files))('%s imports with the right type, size and thumbprint', async (flavour, file) => {
    const { format, key, notes } = await parseFile(file)
    expect(format).toBe(FORMAT[flavour])
    expect(key.kind).toBe(PRIVATE_FLAVOURS.has(flavour) ? 'private' : 'public')
    expect(key.kty).toBe(set.kty)
    expect(key.crv).toBe(set.crv)
    expect(key.bits).toBe(set.bits)
    expect(key.thumbprint).toBe(set.thumbprint)
    expect(key.publicJwk).toEqual(set.publicJwk)
    const expectedNotes = [
      ...(flavour === 'cert' ? [CERTIFICATE_NOTE] : []),
      ...(PRIVATE_FLAVOURS.has(flavour) ? [DERIVED_PUBLIC_NOTE] : []),
    ]
    expect(notes).toEqual(expectedNotes)
  })

  it.each(Object.entries(set.files))('%s exports the public key as the openssl SPKI (PEM and PEM→JWK→PEM)', async (_flavour, file) => {
    const { key } = await parseFile(file)
    const pem = await exportKeyText(key, 'pem', 'public')
    if (!pem.ok) throw new Error(pem.error.message)
    expect(derOf(pem.value).equals(spkiDer)).toBe(true)
    const jwk = await exportKeyText(key, 'jwk', 'public')
    if (!jwk.ok) throw new Error(jwk.error.message)
    expect(JSON.parse(jwk.value)).toEqual(set.publicJwk)
    const again = await parseKey(jwk.value, { encoding: 'utf8' })
    if (!again.ok) throw new Error(again.error.message)
    const roundTrip = await exportKeyText(again.value.keys[0] as ParsedKey, 'pem', 'public')
    if (!roundTrip.ok) throw new Error(roundTrip.error.message)
    expect(derOf(roundTrip.value).equals(spkiDer)).toBe(true)
  })

  const privateFiles = Object.entries(set.files).filter(([flavour]) => PRIVATE_FLAVOURS.has(flavour))
  it.each(privateFiles)("%s signs with the algorithm's implementation and node:crypto verifies with the openssl SPKI", async (_flavour, file) => {
    const { key } = await parseFile(file)
    const alg = SIGN_ALG[set.name] as JwsAlgorithm
    const imported = await importForAlgorithm(key, alg, 'sign')
    if (!imported.ok) throw new Error(imported.error.message)
    const data = new TextEncoder().encode('signed by the parsed fixture key')
    const sig = await algorithmSpec(alg)!.implementation.sign(imported.value, data)
    const publicKey = createPublicKey(read(set.files.spki as string))
    const ok =
      set.kty === 'RSA'
        ? nodeVerify('sha256', data, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, sig)
        : set.kty === 'EC'
          ? nodeVerify(NODE_HASH[alg] as string, data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, sig)
          : nodeVerify(null, data, publicKey, sig)
    expect(ok).toBe(true)
  })

  it.each(privateFiles)('%s exports the private key as PKCS#8 equal to the openssl key', async (_flavour, file) => {
    const { key } = await parseFile(file)
    const pem = await exportKeyText(key, 'pem', 'private')
    if (!pem.ok) throw new Error(pem.error.message)
    expect(pem.value.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true)
    const ours = createPrivateKey(pem.value).export({ format: 'jwk' })
    const theirs = createPrivateKey(read(file)).export({ format: 'jwk' })
    expect(ours).toEqual(theirs)
  })
})
