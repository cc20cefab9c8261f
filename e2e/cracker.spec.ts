import { createHmac, generateKeyPairSync, randomBytes, sign as nodeSign } from 'node:crypto'
import type { Locator, Page } from '@playwright/test'
import { test, expect, pasteToken } from './fixtures'
import { openApp, showTokenWithoutKey, signatureStatus, verificationKey } from './helpers'

const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url')
const HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' } as const

/** An HMAC token made with node:crypto, independently of the app. */
function hmacToken(alg: keyof typeof HASH, secret: string | Buffer, sub = 'cracker-e2e'): string {
  const input = `${b64u(JSON.stringify({ alg, typ: 'JWT' }))}.${b64u(JSON.stringify({ sub, iat: 1_700_000_000 }))}`
  return `${input}.${b64u(createHmac(HASH[alg], secret).update(input).digest())}`
}

// Cracking is CPU work in Web Workers: on a busy shared machine a run over the bundled list can take
// several seconds, so the waits for a run's outcome are generous.
const RUN = { timeout: 60_000 }
test.describe.configure({ timeout: 180_000 })

const region = (page: Page) => page.getByRole('region', { name: 'Weak-secret cracker', exact: true })
const crackButton = (page: Page) => region(page).getByRole('button', { name: 'Crack secret', exact: true })
const progressBar = (page: Page) => page.getByRole('progressbar', { name: 'Cracking progress', exact: true })

async function testedCount(bar: Locator): Promise<number> {
  const text = (await bar.getAttribute('aria-valuetext')) ?? ''
  return Number((/^([\d,]+)/.exec(text)?.[1] ?? '0').replaceAll(',', ''))
}

/** Opens the app with `token` pasted and waits until the cracker sees it. */
const openWith = (page: Page, token: string) => showTokenWithoutKey(page, token)

test('finds a weak HS256 secret near the end of the bundled list and verifies with it', async ({ page }) => {
  // Among the last entries of the bundled list, so the whole list is walked.
  const secret = 'dimazarya'
  await openWith(page, hmacToken('HS256', secret))
  await expect(region(page).getByText(/^Bundled list \([\d,]+ default JWT secrets and common passwords\)$/)).toBeVisible()
  await crackButton(page).click()
  await expect(progressBar(page)).toBeVisible()
  await expect(region(page).getByText(/^Secret found after [\d,]+ candidates:/)).toContainText(secret, RUN)
  await expect(progressBar(page)).toHaveAttribute('aria-valuetext', /^[\d,]+ (of [\d,]+ )?candidates tested$/)
  expect(await testedCount(progressBar(page))).toBeGreaterThan(0)
  // The page's CSP allows WebAssembly ('wasm-unsafe-eval'), so the SIMD engine runs, with no violation.
  await expect(region(page).getByText('WebAssembly SIMD', { exact: true })).toBeVisible()
  await expect(verificationKey(page)).toHaveValue(secret)
  await expect(page.getByRole('combobox', { name: 'Secret encoding', exact: true })).toHaveValue('utf8')
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  await expect(crackButton(page)).toBeEnabled()
})

for (const alg of ['HS384', 'HS512'] as const) {
  test(`finds a default ${alg} secret`, async ({ page }) => {
    await openWith(page, hmacToken(alg, 'changeme'))
    await crackButton(page).click()
    await expect(region(page).getByText(/^Secret found after/)).toContainText('changeme', RUN)
    await expect(verificationKey(page)).toHaveValue('changeme')
    await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
  })
}

test('a secret that needs a mutation is found only with mutations on', async ({ page }) => {
  const secret = 'Password2024'
  await openWith(page, hmacToken('HS256', secret))
  await crackButton(page).click()
  await expect(region(page).getByText(/^Not found in [\d,]+ candidates\./)).toBeVisible(RUN)
  await expect(signatureStatus(page)).toHaveText(/^Signature not checked/)
  await expect(verificationKey(page)).toHaveValue('')

  await region(page).getByRole('checkbox', { name: 'Try mutations (case, digits, years)' }).check()
  await expect(region(page).getByText(/candidates with mutations\)$/)).toBeVisible()
  await crackButton(page).click()
  await expect(region(page).getByText(/^Secret found after/)).toContainText(secret, RUN)
  await expect(verificationKey(page)).toHaveValue(secret)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
})

test('Cancel stops a run: the count stops growing and the button returns', async ({ page }) => {
  // A random secret is in no list; with mutations the run would take minutes.
  await openWith(page, hmacToken('HS256', randomBytes(32)))
  await region(page).getByRole('checkbox', { name: 'Try mutations (case, digits, years)' }).check()
  await crackButton(page).click()
  const cancel = region(page).getByRole('button', { name: 'Cancel', exact: true })
  await expect(cancel).toBeVisible()
  await expect(crackButton(page)).toHaveCount(0)
  await expect.poll(() => testedCount(progressBar(page)), RUN).toBeGreaterThan(0)
  const before = await testedCount(progressBar(page))
  await expect.poll(() => testedCount(progressBar(page)), RUN).toBeGreaterThan(before)
  await cancel.click()
  await expect(crackButton(page)).toBeEnabled()
  await expect(cancel).toHaveCount(0)
  await expect(region(page).getByText(/^Cancelled after [\d,]+ candidates\.$/)).toBeVisible()
  const stopped = await testedCount(progressBar(page))
  await page.waitForTimeout(600)
  expect(await testedCount(progressBar(page))).toBe(stopped)
  await expect(progressBar(page)).toHaveAttribute('aria-busy', 'false')
})

test('a user word list is streamed from a file, the secret on its last line', async ({ page }) => {
  const secret = 'not-in-any-bundled-list-7f3a'
  const lines = Array.from({ length: 20_000 }, (_, i) => `guess-${i}-${(i * 7919) % 10007}`)
  await openWith(page, hmacToken('HS512', secret))
  await region(page).getByRole('radio', { name: 'My word list' }).check()
  await expect(crackButton(page)).toBeDisabled()
  await expect(region(page).getByText('Choose a word list file first, or use the bundled list.')).toBeVisible()

  // Without the secret: every line is tried and counted.
  await region(page).getByLabel('Word list file').setInputFiles({ name: 'without.txt', mimeType: 'text/plain', buffer: Buffer.from(`${lines.join('\n')}\n`) })
  await expect(region(page).getByText(/^Selected: without\.txt \([\d.]+ KB\)$/)).toBeVisible()
  await crackButton(page).click()
  await expect(region(page).getByText(/^Not found in 20,000 candidates\./)).toBeVisible(RUN)
  await expect(progressBar(page)).toHaveAttribute('aria-valuenow', '100')

  // With the secret as the last line (no trailing newline, CRLF line ends).
  await region(page).getByLabel('Word list file').setInputFiles({ name: 'with.txt', mimeType: 'text/plain', buffer: Buffer.from([...lines, secret].join('\r\n')) })
  await crackButton(page).click()
  await expect(region(page).getByText(/^Secret found after [\d,]+ candidates:/)).toContainText(secret, RUN)
  await expect(verificationKey(page)).toHaveValue(secret)
  await expect(signatureStatus(page)).toHaveText(/^Signature verified/)
})

test('an RS256 token gets no cracker at all; an HMAC token brings it back', async ({ page }) => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const input = `${b64u(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64u(JSON.stringify({ sub: 'rsa' }))}`
  await openApp(page)
  await expect(region(page)).toBeVisible()
  await pasteToken(page, `${input}.${b64u(nodeSign('sha256', Buffer.from(input), privateKey))}`)
  await expect(signatureStatus(page)).toHaveText(/^Signature not checked/)
  // Cracking applies to HMAC secrets only: the panel is not on the page for an RS256 token.
  await expect(region(page)).toHaveCount(0)
  await expect(crackButton(page)).toHaveCount(0)
  await pasteToken(page, hmacToken('HS384', 'a-secret-nobody-guesses-0123456789'))
  await expect(crackButton(page)).toBeEnabled()
})

test('a new token clears the previous result', async ({ page }) => {
  await openWith(page, hmacToken('HS256', 'secret'))
  await crackButton(page).click()
  await expect(region(page).getByText(/^Secret found after/)).toContainText('secret', RUN)
  await pasteToken(page, hmacToken('HS256', 'secret', 'someone-else'))
  await expect(region(page).getByText(/^Secret found after/)).toHaveCount(0)
  await expect(progressBar(page)).toHaveCount(0)
})
