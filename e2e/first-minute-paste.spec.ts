import { test, expect, pasteToken } from './fixtures'
import type { Page } from '@playwright/test'

/** jwt.io's HS256 example. */
const T = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'

function claimRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'Claims' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
}

test('a zero-width space inside a pasted token is removed and named, and the whole token decodes', async ({ page }) => {
  await page.goto('./')
  await pasteToken(page, `${T.slice(0, 50)}\u200b${T.slice(50)}`)
  await expect(page.getByRole('textbox', { name: 'Encoded token' })).toHaveValue(T)
  await expect(page.getByRole('status', { name: 'Extraction notes' })).toContainText('Removed the invisible character U+200B at position 51.')
  await expect(claimRow(page, 'name').getByRole('cell').first()).toHaveText('John Doe')
})

test('a Cyrillic look-alike letter is named with its position and the token is kept whole', async ({ page }) => {
  // Position 51 is the 'I' of "eyJzdWIi…" in the payload; U+0435 looks like a Latin 'e'.
  const pasted = `${T.slice(0, 50)}\u0435${T.slice(51)}`
  await page.goto('./')
  await pasteToken(page, `Token: ${pasted}`)
  await expect(page.getByRole('textbox', { name: 'Encoded token' })).toHaveValue(pasted)
  const notes = page.getByRole('status', { name: 'Extraction notes' })
  await expect(notes).toContainText("The token holds a non-ASCII character: U+0435 'е' at position 51.")
  await expect(notes).toContainText('retype it')
  await expect(page.getByRole('list', { name: 'Diagnostics' }).getByRole('listitem').first()).toBeVisible()
})

test('a JWS in JSON serialization says what it is instead of "no \'.\' separators"', async ({ page }) => {
  const b64u = (s: string) => Buffer.from(s).toString('base64url')
  const jws = JSON.stringify({ payload: b64u('{"iss":"joe"}'), protected: b64u('{"alg":"HS256"}'), signature: 'c2ln' })
  await page.goto('./')
  await pasteToken(page, jws)
  const first = page.getByRole('list', { name: 'Diagnostics' }).getByRole('listitem').first()
  await expect(first).toContainText('This is a JWS in JSON serialization (RFC 7515 §7.2), flattened syntax')
  await expect(first).toContainText('The JWS JSON serialization panel shows each signature with its headers and checks it on its own')
  await expect(page.getByRole('region', { name: 'JWS JSON serialization', exact: true })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Diagnostics' })).not.toContainText("no '.' separators")
})
