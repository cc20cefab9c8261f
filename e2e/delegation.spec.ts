import { createHmac } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { encodedToken, openApp, signatureStatus, verificationKey, openTool } from './helpers'

// The tab's panel is loaded on first open, and signing runs through WebCrypto: on a busy machine both
// can take a while, so the first waits and the test timeout are generous.
const LOAD = { timeout: 30_000 }
test.describe.configure({ timeout: 120_000 })

const SECRET = 'delegation e2e secret, at least 32 bytes long'
const b64u = (s: string) => Buffer.from(s).toString('base64url')
const now = () => Math.floor(Date.now() / 1000)

/** An HS256 token made with node:crypto, independently of the app. */
function hs256(payload: Record<string, unknown>): string {
  const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`
}

function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
}

/** Opens the app with `token` and the secret that verifies it, then the Delegation tab. */
async function openWith(page: Page, token: string): Promise<void> {
  await openApp(page)
  await pasteToken(page, token)
  await verificationKey(page).fill(SECRET)
  await page.getByRole('combobox', { name: 'Secret encoding', exact: true }).selectOption('utf8')
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await openTool(page, 'Delegation')
  await expect(page.getByRole('region', { name: 'Token exchange', exact: true })).toBeVisible(LOAD)
}

const chainList = (page: Page) => page.getByRole('list', { name: 'Delegation chain', exact: true })
const exchangeRegion = (page: Page) => page.getByRole('region', { name: 'Token exchange', exact: true })

test('a three-level nested act is listed subject first, then the current actor, then prior actors', async ({ page }) => {
  await openWith(page, hs256({
    iss: 'https://issuer.example.com',
    sub: 'user@example.com',
    aud: 'https://orders.example.com',
    may_act: { sub: 'https://gateway.example.com' },
    act: {
      sub: 'https://service-c.example.com',
      iss: 'https://issuer.example.net',
      act: { sub: 'https://service-b.example.com', act: { sub: 'https://service-a.example.com', client_id: 'a-client' } },
    },
  }))
  const items = chainList(page).getByRole('listitem')
  await expect(items).toHaveCount(4)
  const expected = [
    ['Subject', 'sub: user@example.com'],
    ['Current actor', 'sub: https://service-c.example.com'],
    ['Prior actor 1', 'sub: https://service-b.example.com'],
    ['Prior actor 2', 'sub: https://service-a.example.com'],
  ]
  for (const [i, [role, sub]] of expected.entries()) {
    await expect(items.nth(i)).toContainText(role as string)
    await expect(items.nth(i)).toContainText(sub as string)
  }
  await expect(items.nth(0)).toContainText('iss: https://issuer.example.com')
  await expect(items.nth(1)).toContainText('iss: https://issuer.example.net')
  await expect(items.nth(1)).toContainText('acts for user@example.com')
  await expect(items.nth(3)).toContainText('client_id:a-client')
  await expect(page.getByRole('group', { name: 'may_act check' })).toHaveText(
    'may_act: Fail The current actor is not the party "may_act" allows: its sub is "https://service-c.example.com", not "https://gateway.example.com". An authorization server should have refused this delegation.',
  )
})

test('without act, the empty state explains delegation and loads a signed example', async ({ page }) => {
  await openApp(page)
  await openTool(page, 'Delegation')
  await expect(page.getByText('This token has no "act" claim: nobody acts on behalf of its subject.')).toBeVisible(LOAD)
  await page.getByRole('button', { name: 'Load a delegation example', exact: true }).click()
  const items = chainList(page).getByRole('listitem')
  await expect(items).toHaveCount(3, LOAD)
  await expect(items.nth(1)).toContainText('sub: https://service16.example.com')
  await expect(items.nth(2)).toContainText('sub: https://service77.example.com')
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(page.getByRole('group', { name: 'may_act check' })).toContainText('may_act: Pass')
})

test('token exchange adds the actor, narrows the scope, and the exchanged token verifies in the debugger', async ({ page }) => {
  const subjectToken = hs256({ iss: 'https://as.example.com', sub: 'alice', aud: 'https://svc-a.example.com', scope: 'read write', exp: now() + 600 })
  await openWith(page, subjectToken)
  const form = exchangeRegion(page)
  await form.getByLabel('Actor sub', { exact: true }).fill('https://svc-a.example.com')
  await form.getByLabel('Audience', { exact: true }).fill('https://svc-b.example.com')
  await form.getByLabel('Scope', { exact: true }).fill('read')
  await form.getByRole('button', { name: 'Exchange', exact: true }).click()
  const out = form.getByRole('textbox', { name: 'Exchanged token', exact: true })
  await expect(out).toHaveValue(/^ey[\w-]+\.[\w-]+\.[\w-]+$/, LOAD)
  const exchanged = await out.inputValue()
  const claims = payloadOf(exchanged)
  expect(claims).toMatchObject({ iss: 'https://as.example.com', sub: 'alice', aud: 'https://svc-b.example.com', scope: 'read', act: { sub: 'https://svc-a.example.com' } })
  expect(claims['exp']).toBeLessThanOrEqual(payloadOf(subjectToken)['exp'] as number)

  await form.getByRole('button', { name: 'Use this token', exact: true }).click()
  await expect(encodedToken(page)).toHaveValue(exchanged)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(chainList(page).getByRole('listitem').nth(1)).toContainText('sub: https://svc-a.example.com')
})

test('token exchange refuses a widened scope and an expired subject token', async ({ page }) => {
  await openWith(page, hs256({ iss: 'https://as.example.com', sub: 'alice', scope: 'read write', exp: now() + 600 }))
  const form = exchangeRegion(page)
  await form.getByLabel('Scope', { exact: true }).fill('read admin')
  await form.getByRole('button', { name: 'Exchange', exact: true }).click()
  await expect(form.getByRole('alert')).toHaveText('The request asks for "admin", but the subject token only has "read write". A token exchange may only narrow scopes; ask for a subset.')

  await pasteToken(page, hs256({ iss: 'https://as.example.com', sub: 'alice', scope: 'read', exp: now() - 60 }))
  await form.getByLabel('Scope', { exact: true }).fill('')
  await form.getByRole('button', { name: 'Exchange', exact: true }).click()
  await expect(form.getByRole('alert')).toHaveText('The subject token has expired, so an authorization server refuses to exchange it. Get a fresh token first.')
})
