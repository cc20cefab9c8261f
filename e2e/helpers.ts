import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, pasteToken } from './fixtures'
import { examples } from '../src/features/examples/examples-data'
import type { Example } from '../src/features/examples/example'
import { distDir } from './serve'

export { examples }
export type { Example }

/** The example with this id (fails loudly when the generated data changed shape). */
export function example(id: string): Example {
  const found = examples.find((x) => x.id === id)
  if (!found) throw new Error(`no example "${id}" in examples-data.ts`)
  return found
}

/** The signature verdict (role status, name exactly `Signature`). */
export function signatureStatus(page: Page): Locator {
  return page.getByRole('status', { name: 'Signature', exact: true })
}

export function encodedToken(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Encoded token', exact: true })
}

export function verificationKey(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Verification key', exact: true })
}

export function signingKey(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Signing key', exact: true })
}

/** Chooses an example from the Examples menu and waits until its token is shown. */
export async function chooseExample(page: Page, ex: Example): Promise<void> {
  await page.getByRole('combobox', { name: 'Examples', exact: true }).selectOption({ label: ex.label })
  await expect(encodedToken(page)).toHaveValue(ex.token)
}

/** Opens the app on a first visit (HS256 example) and waits until it has verified. */
export async function openApp(page: Page, path = './'): Promise<void> {
  await page.goto(path)
  await expect(page.getByRole('heading', { name: 'JWT Lab' })).toBeVisible()
}

/**
 * Shows `token` with no verification key, as the cracker's tests start: on a first visit (`first`) the
 * page is opened and its example verified before both are replaced.
 */
export async function showTokenWithoutKey(page: Page, token: string, first = true): Promise<void> {
  if (first) {
    await openApp(page)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  }
  await pasteToken(page, token)
  await expect(encodedToken(page)).toHaveValue(token)
  await verificationKey(page).fill('')
  await expect(signatureStatus(page)).toHaveText(/^Signature not checked/)
}

/**
 * Opens a tab of the Tools area and waits until it is selected. Panels above the tabs (the cracker of an
 * HMAC token, findings) load on demand and can push the tabs down between aiming and clicking, as they
 * would under a user's pointer: the click is repeated until the tab is selected.
 */
export async function openTool(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tablist', { name: 'Tools', exact: true }).getByRole('tab', { name, exact: true })
  await expect(async () => {
    await tab.click()
    await expect(tab).toHaveAttribute('aria-selected', 'true', { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
}

/**
 * Replaces the text of the Header or Payload editor (by its aria label) as typing it would: the plain
 * text box when "Plain text editors" is on, else the Monaco editor.
 */
export async function replaceEditorText(page: Page, ariaLabel: string, text: string): Promise<void> {
  const plain = page.locator('textarea[data-testid$="-plain"]').and(page.getByRole('textbox', { name: ariaLabel, exact: true }))
  if ((await plain.count()) > 0) {
    await plain.fill(text)
    return
  }
  const editor = page.locator('.monaco-editor').filter({ has: page.getByRole('textbox', { name: ariaLabel, exact: true }) })
  await editor.locator('.view-lines').click()
  await page.keyboard.press('Control+A')
  await page.keyboard.insertText(text)
  // Some Chromium builds deliver the inserted text as typing, and Monaco then auto-closes the first
  // brackets and quotes after the cursor: delete whatever follows the inserted text.
  await page.keyboard.press('Shift+Control+End')
  await page.keyboard.press('Delete')
}

/** Opens a collapsible panel of the page (its heading is a disclosure button) unless it is open. */
async function expand(page: Page, name: string): Promise<void> {
  const toggle = page.getByRole('button', { name, exact: true })
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
}

/** Opens the Settings panel of the toolbar (theme, what is kept, forget everything). */
export function openSettings(page: Page): Promise<void> {
  return expand(page, 'Settings')
}

/** Opens the Signing panel (collapsed at first: most visitors only read tokens). */
export function openSigning(page: Page): Promise<void> {
  return expand(page, 'Signing')
}

/** Opens the Policy checks panel (collapsed until a policy is set). */
export function openPolicy(page: Page): Promise<void> {
  return expand(page, 'Policy checks')
}

/** The JSON of a compact token's part (0: header, 1: payload), as written. */
export function tokenPart(token: string, index: number): unknown {
  return JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8'))
}

/**
 * Picks `alg` in Signing and presses Generate key: returns once the new key is in place, the token is
 * re-signed with `alg` and verifies.
 */
export async function generateKeyFor(page: Page, alg: string, timeout = 30_000): Promise<void> {
  const oldKey = await verificationKey(page).inputValue()
  await openSigning(page)
  await page.getByRole('combobox', { name: 'Algorithm', exact: true }).selectOption(alg)
  await openSigning(page)
  await page.getByRole('button', { name: 'Generate key', exact: true }).click()
  await expect(verificationKey(page)).not.toHaveValue(oldKey, { timeout })
  await expect.poll(async () => (tokenPart(await encodedToken(page).inputValue(), 0) as { alg?: string }).alg, { timeout }).toBe(alg)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/, { timeout })
}

/** The scripts a first visit runs (the entry and its module preloads), concatenated. */
export function firstPaintScripts(): string {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => (m[1] ?? '').replace(/^\.\//, ''))
  expect(files.length).toBeGreaterThan(0)
  return files.map((f) => readFileSync(join(distDir, f), 'utf8')).join('\n')
}
