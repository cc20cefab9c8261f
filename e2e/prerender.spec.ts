import { createHmac } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { example, signatureStatus } from './helpers'
import { distDir } from './serve'

// The opening view is rendered at build time (src/entry-prerender.tsx) into the built page: the
// decoded example, its claims and its verdict are there before any JavaScript runs, and the app then
// hydrates that markup without changing what is shown.

const opening = example('hs256')
const payload = JSON.parse(Buffer.from(opening.token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>

/** The text of an HTML fragment as a reader gets it: tags dropped, entities decoded, spaces squeezed. */
function htmlText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}

/** Starts on a first visit: whatever an earlier script of the suite put into storage is removed first. */
async function firstVisit(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    try {
      localStorage.clear()
    } catch {
      // A blocked storage is not what these tests are about.
    }
  })
}

/** The visible text of the page's header and of each region of the main area, by name. */
function regionTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {}
    const header = document.querySelector('#root header')
    if (header instanceof HTMLElement) out.header = header.innerText
    for (const section of document.querySelectorAll<HTMLElement>('#root main > section[aria-label]')) {
      out[section.getAttribute('aria-label') ?? ''] = section.innerText
    }
    return out
  })
}

test('the built page holds the decoded example, its claims and its verdict as text', () => {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const root = /<div id="root">([\s\S]*)<\/div>\s*<script type="application\/json"/.exec(html)?.[1] ?? ''
  const text = htmlText(root)
  expect(text).toContain(opening.token)
  // The payload as the Payload view shows it, and each claim's value in the Claims table.
  expect(text).toContain('"name": "Ada Lovelace"')
  expect(text).toContain('"sub": "1234567890"')
  expect(Object.keys(payload)).toEqual(['sub', 'name', 'iat', 'exp', 'admin'])
  expect(text).toContain('2026-01-01T00:00:00Z')
  expect(text).toContain('2100-01-01T00:00:00Z')
  expect(text).toMatch(/Signature verified with the key \(thumbprint [\w-]{43}\)/)
  expect(text).not.toContain('verifying…')
  // Data for the hydration, never run: the page's CSP allows no inline script.
  expect(html).toMatch(/<script type="application\/json" id="prerendered-view">\{"now":\d+,"state":/)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the decoded example and its verdict are shown', async ({ page }) => {
    await page.goto('./')
    await expect(page.getByRole('heading', { name: 'JWT Lab' })).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'Encoded token', exact: true })).toHaveValue(opening.token)
    await expect(page.getByRole('textbox', { name: 'Payload', exact: true })).toContainText('"name": "Ada Lovelace"')
    await expect(page.getByRole('textbox', { name: 'Header', exact: true })).toContainText('"alg": "HS256"')
    const claims = page.getByRole('table', { name: 'Claims', exact: true })
    await expect(claims.getByRole('row').filter({ hasText: 'Ada Lovelace' })).toHaveCount(1)
    await expect(claims.getByRole('row').filter({ hasText: '2100-01-01T00:00:00Z' })).toHaveCount(1)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified with the key \(thumbprint [\w-]{43}\)$/)
  })
})

/** The page's background colour (the app's outermost box) once the page has loaded. */
async function background(page: Page): Promise<string> {
  return page.locator('#root > div').first().evaluate((el) => getComputedStyle(el).backgroundColor)
}

test.describe('a dark system', () => {
  test.use({ colorScheme: 'dark' })

  test('gets the dark page before any JavaScript, the same as once the app runs', async ({ browser, page }) => {
    await firstVisit(page)
    await page.goto('./')
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    const withApp = await background(page)
    const noScript = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark', baseURL: test.info().project.use.baseURL })
    const light = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'light', baseURL: test.info().project.use.baseURL })
    try {
      const dark = await noScript.newPage()
      await dark.goto('./')
      const lightPage = await light.newPage()
      await lightPage.goto('./')
      expect(await background(dark)).toBe(withApp)
      expect(await background(lightPage)).not.toBe(withApp)
    } finally {
      await noScript.close()
      await light.close()
    }
  })
})

/**
 * Holds the app's entry script (and what arrives later: Monaco, the cracker's list) until released: the page shows only the prerendered markup
 * until then. Returns the release.
 */
async function holdScripts(page: Page): Promise<{ releaseApp: () => void; releaseLater: () => void }> {
  let releaseApp = () => {}
  let releaseEditor = () => {}
  const app = new Promise<void>((resolve) => (releaseApp = resolve))
  const editor = new Promise<void>((resolve) => (releaseEditor = resolve))
  const entry = /<script type="module"[^>]*src="\.\/(assets\/index-[\w-]+\.js)"/.exec(readFileSync(join(distDir, 'index.html'), 'utf8'))?.[1]
  expect(entry, 'the entry script of the built page').toBeTruthy()
  await page.route((url) => url.pathname.endsWith(`/${entry}`), async (route) => {
    await app
    await route.continue()
  })
  // Later arrivals are changes of their own, not the hydration's: the editor (after the first view,
  // when the page is idle) and the cracker's bundled password list (its count replaces "loading").
  const later = readdirSync(join(distDir, 'assets')).filter(
    (f) => f.endsWith('.js') && f !== entry?.slice('assets/'.length) && (f.startsWith('monaco-') || readFileSync(join(distDir, 'assets', f), 'utf8').includes('passwords-common')),
  )
  expect(later.length, 'the editor and password-list chunks of the built page').toBeGreaterThan(1)
  await page.route((url) => later.some((f) => url.pathname.endsWith(`/assets/${f}`)), async (route) => {
    await editor
    await route.continue()
  })
  return { releaseApp, releaseLater: releaseEditor }
}

/** Resolves once React has hydrated the verdict (its element carries React's fiber) and painted twice. */
async function hydrated(page: Page): Promise<void> {
  await expect.poll(() => signatureStatus(page).evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactFiber')))).toBe(true)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

test.describe('with JavaScript', () => {
  test.use({ locale: 'en-US', timezoneId: 'UTC' })

  test('the app hydrates the prerendered view: the same elements, the same text, no error', async ({ page }) => {
    await firstVisit(page)
    const { releaseApp, releaseLater } = await holdScripts(page)
    // The held module script holds back DOMContentLoaded too: the page is there once it has arrived.
    await page.goto('./', { waitUntil: 'commit' })
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    // innerText follows the styles (titles are drawn in capitals): read it once the stylesheet applies,
    // or the prerendered text would be compared unstyled with the hydrated text styled.
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((link) => link.sheet !== null))
    const before = await regionTexts(page)
    expect(Object.keys(before)).toEqual(['header', 'Encoded', 'Decoded', 'Policy and signing', 'Tools'])
    expect(before.Decoded).toContain('"name": "Ada Lovelace"')
    // Remember the prerendered elements: hydration keeps them; a fresh client render would replace them.
    await page.evaluate(() => {
      const w = window as unknown as { prerendered?: Element[] }
      w.prerendered = [...document.querySelectorAll('#root main > section, #root [role="status"]')]
    })
    releaseApp()
    await hydrated(page)
    expect(await regionTexts(page)).toEqual(before)
    expect(await page.evaluate(() => {
      const w = window as unknown as { prerendered?: Element[] }
      return (w.prerendered ?? []).every((el) => el.isConnected)
    })).toBe(true)
    // Now the page is the app: editing the token decodes it at once.
    const box = page.getByRole('textbox', { name: 'Encoded token', exact: true })
    await box.fill(opening.token.slice(0, -2))
    await expect(signatureStatus(page)).toHaveText(/^Invalid signature|^Signature not checked/)
    releaseLater()
  })

  test('a visitor in another time zone sees local times in their own zone once hydrated, without an error', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Asia/Tokyo', baseURL: test.info().project.use.baseURL })
    const errors: string[] = []
    try {
      const page = await context.newPage()
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())))
      page.on('pageerror', (e) => void errors.push(e.message))
      await page.goto('./')
      const claims = page.getByRole('table', { name: 'Claims', exact: true })
      // The prerender says the time in English and UTC; the app then says it the visitor's way.
      await expect(claims.getByRole('row').filter({ hasText: '2100-01-01T00:00:00Z' })).toContainText('01.01.2100, 09:00:00')
      await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('a shared link is not hydrated over the example: the linked token is shown', async ({ page }) => {
    await firstVisit(page)
    const header = Buffer.from('{"alg":"HS256"}').toString('base64url')
    const body = Buffer.from('{"sub":"grace","name":"Grace Hopper"}').toString('base64url')
    const linked = `${header}.${body}.${createHmac('sha256', 'a-string-secret-at-least-256-bits-long').update(`${header}.${body}`).digest('base64url')}`
    await page.goto(`./#token=${linked}`)
    await expect(page.getByRole('textbox', { name: 'Encoded token', exact: true })).toHaveValue(linked)
    const claims = page.getByRole('table', { name: 'Claims', exact: true })
    await expect(claims).toContainText('Grace Hopper')
    await expect(claims).not.toContainText('Ada Lovelace')
  })
})
