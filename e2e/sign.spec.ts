import { test, expect } from './fixtures'
import { encodedToken, generateKeyFor, openApp, replaceEditorText, signatureStatus, signingKey, verificationKey, openSigning } from './helpers'

const ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA', 'Ed25519', 'Ed448', 'ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87', 'none']

function decodeSegment(token: string, index: number): unknown {
  return JSON.parse(Buffer.from(token.split('.')[index] as string, 'base64url').toString('utf8'))
}

/** Picks `alg`, presses Generate key and waits until the token is signed with the new key and verifies. */

test('the Algorithm select offers exactly the supported algorithms', async ({ page }) => {
  await openApp(page)
  await openSigning(page)
  await expect(page.getByRole('combobox', { name: 'Algorithm', exact: true }).locator('option')).toHaveText(ALGORITHMS)
})

// ML-DSA's generate → sign → edit → re-sign runs in algorithms-ml-dsa.spec.ts, each token checked by liboqs.
// One page per key family, one step per algorithm: each step starts from the previous one's edited token.
const FAMILIES: readonly [string, readonly string[]][] = [
  ['HMAC', ['HS256', 'HS384', 'HS512']],
  ['RSA', ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']],
  ['ECDSA', ['ES256', 'ES384', 'ES512', 'ES256K']],
  ['EdDSA', ['EdDSA', 'Ed25519', 'Ed448']],
]

test('every signing algorithm but none and ML-DSA has a family below', () => {
  expect(FAMILIES.flatMap(([, algs]) => algs)).toEqual(ALGORITHMS.filter((a) => a !== 'none' && !a.startsWith('ML-DSA')))
})

for (const [family, algs] of FAMILIES) {
  test(`${family} (${algs.join(', ')}): Generate key signs a token that verifies, and payload edits re-sign it`, async ({ page }) => {
    test.setTimeout(60_000 + 30_000 * algs.length)
    await openApp(page)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    for (const alg of algs) {
      await test.step(alg, async () => {
        await generateKeyFor(page, alg)
        const signed = await encodedToken(page).inputValue()
        if (alg.startsWith('HS')) {
          await openSigning(page)
          await expect(verificationKey(page)).toHaveValue(await signingKey(page).inputValue())
          await expect(page.getByRole('combobox', { name: 'Secret encoding', exact: true })).toHaveValue('base64url')
          await openSigning(page)
          await expect(page.getByRole('combobox', { name: 'Signing secret encoding', exact: true })).toHaveValue('base64url')
        } else {
          await openSigning(page)
          await expect(signingKey(page)).toHaveValue(/^-----BEGIN PRIVATE KEY-----/)
          await expect(verificationKey(page)).toHaveValue(/^-----BEGIN PUBLIC KEY-----/)
        }

        // A big integer checks that its exact digits survive re-encoding.
        const payloadText = `{"sub":"edited","alg_under_test":"${alg}","n":12345678901234567890}`
        await replaceEditorText(page, 'Payload', payloadText)
        await expect(encodedToken(page)).not.toHaveValue(signed)
        await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
        const edited = await encodedToken(page).inputValue()
        expect(Buffer.from(edited.split('.')[1] as string, 'base64url').toString('utf8')).toBe(payloadText)
      })
    }
  })
}

test("alg 'none' gives an empty signature", async ({ page }) => {
  await openApp(page)
  await openSigning(page)
  await page.getByRole('combobox', { name: 'Algorithm', exact: true }).selectOption('none')
  await expect(encodedToken(page)).toHaveValue(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.$/)
  const token = await encodedToken(page).inputValue()
  expect(decodeSegment(token, 0)).toMatchObject({ alg: 'none' })
  await expect(signatureStatus(page)).toHaveText(/^Signature not checked/)
})

test('a short HMAC secret signs with the warning, and live re-signing follows the key', async ({ page }) => {
  await openApp(page)
  const before = await encodedToken(page).inputValue()
  await openSigning(page)
  await page.getByRole('combobox', { name: 'Signing secret encoding', exact: true }).selectOption('utf8')
  await openSigning(page)
  await signingKey(page).fill('secret')
  await expect(page.getByText(/The HMAC secret is 48 bits \(6 bytes\), shorter than the 256 bits/)).toBeVisible()
  await expect(encodedToken(page)).not.toHaveValue(before)
  // The verification key is still the example's secret, so the new signature does not match it.
  await expect(signatureStatus(page)).toHaveText(/^Invalid signature/)
  await verificationKey(page).fill('secret')
  await page.getByRole('combobox', { name: 'Secret encoding', exact: true }).selectOption('utf8')
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
})

test('Use thumbprint as kid puts the RFC 7638 thumbprint into the header and re-signs', async ({ page }) => {
  await openApp(page)
  await generateKeyFor(page, 'ES256')
  await openSigning(page)
  await page.getByRole('button', { name: 'Use thumbprint as kid', exact: true }).click()
  await expect(encodedToken(page)).toHaveValue(/^eyJ/)
  await expect.poll(async () => (decodeSegment(await encodedToken(page).inputValue(), 0) as { kid?: string }).kid).toBeTruthy()
  const header = decodeSegment(await encodedToken(page).inputValue(), 0) as { kid: string }
  // The exported JWK carries the same thumbprint; compute it independently from x and y.
  await page.getByRole('tab', { name: 'JWK', exact: true }).click()
  const jwk = JSON.parse(await page.getByRole('textbox', { name: 'Public key (JWK)' }).inputValue()) as Record<string, string>
  const { createHash } = await import('node:crypto')
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })
  expect(header.kid).toBe(createHash('sha256').update(canonical).digest('base64url'))
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await page.getByRole('tab', { name: 'JWKS', exact: true }).click()
  const jwks = JSON.parse(await page.getByRole('textbox', { name: 'Public key (JWKS)' }).inputValue()) as { keys: Record<string, string>[] }
  expect(jwks.keys).toHaveLength(1)
  expect(jwks.keys[0]).not.toHaveProperty('d')
  await page.getByRole('tab', { name: 'PEM', exact: true }).click()
  await expect(page.getByRole('textbox', { name: 'Public key (PEM)' })).toHaveValue(await verificationKey(page).inputValue())
})

test('RSA 4096 generation runs in a worker and shows progress', async ({ page }) => {
  await openApp(page)
  await openSigning(page)
  await page.getByRole('combobox', { name: 'Algorithm', exact: true }).selectOption('RS256')
  await openSigning(page)
  await page.getByRole('combobox', { name: 'RSA key size' }).selectOption('4096')
  await openSigning(page)
  await page.getByRole('button', { name: 'Generate key', exact: true }).click()
  await openSigning(page)
  await expect(page.getByRole('status', { name: 'Key generation' })).toHaveText('Generating…')
  // The page stays responsive while the worker works: a timer on the main thread still fires. This is
  // a freeze guard (generous, since CI machines are shared), not a speed target: see npm run bench.
  const lag = await page.evaluate(() => new Promise<number>((resolve) => {
    const start = performance.now()
    setTimeout(() => resolve(performance.now() - start - 50), 50)
  }))
  expect(lag).toBeLessThan(5000)
  await expect(verificationKey(page)).toHaveValue(/^-----BEGIN PUBLIC KEY-----/, { timeout: 60_000 })
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  const spki = await verificationKey(page).inputValue()
  const { createPublicKey } = await import('node:crypto')
  expect(createPublicKey(spki).asymmetricKeyDetails?.modulusLength).toBe(4096)
})
