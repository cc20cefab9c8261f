import { createHmac, randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { chooseExample, example, openApp, signatureStatus, verificationKey } from './helpers'

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url')

function hs256(secret: string | Buffer, header: object, payload: object): string {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
}

test.describe.configure({ timeout: 120_000 })

const findingsRegion = (page: Page) => page.getByRole('region', { name: 'Security findings', exact: true })
const findingItems = (page: Page) => findingsRegion(page).getByRole('listitem')
const diagnostics = (page: Page) => page.getByRole('list', { name: 'Diagnostics', exact: true })

test('an alg "none" token lists a critical finding about "none", in the region and in Diagnostics', async ({ page }) => {
  await openApp(page)
  const token = `${b64u('{"alg":"none","typ":"JWT"}')}.${b64u('{"sub":"1","exp":4102444800}')}.`
  await pasteToken(page, token)
  const item = findingItems(page).filter({ hasText: 'Unsigned token: alg is "none"' })
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('Critical')
  await expect(item).toContainText('What to do: Verify with an explicit allowlist of algorithms')
  await expect(item).toContainText('Reference: RFC 8725 §2.1 and §3.1; RFC 7518 §3.6')
  await expect(diagnostics(page).getByRole('listitem').filter({ hasText: 'Unsigned token: alg is "none"' })).toHaveCount(1)
})

test('an HS256 token checked with the secret "secret" lists the common-secret finding', async ({ page }) => {
  await openApp(page)
  const now = Math.floor(Date.now() / 1000)
  await pasteToken(page, hs256('secret', { alg: 'HS256', typ: 'JWT' }, { sub: '1', iat: now, exp: now + 600 }))
  await page.getByRole('combobox', { name: 'Secret encoding', exact: true }).selectOption('utf8')
  await verificationKey(page).fill('secret')
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  const item = findingItems(page).filter({ hasText: 'HMAC secret is a well-known value' })
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('Critical')
  await expect(findingItems(page).filter({ hasText: 'HMAC secret shorter than 256 bits' })).toHaveCount(1)
  await expect(diagnostics(page).getByRole('listitem').filter({ hasText: 'HMAC secret is a well-known value' })).toHaveCount(1)

  // A strong secret clears both findings: they come from the key, not from the token alone.
  const strong = randomBytes(32)
  await pasteToken(page, hs256(strong, { alg: 'HS256', typ: 'JWT' }, { sub: '1', iat: now, exp: now + 600 }))
  await page.getByRole('combobox', { name: 'Secret encoding', exact: true }).selectOption('hex')
  await verificationKey(page).fill(strong.toString('hex'))
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(findingsRegion(page)).toContainText('No security findings for this token.')
  await expect(findingItems(page)).toHaveCount(0)
})

test('the clean ES256 example has no "none" or weak-secret findings', async ({ page }) => {
  await openApp(page)
  await chooseExample(page, example('es256'))
  // The findings below must be those of the ES256 token: wait until it is decoded and verified.
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/, { timeout: 30_000 })
  await expect(findingsRegion(page)).toBeVisible()
  await expect(findingsRegion(page)).not.toContainText('alg is "none"')
  await expect(findingsRegion(page)).not.toContainText('HMAC secret')
  await expect(findingsRegion(page)).not.toContainText('algorithm confusion')
})

test('token text with <script> in findings is shown as text, never run', async ({ page }) => {
  let dialogs = 0
  page.on('dialog', (d) => {
    dialogs++
    void d.dismiss()
  })
  await openApp(page)
  const kid = '<script>alert(1)</script><img src=x onerror=alert(2)>'
  const token = hs256('irrelevant', { alg: 'HS256', kid }, { name: '<script>alert(3)</script>', exp: 4102444800 })
  await pasteToken(page, token)
  const item = findingItems(page).filter({ hasText: 'kid looks like an injection attempt' })
  await expect(item).toHaveCount(1)
  await expect(item).toContainText(kid)
  await expect(page.locator('main script')).toHaveCount(0)
  await expect(page.locator('main img[src="x"]')).toHaveCount(0)
  expect(dialogs).toBe(0)
})
