import { test, expect, pasteToken } from './fixtures'
import type { Page } from '@playwright/test'

const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url')
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')

function tokenWith(payloadText: string): string {
  return `${b64u('{"alg":"HS256","typ":"JWT"}')}.${b64u(payloadText)}.c2ln`
}

function row(page: Page, name: string) {
  return page.getByRole('table', { name: 'Claims' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
}

function valueCell(page: Page, name: string) {
  return row(page, name).getByRole('cell').first()
}

test('time claims show UTC, local and relative time, with expiry in words', async ({ page }) => {
  const now = Math.floor(Date.now() / 1000)
  const exp = now - 2 * 3600
  const nbf = now + 3 * 86400
  const iat = now - 3
  const payload = JSON.stringify({ sub: 'alice', exp, nbf, iat, auth_time: (now - 60) * 1000, updated_at: now - 400 * 86400 })
  await page.goto('./')
  await pasteToken(page, tokenWith(payload))

  await expect(valueCell(page, 'exp')).toContainText(iso(exp))
  await expect(valueCell(page, 'exp')).toContainText('Expired')
  await expect(valueCell(page, 'exp')).toContainText('2 hours ago')
  await expect(valueCell(page, 'nbf')).toContainText(iso(nbf))
  await expect(valueCell(page, 'nbf')).toContainText('Not yet valid')
  await expect(valueCell(page, 'nbf')).toContainText(/in [23] days/)
  await expect(valueCell(page, 'iat')).not.toContainText('Expired')
  await expect(valueCell(page, 'updated_at')).toContainText(/1 year ago|400 days ago/)
  // Local time is shown next to UTC (the test browser's own rendering of the same instant).
  const local = await page.evaluate((s) => new Date(s * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' }), exp)
  await expect(valueCell(page, 'exp')).toContainText(local)
  // A value written in milliseconds is called out.
  await expect(valueCell(page, 'auth_time')).toContainText('milliseconds')
  // Descriptions come from the catalogue.
  await expect(row(page, 'exp').getByRole('cell').nth(1)).toContainText('Expiration time')
  await expect(row(page, 'exp').getByRole('cell').nth(1)).toContainText('RFC 7519')
})

test('relative times keep ticking', async ({ page }) => {
  const iat = Math.floor(Date.now() / 1000) - 3
  await page.goto('./')
  await pasteToken(page, tokenWith(JSON.stringify({ iat })))
  const relative = valueCell(page, 'iat').getByTestId('relative-time')
  await expect(relative).toHaveText(/^\d+ seconds ago$/)
  const first = await relative.textContent()
  await expect(relative).not.toHaveText(first ?? '', { timeout: 5000 })
  await expect(relative).toHaveText(/^\d+ seconds ago$/)
})

test('scopes are chips, nested objects are readable, big integers keep their digits', async ({ page }) => {
  const payload =
    '{"scope":"openid profile email","scp":["read","write"],' +
    '"act":{"sub":"admin@example.com","act":{"sub":"svc-billing"}},' +
    '"address":{"street_address":"1 Main St","country":"NL"},' +
    '"big":123456789012345678901234567890,"custom":"x"}'
  await page.goto('./')
  await pasteToken(page, tokenWith(payload))

  const scope = valueCell(page, 'scope').getByRole('list', { name: 'Scopes' }).getByRole('listitem')
  await expect(scope).toHaveText(['openid', 'profile', 'email'])
  const scp = valueCell(page, 'scp').getByRole('list', { name: 'Scopes' }).getByRole('listitem')
  await expect(scp).toHaveText(['read', 'write'])

  const act = valueCell(page, 'act')
  // Key/value pairs, nested, not JSON text.
  await expect(act.getByRole('term')).toHaveText(['sub', 'act', 'sub'])
  await expect(act.getByRole('definition').first()).toHaveText('admin@example.com')
  await expect(act).toContainText('svc-billing')
  await expect(act).not.toContainText('{')
  await expect(act).not.toContainText('"')
  await expect(valueCell(page, 'address').getByRole('term')).toHaveText(['street_address', 'country'])

  await expect(valueCell(page, 'big')).toHaveText('123456789012345678901234567890')
  await expect(row(page, 'custom').getByRole('cell').nth(1)).toHaveText('Not a registered claim')
  // Rows follow the payload's member order.
  await expect(page.getByRole('table', { name: 'Claims' }).getByRole('rowheader')).toHaveText(['scope', 'scp', 'act', 'address', 'big', 'custom'])
})
