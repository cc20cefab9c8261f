import { createHmac, randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { showTokenWithoutKey, signatureStatus, verificationKey } from './helpers'

// Headless Chromium offers a software WebGPU adapter (SwiftShader) only with this flag; the rest of
// the suite runs without it, where the GPU box falls back to the processor engines.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || undefined,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-webgpu',
    ],
  },
})
test.describe.configure({ timeout: 180_000 })
const RUN = { timeout: 90_000 }

const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url')
const HASH = { HS256: 'sha256', HS384: 'sha384' } as const

/** An HMAC token made with node:crypto, independently of the app. */
function hmacToken(alg: keyof typeof HASH, secret: string | Buffer, sub = 'gpu-e2e'): string {
  const input = `${b64u(JSON.stringify({ alg, typ: 'JWT' }))}.${b64u(JSON.stringify({ sub, iat: 1_700_000_000, pad: 'p'.repeat(150) }))}`
  return `${input}.${b64u(createHmac(HASH[alg], secret).update(input).digest())}`
}

const region = (page: Page) => page.getByRole('region', { name: 'Weak-secret cracker', exact: true })
const engine = (page: Page) => region(page).locator('dt', { hasText: /^Engine$/ }).locator('xpath=following-sibling::dd[1]')

/** Pastes `token` (the first time after the example token has loaded) and ticks the GPU box. */
async function openWith(page: Page, token: string, first = true): Promise<void> {
  await showTokenWithoutKey(page, token, first)
  await region(page).getByRole('checkbox', { name: /^Use the GPU/ }).check()
}

test('the GPU finds an HS256 secret of the bundled list, and the page says it ran on WebGPU', async ({ page }) => {
  await openWith(page, hmacToken('HS256', 'dimazarya'))
  const adapter = await page.evaluate(async () => {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu
    return gpu ? (await gpu.requestAdapter()) !== null : false
  })
  expect(adapter, 'headless Chromium offers a WebGPU adapter with --enable-unsafe-webgpu').toBe(true)
  await region(page).getByRole('button', { name: 'Crack secret', exact: true }).click()
  await expect(region(page).getByText(/^Secret found after [\d,]+ candidates:/)).toContainText('dimazarya', RUN)
  await expect(engine(page)).toHaveText(/^WebGPU on /)
  await expect(verificationKey(page)).toHaveValue('dimazarya')
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
})

test('the GPU agrees with node:crypto on random secrets in a word list, long lines included', async ({ page }) => {
  // Lengths across the key block: 1, 33, 64 bytes (the last fills the block), and a 90-byte line
  // that HMAC hashes first (the processor engine takes that slice).
  for (const [k, length] of [1, 33, 64, 90].entries()) {
    const secret = randomBytes(length).toString('base64url').slice(0, length)
    const lines = Array.from({ length: 6000 }, (_, i) => `word-${i}-${(i * 7919) % 10007}`)
    lines[1234 + length] = secret
    await openWith(page, hmacToken('HS256', secret, `gpu-${length}`), k === 0)
    if (k === 0) await region(page).getByRole('radio', { name: 'My word list' }).check()
    await region(page).getByLabel('Word list file').setInputFiles({ name: `list-${length}.txt`, mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')) })
    await region(page).getByRole('button', { name: 'Crack secret', exact: true }).click()
    await expect(region(page).getByText(/^Secret found after [\d,]+ candidates:/), `${length}-byte secret`).toContainText(secret, RUN)
    await expect(engine(page)).toHaveText(/^WebGPU on /)
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  }
})

test('an HS384 token runs on the processor, and the Engine line says why', async ({ page }) => {
  await openWith(page, hmacToken('HS384', 'changeme'))
  await region(page).getByRole('button', { name: 'Crack secret', exact: true }).click()
  await expect(region(page).getByText(/^Secret found after/)).toContainText('changeme', RUN)
  await expect(engine(page)).toHaveText('WebAssembly SIMD (The GPU path computes HS256 only; this token is HS384.)')
})
