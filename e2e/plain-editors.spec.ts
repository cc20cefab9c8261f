import { test, expect } from './fixtures'
import { encodedToken, openApp, openSettings, signatureStatus, tokenPart } from './helpers'

// The setting itself is tested from a browser that starts with the code editor.
test.use({ plainEditors: false })

test('Settings → "Plain text editors" swaps Monaco for text boxes that edit and re-sign; a reload keeps it and never fetches Monaco', async ({ page }) => {
  await openApp(page)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(page.locator('.monaco-editor')).toHaveCount(2, { timeout: 30_000 })
  await openSettings(page)
  const box = page.getByRole('checkbox', { name: 'Plain text editors', exact: true })
  await expect(box).not.toBeChecked()
  await box.check()
  await expect(page.locator('.monaco-editor')).toHaveCount(0)
  const payload = page.getByRole('textbox', { name: 'Payload', exact: true })
  await expect(payload).toHaveJSProperty('tagName', 'TEXTAREA')
  await expect(page.getByRole('textbox', { name: 'Header', exact: true })).toHaveJSProperty('tagName', 'TEXTAREA')

  // An edit re-encodes the token and, with the example's secret, re-signs it.
  const before = await encodedToken(page).inputValue()
  await payload.fill('{"sub":"plain","admin":false}')
  await expect(encodedToken(page)).not.toHaveValue(before)
  expect(tokenPart(await encodedToken(page).inputValue(), 1)).toEqual({ sub: 'plain', admin: false })
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(payload).toHaveValue('{"sub":"plain","admin":false}')

  // Monaco's chunk and workers are never requested after a reload with the setting on.
  const fetched: string[] = []
  page.on('request', (r) => fetched.push(r.url()))
  await page.reload()
  await expect(page.getByRole('heading', { name: 'JWT Lab' })).toBeVisible()
  await openSettings(page)
  await expect(page.getByRole('checkbox', { name: 'Plain text editors', exact: true })).toBeChecked()
  await expect(payload).toHaveJSProperty('tagName', 'TEXTAREA')
  await page.waitForTimeout(1500)
  expect(fetched.filter((u) => /monaco|editor\.worker|json\.worker|codicon/i.test(u))).toEqual([])
  await expect(page.locator('.monaco-editor')).toHaveCount(0)

  // Turning it off brings the code editor back.
  await page.getByRole('checkbox', { name: 'Plain text editors', exact: true }).uncheck()
  await expect(page.locator('.monaco-editor')).toHaveCount(2, { timeout: 30_000 })
})

test.describe('stored before the first visit', () => {
  test.use({ plainEditors: true })

  test('the preference alone still opens the example, with plain editors', async ({ page }) => {
    await openApp(page)
    await expect(encodedToken(page)).not.toHaveValue('')
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    await expect(page.getByRole('textbox', { name: 'Payload', exact: true })).toHaveJSProperty('tagName', 'TEXTAREA')
    await expect(page.getByRole('textbox', { name: 'Payload', exact: true })).toHaveValue(/"sub"/)
  })
})
