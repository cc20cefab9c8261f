import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures'
import { openApp, signatureStatus } from './helpers'

// An axe scan of the whole page (with Monaco) takes a while on a busy machine.
test.setTimeout(180_000)

for (const theme of ['light', 'dark'] as const) {
  test(`the main view has no serious or critical accessibility violations (${theme})`, async ({ page }) => {
    await openApp(page)
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme)
    if (theme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 })
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
    expect(serious).toEqual([])
  })
}
