import { test, expect } from './fixtures'
import { chooseExample, encodedToken, example, openApp, signatureStatus, verificationKey } from './helpers'

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
})

async function copyLink(page: import('@playwright/test').Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy share link', exact: true }).click()
  await expect(page.getByText('Link copied')).toBeVisible()
  return page.evaluate(() => navigator.clipboard.readText())
}

test('a copied share link opens the same token (and its public key) in a new page', async ({ page, context }) => {
  const rs = example('rs256')
  await openApp(page)
  await chooseExample(page, rs)
  await page.getByRole('checkbox', { name: 'Include public key' }).check()
  const link = await copyLink(page)
  const url = new URL(link)
  expect(url.origin + url.pathname).toBe(new URL(page.url()).origin + new URL(page.url()).pathname)
  expect(url.hash.startsWith(`#token=${rs.token}&key=`)).toBe(true)
  expect(link).not.toContain('PRIVATE')

  // Leave another token in this browser's storage, so only the link can bring the RS256 one back.
  await chooseExample(page, example('hs256'))
  const other = await context.newPage()
  await other.goto(link)
  await expect(encodedToken(other)).toHaveValue(rs.token)
  await expect(verificationKey(other)).toHaveValue(rs.verificationKey)
  await expect(signatureStatus(other)).toHaveText(/^Signature verified/)
  await expect(other.getByRole('textbox', { name: 'Header' })).toBeAttached()
  await other.close()
})

test('secrets and private keys never go into a link', async ({ page }) => {
  const hs = example('hs256')
  await openApp(page)
  await expect(encodedToken(page)).toHaveValue(hs.token)
  await expect(page.getByRole('checkbox', { name: 'Include public key' })).toBeDisabled()
  let link = await copyLink(page)
  expect(new URL(link).hash).toBe(`#token=${hs.token}`)
  expect(link).not.toContain(hs.verificationKey)

  // A private key in the verification box is not public material either.
  const es = example('es256')
  await chooseExample(page, es)
  await verificationKey(page).fill(es.signingKey)
  await expect(page.getByRole('checkbox', { name: 'Include public key' })).toBeDisabled()
  link = await copyLink(page)
  expect(new URL(link).hash).toBe(`#token=${es.token}`)
  expect(decodeURIComponent(link)).not.toContain('PRIVATE KEY')
})

test('#token=, #id_token= and #access_token= load the token', async ({ page }) => {
  const oidc = example('oidc')
  const es = example('es256')
  const ed = example('eddsa')
  await page.goto(`./#id_token=${oidc.token}&state=af0ifjsldkj`)
  await expect(encodedToken(page)).toHaveValue(oidc.token)
  // A fragment change in an open page loads too (hashchange), and so does a fresh load.
  await page.goto(`./#access_token=${es.token}&token_type=Bearer&expires_in=3600`)
  await expect(encodedToken(page)).toHaveValue(es.token)
  await page.reload()
  await expect(encodedToken(page)).toHaveValue(es.token)
  await page.goto(`./#token=${ed.token}&key=${encodeURIComponent(ed.verificationKey)}`)
  await page.reload()
  await expect(encodedToken(page)).toHaveValue(ed.token)
  await expect(verificationKey(page)).toHaveValue(ed.verificationKey)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
})
