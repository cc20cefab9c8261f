import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { test, expect, pasteToken } from './fixtures'
import { chooseExample, encodedToken, example, openApp, signatureStatus, signingKey, verificationKey, openPolicy, openSettings, openSigning } from './helpers'
import { lastCopied, recordCopies } from './clipboard'

const STORAGE_KEY = 'jwt-lab:v1'
const REMEMBER = 'Remember tokens and secrets on this device'

const b64u = (s: string) => Buffer.from(s).toString('base64url')
function hs256(payload: object): string {
  const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`
  return `${input}.${createHmac('sha256', 'a-test-secret-of-32-bytes-length!').update(input).digest('base64url')}`
}
const fixture = (file: string) => readFileSync(new URL(`../test/fixtures/keys/${file}`, import.meta.url), 'utf8')
const stored = (page: import('@playwright/test').Page) => page.evaluate((k) => localStorage.getItem(k) ?? '', STORAGE_KEY)

test('a reload keeps the token and a public key, but not secrets or private keys', async ({ page }) => {
  const rs = example('rs256')
  await openApp(page)
  await chooseExample(page, rs)
  await openSigning(page)
  await expect(signingKey(page)).toHaveValue(rs.signingKey)
  await page.reload()
  await expect(encodedToken(page)).toHaveValue(rs.token)
  await expect(verificationKey(page)).toHaveValue(rs.verificationKey)
  await openSigning(page)
  await expect(signingKey(page)).toHaveValue('')
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  const stored = await page.evaluate((k) => localStorage.getItem(k) ?? '', STORAGE_KEY)
  expect(stored).not.toContain('PRIVATE KEY')

  const hs = example('hs256')
  await chooseExample(page, hs)
  await page.reload()
  await expect(encodedToken(page)).toHaveValue(hs.token)
  await expect(verificationKey(page)).toHaveValue('')
  await openSigning(page)
  await expect(signingKey(page)).toHaveValue('')
  await expect(signatureStatus(page)).toHaveText('Signature not checked: add a verification key')
  expect(await page.evaluate((k) => localStorage.getItem(k) ?? '', STORAGE_KEY)).not.toContain(hs.verificationKey)
})

test('with "Remember tokens and secrets" ticked a reload keeps secrets and private keys', async ({ page }) => {
  const hs = example('hs256')
  await openApp(page)
  await openSettings(page)
  await page.getByRole('checkbox', { name: REMEMBER }).check()
  await chooseExample(page, hs)
  await page.reload()
  await openSettings(page)
  await expect(page.getByRole('checkbox', { name: REMEMBER })).toBeChecked()
  await expect(verificationKey(page)).toHaveValue(hs.verificationKey)
  await openSigning(page)
  await expect(signingKey(page)).toHaveValue(hs.signingKey)
  await expect(page.getByRole('combobox', { name: 'Secret encoding', exact: true })).toHaveValue('base64url')
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)

  const es = example('es256')
  await chooseExample(page, es)
  await page.reload()
  await openSigning(page)
  await expect(signingKey(page)).toHaveValue(es.signingKey)

  // Unticking forgets them again at the next save.
  await openSettings(page)
  await page.getByRole('checkbox', { name: REMEMBER }).uncheck()
  await page.reload()
  await openSigning(page)
  await expect(signingKey(page)).toHaveValue('')
  await expect(verificationKey(page)).toHaveValue(es.verificationKey)
})

test('settings survive a reload', async ({ page }) => {
  await openApp(page)
  await openSettings(page)
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
  await openPolicy(page)
  await page.getByLabel('Expected issuer').fill('https://login.example.com')
  await page.reload()
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  await openSettings(page)
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark')
  await openPolicy(page)
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

// One page, one step per corrupt entry: each step writes the entry and reloads, as a new visit would.
test(`corrupt storage (${corrupt.map(([name]) => name).join(', ')}) starts with defaults and says so`, async ({ page }) => {
  await openApp(page)
  for (const [name, text, notice] of corrupt) {
    await test.step(name, async () => {
      await page.evaluate(([k, v]) => localStorage.setItem(k as string, v as string), [STORAGE_KEY, text])
      await page.reload()
      const alert = page.getByRole('alert').filter({ hasText: notice })
      await expect(alert).toBeVisible()
      await expect(encodedToken(page)).toHaveValue('')
      await openSettings(page)
      await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('system')
      await openSettings(page)
      await expect(page.getByRole('checkbox', { name: REMEMBER })).not.toBeChecked()
      await expect(page.getByRole('combobox', { name: 'Secret encoding', exact: true })).toHaveValue('utf8')
      await openPolicy(page)
      await expect(page.getByLabel('Clock skew (seconds)')).toHaveValue('0')
      await expect(signatureStatus(page)).toHaveText(/^Signature not checked/)
      await alert.getByRole('button', { name: 'Dismiss' }).click()
      await expect(alert).toBeHidden()
      // The app works normally afterwards.
      await chooseExample(page, example('es256'))
      await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    })
  }
})

test('a private key relabelled BEGIN PUBLIC KEY is not stored and not put into a share link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-write'])
  await context.addInitScript(recordCopies)
  const relabelled = fixture('rsa-2048-pkcs8.pem').replace(/PRIVATE KEY/g, 'PUBLIC KEY')
  await openApp(page)
  await chooseExample(page, example('rs256'))
  await verificationKey(page).fill(relabelled)
  const include = page.getByRole('checkbox', { name: 'Include public key' })
  await expect(include).toBeDisabled()
  const why = 'PEM block 1 (labelled "PUBLIC KEY") holds a PKCS#8 private key, whatever its label says'
  await expect(include).toHaveAccessibleDescription(new RegExp(`^The verification key is not shared: ${why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
  await page.getByText('Why is the key not shared?').click()
  await expect(page.getByRole('paragraph').filter({ hasText: why })).toBeVisible()
  await page.getByRole('button', { name: 'Copy share link', exact: true }).click()
  await expect(page.getByText('Link copied')).toBeVisible()
  const link = await lastCopied(page)
  expect(link).not.toContain('key=')
  expect(decodeURIComponent(link)).not.toContain('PUBLIC KEY')

  expect(await stored(page)).not.toContain('PUBLIC KEY')
  await page.reload()
  await expect(verificationKey(page)).toHaveValue('')
  expect(await stored(page)).not.toContain(relabelled.slice(40, 100))
})

test('a live signed token is kept after a reload only with "Remember tokens and secrets"', async ({ page }) => {
  const live = hs256({ sub: 'live-user', exp: Math.floor(Date.now() / 1000) + 3600 })
  await openApp(page)
  await pasteToken(page, live)
  await openSettings(page)
  await expect(page.getByRole('checkbox', { name: REMEMBER })).not.toBeChecked()
  await page.reload()
  await expect(encodedToken(page)).toHaveValue('')
  expect(await stored(page)).not.toContain(live)

  await pasteToken(page, live)
  await openSettings(page)
  await page.getByRole('checkbox', { name: REMEMBER }).check()
  await page.reload()
  await expect(encodedToken(page)).toHaveValue(live)

  // Unticking forgets it again at the next save.
  await openSettings(page)
  await page.getByRole('checkbox', { name: REMEMBER }).uncheck()
  await page.reload()
  await expect(encodedToken(page)).toHaveValue('')
})

test('an expired or unsigned token is kept after a reload without the opt-in', async ({ page }) => {
  const expired = hs256({ sub: 'old-user', exp: Math.floor(Date.now() / 1000) - 3600 })
  await openApp(page)
  await pasteToken(page, expired)
  await page.reload()
  await expect(encodedToken(page)).toHaveValue(expired)

  const unsigned = `${b64u('{"alg":"none"}')}.${b64u('{"sub":"nobody"}')}.`
  await pasteToken(page, unsigned)
  await page.reload()
  await expect(encodedToken(page)).toHaveValue(unsigned)
})

test('the settings say what is kept, for the current token and key', async ({ page }) => {
  await openApp(page)
  await openSettings(page)
  await expect(page.getByText('Kept on this device: settings, policy inputs, practice progress, public keys, and the token only if it is an example, unsigned or expired. Live tokens, secrets and private keys stay in this tab.')).toBeVisible()
  await pasteToken(page, hs256({ sub: 'x' }))
  await openSettings(page)
  await page.getByText('What is kept on this device?').click()
  await expect(page.getByText('The token is signed and has no readable expiry ("exp"), so it may still be valid')).toBeVisible()
  await openSettings(page)
  await page.getByRole('checkbox', { name: REMEMBER }).check()
  await expect(page.getByText('Kept on this device: settings, policy inputs, practice progress, the token and both keys, including live tokens, secrets and private keys.')).toBeVisible()
})
