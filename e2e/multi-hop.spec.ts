import { createHmac } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { openApp, openTool } from './helpers'

// The tab's panel is loaded on first open, and signing runs through WebCrypto: on a busy machine both
// can take a while, so the first waits and the test timeout are generous.
const LOAD = { timeout: 30_000 }
test.describe.configure({ timeout: 120_000 })

const b64u = (s: string) => Buffer.from(s).toString('base64url')

function hs256(payload: Record<string, unknown>): string {
  const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`
  return `${input}.${createHmac('sha256', 'multi-hop e2e secret').update(input).digest('base64url')}`
}

const table = (page: Page) => page.getByRole('table', { name: 'Hop checks', exact: true })

/** The row of check `label` at `where` (e.g. `Hop 2 (token 2 → 3)`). */
function row(page: Page, label: string, where: string) {
  return table(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).filter({ hasText: where })
}

async function openTab(page: Page): Promise<void> {
  await openApp(page)
  await openTool(page, 'Multi-hop')
  await expect(page.getByRole('button', { name: 'Load example chain', exact: true })).toBeVisible(LOAD)
}

test('the example chain A → B → C passes every check', async ({ page }) => {
  await openTab(page)
  await page.getByRole('button', { name: 'Load example chain', exact: true }).click()
  for (const n of [1, 2, 3]) await expect(page.getByRole('textbox', { name: `Token ${n}`, exact: true })).toHaveValue(/^ey/, LOAD)
  await expect(page.getByRole('textbox', { name: 'Trusted issuers', exact: true })).toHaveValue('https://as.example.com')
  await expect(page.getByText('All 15 applicable checks pass.', { exact: true })).toBeVisible()
  const verdicts = table(page).getByRole('row').locator('td:nth-child(3)')
  await expect(verdicts).toHaveCount(15)
  await expect(verdicts).toHaveText(Array(15).fill('Pass'))
  await expect(row(page, 'Actor chain (act)', 'Hop 2 (token 2 → 3)')).toContainText('Token 3 adds "https://service-b.example.com" as current actor in front of token 2\'s "https://service-a.example.com".')
})

test('a chain whose second token widens the scope fails the scope check, with what it prevents', async ({ page }) => {
  const exp = Math.floor(Date.now() / 1000) + 600
  const t1 = hs256({ iss: 'https://as.example.com', sub: 'alice', aud: 'https://svc-a.example.com', scope: 'read', exp, jti: 'one' })
  const t2 = hs256({ iss: 'https://as.example.com', sub: 'alice', aud: 'https://svc-b.example.com', scope: 'read delete', exp, jti: 'two', act: { sub: 'https://svc-a.example.com' } })
  await openTab(page)
  await page.getByRole('textbox', { name: 'Token 1', exact: true }).fill(t1)
  await page.getByRole('textbox', { name: 'Token 2', exact: true }).fill(t2)
  const scope = row(page, 'Scope', 'Hop 1 (token 1 → 2)')
  await expect(scope.locator('td').nth(1)).toHaveText('Fail')
  await expect(scope).toContainText('Token 2 adds "delete", which token 1 ("read") did not have: scopes must only narrow along a chain.')
  await expect(scope).toContainText('Privilege escalation: a service further down the chain ending up with more rights than the caller before it was granted.')
  await expect(page.getByText('1 of 8 checks fail.', { exact: true })).toBeVisible()
})

test('the broken example chains fail the scope check or the audience check', async ({ page }) => {
  await openTab(page)
  await page.getByRole('button', { name: 'Load broken chain', exact: true }).click()
  await expect(row(page, 'Scope', 'Hop 2 (token 2 → 3)').locator('td').nth(1)).toHaveText('Fail', LOAD)
  await expect(page.getByText('1 of 15 checks fail.', { exact: true })).toBeVisible()

  await page.getByRole('combobox', { name: 'Broken by', exact: true }).selectOption('aud-mismatch')
  await page.getByRole('button', { name: 'Load broken chain', exact: true }).click()
  const aud = row(page, 'Audience (aud)', 'Hop 2 (token 2 → 3)')
  await expect(aud.locator('td').nth(1)).toHaveText('Fail', LOAD)
  await expect(aud).toContainText('does not name "https://service-x.example.com", who presents token 3 (current actor act.sub)')
  await expect(aud).toContainText('Confused deputy and token pass-through')
  await expect(row(page, 'Scope', 'Hop 2 (token 2 → 3)').locator('td').nth(1)).toHaveText('Pass')
})

test('tokens can be added up to five and removed down to two', async ({ page }) => {
  await openTab(page)
  const add = page.getByRole('button', { name: 'Add token', exact: true })
  for (let i = 0; i < 3; i++) await add.click()
  await expect(page.getByRole('textbox', { name: 'Token 5', exact: true })).toBeVisible()
  await expect(add).toBeDisabled()
  await expect(page.getByText('Token 1 is empty: paste a token, or remove the box.', { exact: true })).toBeVisible()
  for (let i = 5; i > 2; i--) await page.getByRole('button', { name: `Remove token ${i}`, exact: true }).click()
  await expect(page.getByRole('textbox', { name: 'Token 3', exact: true })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Remove token 2', exact: true })).toBeDisabled()
})
