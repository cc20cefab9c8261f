import { readFileSync } from 'node:fs'
import { createMLDSA44, createMLDSA65, createMLDSA87 } from '@oqs/liboqs-js/sig'
import { test, expect, pasteToken } from './fixtures'
import { encodedToken, generateKeyFor, openApp, openSigning, replaceEditorText, signatureStatus, signingKey, verificationKey } from './helpers'

const RFC9964 = JSON.parse(readFileSync(new URL('../test/fixtures/vectors/rfc9964-ml-dsa-44.json', import.meta.url), 'utf8')) as { jwk: Record<string, string>; compact: string }
const utf8 = (text: string) => new Uint8Array(Buffer.from(text))

/** The raw public key at the end of an ML-DSA SubjectPublicKeyInfo PEM (RFC 9881: BIT STRING of pk). */
function publicKeyOf(pem: string, bytes: number): Uint8Array {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64')
  return new Uint8Array(der.subarray(der.length - bytes))
}

const SETS = [
  { alg: 'ML-DSA-44', create: createMLDSA44, publicBytes: 1312, signatureBytes: 2420 },
  { alg: 'ML-DSA-65', create: createMLDSA65, publicBytes: 1952, signatureBytes: 3309 },
  { alg: 'ML-DSA-87', create: createMLDSA87, publicBytes: 2592, signatureBytes: 4627 },
]

for (const { alg, create, publicBytes, signatureBytes } of SETS) {
  test(`${alg}: Generate key signs a token that verifies here and in liboqs, and a payload edit re-signs it`, async ({ page }) => {
    const oqs = await create()
    await openApp(page)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    await generateKeyFor(page, alg)
    await expect(verificationKey(page)).toHaveValue(/^-----BEGIN PUBLIC KEY-----\n/)
    await openSigning(page)
    await expect(signingKey(page)).toHaveValue(/^-----BEGIN PRIVATE KEY-----\n/)
    const signed = await encodedToken(page).inputValue()
    const [header, payload, signature] = signed.split('.') as [string, string, string]
    expect(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))).toMatchObject({ alg })
    expect(Buffer.from(signature, 'base64url')).toHaveLength(signatureBytes)
    const publicKey = publicKeyOf(await verificationKey(page).inputValue(), publicBytes)
    expect(oqs.verify(utf8(`${header}.${payload}`), new Uint8Array(Buffer.from(signature, 'base64url')), publicKey)).toBe(true)

    const payloadText = `{"sub":"edited","alg_under_test":"${alg}"}`
    await replaceEditorText(page, 'Payload', payloadText)
    await expect(encodedToken(page)).not.toHaveValue(signed)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    const edited = (await encodedToken(page).inputValue()).split('.') as [string, string, string]
    expect(Buffer.from(edited[1], 'base64url').toString('utf8')).toBe(payloadText)
    expect(oqs.verify(utf8(`${edited[0]}.${edited[1]}`), new Uint8Array(Buffer.from(edited[2], 'base64url')), publicKey)).toBe(true)
    oqs.destroy()
  })
}

test('the RFC 9964 ML-DSA-44 example verifies with its public JWK; the ML-DSA code loads only then', async ({ page, context }) => {
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  await openApp(page)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  expect(requests.filter((url) => url.includes('ml-dsa'))).toEqual([])

  const { priv: _priv, ...publicJwk } = RFC9964.jwk
  await pasteToken(page, RFC9964.compact)
  await verificationKey(page).fill(JSON.stringify(publicJwk))
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  expect(requests.filter((url) => url.includes('ml-dsa')).length).toBeGreaterThan(0)
})

test('an ML-DSA private key in the expandedKey-only form is refused with the reason and what to do', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, RFC9964.compact)
  await verificationKey(page).fill(readFileSync(new URL('../test/fixtures/keys/ml-dsa/rfc9881-ml-dsa-44-expanded.pem', import.meta.url), 'utf8'))
  await expect(page.getByText(/holds only the 2560-byte expanded key, not the 32-byte seed/).first()).toBeVisible()
  await expect(signatureStatus(page)).not.toHaveText(/^Signature verified/)
})

test('the ML-DSA-44 example opens verified, and Explain says what is different about a lattice signature', async ({ page }) => {
  await openApp(page)
  await page.getByRole('combobox', { name: 'Examples', exact: true }).selectOption({ label: 'ML-DSA-44 (post-quantum)' })
  // The example's data loads on demand: wait for its token (header {"alg":"ML-DSA-44",…}) before judging.
  await expect(encodedToken(page)).toHaveValue(new RegExp(`^${Buffer.from('{"alg":"ML-DSA-44"').toString('base64url').slice(0, 24)}`))
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await page.getByRole('button', { name: 'Explain', exact: true }).click()
  const explain = page.getByRole('region', { name: 'Explain', exact: true })
  const step = explain.getByRole('button', { name: /^\d+\. Signature: ML-DSA-44 \(post-quantum, lattice-based\)$/ })
  await expect(step).toBeVisible({ timeout: 30_000 })
  await step.click()
  await expect(explain.getByText(/a 2,420-byte signature — longer than most whole tokens — and a 1,312-byte public key/)).toBeVisible()
})
