import { createHmac } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { encodedToken, openApp, openSigning, signatureStatus, signingKey, verificationKey } from './helpers'

// Signing into the JWS JSON serialization (RFC 7515 §7.2): the Signing panel makes flattened and
// general JSON, and the JSON serialization panel gives each signature its own verdict.
const SECRET = 'a-string-secret-at-least-256-bits-long'

const panel = (page: Page) => page.getByRole('region', { name: 'JWS JSON serialization', exact: true })
const verdict = (page: Page, n: number) => panel(page).getByRole('status', { name: `Signature ${n}`, exact: true })
const serialization = (page: Page) => page.getByRole('combobox', { name: 'Serialization', exact: true })

/** Signs with HS256 under SECRET (as UTF-8) and verifies with the same secret. */
async function useSecret(page: Page): Promise<void> {
  await openSigning(page)
  await page.getByRole('combobox', { name: 'Algorithm', exact: true }).selectOption('HS256')
  await page.getByRole('combobox', { name: 'Signing secret encoding', exact: true }).selectOption({ label: 'UTF-8' })
  await signingKey(page).fill(SECRET)
  await verificationKey(page).fill(SECRET)
  await page.getByRole('combobox', { name: 'Secret encoding', exact: true }).selectOption({ label: 'UTF-8' })
}

test('the Serialization select offers compact and both JSON syntaxes, compact first', async ({ page }) => {
  await openApp(page)
  await openSigning(page)
  await expect(serialization(page)).toHaveValue('compact')
  await expect(serialization(page).locator('option')).toHaveText(['Compact', 'JSON (flattened)', 'JSON (general)'])
  // Further signatures belong to the general syntax only.
  await expect(page.getByRole('button', { name: 'Add signature', exact: true })).toHaveCount(0)
})

test('flattened HS256: the JSON verifies against the secret, and node:crypto agrees', async ({ page }) => {
  await openApp(page)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await useSecret(page)
  await serialization(page).selectOption({ label: 'JSON (flattened)' })
  await expect(page.getByText('Signed with HS256 as a JWS in JSON serialization (flattened syntax); the encoded token was updated.')).toBeVisible()

  const jws = JSON.parse(await encodedToken(page).inputValue()) as Record<string, string>
  expect(Object.keys(jws)).toEqual(['payload', 'protected', 'signature'])
  expect(JSON.parse(Buffer.from(jws['protected'] as string, 'base64url').toString())).toMatchObject({ alg: 'HS256' })
  const mac = createHmac('sha256', SECRET).update(`${jws['protected']}.${jws['payload']}`).digest('base64url')
  expect(jws['signature']).toBe(mac)

  await expect(panel(page)).toContainText('Flattened syntax (RFC 7515 §7.2.2)')
  await expect(verdict(page, 1)).toHaveText(/^Signature verified/)
  await expect(panel(page).getByRole('status', { name: 'Signature 2', exact: true })).toHaveCount(0)

  // A wrong secret: the same signature is now invalid.
  await verificationKey(page).fill(`${SECRET}-not`)
  await expect(verdict(page, 1)).toHaveText(/^Invalid signature/)

  // Back to compact: the claims travel along, and the compact verdict speaks again.
  await verificationKey(page).fill(SECRET)
  await serialization(page).selectOption({ label: 'Compact' })
  await expect(encodedToken(page)).toHaveValue(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/)
  expect((await encodedToken(page).inputValue()).split('.')[1]).toBe(jws['payload'])
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
})

test('general with a second, generated ES256 signature: two verdicts, both verified', async ({ page }) => {
  await openApp(page)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await useSecret(page)
  await serialization(page).selectOption({ label: 'JSON (general)' })
  await expect(verdict(page, 1)).toHaveText(/^Signature verified/)

  await page.getByRole('button', { name: 'Add signature', exact: true }).click()
  const second = page.getByRole('group', { name: 'Signature 2', exact: true })
  await expect(second).toBeVisible()
  await second.getByRole('combobox', { name: 'Algorithm', exact: true }).selectOption('ES256')
  await second.getByRole('button', { name: 'Generate key for signature 2', exact: true }).click()
  await expect(second.getByRole('textbox', { name: 'Signing key', exact: true })).toHaveValue(/^-----BEGIN PRIVATE KEY-----/, { timeout: 30_000 })
  await expect(page.getByText('Signed with HS256 and ES256 as a JWS in JSON serialization (general syntax); the encoded token was updated.')).toBeVisible()

  const axe = await new AxeBuilder({ page }).include('fieldset:has(> legend)').analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])
  expect(axe.passes.length).toBeGreaterThan(0)

  // The verification key became a JWKS of the secret and the new public key.
  const jwks = JSON.parse(await verificationKey(page).inputValue()) as { keys: { kty: string }[] }
  expect(jwks.keys.map((k) => k.kty)).toEqual(['oct', 'EC'])

  const jws = JSON.parse(await encodedToken(page).inputValue()) as { payload: string; signatures: { protected: string }[] }
  expect(jws.signatures.map((s) => (JSON.parse(Buffer.from(s.protected, 'base64url').toString()) as { alg: string }).alg)).toEqual(['HS256', 'ES256'])
  await expect(panel(page)).toContainText('General syntax (RFC 7515 §7.2.1) with 2 signatures over one payload')
  await expect(verdict(page, 1)).toHaveText(/^Signature verified/)
  await expect(verdict(page, 2)).toHaveText(/^Signature verified/)

  // A new key for the first signature keeps the second one's public key in the verification JWKS.
  // Each signature has its "Signing key": the first signature's comes first on the page.
  const firstSigningKey = signingKey(page).first()
  const firstKey = await firstSigningKey.inputValue()
  await page.getByRole('button', { name: 'Generate key', exact: true }).click()
  await expect(firstSigningKey).not.toHaveValue(firstKey, { timeout: 30_000 })
  await expect.poll(async () => ((JSON.parse(await verificationKey(page).inputValue()) as { keys: { kty: string }[] }).keys.map((k) => k.kty))).toEqual(['oct', 'EC'])
  await expect(verdict(page, 1)).toHaveText(/^Signature verified/)
  await expect(verdict(page, 2)).toHaveText(/^Signature verified/)

  // Removing the second signature re-signs with the first alone.
  await second.getByRole('button', { name: 'Remove signature 2', exact: true }).click()
  await expect(page.getByRole('group', { name: 'Signature 2', exact: true })).toHaveCount(0)
  await expect(panel(page)).toContainText('General syntax (RFC 7515 §7.2.1) with 1 signature over one payload')
  await expect(verdict(page, 1)).toHaveText(/^Signature verified/)
})

test('a further signature without a key says what to do and leaves the token alone', async ({ page }) => {
  await openApp(page)
  await useSecret(page)
  await serialization(page).selectOption({ label: 'JSON (general)' })
  await expect(page.getByText('Signed with HS256 as a JWS in JSON serialization (general syntax); the encoded token was updated.')).toBeVisible()
  const before = await encodedToken(page).inputValue()
  await page.getByRole('button', { name: 'Add signature', exact: true }).click()
  await page.getByRole('button', { name: 'Sign', exact: true }).click()
  await expect(page.getByText('Not signed: Signature 2: Add a signing key for ES256, or press Generate key for signature 2.')).toBeVisible()
  await expect(encodedToken(page)).toHaveValue(before)
})
