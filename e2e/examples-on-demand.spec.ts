import { test, expect } from './fixtures'
import { chooseExample, encodedToken, example, examples, firstPaintScripts, openApp, signatureStatus, verificationKey } from './helpers'

// These tests are about (or look at) the code editor: the page loads Monaco as by default.
test.use({ plainEditors: false })


// Monaco keeps alert regions of its own: find the menu's by what it says.
const loadFailure = (page: import('@playwright/test').Page) => page.getByRole('alert').filter({ hasText: /could not be loaded/ })

const editor = (page: import('@playwright/test').Page, name: 'Header' | 'Payload') =>
  page.locator('.monaco-editor', { has: page.getByRole('textbox', { name, exact: true }) })

test('the first-paint scripts hold the opening example and every label, but no other example\'s token or keys', () => {
  const js = firstPaintScripts()
  const opening = example('hs256')
  expect(js).toContain(opening.token)
  for (const x of examples) expect(js, x.id).toContain(x.label)
  for (const x of examples.filter((e) => e.id !== 'hs256')) {
    // The signature segment is unique to each token; the key bodies are unique to each example.
    expect(js.includes(x.token.split('.')[2] || x.token), `${x.id} token`).toBe(false)
    if (x.verificationKey !== '') expect(js.includes(x.verificationKey.split('\n')[1] ?? ''), `${x.id} key`).toBe(false)
  }
})

test('picking ES256K loads its data on demand: decoded and verified with its key', async ({ page }) => {
  await openApp(page)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  const es256k = example('es256k')
  const chunk = page.waitForRequest((r) => /\/assets\/es256k-[\w-]+\.js$/.test(r.url()))
  await chooseExample(page, es256k)
  await chunk
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(verificationKey(page)).toHaveValue(es256k.verificationKey)
  await expect(editor(page, 'Header')).toContainText('"ES256K"')
  await expect(editor(page, 'Payload')).toContainText('Ada Lovelace')
  await expect(loadFailure(page)).toHaveCount(0)
})

test.describe('when an example\'s data cannot be fetched', () => {
  // The aborted request is the point of the test; the service worker would answer it from its cache.
  test.use({ serviceWorkers: 'block', guardOptions: { allowConsoleErrors: /Failed to load resource: net::ERR_FAILED/ } })

  test('the page says so and keeps its token and keys; another example still loads', async ({ page }) => {
    await page.route(/\/assets\/ed448-[\w-]+\.js$/, (route) => route.abort('failed'))
    await openApp(page)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    const hs = example('hs256')
    await page.getByRole('combobox', { name: 'Examples', exact: true }).selectOption({ label: 'Ed448 (EdDSA on Ed448)' })
    await expect(loadFailure(page)).toHaveText(
      'The example "Ed448 (EdDSA on Ed448)" could not be loaded: its data did not arrive (offline before the app was stored for offline use?). The token and keys on the page are unchanged. Connect to the network, reload the page and pick it again.',
    )
    await expect(encodedToken(page)).toHaveValue(hs.token)
    await expect(verificationKey(page)).toHaveValue(hs.verificationKey)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)

    await chooseExample(page, example('rs256'))
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    await expect(loadFailure(page)).toHaveCount(0)
  })
})
