import type { Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { openApp } from './helpers'

// These tests are about (or look at) the code editor: the page loads Monaco as by default.
test.use({ plainEditors: false })

const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url')
const HEADER = '{"alg":"HS256","typ":"JWT"}'
// `iss` starts at byte 14 (14 mod 3 = 2) and ends at byte 43 (43 mod 3 = 1): both ends share a character with a neighbour.
const PAYLOAD = '{"sub":"1234",' + '"iss":"https://issuer.example","aud":"api","name":"Zoë"}'
const TOKEN = `${b64u(HEADER)}.${b64u(PAYLOAD)}.c2lnbmF0dXJl`

/**
 * The token range of the characters encoding `"name":value` of the payload, computed from scratch:
 * flip each of the member's bytes and collect the base64url characters that change.
 */
function expectedRange(member: string): { start: number; end: number } {
  const at = PAYLOAD.indexOf(member)
  expect(at).toBeGreaterThan(0)
  const bytes = Buffer.from(PAYLOAD, 'utf8')
  const byteStart = Buffer.byteLength(PAYLOAD.slice(0, at))
  const byteEnd = byteStart + Buffer.byteLength(member)
  const original = bytes.toString('base64url')
  const changed: number[] = []
  for (let b = byteStart; b < byteEnd; b++) {
    const copy = Buffer.from(bytes)
    copy[b] = (copy[b] as number) ^ 0xff
    const encoded = copy.toString('base64url')
    for (let c = 0; c < original.length; c++) if (encoded[c] !== original[c] && !changed.includes(c)) changed.push(c)
  }
  changed.sort((a, b) => a - b)
  const shift = b64u(HEADER).length + 1
  return { start: (changed[0] as number) + shift, end: (changed[changed.length - 1] as number) + 1 + shift }
}

/** The highlighted characters in the token overlay and where they start. */
async function highlighted(page: Page): Promise<{ text: string; start: number }> {
  return page.locator('textarea[aria-label="Encoded token"]').evaluate((box) => {
    const overlay = box.previousElementSibling as HTMLElement
    const marks = [...overlay.querySelectorAll('mark[data-highlight]')]
    if (marks.length === 0) return { text: '', start: -1 }
    const before = document.createRange()
    before.setStart(overlay, 0)
    before.setEndBefore(marks[0] as Node)
    return { text: marks.map((m) => m.textContent).join(''), start: before.toString().length }
  })
}

/** Viewport coordinates of the centre of token character `index` (as drawn by the overlay under the textarea). */
async function charCentre(page: Page, index: number): Promise<{ x: number; y: number }> {
  return page.locator('textarea[aria-label="Encoded token"]').evaluate((box, i) => {
    const overlay = box.previousElementSibling as HTMLElement
    const walker = document.createTreeWalker(overlay, NodeFilter.SHOW_TEXT)
    let base = 0
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0
      if (i < base + length) {
        const r = document.createRange()
        r.setStart(node, i - base)
        r.setEnd(node, i - base + 1)
        const rect = r.getBoundingClientRect()
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
      }
      base += length
    }
    throw new Error('no such character')
  }, index)
}

function claimRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'Claims' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
}

test.beforeEach(async ({ page }) => {
  await openApp(page)
  await pasteToken(page, TOKEN)
  await expect(claimRow(page, 'iss')).toBeVisible({ timeout: 30_000 })
  // Monaco loads lazily and replaces the plain Header and Payload boxes, which moves the Claims table: hover
  // only once both editors are in place, or the pointer ends up over another row.
  for (const name of ['Header', 'Payload']) {
    await expect(page.locator('.monaco-editor', { has: page.getByRole('textbox', { name, exact: true }) })).toBeVisible({ timeout: 60_000 })
  }
})

test('hovering the iss row highlights exactly the characters that encode it', async ({ page }) => {
  const range = expectedRange('"iss":"https://issuer.example"')
  await claimRow(page, 'iss').hover()
  await expect.poll(() => highlighted(page)).toEqual({ text: TOKEN.slice(range.start, range.end), start: range.start })
  await expect(page.getByTestId('member-highlight-caption')).toHaveText(
    `iss (payload) is encoded by characters ${range.start + 1}–${range.end} of the token, highlighted (${range.end - range.start} characters).`,
  )
  // A multi-byte character (ë is 2 bytes of UTF-8) is counted in bytes, not characters.
  const name = expectedRange('"name":"Zoë"')
  await claimRow(page, 'name').hover()
  await expect.poll(() => highlighted(page)).toEqual({ text: TOKEN.slice(name.start, name.end), start: name.start })
  await page.mouse.move(0, 0)
  await expect.poll(() => highlighted(page)).toEqual({ text: '', start: -1 })
})

test('hovering encoded characters highlights the claim they decode to', async ({ page }) => {
  const aud = expectedRange('"aud":"api"')
  const middle = Math.floor((aud.start + aud.end) / 2)
  const point = await charCentre(page, middle)
  await page.mouse.move(point.x, point.y)
  await expect(claimRow(page, 'aud')).toHaveAttribute('data-highlighted', 'true')
  await expect(claimRow(page, 'iss')).not.toHaveAttribute('data-highlighted', 'true')
  await expect.poll(() => highlighted(page)).toEqual({ text: TOKEN.slice(aud.start, aud.end), start: aud.start })
  // …and the member in the Payload editor (Monaco draws spaces as no-break spaces).
  const payloadEditor = page.locator('.monaco-editor', { has: page.getByRole('textbox', { name: 'Payload', exact: true }) })
  // Monaco loads lazily, after first paint; on a busy machine that takes a while.
  await expect(payloadEditor.locator('.member-highlight').first()).toBeVisible({ timeout: 60_000 })
  await expect.poll(async () => (await payloadEditor.locator('.member-highlight').allTextContents()).join('').replace(/\u00a0/g, ' ')).toBe('"aud": "api"')

  // A character of the header's "alg" member highlights nothing in the Claims table.
  const alg = await charCentre(page, 3)
  await page.mouse.move(alg.x, alg.y)
  await expect(claimRow(page, 'aud')).not.toHaveAttribute('data-highlighted', 'true')
  await expect(page.getByTestId('member-highlight-caption')).toContainText('alg (header)')
})

test('hovering a member in the Payload editor highlights its characters in the token', async ({ page }) => {
  const payloadEditor = page.locator('.monaco-editor', { has: page.getByRole('textbox', { name: 'Payload', exact: true }) })
  const issName = payloadEditor.locator('.view-line span', { hasText: /^"iss"$/ })
  await expect(issName).toBeVisible({ timeout: 60_000 })
  const range = expectedRange('"iss":"https://issuer.example"')
  // Monaco may still lay its lines out after they appear, leaving the pointer beside the member: point
  // again (from outside the editor, so the editor sees a fresh move) until the highlight follows.
  await expect(async () => {
    await page.mouse.move(0, 0)
    await issName.hover()
    await expect.poll(() => highlighted(page), { timeout: 2_000 }).toEqual({ text: TOKEN.slice(range.start, range.end), start: range.start })
  }).toPass({ timeout: 20_000 })
  await expect(claimRow(page, 'iss')).toHaveAttribute('data-highlighted', 'true')
})
