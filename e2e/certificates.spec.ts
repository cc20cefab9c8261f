import { X509Certificate, createPrivateKey, sign } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { encodedToken, openApp, openPolicy, signatureStatus, verificationKey } from './helpers'

// Certificates from scripts/make-cert-fixtures.sh: leaf (P-256) ← intermediate (P-384) ← root (RSA).
const DIR = new URL('../test/fixtures/certs/', import.meta.url)
const pem = (name: string) => readFileSync(new URL(`${name}.pem`, DIR), 'utf8')
const der64 = (name: string) => new X509Certificate(pem(name)).raw.toString('base64')
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** An ES256 token signed by node:crypto with the leaf's key, its header carrying the chain. */
function chainToken(names: readonly string[] = ['leaf-ec', 'intermediate-ec', 'root-rsa']): string {
  const header = b64url({ alg: 'ES256', typ: 'JWT', x5c: names.map(der64) })
  const payload = b64url({ iss: 'https://signer.example.com', sub: 'alice', iat: 1_767_225_600 })
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key: createPrivateKey(pem('leaf-ec-key')), dsaEncoding: 'ieee-p1363' })
  return `${header}.${payload}.${signature.toString('base64url')}`
}

// OpenID Connect Core 1.0 Appendix A.3: an ID token with at_hash, and the access token issued with it.
const SPEC_ID_TOKEN =
  'eyJraWQiOiIxZTlnZGs3IiwiYWxnIjoiUlMyNTYifQ.ewogImlzcyI6ICJodHRwOi8vc2VydmVyLmV4YW1wbGUuY29tIiwKICJzdWIiOiAiMjQ4Mjg5NzYxMDAxIiwKICJhdWQiOiAiczZCaGRSa3F0MyIsCiAibm9uY2UiOiAibi0wUzZfV3pBMk1qIiwKICJleHAiOiAxMzExMjgxOTcwLAogImlhdCI6IDEzMTEyODA5NzAsCiAiYXRfaGFzaCI6ICI3N1FtVVB0alBmeld0RjJBbnBLOVJRIgp9.F9gRev0Dt2tKcrBkHy72cmRqnLdzw9FLCCSebV7mWs7o_sv2O5s6zMky2kmhHTVx9HmdvNnx9GaZ8XMYRFeYk8L5NZ7aYlA5W56nsG1iWOou_-gji0ibWIuuf4Owaho3YSoi7EvsTuLFz6tq-dLyz0dKABMDsiCmJ5wqkPUDTE3QTXjzbUmOzUDli-gCh5QPuZAq0cNW3pf_2n4zpvTYtbmj12cVcxGIMZby7TMWESRjQ9_o3jvhVNcCGcE0KAQXejhA1ocJhNEvQNqMFGlBb6_0RxxKjDZ-Oa329eGDidOvvp0h5hoES4a8IuGKS7NOcpp-aFwp0qVMDLI-Xnm-Pg'
const SPEC_ACCESS_TOKEN = 'jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y'

const LOAD = { timeout: 30_000 }
test.describe.configure({ timeout: 90_000 })

const chain = (page: Page) => page.getByRole('region', { name: 'Certificate chain', exact: true })
const checks = (page: Page) => chain(page).getByRole('table', { name: 'Certificate checks', exact: true })
const checkRow = (page: Page, title: string) => checks(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${title}`) }) })
const hashes = (page: Page) => page.getByRole('region', { name: 'OpenID Connect hashes', exact: true })
const hashRow = (page: Page, claim: string) => hashes(page).getByRole('table', { name: 'Hash checks', exact: true }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: claim, exact: true }) })

test('an x5c chain with its root pasted passes; without it the end is not trusted', async ({ page }) => {
  await openApp(page)
  await encodedToken(page).fill(chainToken())
  await verificationKey(page).fill(pem('leaf-ec'))
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/, LOAD)

  await expect(chain(page).getByRole('list', { name: 'Certificates' }).getByRole('listitem')).toHaveCount(3, LOAD)
  await expect(chain(page).getByRole('list', { name: 'Certificates' })).toContainText('CN=signer.example.com')
  await expect(checkRow(page, 'Trust')).toContainText('Fail')
  await expect(checkRow(page, 'Trust')).toContainText('Not trusted: the chain ends at a self-signed certificate (CN=JWT Lab Test Root, O=JWT Lab Fixtures)')
  await expect(chain(page).getByText('Not trusted', { exact: true })).toBeVisible()

  await chain(page).getByRole('textbox', { name: 'Trusted root', exact: true }).fill(pem('root-rsa'))
  await expect(checkRow(page, 'Trust')).toContainText('Trusted: the chain ends at the pasted trusted root', LOAD)
  await expect(chain(page).getByText('Trusted', { exact: true })).toBeVisible()
  for (const title of ['Dates', 'Issuer name', 'Signature', 'Issuer is a CA', 'Trust', 'Verification key']) {
    for (const row of await checkRow(page, title).all()) await expect(row.locator('td').first()).toHaveText('Pass')
  }
  await expect(checkRow(page, 'Signature')).toHaveCount(2)
  await expect(checkRow(page, 'Revocation')).toContainText('Skipped')

  // Another root: the chain does not lead to it.
  await chain(page).getByRole('textbox', { name: 'Trusted root', exact: true }).fill(pem('other-root'))
  await expect(checkRow(page, 'Trust')).toContainText('Not trusted: the chain does not lead to the pasted root', LOAD)
})

test('an ID token with at_hash: the access token issued with it passes, another fails', async ({ page }) => {
  await openApp(page)
  await encodedToken(page).fill(SPEC_ID_TOKEN)
  await expect(hashes(page)).toBeVisible(LOAD)
  await expect(hashRow(page, 'at_hash')).toContainText('Not checked: paste the access token in Access token to recompute at_hash.', LOAD)
  await hashes(page).getByRole('textbox', { name: 'Access token', exact: true }).fill(SPEC_ACCESS_TOKEN)
  await expect(hashRow(page, 'at_hash').locator('td').first()).toHaveText('Pass', LOAD)
  await expect(hashRow(page, 'at_hash')).toContainText('at_hash matches the access token: 77QmUPtjPfzWtF2AnpK9RQ')
  await hashes(page).getByRole('textbox', { name: 'Access token', exact: true }).fill(`${SPEC_ACCESS_TOKEN}x`)
  await expect(hashRow(page, 'at_hash').locator('td').first()).toHaveText('Fail', LOAD)
  await expect(hashRow(page, 'at_hash')).toContainText('this access token is not the one the ID token was issued with')
  await expect(hashes(page).getByRole('textbox', { name: 'Code', exact: true })).toHaveCount(0)
})

test('a token without x5c or hash claims shows neither region', async ({ page }) => {
  await openApp(page)
  await expect(encodedToken(page)).not.toHaveValue('')
  await expect(chain(page)).toHaveCount(0)
  await expect(hashes(page)).toHaveCount(0)
})

test('a hostile x5c gives a plain message, not a crash', async ({ page }) => {
  await openApp(page)
  const token = (x5c: unknown) => `${b64url({ alg: 'ES256', x5c })}.${b64url({ sub: 'x' })}.c2ln`
  await encodedToken(page).fill(token(['not base64!']))
  await expect(chain(page).getByRole('alert')).toHaveText(/^x5c\[0\] is not standard base64 \(RFC 7515 §4\.1\.6 requires base64 of the DER/, LOAD)
  await encodedToken(page).fill(token(Array(5000).fill('AAAA')))
  await expect(chain(page).getByRole('alert')).toHaveText('x5c holds 5000 certificates; at most 10 are read. Real chains have two to four.', LOAD)
  await encodedToken(page).fill(token([der64('leaf-ec').slice(0, 400)]))
  await expect(chain(page).getByRole('alert')).toHaveText(/^x5c\[0\]: The certificate is not valid DER/, LOAD)
  await expect(page.getByRole('heading', { name: 'JWT Lab' })).toBeVisible()
})

test('certificate dates follow the policy panel\'s current time', async ({ page }) => {
  await openApp(page)
  await encodedToken(page).fill(chainToken(['leaf-expired', 'intermediate-ec', 'root-rsa']))
  const leafDates = checkRow(page, 'Dates').filter({ hasText: 'certificate 0' })
  await expect(leafDates).toContainText('Expired: certificate 0 (CN=expired.example.com) is valid from 2020-01-01T00:00:00Z to 2021-01-01T00:00:00Z', LOAD)
  await openPolicy(page)
  // Mid-2020 in any time zone: inside the expired leaf's validity.
  await page.getByLabel('Current time', { exact: true }).fill('2020-06-01T12:00:00')
  await expect(leafDates.locator('td').first()).toHaveText('Pass', LOAD)
  await expect(leafDates).toContainText('the current time 2020-06-01T')
})
