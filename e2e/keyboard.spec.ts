import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { openApp, replaceEditorText } from './helpers'
import { lastCopied, recordCopies } from './clipboard'

// These tests are about (or look at) the code editor: the page loads Monaco as by default.
test.use({ plainEditors: false })

// WCAG 2.1.2 (no keyboard trap): Tab and Shift+Tab cross the whole page, editors included. The page
// order is not asserted (the layout may change); only what must be reached and that focus always moves.

/** More presses than the page has stops; a trap or a loop shows up long before. */
const CAP = 400

interface Stop {
  /** Identity of the focused element during this test (0 = nothing focused: the body). */
  readonly id: number
  readonly what: string
  /** A native date/time control: Tab moves through its fields before leaving it. */
  readonly segmented: boolean
}

/** At most this many extra Tab presses inside one date/time control (fields up to seconds and AM/PM, and its picker). */
const SEGMENTS = 9

/** Gives page elements stable numbers, so focus stops are compared by identity, not by text. */
async function installIds(page: Page): Promise<void> {
  await page.evaluate(() => {
    const ids = new Map<Element, number>()
    const elements = new Map<number, Element>()
    const w = window as unknown as { __stopId: (el: Element | null) => number; __stopElement: (id: number) => Element | undefined }
    w.__stopId = (el) => {
      if (el === null || el === document.body || el === document.documentElement) return 0
      let id = ids.get(el)
      if (id === undefined) {
        id = ids.size + 1
        ids.set(el, id)
        elements.set(id, el)
      }
      return id
    }
    w.__stopElement = (id) => elements.get(id)
  })
}

async function idOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => (window as unknown as { __stopId: (e: Element) => number }).__stopId(el))
}

async function focused(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const el = document.activeElement
    const id = (window as unknown as { __stopId: (e: Element | null) => number }).__stopId(el)
    if (el === null || id === 0) return { id, what: 'body', segmented: false }
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? null
    const name = el.getAttribute('aria-label') ?? label ?? el.textContent ?? ''
    const type = el instanceof HTMLInputElement ? `:${el.type}` : ''
    const segmented = el instanceof HTMLInputElement && ['date', 'time', 'datetime-local', 'month', 'week'].includes(el.type)
    return { id, what: `${el.tagName.toLowerCase()}${type}[${el.getAttribute('role') ?? ''}] ${name.trim().slice(0, 30)}`, segmented }
  })
}

/** The first and last elements of the page that sequential focus navigation can reach (tabindex ≥ 0, shown, enabled). */
async function tabbableEnds(page: Page): Promise<{ first: number; last: number }> {
  return page.evaluate(() => {
    const candidates = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]')]
    const tabbable = candidates.filter(
      (el) =>
        el.tabIndex >= 0 &&
        !(el as HTMLButtonElement).disabled &&
        el.closest('[inert]') === null &&
        el.checkVisibility({ visibilityProperty: true }),
    )
    const stopId = (window as unknown as { __stopId: (e: Element | null) => number }).__stopId
    return { first: stopId(tabbable[0] ?? null), last: stopId(tabbable.at(-1) ?? null) }
  })
}

/** Presses `key` until focus comes back to the body or to `stopAt`, recording every stop. */
async function walk(page: Page, key: 'Tab' | 'Shift+Tab', stopAt: number): Promise<Stop[]> {
  const stops: Stop[] = []
  for (let i = 0; i < CAP; i++) {
    await page.keyboard.press(key)
    const stop = await focused(page)
    let same = 0
    while (same < stops.length && stops[stops.length - 1 - same]?.id === stop.id) same++
    // A native date/time input is one element whose fields (day, month, year, hours…) Tab steps through.
    const allowed = stop.segmented ? SEGMENTS : 0
    expect(same, `${key} press ${i + 1} left focus on ${stop.what} (after: ${stops.map((s) => s.what).join(' → ')})`).toBeLessThanOrEqual(allowed)
    stops.push(stop)
    if (stop.id === 0 || stop.id === stopAt) return stops
  }
  throw new Error(`${key} pressed ${CAP} times without coming back: ${stops.map((s) => s.what).join(' → ')}`)
}

function header(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Header', exact: true })
}

function payload(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Payload', exact: true })
}

/** Opens the app and waits until both Monaco editors (not their plain fallbacks) are on the page. */
async function openWithEditors(page: Page): Promise<void> {
  await openApp(page)
  await expect(page.getByRole('button', { name: 'Tab indents in Header', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Tab indents in Payload', exact: true })).toBeVisible()
  await installIds(page)
}

test('Tab crosses the whole page through both editors and Shift+Tab comes back: no keyboard trap', async ({ page }) => {
  await openWithEditors(page)
  const targets = {
    Header: await idOf(header(page)),
    Payload: await idOf(payload(page)),
    'Verification key': await idOf(page.getByRole('textbox', { name: 'Verification key', exact: true })),
  }
  const tabs = await Promise.all((await page.getByRole('tab').all()).map(idOf))
  expect(tabs.length, 'the page has tool tabs').toBeGreaterThan(0)
  const { first, last } = await tabbableEnds(page)
  expect(first).toBeGreaterThan(0)
  expect(last).toBeGreaterThan(0)

  const forward = await walk(page, 'Tab', -1)
  const ids = forward.map((s) => s.id)
  const trail = forward.map((s) => s.what).join(' → ')
  expect(ids[0], `the first Tab from the top of the page reaches its first element: ${trail}`).toBe(first)
  for (const [name, id] of Object.entries(targets)) expect(ids, `Tab reaches ${name}: ${trail}`).toContain(id)
  expect(ids.some((id) => tabs.includes(id)), `Tab reaches the tool tabs: ${trail}`).toBe(true)
  expect(ids, `Tab reaches the last focusable element of the page: ${trail}`).toContain(last)
  // Leaving the last element hands focus back to the browser: nothing on the page holds it.
  expect(forward.at(-1)?.id, trail).toBe(0)

  // Back from the end of the page to its first element.
  await page.evaluate((id) => {
    const el = (window as unknown as { __stopElement: (id: number) => Element | undefined }).__stopElement(id)
    if (el instanceof HTMLElement) el.focus()
  }, last)
  expect((await focused(page)).id).toBe(last)
  const backward = await walk(page, 'Shift+Tab', first)
  const backIds = backward.map((s) => s.id)
  const backTrail = backward.map((s) => s.what).join(' → ')
  expect(backIds.at(-1), `Shift+Tab comes back to the first element: ${backTrail}`).toBe(first)
  for (const [name, id] of Object.entries(targets)) expect(backIds, `Shift+Tab passes ${name}: ${backTrail}`).toContain(id)
})

const MOVES = 'Tab moves to the next field · Ctrl+M: Tab indents'
const INDENTS = 'Tab indents · Esc or Ctrl+M: Tab moves to the next field'

function toggle(page: Page, editor: 'Header' | 'Payload'): Locator {
  return page.getByRole('button', { name: `Tab indents in ${editor}`, exact: true })
}

/** The editor's own text, as its copy button copies it (the token is re-encoded compactly). */
async function editorText(page: Page, editor: 'Header' | 'Payload'): Promise<string> {
  await page.getByRole('button', { name: `Copy ${editor.toLowerCase()}`, exact: true }).click()
  return lastCopied(page)
}

test('Ctrl+M or the toggle makes Tab indent in one editor; Escape or the toggle again makes it move on', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-write'])
  await page.addInitScript(recordCopies)
  await openWithEditors(page)
  await replaceEditorText(page, 'Payload', '{"a":1}')
  await expect.poll(() => editorText(page, 'Payload')).toBe('{"a":1}')
  await expect(toggle(page, 'Payload')).toHaveAttribute('aria-pressed', 'false')
  await expect(toggle(page, 'Payload')).toHaveAccessibleDescription(MOVES)

  // By default Tab leaves the editor and changes nothing.
  await payload(page).focus()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('Tab')
  await expect(payload(page)).not.toBeFocused()
  expect(await editorText(page, 'Payload')).toBe('{"a":1}')

  // Ctrl+M: Tab indents here (two spaces, the editor's tab size) and focus stays; the hint says so.
  await payload(page).focus()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('Control+M')
  await expect(toggle(page, 'Payload')).toHaveAttribute('aria-pressed', 'true')
  await expect(toggle(page, 'Payload')).toHaveAccessibleDescription(INDENTS)
  // Only this editor changed mode.
  await expect(toggle(page, 'Header')).toHaveAttribute('aria-pressed', 'false')
  await page.keyboard.press('Tab')
  await expect(payload(page)).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(payload(page)).toBeFocused()
  expect(await editorText(page, 'Payload')).toBe('    {"a":1}')
  await payload(page).focus()
  await page.keyboard.press('Shift+Tab')
  await expect(payload(page)).toBeFocused()
  expect(await editorText(page, 'Payload')).toBe('  {"a":1}')

  // Escape leaves indent mode: Tab moves on again.
  await payload(page).focus()
  await page.keyboard.press('Escape')
  await expect(toggle(page, 'Payload')).toHaveAttribute('aria-pressed', 'false')
  await expect(toggle(page, 'Payload')).toHaveAccessibleDescription(MOVES)
  await page.keyboard.press('Tab')
  await expect(payload(page)).not.toBeFocused()
  expect(await editorText(page, 'Payload')).toBe('  {"a":1}')

  // The toggle button does the same for a pointer user, and Ctrl+M switches back.
  await toggle(page, 'Header').click()
  await expect(toggle(page, 'Header')).toHaveAttribute('aria-pressed', 'true')
  await expect(toggle(page, 'Header')).toHaveAccessibleDescription(INDENTS)
  const before = await editorText(page, 'Header')
  await header(page).focus()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('Tab')
  await expect(header(page)).toBeFocused()
  expect(await editorText(page, 'Header')).toBe(`  ${before}`)
  await header(page).focus()
  await page.keyboard.press('Control+M')
  await expect(toggle(page, 'Header')).toHaveAttribute('aria-pressed', 'false')
  await page.keyboard.press('Tab')
  await expect(header(page)).not.toBeFocused()
  await toggle(page, 'Payload').click()
  await expect(toggle(page, 'Payload')).toHaveAttribute('aria-pressed', 'true')
  await toggle(page, 'Payload').click()
  await expect(toggle(page, 'Payload')).toHaveAttribute('aria-pressed', 'false')
})
