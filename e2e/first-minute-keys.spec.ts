import { createHmac, generateKeyPairSync, sign } from 'node:crypto'
import { test, expect, pasteToken } from './fixtures'
import { openApp, signatureStatus, verificationKey } from './helpers'

const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url')

/** jwt.io's default token, signed here by node:crypto with the secret as UTF-8 text. */
function jwtIoToken(): string {
  const input = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u('{"sub":"1234567890","name":"John Doe","iat":1516239022}')}`
  return `${input}.${createHmac('sha256', 'your-256-bit-secret').update(input).digest('base64url')}`
}

const encoding = (page: import('@playwright/test').Page) => page.getByRole('combobox', { name: 'Secret encoding', exact: true })

test('pasting jwt.io\'s default token and typing its secret verifies: typed text is read as UTF-8', async ({ page }) => {
  await openApp(page)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await pasteToken(page, jwtIoToken())
  await verificationKey(page).fill('your-256-bit-secret')
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(encoding(page)).toHaveValue('utf8')
})

test('a secret that verifies under another encoding than the one picked is offered in that encoding', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, jwtIoToken())
  await encoding(page).selectOption('base64url')
  await verificationKey(page).fill('your-256-bit-secret')
  // The user's pick stands: the verdict stays invalid until they switch.
  await expect(encoding(page)).toHaveValue('base64url')
  await expect(signatureStatus(page)).toHaveText(/^Invalid signature/)
  await expect(page.getByText('This secret verifies the signature when read as UTF-8, not base64url.')).toBeVisible()
  await page.getByRole('button', { name: 'Use UTF-8', exact: true }).click()
  await expect(encoding(page)).toHaveValue('utf8')
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(page.getByRole('button', { name: 'Use UTF-8', exact: true })).toHaveCount(0)
})

test('a secret that verifies under no encoding gets no offer', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, jwtIoToken())
  await verificationKey(page).fill('not-the-secret')
  await expect(signatureStatus(page)).toHaveText(/^Invalid signature/)
  for (const label of ['UTF-8', 'base64url', 'base64', 'hex']) {
    await expect(page.getByRole('button', { name: `Use ${label}`, exact: true })).toHaveCount(0)
  }
})

/** An RS256 token from elsewhere, signed by node:crypto with a key of its own. */
function rs256Token(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const input = `${b64u('{"alg":"RS256","typ":"JWT","kid":"other"}')}.${b64u('{"sub":"someone-else","iss":"https://issuer.example"}')}`
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`
}

test('pasting an RS256 token into a fresh page drops the example\'s HMAC secret: nothing speaks of a key the user never gave', async ({ page }) => {
  await openApp(page)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await pasteToken(page, rs256Token())
  await expect(verificationKey(page)).toHaveValue('')
  await expect(signatureStatus(page)).toHaveText('Signature not checked: add a verification key')
  await expect(page.getByText(/HMAC secret, but RS256 needs/)).toHaveCount(0)
  await expect(page.getByText('Key type does not fit RS256')).toHaveCount(0)
})
