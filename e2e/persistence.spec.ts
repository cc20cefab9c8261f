import { test, expect } from './fixtures'
import { chooseExample, encodedToken, example, openApp, signatureStatus, signingKey, verificationKey } from './helpers'

const STORAGE_KEY = 'jwt-lab:v1'

test('a reload keeps the token and a public key, but not secrets or private keys', async ({ page }) => {
  const rs = example('rs256')
  await openApp(page)
  await chooseExample(page, rs)
  await expect(signingKey(page)).toHaveValue(rs.signingKey)
  await page.reload()
  await expect(encodedToken(page)).toHaveValue(rs.token)
  await expect(verificationKey(page)).toHaveValue(rs.verificationKey)
  await expect(signingKey(page)).toHaveValue('')
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  const stored = await page.evaluate((k) => localStorage.getItem(k) ?? '', STORAGE_KEY)
  expect(stored).not.toContain('PRIVATE KEY')

  const hs = example('hs256')
  await chooseExample(page, hs)
  await page.reload()
  await expect(encodedToken(page)).toHaveValue(hs.token)
  await expect(verificationKey(page)).toHaveValue('')
  await expect(signingKey(page)).toHaveValue('')
  await expect(signatureStatus(page)).toHaveText('Signature not checked: add a verification key')
  expect(await page.evaluate((k) => localStorage.getItem(k) ?? '', STORAGE_KEY)).not.toContain(hs.verificationKey)
})

test('with "Remember secrets" ticked a reload keeps secrets and private keys', async ({ page }) => {
  const hs = example('hs256')
  await openApp(page)
  await page.getByRole('checkbox', { name: 'Remember secrets on this device' }).check()
  await chooseExample(page, hs)
  await page.reload()
  await expect(page.getByRole('checkbox', { name: 'Remember secrets on this device' })).toBeChecked()
  await expect(verificationKey(page)).toHaveValue(hs.verificationKey)
  await expect(signingKey(page)).toHaveValue(hs.signingKey)
  await expect(page.getByRole('combobox', { name: 'Secret encoding', exact: true })).toHaveValue('base64url')
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)

  const es = example('es256')
  await chooseExample(page, es)
  await page.reload()
  await expect(signingKey(page)).toHaveValue(es.signingKey)

  // Unticking forgets them again at the next save.
  await page.getByRole('checkbox', { name: 'Remember secrets on this device' }).uncheck()
  await page.reload()
  await expect(signingKey(page)).toHaveValue('')
  await expect(verificationKey(page)).toHaveValue(es.verificationKey)
})

test('settings survive a reload', async ({ page }) => {
  await openApp(page)
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
  await page.getByLabel('Expected issuer').fill('https://login.example.com')
  await page.reload()
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark')
  await expect(page.getByLabel('Expected issuer')).toHaveValue('https://login.example.com')
})

const corrupt: [string, string, RegExp][] = [
  ['garbage JSON', '{"state": {"token": "eyJ', /Saved settings were unreadable and have been reset to defaults\./],
  ['not a stored state', '[1,2,3]', /Saved settings were unreadable/],
  [
    'wrong types',
    JSON.stringify({ state: { token: 42, theme: 'purple', rememberSecrets: 'yes', clockSkewSeconds: -5, secretEncoding: 'rot13', algorithm: 7 }, version: 1 }),
    /Some saved settings were unreadable and have been reset to defaults\./,
  ],
  ['state of the wrong type', JSON.stringify({ state: 'eyJhbGciOiJIUzI1NiJ9', version: 1 }), /Some saved settings were unreadable/],
]

for (const [name, text, notice] of corrupt) {
  test(`corrupt storage (${name}) starts with defaults and says so`, async ({ page }) => {
    await openApp(page)
    await page.evaluate(([k, v]) => localStorage.setItem(k as string, v as string), [STORAGE_KEY, text])
    await page.reload()
    const alert = page.getByRole('alert').filter({ hasText: notice })
    await expect(alert).toBeVisible()
    await expect(encodedToken(page)).toHaveValue('')
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('system')
    await expect(page.getByRole('checkbox', { name: 'Remember secrets on this device' })).not.toBeChecked()
    await expect(page.getByRole('combobox', { name: 'Secret encoding', exact: true })).toHaveValue('utf8')
    await expect(page.getByLabel('Clock skew (seconds)')).toHaveValue('0')
    await expect(signatureStatus(page)).toHaveText(/^Signature not checked/)
    await alert.getByRole('button', { name: 'Dismiss' }).click()
    await expect(alert).toBeHidden()
    // The app works normally afterwards.
    await chooseExample(page, example('es256'))
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  })
}
