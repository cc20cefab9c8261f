import { createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { encodedToken, generateKeyFor, openApp, openSigning, replaceEditorText, signatureStatus, signingKey, verificationKey } from './helpers'

const b64u = (data: string | Uint8Array) => Buffer.from(data).toString('base64url')
/** The order n of secp256k1 (SEC 2 §2.4.1). */
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n

function findings(page: Page) {
  return page.getByRole('region', { name: 'Security findings', exact: true }).getByRole('listitem')
}

/** A compact JWS signed by node:crypto (OpenSSL), never by the app; an ES256K s moved to one half of n. */
function nodeToken(alg: string, key: KeyObject, payload: object, half: 'low-s' | 'high-s' = 'low-s'): string {
  const input = `${b64u(JSON.stringify({ alg, typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`
  if (alg !== 'ES256K') return `${input}.${b64u(nodeSign(null, Buffer.from(input), key))}`
  const sig = nodeSign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
  // (r, s) and (r, n − s) both verify: OpenSSL gives either, the test picks its half.
  const s = BigInt(`0x${sig.subarray(32).toString('hex')}`)
  const wanted = (s > SECP256K1_N / 2n) === (half === 'high-s') ? s : SECP256K1_N - s
  return `${input}.${b64u(Buffer.concat([sig.subarray(0, 32), Buffer.from(wanted.toString(16).padStart(64, '0'), 'hex')]))}`
}

/** Checks a token shown by the app with node:crypto and the public key PEM shown by the app. */
function nodeAccepts(token: string, publicPem: string): boolean {
  const [h, p, s] = token.split('.') as [string, string, string]
  const alg = (JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg: string }).alg
  const key = createPublicKey(publicPem)
  const input = Buffer.from(`${h}.${p}`)
  const sig = Buffer.from(s, 'base64url')
  return alg === 'ES256K' ? nodeVerify('sha256', input, { key, dsaEncoding: 'ieee-p1363' }, sig) : nodeVerify(null, input, key, sig)
}

for (const { alg, signatureBytes } of [{ alg: 'ES256K', signatureBytes: 64 }, { alg: 'Ed448', signatureBytes: 114 }]) {
  test(`${alg}: Generate key signs a token that verifies here and in node:crypto, and a payload edit re-signs it`, async ({ page }) => {
    await openApp(page)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    await generateKeyFor(page, alg)
    await expect(verificationKey(page)).toHaveValue(/^-----BEGIN PUBLIC KEY-----\n/)
    await openSigning(page)
    await expect(signingKey(page)).toHaveValue(/^-----BEGIN PRIVATE KEY-----\n/)
    const signed = await encodedToken(page).inputValue()
    expect(JSON.parse(Buffer.from(signed.split('.')[0] as string, 'base64url').toString('utf8'))).toMatchObject({ alg })
    expect(Buffer.from(signed.split('.')[2] as string, 'base64url')).toHaveLength(signatureBytes)
    const publicPem = await verificationKey(page).inputValue()
    expect(nodeAccepts(signed, publicPem)).toBe(true)

    const payloadText = `{"sub":"edited","alg_under_test":"${alg}"}`
    await replaceEditorText(page, 'Payload', payloadText)
    await expect(encodedToken(page)).not.toHaveValue(signed)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    const edited = await encodedToken(page).inputValue()
    expect(Buffer.from(edited.split('.')[1] as string, 'base64url').toString('utf8')).toBe(payloadText)
    expect(nodeAccepts(edited, publicPem)).toBe(true)
  })
}

test('an ES256K token signed by node:crypto verifies with its PEM public key; the curve code loads only then', async ({ page, context }) => {
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' })
  await openApp(page)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  expect(requests.filter((url) => url.includes('noble-curves'))).toEqual([])

  await pasteToken(page, nodeToken('ES256K', privateKey, { sub: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz', iat: 1767225600 }))
  await verificationKey(page).fill(publicKey.export({ type: 'spki', format: 'pem' }) as string)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  expect(requests.filter((url) => url.includes('noble-curves')).length).toBeGreaterThan(0)
  await expect(findings(page).filter({ hasText: 'ES256K signature with a high S' })).toHaveCount(0)
})

test('a high-S ES256K signature verifies, with an info finding that low-S verifiers refuse it', async ({ page }) => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' })
  await openApp(page)
  await pasteToken(page, nodeToken('ES256K', privateKey, { sub: 'high-s' }, 'high-s'))
  await verificationKey(page).fill(JSON.stringify(publicKey.export({ format: 'jwk' })))
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(findings(page).filter({ hasText: 'ES256K signature with a high S (not low-S normalised)' })).toHaveCount(1)
})

test('EdDSA with an Ed448 key verifies, with the RFC 9864 deprecation as an info finding', async ({ page }) => {
  const { privateKey, publicKey } = generateKeyPairSync('ed448')
  await openApp(page)
  await pasteToken(page, nodeToken('EdDSA', privateKey, { sub: 'ed448' }))
  await verificationKey(page).fill(publicKey.export({ type: 'spki', format: 'pem' }) as string)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(findings(page).filter({ hasText: 'alg "EdDSA" is deprecated (RFC 9864)' })).toHaveCount(1)
})

test('an ES256K public key whose point is off the curve is refused with the reason', async ({ page }) => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' })
  const jwk = publicKey.export({ format: 'jwk' })
  const y = Buffer.from(jwk.y as string, 'base64url')
  y[31] = (y[31] as number) ^ 1
  await openApp(page)
  await pasteToken(page, nodeToken('ES256K', privateKey, { sub: 'x' }))
  await verificationKey(page).fill(JSON.stringify({ ...jwk, y: y.toString('base64url') }))
  await expect(page.getByText(/its point \(x, y\) is not on curve secp256k1/).first()).toBeVisible()
  await expect(signatureStatus(page)).not.toHaveText(/^Signature verified/)
})
