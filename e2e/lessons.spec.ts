import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { encodedToken, openApp, signatureStatus, verificationKey, openPolicy, openSigning, openTool } from './helpers'

const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url')

async function openLesson(page: Page, title: string): Promise<void> {
  await openTool(page, 'Lessons')
  await page.getByRole('navigation', { name: 'Lessons' }).getByRole('button', { name: title }).click()
  await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible()
}

/** Presses "Do it" of step `n` (1-based) of the open lesson. */
async function doStep(page: Page, n: number): Promise<void> {
  const step = page.getByRole('list', { name: 'Steps' }).getByRole('listitem').nth(n - 1)
  await step.getByRole('button', { name: 'Do it', exact: true }).click()
  await expect(step).toContainText('Now:')
}

function expiryRow(page: Page) {
  return page.getByRole('table', { name: 'Policy checks' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Expiry (exp)' }) })
}

test.beforeEach(async ({ page }) => {
  await openApp(page)
})

test('Anatomy of a JWT: load, point at a claim, open the walkthrough', async ({ page }) => {
  await openLesson(page, 'Anatomy of a JWT')
  await expect(page.getByText('Expected: The Encoded token shows three coloured parts')).toBeVisible()
  await doStep(page, 1)
  await expect(encodedToken(page)).toHaveValue(/^eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\./)
  await expect(signatureStatus(page)).toContainText('Signature verified')
  await doStep(page, 2)
  const row = page.getByRole('table', { name: 'Claims' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'name', exact: true }) })
  await expect(row).toHaveAttribute('data-highlighted', 'true')
  await expect(page.getByTestId('member-highlight-caption')).toContainText('name (payload) is encoded by characters')
  await doStep(page, 3)
  await expect(page.getByRole('region', { name: 'Explain', exact: true })).toBeVisible()
})

test('Why signatures matter: tampering breaks the signature, only the secret restores it', async ({ page }) => {
  await openLesson(page, 'Why signatures matter (tamper and watch it fail)')
  await doStep(page, 1)
  await expect(signatureStatus(page)).toContainText('Signature verified')
  const signed = await encodedToken(page).inputValue()
  await doStep(page, 2)
  await expect(signatureStatus(page)).toHaveText(/^Invalid signature/)
  const tampered = await encodedToken(page).inputValue()
  const [h, p, s] = signed.split('.')
  const payload = Buffer.from(p as string, 'base64url').toString('utf8')
  expect(payload).toContain('"admin":false')
  expect(tampered).toBe(`${h}.${b64u(payload.replace('"admin":false', '"admin":true'))}.${s}`)
  await expect(page.getByRole('group', { name: 'What the app shows now' })).toContainText('Signature: Invalid signature')
  await doStep(page, 3)
  await expect(encodedToken(page)).not.toHaveValue(tampered)
  await expect(signatureStatus(page)).toHaveText(/^Invalid signature/)
  await doStep(page, 4)
  await expect(signatureStatus(page)).toContainText('Signature verified')
  await expect(page.getByRole('table', { name: 'Claims' })).toContainText('true')
})

test('Expiry and clock skew: past exp fails, skew lets it pass', async ({ page }) => {
  await openLesson(page, 'Expiry and clock skew')
  await doStep(page, 1)
  await expect(expiryRow(page)).toContainText('Pass')
  await expect(expiryRow(page)).toContainText('Expires in 30 minutes (exp 2030-01-01T01:00:00Z).')
  await doStep(page, 2)
  await expect(expiryRow(page)).toContainText('Fail')
  await expect(expiryRow(page)).toContainText('Expired 30 seconds ago (exp 2030-01-01T01:00:00Z); allowed clock skew 0 s.')
  await expect(signatureStatus(page)).toContainText('Signature verified')
  await doStep(page, 3)
  await openPolicy(page)
  await expect(page.getByLabel('Clock skew (seconds)')).toHaveValue('60')
  await expect(expiryRow(page)).toContainText('Pass')
  await expect(expiryRow(page)).toContainText('within the allowed clock skew 60 s')
  await doStep(page, 4)
  await openPolicy(page)
  await expect(page.getByLabel('Clock skew (seconds)')).toHaveValue('0')
  await expect(expiryRow(page)).toContainText(/Expires in \d+ years/)
})

test('Symmetric vs asymmetric keys: RS256 verifies with the public key, not with the secret', async ({ page }) => {
  await openLesson(page, 'Symmetric vs asymmetric keys')
  await doStep(page, 1)
  await expect(signatureStatus(page)).toContainText('Signature verified')
  await doStep(page, 2)
  await expect(encodedToken(page)).toHaveValue(/^eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9\./)
  await expect(verificationKey(page)).toHaveValue(/^-----BEGIN PUBLIC KEY-----/)
  await openSigning(page)
  await expect(page.getByRole('textbox', { name: 'Signing key', exact: true })).toHaveValue(/^-----BEGIN PRIVATE KEY-----/)
  await expect(signatureStatus(page)).toContainText('Signature verified')
  await doStep(page, 3)
  await expect(signatureStatus(page)).toHaveText(/^Signature not checked: .*RS256 needs an RSA key/)
  await doStep(page, 4)
  await expect(signatureStatus(page)).toContainText('Signature verified')
})

test('The none algorithm: an unsecured token is not verified', async ({ page }) => {
  await openLesson(page, 'The none algorithm')
  await doStep(page, 1)
  await expect(signatureStatus(page)).toContainText('Signature verified')
  await doStep(page, 2)
  await expect(encodedToken(page)).toHaveValue(new RegExp(`^${b64u('{"alg":"none","typ":"JWT"}')}\\.[A-Za-z0-9_-]+\\.$`))
  await expect(signatureStatus(page)).toHaveText("Signature not checked: the token is unsecured (alg 'none') and has no signature")
  await doStep(page, 3)
  await expect(signatureStatus(page)).toContainText('Signature verified')
})
