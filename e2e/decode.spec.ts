import { readFileSync } from 'node:fs'
import { test, expect, pasteToken } from './fixtures'
import type { Page } from '@playwright/test'

interface Vector {
  id: string
  token: string
  expected: { header: Record<string, unknown>; payload: unknown; payload_is_json: boolean }
}

const vectors = JSON.parse(readFileSync(new URL('../test/fixtures/vectors/jws-valid.json', import.meta.url), 'utf8')) as Vector[]

/** The rendered lines of the Monaco editor whose text box has this accessible name. */
function editorLines(page: Page, name: 'Header' | 'Payload') {
  return page.locator('.monaco-editor', { has: page.getByRole('textbox', { name, exact: true }) }).locator('.view-lines')
}

/** UTC ISO 8601 without fractions, computed with Date (independently of the app). */
function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function claimRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'Claims' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
}

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url')

test.describe('in the code editor', () => {
  // These look at the decoded text as Monaco renders it.
  test.use({ plainEditors: false })

  test('decodes every public vector: header, payload and claims', async ({ page }) => {
    test.setTimeout(240_000)
    await page.goto('./')
    for (const v of vectors) {
      await test.step(v.id, async () => {
        await pasteToken(page, v.token)
        await expect(page.getByRole('textbox', { name: 'Encoded token' })).toHaveValue(v.token)

        const header = editorLines(page, 'Header')
        for (const [name, value] of Object.entries(v.expected.header)) {
          await expect(header).toContainText(`"${name}": ${JSON.stringify(value)}`)
        }
        const payload = editorLines(page, 'Payload')
        const table = page.getByRole('table', { name: 'Claims' })
        if (v.expected.payload_is_json) {
          const claims = v.expected.payload as Record<string, unknown>
          for (const [name, value] of Object.entries(claims)) {
            await expect(payload).toContainText(`"${name}": ${JSON.stringify(value)}`)
            const row = claimRow(page, name)
            await expect(row).toHaveCount(1)
            const cell = row.getByRole('cell').first()
            if (name === 'exp' || name === 'iat') await expect(cell).toContainText(iso(value as number))
            else await expect(cell).toContainText(String(value))
          }
          // One row per claim plus the column headings.
          await expect(table.getByRole('row')).toHaveCount(Object.keys(claims).length + 1)
        } else {
          await expect(payload).toContainText(v.expected.payload as string)
          await expect(table).toContainText('not JSON')
        }
        // No decode errors (security findings about the demo secrets may be listed too; they are not decode errors).
        const diagnostics = page.getByRole('list', { name: 'Diagnostics' }).getByRole('listitem')
        await expect(diagnostics.filter({ hasText: /^Error(token|header|payload|signature), char/ })).toHaveCount(0)
      })
    }
  })

  test('a five-part JWE shows a notice and no payload', async ({ page }) => {
    const jwe = [b64u('{"alg":"RSA-OAEP","enc":"A256GCM"}'), b64u('k'.repeat(32)), b64u('iv-iv-iv-iv-'), b64u('ciphertext bytes'), b64u('tag-tag-tag-tag-')].join('.')
    await page.goto('./')
    await pasteToken(page, jwe)
    await expect(page.getByText('Encrypted token (JWE).')).toBeVisible()
    await expect(page.getByRole('table', { name: 'Claims' })).toContainText('encrypted')
    await expect(editorLines(page, 'Header')).toContainText('"enc": "A256GCM"')
    await expect(page.getByRole('textbox', { name: 'Payload' })).toHaveCount(0)
  })
})

test('the RFC 7519 example: iss is joe, exp is 2011-03-22T18:43:00Z and flagged as expired', async ({ page }) => {
  const rfc = vectors.find((v) => v.id === 'rfc7519-3.1-HS256') as Vector
  await page.goto('./')
  await pasteToken(page, rfc.token)
  await expect(claimRow(page, 'iss').getByRole('cell').first()).toHaveText('joe')
  const exp = claimRow(page, 'exp').getByRole('cell').first()
  await expect(exp).toContainText('2011-03-22T18:43:00Z')
  await expect(exp).toContainText('Expired')
  await expect(claimRow(page, 'http://example.com/is_root').getByRole('cell').nth(1)).toHaveText('Not a registered claim')
  await expect(claimRow(page, 'iss').getByRole('cell').nth(1)).toContainText('Issuer')
})

test('pasting an Authorization header keeps only the token and says what was removed', async ({ page }) => {
  const token = (vectors.find((v) => v.id === 'jwtio-HS256') as Vector).token
  await page.goto('./')
  await pasteToken(page, `Authorization: Bearer ${token}`)
  await expect(page.getByRole('textbox', { name: 'Encoded token' })).toHaveValue(token)
  const notice = page.getByRole('status', { name: 'Extraction notes' })
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('Authorization: Bearer')
  await expect(claimRow(page, 'name').getByRole('cell').first()).toHaveText('John Doe')
})

test('a real clipboard paste of a Bearer header is cleaned too', async ({ page, context }) => {
  const token = (vectors.find((v) => v.id === 'jwtio-HS256') as Vector).token
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('./')
  await page.evaluate((text) => navigator.clipboard.writeText(text), `Bearer ${token}`)
  const box = page.getByRole('textbox', { name: 'Encoded token' })
  await box.focus()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
  await expect(box).toHaveValue(token)
  await expect(page.getByRole('status', { name: 'Extraction notes' })).toContainText('Bearer')
})

test('standard base64 instead of base64url is diagnosed and underlined', async ({ page }) => {
  // '?' and '>' bytes encode to '/' and '+' in standard base64.
  const payloadJson = '{"sub":"??>>??>>"}'
  const standard = Buffer.from(payloadJson).toString('base64').replace(/=+$/, '')
  expect(standard).toMatch(/[+/]/)
  const token = `${b64u('{"alg":"HS256"}')}.${standard}.${b64u('sig')}`
  await page.goto('./')
  await pasteToken(page, token)
  const items = page.getByRole('list', { name: 'Diagnostics' }).getByRole('listitem')
  const item = items.filter({ hasText: 'base64url' }).first()
  await expect(item).toBeVisible()
  await expect(item).toContainText('payload, char')
  const firstBad = standard.search(/[+/]/)
  await expect(item).toContainText(`payload, char ${firstBad + 1}`)
  const underline = page.locator('[data-underline="error"]')
  await expect(underline.first()).toBeVisible()
  await expect(underline.first()).toHaveCSS('text-decoration-style', 'wavy')
  // The content is still decoded so the user can see it.
  await expect(claimRow(page, 'sub').getByRole('cell').first()).toHaveText('??>>??>>')
})

test('the token segments are colour-coded and the overlay matches the text', async ({ page }) => {
  const token = (vectors.find((v) => v.id === 'jwtio-HS256') as Vector).token
  await page.goto('./')
  await pasteToken(page, token)
  const box = page.getByRole('textbox', { name: 'Encoded token' })
  const overlay = page.locator('[aria-hidden="true"]', { hasText: token.slice(0, 20) })
  await expect(overlay).toHaveText(token)
  const colours = await overlay.locator('span').evaluateAll((spans) => spans.map((s) => getComputedStyle(s).color))
  // header, dot, payload, dot, signature: three distinct segment colours.
  expect(colours).toHaveLength(5)
  expect(new Set([colours[0], colours[2], colours[4]]).size).toBe(3)
  // Same box and wrapping: the overlay is exactly as tall as the text in the textarea.
  const heights = await box.evaluate((el) => ({ text: el.scrollHeight, overlay: (el.previousElementSibling as HTMLElement).scrollHeight }))
  expect(heights.overlay).toBe(heights.text)
})
