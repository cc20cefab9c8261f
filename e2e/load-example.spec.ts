import { test, expect, pasteToken } from './fixtures'
import { chooseExample, encodedToken, example, signatureStatus, signingKey, openSigning } from './helpers'

// These tests are about (or look at) the code editor: the page loads Monaco as by default.
test.use({ plainEditors: false })

const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url')
const TOKEN = `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u('{"sub":"1234567890"}')}.c2lnbmF0dXJlLWJ5dGVz`

test('an example loaded after an unsigned edit is not called unsigned: its own signature matches', async ({ page }) => {
  await page.goto('./')
  await openSigning(page)
  await signingKey(page).fill('')
  await pasteToken(page, TOKEN)
  const payload = page.locator('.monaco-editor', { has: page.getByRole('textbox', { name: 'Payload', exact: true }) })
  await expect(payload.locator('.view-lines')).toContainText('"sub"')
  await payload.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText('{"sub":"42"}')
  await expect.poll(async () => (await encodedToken(page).inputValue()).split('.')[1]).toBe(b64u('{"sub":"42"}'))
  await expect(page.getByText('Not signed — add a signing key')).toBeVisible()

  const hs = example('hs256')
  await chooseExample(page, hs)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(page.getByText('Not signed — add a signing key')).toHaveCount(0)
  await openSigning(page)
  await expect(signingKey(page)).toHaveValue(hs.signingKey)
})
