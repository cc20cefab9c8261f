import { X509Certificate, createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { chooseExample, example, openApp, openPolicy, openSettings, openSigning, openTool, signatureStatus } from './helpers'

// An axe scan of the whole page takes a while on a busy machine (with Monaco even more).
test.setTimeout(180_000)

/** Serious and critical violations of the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
}

async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await openSettings(page)
  await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme)
  if (theme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/)
  // Buttons fade between themes (transition-colors): scan the colours a user sees once it has ended,
  // not a frame in between.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
}

const openToolTab = async (page: Page, name: string, ready: (page: Page) => Promise<void>) => {
  await openTool(page, name)
  await ready(page)
}

/**
 * Every view of the app and how to reach it from a fresh page. Each is scanned in the light theme;
 * those marked `dark` in the dark theme too (the tools share the kit's colours, so scanning each of
 * them twice would only cost time).
 */
const views: readonly { name: string; phone?: boolean; dark?: boolean; codeEditor?: boolean; reach: (page: Page) => Promise<void> }[] = [
  { name: 'the first view', dark: true, codeEditor: true, reach: async () => {} },
  { name: 'the first view on a phone', phone: true, dark: true, codeEditor: true, reach: async () => {} },
  { name: 'the first view with plain text editors', reach: async () => {} },
  { name: 'Presentation mode', codeEditor: true, reach: (page) => page.getByRole('button', { name: 'Presentation mode', exact: true }).click() },
  {
    name: 'settings, policy and signing opened',
    dark: true,
    reach: async (page) => {
      await openSettings(page)
      await openPolicy(page)
      await openSigning(page)
    },
  },
  {
    name: 'an RS256 token with decode problems',
    reach: async (page) => {
      await chooseExample(page, example('rs256'))
      await pasteToken(page, 'eyJhbGciOiJSUzI1NiJ9=.eyJzdWIiOiIxIiwic3ViIjoiMiJ9.c2ln')
      await expect(page.getByRole('list', { name: 'Diagnostics', exact: true }).getByRole('listitem').first()).toBeVisible()
    },
  },
  {
    name: 'a JWS in JSON serialization',
    reach: async (page) => {
      const b64u = (text: string) => Buffer.from(text).toString('base64url')
      const protectedHeader = b64u('{"alg":"HS256"}')
      const payload = b64u('{"sub":"json"}')
      const signature = createHmac('sha256', 'a'.repeat(32)).update(`${protectedHeader}.${payload}`).digest('base64url')
      await pasteToken(page, JSON.stringify({ payload, signatures: [{ protected: protectedHeader, signature }] }))
      await expect(page.getByRole('region', { name: 'JWS JSON serialization', exact: true })).toBeVisible()
    },
  },
  {
    name: 'Explain',
    reach: async (page) => {
      await page.getByRole('button', { name: 'Explain', exact: true }).click()
      await expect(page.getByRole('region', { name: 'Explain', exact: true })).toBeVisible({ timeout: 30_000 })
    },
  },
  { name: 'the Delegation tool', reach: (page) => openToolTab(page, 'Delegation', (p) => expect(p.getByRole('region', { name: 'Token exchange', exact: true })).toBeVisible({ timeout: 30_000 })) },
  { name: 'the Multi-hop tool', reach: (page) => openToolTab(page, 'Multi-hop', (p) => expect(p.getByRole('tabpanel')).not.toContainText('Loading', { timeout: 30_000 })) },
  { name: 'the DPoP tool', reach: (page) => openToolTab(page, 'DPoP', (p) => expect(p.getByRole('region', { name: 'DPoP', exact: true })).toBeVisible({ timeout: 30_000 })) },
  { name: 'the Attack lab', dark: true, reach: (page) => openToolTab(page, 'Attack lab', (p) => expect(p.getByRole('region', { name: 'Attack lab', exact: true })).toBeVisible({ timeout: 30_000 })) },
  {
    name: 'the Practice verifier',
    reach: (page) => openToolTab(page, 'Practice verifier', (p) => expect(p.getByRole('region', { name: 'Practice verifier', exact: true })).toBeVisible({ timeout: 30_000 })),
  },
  { name: 'the Lessons', reach: (page) => openToolTab(page, 'Lessons', (p) => expect(p.getByRole('tabpanel')).toBeVisible()) },
  {
    name: 'a certificate chain, OpenID Connect hashes and the key discovery list',
    dark: true,
    reach: async (page) => {
      const b64u = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
      const cert = readFileSync(new URL('../test/fixtures/certs/leaf-ec.pem', import.meta.url), 'utf8')
      const header = b64u({ alg: 'ES256', x5c: [new X509Certificate(cert).raw.toString('base64')] })
      const payload = b64u({ iss: 'https://issuer.example.com', sub: 'alice', at_hash: '77QmUPtjPfzWtF2AnpK9RQ' })
      await pasteToken(page, `${header}.${payload}.c2ln`)
      await expect(page.getByRole('region', { name: 'Certificate chain', exact: true })).toBeVisible({ timeout: 30_000 })
      await expect(page.getByRole('region', { name: 'OpenID Connect hashes', exact: true })).toBeVisible({ timeout: 30_000 })
      await page.getByRole('button', { name: 'Fetch keys', exact: true }).click()
      await expect(page.getByRole('list', { name: 'URLs to request', exact: true })).toBeVisible({ timeout: 30_000 })
    },
  },
]

/**
 * Scans `view` in each of its themes. The views of the editors themselves (the first view, Presentation
 * mode) are scanned with Monaco loaded; the tools, with the editors as plain text boxes (Settings →
 * "Plain text editors"), which spares each page the code editor and scans that view of them too.
 */
function scan(view: (typeof views)[number]): void {
  const themes = view.dark ? (['light', 'dark'] as const) : (['light'] as const)
  // Both themes of a view on one page: the view is reached once, then scanned in each theme.
  test(`${view.name} has no serious or critical accessibility violations (${themes.join(' and ')})`, async ({ page }) => {
    if (view.phone) await page.setViewportSize({ width: 390, height: 844 })
    await openApp(page)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    if (view.codeEditor) await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 })
    else await expect(page.getByTestId('payload-plain')).toBeVisible()
    for (const [i, theme] of themes.entries()) {
      await test.step(theme, async () => {
        await useTheme(page, theme)
        // Settings closes again so that each view is scanned as a user would see it.
        if (view.name !== 'settings, policy and signing opened') await page.getByRole('button', { name: 'Settings', exact: true }).click()
        if (i === 0) await view.reach(page)
        expect(await seriousViolations(page)).toEqual([])
      })
    }
  })
}

test.describe('with the code editor', () => {
  test.use({ plainEditors: false })
  for (const view of views) if (view.codeEditor) scan(view)
})

for (const view of views) if (!view.codeEditor) scan(view)
