import { createHash } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { openApp, openTool } from './helpers'

// The proof of RFC 9449 §4.1, and the JWK thumbprint of its key as RFC 9449 §6.1 gives it (cnf.jkt).
const RFC_PROOF = 'eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjYyNjE2fQ.2-GxA6T8lP4vfrg8v-FdWP0A0zdrj8igiMLvqRMUvwnQg4PtFLbdLXiOSsX0x7NVY-FNyJK70nfbV37xRZT3Lg'
const RFC_JKT = '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I'
const ORDER = ['format', 'typ', 'alg', 'jwk', 'signature', 'htm', 'htu', 'iat', 'jti', 'nonce', 'ath', 'jkt']

// The tab's panel is loaded on first open, and signing runs through WebCrypto: on a busy machine both
// can take a while, so the first waits and the test timeout are generous.
const LOAD = { timeout: 30_000 }
test.describe.configure({ timeout: 120_000 })

const region = (page: Page) => page.getByRole('region', { name: 'DPoP', exact: true })
const table = (page: Page) => region(page).getByRole('table', { name: 'DPoP checks', exact: true })
const verdictOf = (page: Page, id: string) => table(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${id} `) }) }).locator('td').first()
const messageOf = (page: Page, id: string) => table(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${id} `) }) }).locator('td').nth(1)
const ath = (token: string) => createHash('sha256').update(token, 'ascii').digest('base64url')

async function openTab(page: Page): Promise<void> {
  await openApp(page)
  await openTool(page, 'DPoP')
  await expect(region(page)).toBeVisible(LOAD)
}

async function createProof(page: Page, method: string, url: string, accessToken: string): Promise<void> {
  const r = region(page)
  await r.getByRole('combobox', { name: 'HTTP method', exact: true }).selectOption(method)
  await r.getByRole('textbox', { name: 'Request URL', exact: true }).fill(url)
  await r.getByRole('textbox', { name: 'Access token', exact: true }).fill(accessToken)
  await r.getByRole('button', { name: 'Create a proof', exact: true }).click()
  await expect(r.getByRole('textbox', { name: 'DPoP proof', exact: true })).toHaveValue(/^ey[\w-]+\.[\w-]+\.[\w-]+$/, LOAD)
}

test('a created proof passes every check; another URL fails htu', async ({ page }) => {
  await openTab(page)
  await createProof(page, 'POST', 'https://api.example.com/orders?page=2', '')
  await expect(region(page).getByRole('status', { name: 'DPoP verdict' })).toHaveText('The proof passes every applicable check.')
  await expect(table(page).getByRole('rowheader')).toHaveText(ORDER.map((id) => new RegExp(`^${id}`)))
  for (const id of ORDER) await expect(verdictOf(page, id), id).toHaveText(['nonce', 'ath', 'jkt'].includes(id) ? 'Skipped' : 'Pass')

  const proof = await region(page).getByRole('textbox', { name: 'DPoP proof', exact: true }).inputValue()
  const [h, p] = proof.split('.') as [string, string]
  expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256' } })
  expect(JSON.parse(Buffer.from(p, 'base64url').toString())).toMatchObject({ htm: 'POST', htu: 'https://api.example.com/orders' })

  await region(page).getByRole('textbox', { name: 'Request URL', exact: true }).fill('https://api.example.com/admin')
  await expect(verdictOf(page, 'htu')).toHaveText('Fail')
  await expect(messageOf(page, 'htu')).toHaveText('"htu" is "https://api.example.com/orders" but the request goes to "https://api.example.com/admin" (both without query and fragment, normalised): the proof was made for a different URL.')
  await expect(region(page).getByRole('status', { name: 'DPoP verdict' })).toHaveText('The proof fails 1 check.')
})

test('an access token other than the one the proof was made for fails ath', async ({ page }) => {
  await openTab(page)
  await createProof(page, 'GET', 'https://resource.example.org/protectedresource', 'access-token-one')
  await expect(verdictOf(page, 'ath')).toHaveText('Pass')
  await expect(messageOf(page, 'ath')).toHaveText(`"ath" equals base64url(SHA-256(access token)) = ${ath('access-token-one')}: the proof is tied to this access token.`)
  await region(page).getByRole('textbox', { name: 'Access token', exact: true }).fill('access-token-two')
  await expect(verdictOf(page, 'ath')).toHaveText('Fail')
  await expect(messageOf(page, 'ath')).toHaveText(`"ath" is "${ath('access-token-one')}", but the access token hashes to ${ath('access-token-two')}: the proof was made for a different access token.`)
})

test('the RFC 9449 example loads, its signature verifies, and it is fresh only as of its own iat', async ({ page }) => {
  await openTab(page)
  await region(page).getByRole('button', { name: 'Load RFC 9449 example', exact: true }).click()
  await expect(region(page).getByRole('textbox', { name: 'DPoP proof', exact: true })).toHaveValue(RFC_PROOF)
  await expect(region(page).getByRole('combobox', { name: 'HTTP method', exact: true })).toHaveValue('POST')
  await expect(region(page).getByRole('textbox', { name: 'Request URL', exact: true })).toHaveValue('https://server.example.com/token')
  await expect(verdictOf(page, 'signature')).toHaveText('Pass')
  await expect(messageOf(page, 'jwk')).toHaveText(`The header carries an EC P-256 public key with RFC 7638 thumbprint ${RFC_JKT}, and no private members.`)
  await expect(verdictOf(page, 'iat')).toHaveText('Pass')
  await expect(messageOf(page, 'iat')).toHaveText('The proof was created at 2019-07-04T17:50:16Z, within the window (at most 300 s old, 60 s of clock skew).')

  await region(page).getByRole('checkbox', { name: /^Check freshness against the proof's own iat/ }).uncheck()
  await expect(verdictOf(page, 'iat')).toHaveText('Fail')
  await expect(messageOf(page, 'iat')).toHaveText(/^The proof was created at 2019-07-04T17:50:16Z, \d+ s ago, more than the 300 s allowed: an old proof may be a replay\.$/)
  await expect(verdictOf(page, 'signature')).toHaveText('Pass')
})
