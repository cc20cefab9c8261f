import { createHmac } from 'node:crypto'
import { test, expect, pasteToken } from './fixtures'
import { encodedToken, openApp, signatureStatus, signingKey, verificationKey, openPolicy, openSettings, openSigning, openTool } from './helpers'

const STORAGE_KEY = 'jwt-lab:v1'
const b64u = (s: string) => Buffer.from(s).toString('base64url')
const SECRET = 'forget-me-secret-0123456789abcdef'
function hs256(payload: object): string {
  const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`
}

test('"Forget everything on this device" clears storage and inputs, and a reload shows nothing of them', async ({ page }) => {
  const live = hs256({ iss: 'https://login.acme-corp.io/', sub: 'forget-me', exp: Math.floor(Date.now() / 1000) + 3600 })
  await openApp(page)
  // Practice progress as the practice verifier stores it.
  await page.evaluate((k) => {
    const entry = JSON.parse(localStorage.getItem(k) ?? '{"state":{},"version":2}') as { state: Record<string, unknown> }
    entry.state.solvedChallenges = ['kid-sql']
    localStorage.setItem(k, JSON.stringify(entry))
  }, STORAGE_KEY)
  await page.reload()
  const practice = page.getByRole('region', { name: 'Practice verifier', exact: true })
  await openTool(page, 'Practice verifier')
  await expect(practice).toContainText('1 of 12 solved')
  await openSettings(page)
  await page.getByRole('checkbox', { name: 'Remember tokens and secrets on this device' }).check()
  await pasteToken(page, live)
  await verificationKey(page).fill(SECRET)
  await page.getByRole('combobox', { name: 'Secret encoding', exact: true }).selectOption('utf8')
  await openSigning(page)
  await signingKey(page).fill(SECRET)
  await openPolicy(page)
  await page.getByLabel('Expected issuer').fill('https://login.acme-corp.io/')
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await page.reload()
  await expect(encodedToken(page)).toHaveValue(live)
  expect(await page.evaluate((k) => localStorage.getItem(k) ?? '', STORAGE_KEY)).toContain(SECRET)

  await openSettings(page)
  await page.getByRole('button', { name: 'Forget everything on this device', exact: true }).click()
  await expect(page.getByRole('status', { name: 'Forget everything' })).toHaveText(
    'Forgotten: the token, keys, policy inputs, practice progress and settings were removed from this device and from this tab.',
  )
  await expect(encodedToken(page)).toHaveValue('')
  await expect(verificationKey(page)).toHaveValue('')
  await openSigning(page)
  await expect(signingKey(page)).toHaveValue('')
  await openPolicy(page)
  await expect(page.getByLabel('Expected issuer')).toHaveValue('')
  await openSettings(page)
  await expect(page.getByRole('checkbox', { name: 'Remember tokens and secrets on this device' })).not.toBeChecked()
  await expect(page.getByRole('alert', { name: 'Live credential warning' })).toHaveCount(0)
  const left = await page.evaluate((k) => localStorage.getItem(k) ?? '', STORAGE_KEY)
  for (const old of [live, SECRET, 'acme-corp', 'kid-sql']) expect(left).not.toContain(old)

  await page.reload()
  await expect(page.getByRole('heading', { name: 'JWT Lab' })).toBeVisible()
  await expect(verificationKey(page)).not.toHaveValue(SECRET)
  await openSigning(page)
  await expect(signingKey(page)).not.toHaveValue(SECRET)
  await expect(encodedToken(page)).not.toHaveValue(live)
  await openPolicy(page)
  await expect(page.getByLabel('Expected issuer')).toHaveValue('')
  await openTool(page, 'Practice verifier')
  await expect(practice).toContainText('0 of 12 solved')
  const afterReload = await page.evaluate((k) => localStorage.getItem(k) ?? '', STORAGE_KEY)
  for (const old of [live, SECRET, 'acme-corp', 'kid-sql']) expect(afterReload).not.toContain(old)
})

test('forgetting drops a linked token from the address too', async ({ page }) => {
  const live = hs256({ sub: 'linked', exp: Math.floor(Date.now() / 1000) + 3600 })
  await page.goto(`./#token=${live}`)
  await expect(encodedToken(page)).toHaveValue(live)
  await openSettings(page)
  await page.getByRole('button', { name: 'Forget everything on this device', exact: true }).click()
  await expect(encodedToken(page)).toHaveValue('')
  expect(new URL(page.url()).hash).toBe('')
  await page.reload()
  await expect(page.getByRole('heading', { name: 'JWT Lab' })).toBeVisible()
  await expect(encodedToken(page)).not.toHaveValue(live)
})
