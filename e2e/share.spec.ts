import { createHmac } from 'node:crypto'
import { test, expect } from './fixtures'
import { lastCopied, recordCopies } from './clipboard'
import { chooseExample, encodedToken, example, openApp, signatureStatus, verificationKey } from './helpers'

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-write'])
  await context.addInitScript(recordCopies)
})

async function copyLink(page: import('@playwright/test').Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy share link', exact: true }).click()
  await expect(page.getByText('Link copied')).toBeVisible()
  return lastCopied(page)
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

const b64u = (s: string) => Buffer.from(s).toString('base64url')

test('a link with a secret key loads the token but not the key, and says why', async ({ page }) => {
  const secret = 'attacker-chosen-secret-0123456789'
  const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(JSON.stringify({ sub: 'mallory', role: 'admin' }))}`
  const forged = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
  await page.goto(`./#token=${forged}&key=${encodeURIComponent(secret)}`)
  await expect(encodedToken(page)).toHaveValue(forged)
  await expect(verificationKey(page)).toHaveValue('')
  const alert = page.getByRole('alert').filter({ hasText: 'The link carried a secret or private key; it was not used, because a link must never decide which key verifies a token' })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('so it counts as an HMAC secret')
  await expect(signatureStatus(page)).toHaveText('Signature not checked: add a verification key')
  await expect(signatureStatus(page)).not.toHaveText(/^Signature verified/)

  // A private key relabelled as public is not a public key either.
  const es = example('es256')
  const relabelled = es.signingKey.replace(/PRIVATE KEY/g, 'PUBLIC KEY')
  await page.goto(`./#token=${es.token}&key=${encodeURIComponent(relabelled)}`)
  await expect(encodedToken(page)).toHaveValue(es.token)
  await expect(verificationKey(page)).toHaveValue('')
  await expect(page.getByRole('alert').filter({ hasText: 'holds a PKCS#8 private key, whatever its label says' })).toBeVisible()
  await expect(signatureStatus(page)).not.toHaveText(/^Signature verified/)
})

test('a link never replaces a stored key without asking', async ({ page }) => {
  const es = example('es256')
  const rs = example('rs256')
  await openApp(page)
  await chooseExample(page, es)
  await page.reload()
  await expect(verificationKey(page)).toHaveValue(es.verificationKey)

  await page.goto(`./#token=${rs.token}&key=${encodeURIComponent(rs.verificationKey)}`)
  await page.reload()
  await expect(encodedToken(page)).toHaveValue(rs.token)
  const prompt = page.getByRole('group', { name: 'Key from the link' })
  await expect(prompt).toContainText('The link carries a public verification key that differs from yours.')
  await expect(verificationKey(page)).toHaveValue(es.verificationKey)
  await prompt.getByRole('button', { name: 'Keep my key', exact: true }).click()
  await expect(prompt).toHaveCount(0)
  await expect(verificationKey(page)).toHaveValue(es.verificationKey)
  await expect(signatureStatus(page)).not.toHaveText(/^Signature verified/)

  // Asked again on the next load of the link; this time the link's key is taken.
  await page.reload()
  await prompt.getByRole('button', { name: "Use the link's key", exact: true }).click()
  await expect(verificationKey(page)).toHaveValue(rs.verificationKey)
  await expect(page.getByRole('status', { name: 'Link key' })).toContainText('The verification key came from the link.')
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
})
