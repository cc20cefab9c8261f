import { openSigning } from './helpers'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { serveBuilt } from './serve'

// These tests are about (or look at) the code editor: the page loads Monaco as by default.
test.use({ plainEditors: false })

// Reloading without a network makes Chromium log failed service-worker update checks; those are expected.
test.use({ serviceWorkers: 'allow', guardOptions: { allowConsoleErrors: /ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to (load resource|update a ServiceWorker)|An unknown error occurred when fetching the script/ } })

/** Waits until the service worker is installed and controls the page (a reload is needed on first visit). */
async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await page.reload()
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true)
}

/** Decode, verify, Monaco, key generation and signing: everything must work from the cache alone. */
async function expectAppWorksOffline(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'JWT Lab' })).toBeVisible()
  const status = page.getByRole('status', { name: 'Signature' })
  // The reload kept the token but, by design, not the example's secret: load an example again.
  await page.getByRole('combobox', { name: 'Examples', exact: true }).selectOption({ label: 'RS256 (RSA)' })
  await expect(status).toHaveText(/^Signature verified/)
  // Monaco and its workers come from the precache.
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 })
  // Key generation (Web Worker) and signing.
  await openSigning(page)
  await page.getByRole('combobox', { name: 'Algorithm', exact: true }).selectOption('ES256')
  await openSigning(page)
  await page.getByRole('button', { name: 'Generate key', exact: true }).click()
  await openSigning(page)
  await expect(page.getByRole('textbox', { name: 'Signing key', exact: true })).toHaveValue(/BEGIN PRIVATE KEY/, { timeout: 30_000 })
  // Re-signing with the new key finishes after the key fields fill: wait for the ES256 token itself.
  const box = page.getByRole('textbox', { name: 'Encoded token', exact: true })
  const headerAlg = async () => {
    const token = await box.inputValue()
    return (JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as { alg?: string }).alg
  }
  await expect.poll(headerAlg, { timeout: 20_000 }).toBe('ES256')
  await expect(status).toHaveText(/^Signature verified/)
}

test('works offline after the first visit (network switched off)', async ({ page, context }) => {
  await page.goto('./')
  await waitForServiceWorkerControl(page)
  await context.setOffline(true)
  await page.reload()
  await expectAppWorksOffline(page)
})

test('works after the server that served it has stopped', async ({ page, guard }) => {
  const server = await serveBuilt('/')
  guard.allowOrigin(server.origin)
  await page.goto(server.url)
  await waitForServiceWorkerControl(page)
  await server.stop()
  await page.reload()
  await expectAppWorksOffline(page)
})

test('an encrypted token decrypts offline, and the current token encrypts and decrypts back', async ({ page, context }) => {
  const { generateKeyPairSync } = await import('node:crypto')
  const recipient = generateKeyPairSync('rsa', { modulusLength: 2048 })
  await page.goto('./')
  await waitForServiceWorkerControl(page)
  await context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('heading', { name: 'JWT Lab' })).toBeVisible()
  // Encrypt the opening token for a public key (the JWE code comes from the precache) …
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click()
  await page.getByRole('textbox', { name: 'Recipient key', exact: true }).fill(recipient.publicKey.export({ type: 'spki', format: 'pem' }).toString())
  await page.getByRole('button', { name: 'Encrypt the token', exact: true }).click()
  const decryption = page.getByRole('region', { name: 'Decryption', exact: true })
  await expect(decryption).toBeVisible({ timeout: 20_000 })
  // … and decrypt it back with the private key.
  await page.getByRole('textbox', { name: 'Decryption key', exact: true }).fill(recipient.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
  await expect(decryption.getByRole('status', { name: 'Decryption result', exact: true })).toHaveText(/^Decrypted \(/, { timeout: 20_000 })
})

test('an SD-JWT is processed and verified offline, with its key binding', async ({ page, context }) => {
  const { createHash, generateKeyPairSync, randomBytes, sign } = await import('node:crypto')
  const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url')
  const es256 = (header: object, payload: object, key: import('node:crypto').KeyObject) => {
    const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`
    return `${input}.${b64u(sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }))}`
  }
  const issuer = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const disclosure = b64u(JSON.stringify([b64u(randomBytes(16)), 'given_name', 'Erika']))
  const digest = createHash('sha256').update(disclosure, 'ascii').digest('base64url')
  const now = Math.floor(Date.now() / 1000)
  const jwt = es256({ alg: 'ES256', typ: 'example+sd-jwt' }, { iss: 'https://issuer.example.com', iat: now, _sd: [digest], _sd_alg: 'sha-256', cnf: { jwk: holder.publicKey.export({ format: 'jwk' }) } }, issuer.privateKey)
  const presentation = `${jwt}~${disclosure}~`
  const kb = es256({ alg: 'ES256', typ: 'kb+jwt' }, { aud: 'https://verifier.example', nonce: 'n-1', iat: now, sd_hash: createHash('sha256').update(presentation, 'ascii').digest('base64url') }, holder.privateKey)

  await page.goto('./')
  await waitForServiceWorkerControl(page)
  await context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('heading', { name: 'JWT Lab' })).toBeVisible()
  await page.getByRole('textbox', { name: 'Encoded token', exact: true }).fill(presentation + kb)
  await page.getByRole('textbox', { name: 'Verification key', exact: true }).fill(issuer.publicKey.export({ type: 'spki', format: 'pem' }).toString())
  const region = page.getByRole('region', { name: 'SD-JWT', exact: true })
  await region.getByLabel('Key binding audience', { exact: true }).fill('https://verifier.example')
  await region.getByLabel('Key binding nonce', { exact: true }).fill('n-1')
  await expect(region.getByRole('status', { name: 'SD-JWT verdict', exact: true })).toHaveText(/^SD-JWT accepted: /, { timeout: 20_000 })
})
