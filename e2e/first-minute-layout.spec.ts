import { createHmac, generateKeyPairSync, sign } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { openApp, openSigning, signatureStatus, signingKey } from './helpers'

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url')

/** An RS256 token from elsewhere, signed by node:crypto with a key of its own. */
function rs256Token(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const input = `${b64u('{"alg":"RS256","typ":"JWT"}')}.${b64u('{"sub":"reader","iss":"https://issuer.example","exp":4102444800,"iat":4102444000}')}`
  return `${input}.${b64u(sign('sha256', Buffer.from(input), privateKey))}`
}

const findings = (page: Page) => page.getByRole('region', { name: 'Security findings', exact: true })
const diagnostics = (page: Page) => page.getByRole('list', { name: 'Diagnostics', exact: true })

test.describe('on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('the verdict is on the first screen, the toolbar is compact and nothing scrolls sideways', async ({ page }) => {
    await openApp(page)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    const verdict = await signatureStatus(page).boundingBox()
    expect(verdict).not.toBeNull()
    expect((verdict?.y ?? 0) + (verdict?.height ?? 0)).toBeLessThanOrEqual(844)
    const toolbar = await page.getByRole('banner').boundingBox()
    expect(toolbar?.height ?? 0).toBeLessThan(844 / 4)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  })

  test('the Claims table shows each description without horizontal scrolling', async ({ page }) => {
    await openApp(page)
    const table = page.getByRole('table', { name: 'Claims', exact: true })
    const description = table.getByRole('row').filter({ hasText: 'sub' }).first().getByText('Subject.')
    await expect(description).toBeVisible()
    const box = await description.boundingBox()
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390)
    // Nothing inside the table is wider than what it shows.
    const overflow = await table.evaluate((t) => {
      let el: HTMLElement | null = t as HTMLElement
      while (el && el !== document.body) {
        if (el.scrollWidth > el.clientWidth + 1) return el.scrollWidth - el.clientWidth
        el = el.parentElement
      }
      return 0
    })
    expect(overflow).toBe(0)
  })
})

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 900 } })

  test('the verdict sits next to the token on the first screen, and the page stays short', async ({ page }) => {
    await openApp(page)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    const token = await page.getByRole('textbox', { name: 'Encoded token', exact: true }).boundingBox()
    const verdict = await signatureStatus(page).boundingBox()
    expect((verdict?.y ?? 0) + (verdict?.height ?? 0)).toBeLessThanOrEqual(900)
    expect((verdict?.y ?? 0) - ((token?.y ?? 0) + (token?.height ?? 0))).toBeLessThan(200)
    // The example, with every panel at its default, fits in well under two screens (it was 2,600 px).
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(1800)
  })

  test('an RS256 token gets no HMAC tools: no cracker, no Secret encoding; signing opens on demand', async ({ page }) => {
    await openApp(page)
    await expect(page.getByRole('region', { name: 'Weak-secret cracker', exact: true })).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Secret encoding', exact: true })).toBeVisible()
    await pasteToken(page, rs256Token())
    await expect(signatureStatus(page)).toHaveText(/^Signature not checked/)
    await expect(page.getByRole('region', { name: 'Weak-secret cracker', exact: true })).toHaveCount(0)
    await expect(page.getByRole('combobox', { name: 'Secret encoding', exact: true })).toBeHidden()
    // A reader who only decodes does not see the signing form until they ask for it.
    await expect(signingKey(page)).toBeHidden()
    await openSigning(page)
    await expect(signingKey(page)).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Algorithm', exact: true })).toHaveValue('RS256')
  })

  test('one findings list on one scale: a problem that is both a decode problem and a security finding is listed once', async ({ page }) => {
    await openApp(page)
    // Padded header (base64, not base64url) and a duplicate "sub": each was listed twice before.
    const header = Buffer.from('{"alg":"HS256","ab":1}').toString('base64')
    expect(header).toMatch(/=$/)
    const input = `${header}.${b64u('{"sub":"1","sub":"2","exp":4102444800,"iat":4102444000}')}`
    await pasteToken(page, `${input}.${createHmac('sha256', 'k'.repeat(32)).update(input).digest('base64url')}`)
    const items = diagnostics(page).getByRole('listitem')
    await expect(items.filter({ hasText: 'Duplicate member name in the payload' })).toHaveCount(1)
    await expect(items.filter({ hasText: 'more than once' })).toHaveCount(1)
    await expect(items.filter({ hasText: 'Non-canonical base64url' })).toHaveCount(1)
    await expect(items.filter({ hasText: "it contains '='" })).toHaveCount(1)
    // The decode problem's place is shown inside the finding that explains it.
    await expect(items.filter({ hasText: 'Non-canonical base64url' })).toContainText('header, char')
    // One scale for everything, and each entry says where it comes from.
    await expect(diagnostics(page)).not.toContainText(/\b(Warning|Error)\b/)
    for (const text of await items.allInnerTexts()) expect(text).toMatch(/^(Critical|High|Medium|Low|Info)\s+(Security|Decode)/)
    // The list is the region's: the Security findings region holds it.
    await expect(findings(page).getByRole('list', { name: 'Diagnostics', exact: true })).toHaveCount(1)
  })
})
