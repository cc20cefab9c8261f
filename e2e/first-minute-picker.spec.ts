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

const jwt = (header: object, payload: object) => `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}.${b64u('signature')}`
const ACCESS = jwt({ alg: 'RS256', typ: 'at+jwt', kid: 'k1' }, { iss: 'https://login.example.com', sub: 'alice', scope: 'read write', client_id: 'web-app' })
const ID = jwt({ alg: 'RS256', kid: 'k1' }, { iss: 'https://login.example.com', sub: 'alice', aud: 'web-app', nonce: 'n-0S6_WzA2Mj', email: 'alice@example.com' })
const REFRESH = jwt({ alg: 'HS256', typ: 'JWT' }, { typ: 'Refresh', sub: 'alice', sid: 's-42' })
const RESPONSE = JSON.stringify({ access_token: ACCESS, expires_in: 300, refresh_token: REFRESH, token_type: 'Bearer', id_token: ID, scope: 'openid email' }, null, 2)

const picker = (page: Page) => page.getByRole('combobox', { name: 'Token in the pasted text', exact: true })
const notes = (page: Page) => page.getByRole('status', { name: 'Extraction notes' })
const claimRow = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Claims' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
const position = (token: string) => RESPONSE.indexOf(token) + 1

test('a token response: access_token is picked, id_token can be picked, and picked again until the next paste', async ({ page }) => {
  await openApp(page)
  await pasteToken(page, RESPONSE)
  const box = page.getByRole('textbox', { name: 'Encoded token', exact: true })
  await expect(box).toHaveValue(ACCESS)
  await expect(notes(page)).toContainText('Picked access_token (1 of 3 tokens in the pasted text).')
  await expect(claimRow(page, 'scope')).toHaveCount(1)

  await expect(picker(page)).toHaveValue('0')
  await expect(picker(page).getByRole('option')).toHaveText([
    `1. access_token (JSON member, position ${position(ACCESS)})`,
    `2. refresh_token (JSON member, position ${position(REFRESH)})`,
    `3. id_token (JSON member, position ${position(ID)})`,
  ])
  await picker(page).selectOption({ label: `3. id_token (JSON member, position ${position(ID)})` })
  await expect(box).toHaveValue(ID)
  await expect(notes(page)).toContainText('Picked id_token (3 of 3 tokens in the pasted text).')
  await expect(claimRow(page, 'nonce').getByRole('cell').first()).toHaveText('n-0S6_WzA2Mj')
  await expect(claimRow(page, 'aud').getByRole('cell').first()).toHaveText('web-app')
  await expect(claimRow(page, 'scope')).toHaveCount(0)

  // Nothing of the paste is lost: the others stay one choice away.
  await picker(page).selectOption({ label: `2. refresh_token (JSON member, position ${position(REFRESH)})` })
  await expect(box).toHaveValue(REFRESH)
  await expect(claimRow(page, 'sid').getByRole('cell').first()).toHaveText('s-42')
  await picker(page).selectOption({ label: `1. access_token (JSON member, position ${position(ACCESS)})` })
  await expect(box).toHaveValue(ACCESS)

  // Pasting something else ends the choice.
  await pasteToken(page, `Bearer ${ID}`)
  await expect(box).toHaveValue(ID)
  await expect(picker(page)).toHaveCount(0)
})

test('a clipboard paste of an Authorization header and a cookie offers both tokens', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openApp(page)
  await page.evaluate((text) => navigator.clipboard.writeText(text), `Authorization: Bearer ${ACCESS}\nCookie: theme=dark; session=${REFRESH}`)
  const box = page.getByRole('textbox', { name: 'Encoded token', exact: true })
  await box.focus()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
  await expect(box).toHaveValue(ACCESS)
  await expect(notes(page)).toContainText('Picked the Bearer token (1 of 2 tokens in the pasted text).')
  await picker(page).selectOption({ index: 1 })
  await expect(box).toHaveValue(REFRESH)
  await expect(notes(page)).toContainText('Picked session (2 of 2 tokens in the pasted text).')
  await expect(claimRow(page, 'sid').getByRole('cell').first()).toHaveText('s-42')
})
