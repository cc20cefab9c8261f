import { test, expect } from './fixtures'

test('the built app loads in Chromium', async ({ page }) => {
  await page.goto('./')
  await expect(page.getByRole('heading', { name: 'JWT Lab' })).toBeVisible()
  await expect(page.getByText('Everything runs in this tab; nothing is sent anywhere.')).toBeVisible()
})
