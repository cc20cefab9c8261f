import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { encodedToken, example, openApp, signatureStatus, openSettings } from './helpers'

// These tests are about (or look at) the code editor: the page loads Monaco as by default.
test.use({ plainEditors: false })

/** The first view with the example, in a theme, ready to be photographed. */
async function firstView(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await openApp(page)
  await expect(encodedToken(page)).toHaveValue(example('hs256').token)
  await openSettings(page)
  await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme)
  // Settings closes again: the picture shows the page as a visitor first sees it.
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(page.locator('.monaco-editor .view-lines').first()).toContainText('alg', { timeout: 30_000 })
  // Let Monaco finish colouring before the picture is taken.
  await page.waitForTimeout(300)
}

test.describe('desktop', () => {
  test.use({ viewport: { width: 1280, height: 900 } })
  for (const theme of ['light', 'dark'] as const) {
    test(`screenshot of the main view (${theme})`, async ({ page }) => {
      await firstView(page, theme)
      await page.screenshot({ path: `docs/screenshots/main-${theme}.png` })
    })
  }
})

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })
  test('screenshot of the main view on a 390×844 phone', async ({ page }) => {
    await firstView(page, 'light')
    // The verdict is on the first screen: the picture shows it.
    const verdict = await signatureStatus(page).boundingBox()
    expect((verdict?.y ?? 0) + (verdict?.height ?? 0)).toBeLessThanOrEqual(844)
    await page.screenshot({ path: 'docs/screenshots/main-phone.png' })
  })
})
