import { createHmac } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { openApp, signatureStatus, verificationKey } from './helpers'

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url')

/** An HS256 token made with node:crypto, independently of the app. */
function hs256(secret: string, payload: object): string {
  const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
}

test.describe.configure({ timeout: 120_000 })

const findingItems = (page: Page) => page.getByRole('region', { name: 'Security findings', exact: true }).getByRole('listitem')
const cracker = (page: Page) => page.getByRole('region', { name: 'Weak-secret cracker', exact: true })

test('a token carrying an e-mail address and a name lists the personal-data finding', async ({ page }) => {
  await openApp(page)
  const now = Math.floor(Date.now() / 1000)
  await pasteToken(page, hs256('k'.repeat(40), { sub: '1', email: 'alice@example.com', given_name: 'Alice', iat: now, exp: now + 600 }))
  const item = findingItems(page).filter({ hasText: 'Personal data in the payload' })
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('The payload carries personal data: e-mail address (email); name (given_name).')
  await expect(item).toContainText('Reference: RFC 7519 §12; OpenID Connect Core 1.0 §5.1')
})

test('a secret found in a few guesses reports no speed measured over them', async ({ page }) => {
  await openApp(page)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  // "secret" is the first candidate of the bundled list.
  const token = hs256('secret', { sub: 'quick', iat: 1_700_000_000 })
  await pasteToken(page, token)
  await expect(page.getByRole('textbox', { name: 'Encoded token', exact: true })).toHaveValue(token)
  await verificationKey(page).fill('')
  // One worker: with two, the second starts halfway down the list and, on a loaded machine, can try
  // thousands of candidates before the first one has started.
  await cracker(page).getByRole('spinbutton', { name: 'Workers', exact: true }).fill('1')
  await cracker(page).getByRole('button', { name: 'Crack secret', exact: true }).click()
  await expect(cracker(page).getByText(/^Secret found after [\d,]+ candidates:/)).toContainText('secret', { timeout: 60_000 })
  await expect(cracker(page).getByText(/^found after [\d,]+ guess(es)?$/)).toBeVisible()
  await expect(cracker(page).getByText(/candidates\/s$/)).toHaveCount(0)
})
