import { createHmac } from 'node:crypto'
import { openSigning } from './helpers'
import { test, expect, pasteToken } from './fixtures'
import type { Page } from '@playwright/test'
import { lastCopied, recordCopies } from './clipboard'

// These tests are about (or look at) the code editor: the page loads Monaco as by default.
test.use({ plainEditors: false })

const b64u = (s: string) => Buffer.from(s, 'utf8').toString('base64url')

const HEADER = '{"alg":"HS256","typ":"JWT"}'
const PAYLOAD = '{"sub":"1234567890","name":"John Doe","iat":1516239022}'
const SIGNATURE = 'c2lnbmF0dXJlLWJ5dGVz'
const TOKEN = `${b64u(HEADER)}.${b64u(PAYLOAD)}.${SIGNATURE}`

function editor(page: Page, name: 'Header' | 'Payload') {
  return page.locator('.monaco-editor', { has: page.getByRole('textbox', { name, exact: true }) })
}

async function replaceEditorText(page: Page, name: 'Header' | 'Payload', text: string): Promise<void> {
  await editor(page, name).locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(text)
}

function segments(value: string): string[] {
  return value.split('.')
}

/** Opens the app with the given token and no signing key (a first visit may preload an example key). */
async function openWithoutKey(page: Page, token: string): Promise<void> {
  await page.goto('./')
  await openSigning(page)
  // The Signing form loads when first opened: wait for its key box (the opening example fills it), then clear it.
  const key = page.getByRole('textbox', { name: 'Signing key', exact: true })
  await expect(key).toBeVisible({ timeout: 20_000 })
  await key.fill('')
  await pasteToken(page, token)
}

test('editing the payload re-encodes the token and marks the signature stale', async ({ page }) => {
  await openWithoutKey(page, TOKEN)
  await expect(editor(page, 'Payload').locator('.view-lines')).toContainText('"name": "John Doe"')
  const box = page.getByRole('textbox', { name: 'Encoded token' })

  const edited = '{\n  "sub": "42",\n  "admin": false,\n  "big": 12345678901234567890\n}'
  await replaceEditorText(page, 'Payload', edited)
  // Compact JSON computed independently: whitespace removed, member order and number text kept.
  const compact = '{"sub":"42","admin":false,"big":12345678901234567890}'
  await expect.poll(async () => segments(await box.inputValue())[1]).toBe(b64u(compact))
  const [header, , signature] = segments(await box.inputValue())
  expect(header).toBe(b64u(HEADER))
  expect(signature).toBe(SIGNATURE)
  await expect(page.getByText('Not signed — add a signing key')).toBeVisible()
  // The rest of the page follows the edited token.
  const claims = page.getByRole('table', { name: 'Claims' })
  await expect(claims.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'big', exact: true }) })).toContainText('12345678901234567890')
})

test('the editor keeps the cursor while typing (its own echo does not overwrite it)', async ({ page }) => {
  await openWithoutKey(page, TOKEN)
  const box = page.getByRole('textbox', { name: 'Encoded token' })
  await expect(editor(page, 'Payload').locator('.view-lines')).toContainText('"sub"')
  await replaceEditorText(page, 'Payload', '{"a":1,"b":2}')
  await expect.poll(async () => segments(await box.inputValue())[1]).toBe(b64u('{"a":1,"b":2}'))
  // Cursor is after '}'; step left and keep typing. A reformatted editor would put this elsewhere.
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.insertText(',"c":3')
  await expect.poll(async () => segments(await box.inputValue())[1]).toBe(b64u('{"a":1,"b":2,"c":3}'))
  await page.keyboard.insertText(',"d":4')
  await expect.poll(async () => segments(await box.inputValue())[1]).toBe(b64u('{"a":1,"b":2,"c":3,"d":4}'))
})

test('editing the header re-encodes the header segment only', async ({ page }) => {
  await openWithoutKey(page, TOKEN)
  const box = page.getByRole('textbox', { name: 'Encoded token' })
  await expect(editor(page, 'Header').locator('.view-lines')).toContainText('"typ": "JWT"')
  await replaceEditorText(page, 'Header', '{ "alg": "HS256", "kid": "k1" }')
  await expect.poll(async () => segments(await box.inputValue())[0]).toBe(b64u('{"alg":"HS256","kid":"k1"}'))
  expect(segments(await box.inputValue())[1]).toBe(b64u(PAYLOAD))
})

test('invalid JSON is reported and the token is left alone until it parses', async ({ page }) => {
  await openWithoutKey(page, TOKEN)
  const box = page.getByRole('textbox', { name: 'Encoded token' })
  await expect(editor(page, 'Payload').locator('.view-lines')).toContainText('"sub"')
  await replaceEditorText(page, 'Payload', '{"sub": "x",}')
  const problem = page.getByRole('alert').filter({ hasText: 'payload JSON is not valid' })
  await expect(problem).toBeVisible()
  expect(await box.inputValue()).toBe(TOKEN)
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Backspace')
  await expect.poll(async () => segments(await box.inputValue())[1]).toBe(b64u('{"sub":"x"}'))
  await expect(problem).toHaveCount(0)
})

test('a token typed elsewhere replaces the editors and copy buttons copy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-write'])
  await page.addInitScript(recordCopies)
  await openWithoutKey(page, TOKEN)
  await replaceEditorText(page, 'Payload', '{"edited":true}')
  await expect(page.getByText('Not signed — add a signing key')).toBeVisible()
  const other = `${b64u(HEADER)}.${b64u('{"fresh":"token"}')}.${SIGNATURE}`
  await pasteToken(page, other)
  await expect(editor(page, 'Payload').locator('.view-lines')).toContainText('"fresh": "token"')
  await expect(page.getByText('Not signed — add a signing key')).toHaveCount(0)

  await page.getByRole('button', { name: 'Copy token' }).click()
  await expect(page.getByRole('button', { name: 'Copy token' })).toContainText('Copied')
  expect(await lastCopied(page)).toBe(other)
  await page.getByRole('button', { name: 'Copy payload' }).click()
  await expect.poll(async () => JSON.parse((await lastCopied(page)) || 'null')).toEqual({ fresh: 'token' })
  await page.getByRole('button', { name: 'Copy header' }).click()
  await expect.poll(async () => JSON.parse((await lastCopied(page)) || 'null')).toEqual({ alg: 'HS256', typ: 'JWT' })
})

test('with a signing key, an edit is re-signed over exactly the new bytes', async ({ page }) => {
  await page.goto('./')
  await openSigning(page)
  const key = page.getByRole('textbox', { name: 'Signing key' })
  const secret = 'editor-test-secret-0123456789abcdef'
  await key.fill(secret)
  const encoding = page.getByRole('combobox', { name: 'Signing secret encoding' })
  if ((await encoding.count()) > 0) await encoding.selectOption({ label: 'UTF-8' })
  await pasteToken(page, TOKEN)
  const box = page.getByRole('textbox', { name: 'Encoded token' })
  await expect(editor(page, 'Payload').locator('.view-lines')).toContainText('"sub"')
  await replaceEditorText(page, 'Payload', '{"sub":"signed"}')
  await expect.poll(async () => segments(await box.inputValue())[1]).toBe(b64u('{"sub":"signed"}'))
  const [h, p, sig] = segments(await box.inputValue()) as [string, string, string]
  expect(sig).toBe(createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url'))
  await expect(page.getByText('Not signed — add a signing key')).toHaveCount(0)
})
