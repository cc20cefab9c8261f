import { createHmac } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { encodedToken, firstPaintScripts, openApp, openSigning, signatureStatus, signingKey } from './helpers'


// Texts only the on-demand code carries: the JSON serialization panel, its parser, the JSON signer
// and the Signing panel's form. Finding one in the first paint means that code crept back in.
const onDemandTexts = [
  ['the JSON serialization panel', 'Use as compact token'],
  ['the JSON serialization panel', 'Flattened syntax (RFC 7515 §7.2.2)'],
  ['the JSON serialization parser', 'has "signatures" (general syntax) and also'],
  ['the JSON serialization signer', 'signatures are made (and checked) here'],
  ['the Signing form', 'Use thumbprint as kid'],
] as const

test('the first-paint scripts carry none of the JSON serialization code or the Signing form', () => {
  const js = firstPaintScripts()
  // The check can fail: the opening view's own texts are there.
  expect(js).toContain('Everything runs in this tab; nothing is sent anywhere.')
  for (const [what, text] of onDemandTexts) expect(js.includes(text), what).toBe(false)
})

const b64u = (data: string) => Buffer.from(data).toString('base64url')
const SECRET = 'a-string-secret-at-least-256-bits-long'
const PROTECTED = b64u('{"alg":"HS256"}')
const PAYLOAD = b64u('{"sub":"alice"}')
const FLATTENED = JSON.stringify({ payload: PAYLOAD, protected: PROTECTED, signature: createHmac('sha256', SECRET).update(`${PROTECTED}.${PAYLOAD}`).digest('base64url') })

const panel = (page: Page) => page.getByRole('region', { name: 'JWS JSON serialization', exact: true })
const loadFailure = (page: Page) => page.getByRole('alert').filter({ hasText: /could not be loaded/ })

test('a JWS in JSON serialization fetches the panel then; the main verdict points at it at once', async ({ page }) => {
  await openApp(page)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  const chunk = page.waitForRequest((r) => /\/assets\/json-serialization-panel-[\w-]+\.js$/.test(r.url()))
  await pasteToken(page, FLATTENED)
  await chunk
  await expect(signatureStatus(page)).toHaveText(/each of its signatures has its own verdict under "JWS JSON serialization"/)
  await expect(panel(page).getByRole('status', { name: 'Signature 1', exact: true })).toHaveText(/^Signature (verified|not checked|Invalid)/)
})

test.describe('when on-demand code cannot be fetched', () => {
  // The aborted requests are the point of the tests; the service worker would answer them from its cache.
  test.use({ serviceWorkers: 'block', guardOptions: { allowConsoleErrors: /Failed to load resource: net::ERR_FAILED|could not be loaded|did not arrive|Failed to fetch dynamically imported module/ } })

  test('the JSON serialization panel says so, keeps the token, and Try again loads it', async ({ page }) => {
    let fail = true
    await page.route(/\/assets\/json-serialization-panel-[\w-]+\.js$/, (route) => (fail ? route.abort('failed') : route.continue()))
    await openApp(page)
    await pasteToken(page, FLATTENED)
    await expect(loadFailure(page)).toHaveText(
      'The JWS JSON serialization panel could not be loaded: its code did not arrive (offline before the app was stored for offline use?). The token and keys on the page are unchanged. Connect to the network and press Try again.Try again',
    )
    await expect(encodedToken(page)).toHaveValue(FLATTENED)
    fail = false
    await loadFailure(page).getByRole('button', { name: 'Try again', exact: true }).click()
    await expect(panel(page)).toBeVisible()
    await expect(loadFailure(page)).toHaveCount(0)
  })

  test('signing into the JSON serialization says so and changes nothing; the compact form still signs', async ({ page }) => {
    await page.route(/\/assets\/resign-json-[\w-]+\.js$/, (route) => route.abort('failed'))
    await openApp(page)
    await openSigning(page)
    const before = await encodedToken(page).inputValue()
    await expect(signingKey(page)).not.toHaveValue('')
    await page.getByRole('combobox', { name: 'Serialization', exact: true }).selectOption({ label: 'JSON (flattened)' })
    await expect(page.getByText(/^Not signed: The code of the JSON serialization did not arrive/)).toBeVisible()
    await expect(encodedToken(page)).toHaveValue(before)
    await page.getByRole('combobox', { name: 'Serialization', exact: true }).selectOption({ label: 'Compact' })
    await expect(page.getByText(/^Signed with HS256; the encoded token was updated\.$/)).toBeVisible()
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  })
})
