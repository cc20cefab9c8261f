import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { openApp, signatureStatus, verificationKey } from './helpers'

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url')

/** The Diagnostics list keeps its name wherever the page puts it. */
const diagnosticItems = (page: Page) => page.getByRole('list', { name: 'Diagnostics', exact: true }).getByRole('listitem')

test('an RS256 token with a 14-byte signature is explained without a key', async ({ page }) => {
  await openApp(page)
  const token = `${b64u('{"alg":"RS256","typ":"JWT"}')}.${b64u('{"sub":"alice"}')}.${b64u('fourteen bytes')}`
  await pasteToken(page, token)
  // No key: the example's key went with the example.
  await expect(verificationKey(page)).toHaveValue('')
  await expect(signatureStatus(page)).toHaveText(/^Signature not checked/)
  const item = diagnosticItems(page).filter({ hasText: '14 bytes: an RS256 signature is as long as the RSA modulus, at least 256 bytes for a 2048-bit key' })
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('It was cut off while copying, or it was not made with RS256.')
})
