import { test, expect } from './fixtures'
import { encodedToken, example, openApp, signatureStatus } from './helpers'

test.use({ viewport: { width: 1280, height: 900 } })

for (const theme of ['light', 'dark'] as const) {
  test(`screenshot of the main view (${theme})`, async ({ page }) => {
    await openApp(page)
    await expect(encodedToken(page)).toHaveValue(example('hs256').token)
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    await expect(page.locator('.monaco-editor .view-lines').first()).toContainText('alg', { timeout: 30_000 })
    // Let Monaco finish colouring before the picture is taken.
    await page.waitForTimeout(300)
    await page.screenshot({ path: `docs/screenshots/main-${theme}.png` })
  })
}
