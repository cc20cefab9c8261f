import { test, expect, pasteToken } from './fixtures'
import { example, encodedToken, openApp } from './helpers'

const hs256 = example('hs256')
const rs256 = example('rs256')
const signingInputOf = (token: string) => token.slice(0, token.lastIndexOf('.'))

test('Explain walks through the HS256 example step by step, with the exact signing input', async ({ page }) => {
  await openApp(page)
  await expect(encodedToken(page)).toHaveValue(hs256.token)
  const button = page.getByRole('button', { name: 'Explain', exact: true })
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await button.click()
  await expect(button).toHaveAttribute('aria-expanded', 'true')

  const region = page.getByRole('region', { name: 'Explain', exact: true })
  await expect(region).toBeVisible()
  await expect(region).toBeFocused()
  await expect(region.getByText('Step 1 of 12', { exact: true })).toBeVisible()
  await expect(region.getByRole('heading', { name: 'Header JSON' })).toBeVisible()
  await expect(region.getByText('{"alg":"HS256","typ":"JWT"}', { exact: true })).toBeVisible()

  // Keyboard stepping while the region has focus.
  await page.keyboard.press('ArrowRight')
  await expect(region.getByText('Step 2 of 12', { exact: true })).toBeVisible()
  await expect(region.getByRole('heading', { name: 'Header as UTF-8 bytes' })).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(region.getByRole('heading', { name: 'Header in base64url' })).toBeVisible()
  // The 3 → 4 table: group 1's characters are the first four characters of the token.
  const table = region.getByRole('table', { name: '3 bytes to 4 characters' })
  const firstGroup = table.getByRole('row').nth(1)
  await expect(firstGroup.getByRole('cell').nth(1)).toHaveText(Buffer.from('{"a').toString('hex').replace(/(..)(?=.)/g, '$1 '))
  await expect(firstGroup.getByRole('cell').nth(4)).toHaveText(hs256.token.slice(0, 4))
  await page.keyboard.press('ArrowLeft')
  await expect(region.getByText('Step 2 of 12', { exact: true })).toBeVisible()

  // Buttons step too; jump to the signing input.
  for (let i = 0; i < 5; i++) await region.getByRole('button', { name: 'Next', exact: true }).click()
  await expect(region.getByText('Step 7 of 12', { exact: true })).toBeVisible()
  await expect(region.getByRole('heading', { name: 'The signing input' })).toBeVisible()
  await expect(region.getByText(signingInputOf(hs256.token), { exact: true })).toBeVisible()
  await region.getByRole('button', { name: 'Previous', exact: true }).click()
  await expect(region.getByText('Step 6 of 12', { exact: true })).toBeVisible()

  // The last step recomputes the HMAC with the secret and finds it equal.
  await page.keyboard.press('End')
  await expect(region.getByText('Step 12 of 12', { exact: true })).toBeVisible()
  await expect(region.getByRole('heading', { name: 'Recompute the signature' })).toBeVisible()
  await expect(region.getByText('Matches', { exact: true })).toBeVisible()
  await expect(region).toContainText("HMAC is deterministic: the same key and signing input always give the same bytes. The recomputed signature equals the token's")
  await page.keyboard.press('ArrowRight')
  await expect(region.getByText('Step 12 of 12', { exact: true })).toBeVisible()

  await region.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(region).toBeHidden()
  await expect(button).toBeFocused()
})

test('Explain follows the token: a new token updates the signing input', async ({ page }) => {
  await openApp(page)
  await page.getByRole('button', { name: 'Explain', exact: true }).click()
  const region = page.getByRole('region', { name: 'Explain', exact: true })
  await region.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /The signing input/ }).click()
  await expect(region.getByText(signingInputOf(hs256.token), { exact: true })).toBeVisible()

  await pasteToken(page, rs256.token)
  await expect(region.getByText(signingInputOf(rs256.token), { exact: true })).toBeVisible()
  await expect(region.getByText('Step 7 of 12', { exact: true })).toBeVisible()
  await region.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /Signature: RSASSA-PKCS1-v1_5/ }).click()
  await expect(region.getByRole('heading', { name: 'Signature: RSASSA-PKCS1-v1_5 with SHA-256' })).toBeVisible()

  // Something that is not a JWS is explained in words, not steps.
  await pasteToken(page, 'not-a-token')
  await expect(region).toContainText('The walkthrough needs a signed token of three parts')
  await page.keyboard.press('Escape')
})
