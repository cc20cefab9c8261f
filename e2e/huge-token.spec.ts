import { createHmac } from 'node:crypto'
import { test, expect, pasteToken } from './fixtures'
import { encodedToken, signatureStatus, verificationKey } from './helpers'

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url')
const SECRET = 'huge-token-secret-with-32-bytes!!'

// Each test moves megabytes through the browser's automation channel, on a machine shared with the other tests.
test.describe.configure({ timeout: 90_000 })

/** An HS256 token of about 1.4 MB: 12,000 structured claims, signed with node:crypto. */
function hugeToken(): { token: string; claims: number } {
  const payload: Record<string, unknown> = { sub: 'huge-subject', iat: 1_700_000_000 }
  let i = 0
  // The length grows by each member's own text: stringifying the whole object each time would be quadratic.
  for (let length = JSON.stringify(payload).length; length < 1_050_000; i++) {
    const value = { n: i, s: `value-${i}`, list: [i, i + 1] }
    payload[`claim_${i}`] = value
    length += JSON.stringify(`claim_${i}`).length + JSON.stringify(value).length + 2
  }
  const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`
  return { token: `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`, claims: i + 2 }
}

test('a 1.4 MB token is decoded and linted in a worker, shown in light views, verified, and can still be edited', async ({ page }) => {
  const { token, claims } = hugeToken()
  expect(token.length).toBeGreaterThan(1_300_000)
  const workers: string[] = []
  page.on('worker', (w) => workers.push(w.url()))
  await page.goto('./')
  await expect(signatureStatus(page)).toContainText('Signature verified')

  await test.step('paste: the token box gives way to a light read-only view, and the decoding runs in the token worker', async () => {
    await pasteToken(page, token)
    const light = page.getByRole('textbox', { name: 'Large token, read-only', exact: true })
    await expect(light).toBeVisible()
    await expect(light).toBeFocused()
    await expect(light).toContainText(token.slice(0, 160))
    // Only the rows in view are in the page, not the whole megabyte.
    expect((await light.textContent())?.length ?? 0).toBeLessThan(100_000)
    await expect(encodedToken(page)).toHaveCount(0)
    // Text, not rows by role: naming 500 rows of nested values is slow for the test, not for the page.
    await expect(page.getByRole('table', { name: 'Claims' })).toContainText('huge-subject')
    expect(workers.some((url) => /token\.worker/.test(url))).toBe(true)
    await expect(page.getByText(`${token.length.toLocaleString('en-US')} characters`, { exact: true })).toBeVisible()
  })

  await test.step('the payload is in a light view too, scrollable to its last claim', async () => {
    const payload = page.getByRole('textbox', { name: 'Payload', exact: true })
    await expect(payload).toHaveAttribute('aria-readonly', 'true')
    await expect(payload).toContainText('"sub": "huge-subject"')
    await payload.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    await expect(payload).toContainText(`"claim_${claims - 3}"`)
  })

  await test.step('the lint ran on it (in the worker): the size finding is listed', async () => {
    await expect(page.getByRole('region', { name: 'Security findings', exact: true })).toContainText('Token larger than 8 KB')
  })

  await test.step('the HMAC secret verifies it', async () => {
    await verificationKey(page).fill(SECRET)
    await expect(signatureStatus(page)).toContainText('Signature verified')
  })

  await test.step('Edit as text brings the box back with the whole token; a small token then shows in the box again', async () => {
    await page.getByRole('button', { name: 'Edit as text', exact: true }).click()
    await expect(encodedToken(page)).toHaveValue(token)
    await expect(encodedToken(page)).toBeFocused()
    await pasteToken(page, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJzbWFsbCJ9.')
    await expect(page.getByRole('table', { name: 'Claims' })).toContainText('small')
    await expect(page.getByRole('textbox', { name: 'Large token, read-only' })).toHaveCount(0)
  })

  await test.step('Clear token empties a huge token', async () => {
    await pasteToken(page, token)
    await page.getByRole('button', { name: 'Clear token', exact: true }).click()
    await expect(encodedToken(page)).toHaveValue('')
  })
})

test('a huge paste around a token is cleaned up in the worker', async ({ page }) => {
  const { token } = hugeToken()
  await page.goto('./')
  await pasteToken(page, `Authorization: Bearer ${token}`)
  await expect(page.getByRole('status', { name: 'Extraction notes' })).toContainText('Bearer')
  await page.getByRole('button', { name: 'Edit as text', exact: true }).click()
  await expect(encodedToken(page)).toHaveValue(token)
})

test.describe('in the code editor', () => {
  test.use({ plainEditors: false })

  test('a huge payload opens in the editor when asked', async ({ page }) => {
    const { token } = hugeToken()
    await page.goto('./')
    await pasteToken(page, token)
    await page.getByRole('button', { name: 'Edit payload in the editor', exact: true }).click()
    await expect(page.locator('.monaco-editor', { has: page.getByRole('textbox', { name: 'Payload', exact: true }) })).toContainText('huge-subject', { timeout: 30_000 })
  })
})
