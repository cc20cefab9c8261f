import { openSettings } from './helpers'
import { createHmac } from 'node:crypto'
import { test, expect, pasteToken } from './fixtures'

const b64u = (s: string) => Buffer.from(s).toString('base64url')
function hs256(payload: object): string {
  const input = `${b64u(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`
  return `${input}.${createHmac('sha256', 'a-test-secret-of-32-bytes-length!').update(input).digest('base64url')}`
}

test('the privacy promise is visible', async ({ page }) => {
  await page.goto('./')
  await expect(page.getByText('Everything runs in this tab; nothing is sent anywhere.')).toBeVisible()
})

test('a token that looks live shows a bearer-credential warning; a test token does not', async ({ page }) => {
  await page.goto('./')
  const now = Math.floor(Date.now() / 1000)
  await pasteToken(page, hs256({ iss: 'https://login.acme-corp.io/', sub: 'u1', exp: now + 3600 }))
  const banner = page.getByRole('alert', { name: 'Live credential warning' })
  await expect(banner).toContainText('This looks like a live credential')
  await expect(banner).toContainText('login.acme-corp.io')
  // The banner says truthfully where the token is kept.
  await expect(banner).toContainText('JWT Lab keeps it in this tab only: it is not saved on this device unless you tick "Remember tokens and secrets on this device" under Settings.')
  await openSettings(page)
  await page.getByRole('checkbox', { name: 'Remember tokens and secrets on this device' }).check()
  await expect(banner).toContainText('because "Remember tokens and secrets on this device" is ticked, in this browser\'s storage')
  await openSettings(page)
  await page.getByRole('checkbox', { name: 'Remember tokens and secrets on this device' }).uncheck()
  await pasteToken(page, hs256({ iss: 'https://issuer.example.com', sub: 'u1', exp: now + 3600 }))
  await expect(banner).toHaveCount(0)
  await pasteToken(page, hs256({ iss: 'https://login.acme-corp.io/', sub: 'u1', exp: now - 60 }))
  await expect(banner).toHaveCount(0)
})

test.describe('Content-Security-Policy', () => {
  test.use({ guardOptions: { allowCspViolations: /script-src/, allowConsoleErrors: /violates the following Content Security Policy directive 'script-src/ } })

  test('the built page blocks inline scripts', async ({ page }) => {
    await page.goto('./')
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("object-src 'none'")
    // WebAssembly may be compiled (the cracker's engine); JavaScript from strings may not.
    expect(csp).not.toContain("'unsafe-eval'")
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __inlineRan?: boolean }
      const s = document.createElement('script')
      s.textContent = 'window.__inlineRan = true'
      document.body.append(s)
      await new Promise((r) => setTimeout(r, 100))
      return w.__inlineRan === true
    })
    expect(ran).toBe(false)
  })
})
