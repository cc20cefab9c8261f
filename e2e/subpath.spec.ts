import { test, expect } from './fixtures'
import { serveBuilt } from './serve'

// These tests are about (or look at) the code editor: the page loads Monaco as by default.
test.use({ plainEditors: false })

// The service worker's scope is part of what is checked.
test.use({ serviceWorkers: 'allow' })

test('the static build works when served from a sub-path', async ({ page, guard }) => {
  const server = await serveBuilt('/jwt-lab/')
  guard.allowOrigin(server.origin)
  const requested: string[] = []
  page.on('request', (r) => requested.push(new URL(r.url()).pathname))
  try {
    await page.goto(server.url)
    await expect(page.getByRole('heading', { name: 'JWT Lab' })).toBeVisible()
    await expect(page.getByRole('status', { name: 'Signature' })).toHaveText(/^Signature verified/)
    await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 })
    // The service worker registers inside the sub-path, and nothing is fetched from outside it.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
    expect(new URL(scope).pathname).toBe('/jwt-lab/')
    expect(requested.filter((p) => !p.startsWith('/jwt-lab/'))).toEqual([])
  } finally {
    await server.stop()
  }
})
