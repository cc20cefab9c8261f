import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { encodedToken, openApp, signatureStatus, tokenPart } from './helpers'

// These tests are about (or look at) the code editor: the page loads Monaco as by default.
test.use({ plainEditors: false })

// The editor's code: its setup chunk and the two workers it starts.
const MONACO = /\/assets\/(monaco-setup-[\w-]+\.js|editor\.worker-[\w-]+\.js|json\.worker-[\w-]+\.js)$/

/**
 * Records in the page, on its own clock, when the first decoded view is complete: the Signature status
 * says verified and the Claims table is on the page.
 */
async function markFirstView(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __firstViewAt?: number; __readOnlyPayload?: string }
    const check = () => {
      if (w.__firstViewAt !== undefined) return
      const status = document.querySelector('[role="status"][aria-label="Signature"]')
      const claims = document.querySelector('table[aria-label="Claims"]')
      if (status?.textContent?.startsWith('Signature verified') && claims) {
        w.__firstViewAt = performance.now()
        const view = document.querySelector('[role="textbox"][aria-label="Payload"]')
        w.__readOnlyPayload = view?.closest('.monaco-editor') ? 'the editor' : (view?.textContent ?? 'nothing')
        observer.disconnect()
      }
    }
    const observer = new MutationObserver(check)
    observer.observe(document, { childList: true, subtree: true, characterData: true })
  })
}

const firstViewAt = (page: Page) => page.evaluate(() => (window as unknown as { __firstViewAt?: number }).__firstViewAt)

/** Start times (page clock) of the resources whose URL matches `pattern`. */
const resourceStarts = (page: Page, pattern: RegExp) =>
  page.evaluate((source) => {
    const re = new RegExp(source)
    return performance.getEntriesByType('resource').filter((e) => re.test(e.name)).map((e) => ({ name: e.name, start: e.startTime }))
  }, pattern.source)

function payloadFallback(page: Page) {
  return page.getByTestId('payload-fallback')
}

function payloadEditor(page: Page) {
  return page.locator('.monaco-editor', { has: page.getByRole('textbox', { name: 'Payload', exact: true }) })
}

test('no editor code is requested before the first decoded view; it arrives afterwards without user action', async ({ page, context }) => {
  const requests: string[] = []
  const note = (url: string) => {
    if (MONACO.test(url)) requests.push(url.replace(/.*\/assets\//, ''))
  }
  context.on('request', (r) => note(r.url()))
  await markFirstView(page)
  await openApp(page)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(page.getByRole('table', { name: 'Claims', exact: true })).toBeVisible()
  // At that moment the JSON was shown read-only, under the editor's own name.
  expect(await page.evaluate(() => (window as unknown as { __readOnlyPayload?: string }).__readOnlyPayload)).toContain('"sub"')

  // The editor comes by itself once the page is idle, and replaces the read-only view.
  await expect(payloadEditor(page)).toBeVisible({ timeout: 30_000 })
  await expect(payloadFallback(page)).toHaveCount(0)
  await expect.poll(() => requests.some((r) => r.startsWith('editor.worker-')), { timeout: 30_000 }).toBe(true)
  await expect.poll(() => requests.some((r) => r.startsWith('json.worker-')), { timeout: 30_000 }).toBe(true)
  expect(requests[0], `the setup chunk comes first: ${requests.join(', ')}`).toMatch(/^monaco-setup-/)

  const shown = await firstViewAt(page)
  expect(shown, 'the first decoded view was seen').toBeGreaterThan(0)
  const setup = (await resourceStarts(page, /\/assets\/monaco-setup-[\w-]+\.js$/)).map((r) => r.start)
  expect(setup.length).toBe(1)
  for (const start of setup) expect(start, 'the editor chunk starts after the first decoded view').toBeGreaterThan(shown ?? Infinity)
})

test('keyboard focus on the read-only Payload view loads the editor at once and hands it the focus', async ({ page }) => {
  // The page never becomes idle here: only the user's focus can bring the editor.
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0
  })
  let requested = false
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(MONACO, async (route) => {
    if (/monaco-setup-/.test(route.request().url())) {
      requested = true
      await held
    }
    await route.continue()
  })
  await openApp(page)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await page.waitForTimeout(1_000)
  expect(requested, 'no editor code while nobody asked for it').toBe(false)

  // Tab from the token box until the Payload view has the focus.
  await encodedToken(page).focus()
  const fallback = payloadFallback(page)
  await expect(async () => {
    await page.keyboard.press('Tab')
    await expect(fallback).toBeFocused({ timeout: 100 })
  }).toPass({ timeout: 20_000, intervals: [0] })
  await expect(fallback).toHaveAccessibleName('Payload')
  await expect.poll(() => requested, { timeout: 10_000 }).toBe(true)
  // While the code is held back the read-only view stays, focused.
  await expect(fallback).toBeFocused()

  release()
  await expect(payloadEditor(page)).toBeVisible({ timeout: 30_000 })
  const editorBox = page.getByRole('textbox', { name: 'Payload', exact: true })
  await expect(editorBox).toBeFocused({ timeout: 10_000 })
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText('{"sub":"typed by keyboard"}')
  await page.keyboard.press('Shift+ControlOrMeta+End')
  await page.keyboard.press('Delete')
  await expect.poll(async () => tokenPart(await encodedToken(page).inputValue(), 1)).toEqual({ sub: 'typed by keyboard' })
})

/** The element's box once the element holds still long enough to be measured. */
async function settledBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const boxes: ({ x: number; y: number; width: number; height: number } | null)[] = []
  await expect(async () => {
    const box = await locator.boundingBox()
    boxes.push(box)
    expect(box).not.toBeNull()
  }).toPass({ timeout: 10_000 })
  return boxes.at(-1) ?? null
}

test('the read-only view takes about the editor\'s height, so the swap barely moves the page', async ({ page }) => {
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/monaco-setup-[\w-]+\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await openApp(page)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  // The read-only view re-renders while the page settles (the Suspense fallback takes over from it): measure
  // it once it holds still.
  const before = await settledBox(payloadFallback(page))
  release()
  await expect(payloadEditor(page)).toBeVisible({ timeout: 30_000 })
  const after = await payloadEditor(page).boundingBox()
  expect(before).not.toBeNull()
  expect(after).not.toBeNull()
  expect(Math.abs((after?.height ?? 0) - (before?.height ?? 0)), `fallback ${before?.height} px, editor ${after?.height} px`).toBeLessThanOrEqual(24)
})

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' })

  test('registers only after the first decoded view', async ({ page }) => {
    await markFirstView(page)
    await page.addInitScript(() => {
      const w = window as unknown as { __registeredAt?: number }
      const register = ServiceWorkerContainer.prototype.register
      ServiceWorkerContainer.prototype.register = function (...args: Parameters<typeof register>) {
        w.__registeredAt ??= performance.now()
        return register.apply(this, args)
      }
    })
    await openApp(page)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r !== undefined)), { timeout: 20_000 }).toBe(true)
    const registeredAt = await page.evaluate(() => (window as unknown as { __registeredAt?: number }).__registeredAt)
    const shown = await firstViewAt(page)
    expect(shown, 'the first decoded view was seen').toBeGreaterThan(0)
    expect(registeredAt, 'registration went through the page').toBeGreaterThan(0)
    expect(registeredAt ?? 0, 'registration starts after the first decoded view').toBeGreaterThan(shown ?? Infinity)
    const precache = await resourceStarts(page, /\/sw\.js$/)
    for (const r of precache) expect(r.start).toBeGreaterThan(shown ?? Infinity)
  })
})
