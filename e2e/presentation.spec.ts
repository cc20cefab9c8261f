import { test, expect } from './fixtures'
import { encodedToken, openApp, openPolicy, openSigning } from './helpers'

// These tests are about (or look at) the code editor: the page loads Monaco as by default.
test.use({ plainEditors: false })

test.use({ viewport: { width: 1280, height: 720 } })

test('Presentation mode: button and Alt+P toggle large type with the side panels hidden', async ({ page }) => {
  await openApp(page)
  const button = page.getByRole('button', { name: 'Presentation mode', exact: true })
  await expect(button).toHaveAttribute('aria-pressed', 'false')
  await expect(button).toHaveAttribute('title', /Alt\+P/)
  await expect(page.getByRole('status', { name: 'Signature', exact: true })).toContainText('Signature verified')
  // The editors are loaded (Monaco), so their font size can be compared too.
  await expect(page.locator('.monaco-editor .view-lines').first()).toBeVisible({ timeout: 60_000 })

  const fontSize = (selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  const tokenBefore = await fontSize('textarea[aria-label="Encoded token"]')
  const editorBefore = await fontSize('.monaco-editor .view-lines')
  const claimsBefore = await fontSize('table[aria-label="Claims"] td')
  await openSigning(page)
  await expect(page.getByRole('textbox', { name: 'Signing key', exact: true })).toBeVisible()
  await openPolicy(page)
  await expect(page.getByRole('table', { name: 'Policy checks' })).toBeVisible()
  await expect(page.getByRole('tablist', { name: 'Tools' })).toBeVisible()

  await button.click()
  await expect(button).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('textbox', { name: 'Signing key', exact: true })).toBeHidden()
  await expect(page.getByRole('table', { name: 'Policy checks' })).toBeHidden()
  await expect(page.getByRole('tablist', { name: 'Tools' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Crack secret' })).toBeHidden()
  // What stays: the token, the header and payload, the claims and the signature verdict.
  await expect(encodedToken(page)).toBeVisible()
  await expect(page.getByRole('table', { name: 'Claims' })).toBeVisible()
  await expect(page.getByRole('status', { name: 'Signature', exact: true })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Payload', exact: true })).toBeAttached()

  await expect.poll(() => fontSize('textarea[aria-label="Encoded token"]')).toBeGreaterThanOrEqual(tokenBefore * 1.4)
  await expect.poll(() => fontSize('.monaco-editor .view-lines')).toBeGreaterThanOrEqual(editorBefore * 1.4)
  await expect.poll(() => fontSize('table[aria-label="Claims"] td')).toBeGreaterThan(claimsBefore * 1.2)
  // The colour overlay keeps the textarea's exact metrics, or the colours would drift off the text.
  const metrics = await page.locator('textarea[aria-label="Encoded token"]').evaluate((box) => {
    const overlay = box.previousElementSibling as HTMLElement
    const a = getComputedStyle(box)
    const b = getComputedStyle(overlay)
    return [a.fontSize, a.lineHeight, b.fontSize, b.lineHeight]
  })
  expect(metrics[0]).toBe(metrics[2])
  expect(metrics[1]).toBe(metrics[3])

  await page.mouse.move(0, 0)
  await page.screenshot({ path: 'docs/screenshots/presentation.png' })

  // The shortcut works from anywhere, even with the focus in a text box.
  await encodedToken(page).focus()
  await page.keyboard.press('Alt+KeyP')
  await expect(button).toHaveAttribute('aria-pressed', 'false')
  await openSigning(page)
  await expect(page.getByRole('textbox', { name: 'Signing key', exact: true })).toBeVisible()
  await expect.poll(() => fontSize('textarea[aria-label="Encoded token"]')).toBe(tokenBefore)
  await page.keyboard.press('Alt+KeyP')
  await expect(button).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('table', { name: 'Policy checks' })).toBeHidden()
})
