// Browser-side figures: first-paint JS, cold load, paste-to-verified latency, 1 MB paste, key generation.
// Drives the built app (served from `dist-bench/`) in Chromium. Prints one JSON object on stdout.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { createHmac, generateKeyPairSync, randomBytes, sign as nodeSign, type KeyObject } from 'node:crypto'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { summarize, type Summary } from './stats'

const dir = process.env.BENCH_DIST ?? 'dist-bench'
const url = process.env.BENCH_URL ?? 'http://localhost:4400/'
const executablePath = process.env.CHROMIUM_PATH || undefined
const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url')

/** Sizes of the JS the page loads before it can show anything: the entry module and its preloads. */
export function firstPaintJs(distDir: string): { files: string[]; raw: number; gzip: number } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => (m[1] ?? '').replace(/^\.\//, ''))
  let raw = 0
  let gzip = 0
  for (const f of files) {
    const body = readFileSync(join(distDir, f))
    raw += body.length
    gzip += gzipSync(body, { level: 9 }).length
  }
  return { files, raw, gzip }
}

type Alg = 'HS256' | 'RS256' | 'PS256' | 'ES256' | 'EdDSA'

/** A token of about `size` bytes and its verification key text, made with node:crypto. */
function makeCase(alg: Alg, size: number, salt: string): { token: string; key: string; encoding: string } {
  const pad = 'x'.repeat(Math.max(0, size - 400))
  const header = b64u(JSON.stringify({ alg, typ: 'JWT' }))
  const payload = b64u(JSON.stringify({ sub: 'bench', salt, iat: 1_700_000_000, data: pad }))
  const input = Buffer.from(`${header}.${payload}`)
  const pem = (k: KeyObject) => String(k.export({ type: 'spki', format: 'pem' }))
  switch (alg) {
    case 'HS256': {
      const secret = 'bench-secret-with-enough-length-32b'
      return { token: `${input}.${b64u(createHmac('sha256', secret).update(input).digest())}`, key: secret, encoding: 'utf8' }
    }
    case 'RS256':
    case 'PS256': {
      const rsa = keys.rsa
      const sig = alg === 'RS256'
        ? nodeSign('sha256', input, rsa.privateKey)
        : nodeSign('sha256', input, { key: rsa.privateKey, padding: 6, saltLength: 32 })
      return { token: `${input}.${b64u(sig)}`, key: pem(rsa.publicKey), encoding: 'utf8' }
    }
    case 'ES256':
      return { token: `${input}.${b64u(nodeSign('sha256', input, { key: keys.ec.privateKey, dsaEncoding: 'ieee-p1363' }))}`, key: pem(keys.ec.publicKey), encoding: 'utf8' }
    case 'EdDSA':
      return { token: `${input}.${b64u(nodeSign(null, input, keys.ed.privateKey))}`, key: pem(keys.ed.publicKey), encoding: 'utf8' }
  }
}

const keys = {
  rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  ec: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  ed: generateKeyPairSync('ed25519'),
}

/** Waits until the lazily loaded editor has arrived, so its one-off parse is not counted as app work. */
async function settle(page: Page): Promise<void> {
  await page.locator('.monaco-editor').first().waitFor({ timeout: 60_000 })
  await page.waitForTimeout(500)
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ serviceWorkers: 'block' })
  // tsx keeps function names with a `__name` helper that the page does not have.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
  return context.newPage()
}

/** One cold load: when the first decoded view was complete, and what competed with it. */
interface ColdLoad {
  /** Milliseconds from navigation start until the Signature status says verified. */
  readonly ms: number
  /** Longest main-thread task that started before the first decoded, verified view. */
  readonly longestTaskMs: number
  /** Longest main-thread task from navigation until the editor has arrived (its parse included). */
  readonly longestTaskWithEditorMs: number
  /** Whether the editor's code was requested before the first decoded view was complete. */
  readonly monacoBeforeFirstView: boolean
}

async function coldLoad(browser: Browser): Promise<ColdLoad> {
  const page = await newPage(browser)
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: { start: number; duration: number }[]; __firstViewAt?: number }
    w.__tasks = []
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__tasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true })
    const observer = new MutationObserver(() => {
      const status = document.querySelector('[role="status"][aria-label="Signature"]')
      if (status?.textContent?.startsWith('Signature verified') && document.querySelector('table[aria-label="Claims"]')) {
        w.__firstViewAt = performance.now()
        observer.disconnect()
      }
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true })
  })
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { __firstViewAt?: number }).__firstViewAt !== undefined, undefined, { polling: 'raf', timeout: 30_000 })
  await settle(page)
  const result = await page.evaluate(() => {
    const w = window as unknown as { __tasks: { start: number; duration: number }[]; __firstViewAt: number }
    const monaco = performance.getEntriesByType('resource').filter((e) => /\/assets\/(monaco-setup-|editor\.worker-|json\.worker-)/.test(e.name))
    return {
      ms: w.__firstViewAt,
      longestTaskMs: Math.max(0, ...w.__tasks.filter((t) => t.start < w.__firstViewAt).map((t) => t.duration)),
      longestTaskWithEditorMs: Math.max(0, ...w.__tasks.map((t) => t.duration)),
      monacoBeforeFirstView: monaco.some((e) => e.startTime < w.__firstViewAt),
    }
  })
  await page.context().close()
  return result
}

/** Sets the Encoded token as a paste would and resolves with ms until `Signature verified`. */
async function pasteToVerified(page: Page, token: string): Promise<number> {
  return page.evaluate(async (text) => {
    const box = [...document.querySelectorAll('textarea')].find((t) => t.getAttribute('aria-label') === 'Encoded token' || t.labels?.[0]?.textContent?.trim() === 'Encoded token')
    const status = [...document.querySelectorAll('[role="status"]')].find((e) => e.getAttribute('aria-label') === 'Signature')
    if (!box || !status) throw new Error('Encoded token box or Signature status not found')
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set
    const start = performance.now()
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not verified: ${status.textContent}`)), 10_000)
      let seenChange = false
      const check = () => {
        const verified = status.textContent?.startsWith('Signature verified') ?? false
        if (!verified) seenChange = true
        if (verified && seenChange && box.value === text) {
          clearTimeout(timer)
          observer.disconnect()
          resolve(performance.now() - start)
        }
      }
      const observer = new MutationObserver(check)
      observer.observe(status, { childList: true, subtree: true, characterData: true })
      setter?.call(box, text)
      box.dispatchEvent(new Event('input', { bubbles: true }))
    })
  }, token)
}

async function setVerificationKey(page: Page, key: string, encoding: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Secret encoding', exact: true }).selectOption(encoding)
  await page.getByRole('textbox', { name: 'Verification key', exact: true }).fill(key)
}

async function pasteLatency(browser: Browser, alg: Alg, size: number, runs: number): Promise<Summary> {
  const page = await newPage(browser)
  await page.goto(url)
  await settle(page)
  const a = makeCase(alg, size, 'a')
  const b = makeCase(alg, size, 'b')
  await setVerificationKey(page, a.key, a.encoding)
  await pasteToVerified(page, a.token)
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await pasteToVerified(page, i % 2 ? a.token : b.token))
  await page.context().close()
  return summarize(times)
}

/** Longest main-thread task while a 1 MB token is pasted and decoded. */
async function hugePaste(browser: Browser): Promise<{ longestTaskMs: number; typingDelayMs: number }> {
  const page = await newPage(browser)
  await page.goto(url)
  await settle(page)
  const garbage = `${b64u(randomBytes(400_000))}.${b64u(randomBytes(350_000))}.${b64u(randomBytes(64))}`
  const result = await page.evaluate(async (text) => {
    const tasks: number[] = []
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)))
    observer.observe({ type: 'longtask' })
    const box = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Encoded token"]') ?? [...document.querySelectorAll('textarea')][0]
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set
    setter?.call(box, text)
    box?.dispatchEvent(new Event('input', { bubbles: true }))
    // Typing responsiveness: how late a timer fires while the paste is being processed.
    const typingDelay = await new Promise<number>((resolve) => {
      const due = performance.now() + 50
      setTimeout(() => resolve(performance.now() - due), 50)
    })
    await new Promise((r) => setTimeout(r, 3000))
    observer.disconnect()
    return { longestTaskMs: Math.max(0, ...tasks), typingDelayMs: typingDelay }
  }, garbage)
  await page.context().close()
  return result
}

/** Key generation through the UI: time until the key fields are filled, and the longest task meanwhile. */
async function keyGeneration(browser: Browser, alg: string, modulus?: string): Promise<{ ms: number; longestTaskMs: number }> {
  const page = await newPage(browser)
  await page.goto(url)
  await settle(page)
  // The Signing panel is collapsed, and its form loads when first opened.
  const signing = page.getByRole('button', { name: 'Signing', exact: true })
  if ((await signing.getAttribute('aria-expanded')) !== 'true') await signing.click()
  await page.getByRole('combobox', { name: 'Algorithm', exact: true }).selectOption(alg)
  if (modulus) {
    const size = page.getByRole('combobox', { name: 'RSA key size' })
    if (await size.count()) await size.selectOption(modulus)
  }
  await page.evaluate(() => {
    const w = window as unknown as { __tasks: number[] }
    w.__tasks = []
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({ type: 'longtask' })
  })
  const before = await page.getByRole('textbox', { name: 'Signing key', exact: true }).inputValue()
  const start = Date.now()
  await page.getByRole('button', { name: 'Generate key', exact: true }).click()
  await page.waitForFunction((prev) => {
    const t = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Signing key"]') ?? [...document.querySelectorAll('textarea')].find((x) => x.labels?.[0]?.textContent?.includes('Signing key'))
    return t !== undefined && t !== null && t.value !== prev && t.value.length > 0
  }, before, { timeout: 120_000 })
  const ms = Date.now() - start
  await page.waitForTimeout(300)
  const longestTaskMs = await page.evaluate(() => Math.max(0, ...(window as unknown as { __tasks: number[] }).__tasks))
  await page.context().close()
  return { ms, longestTaskMs }
}

async function main() {
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const out: Record<string, unknown> = { firstPaintJs: firstPaintJs(dir) }
  try {
    const cold: ColdLoad[] = []
    for (let i = 0; i < Number(process.env.BENCH_LOAD_RUNS ?? 7); i++) cold.push(await coldLoad(browser))
    out.coldLoadMs = summarize(cold.map((c) => c.ms))
    out.loadLongestTaskMs = summarize(cold.map((c) => c.longestTaskMs))
    out.loadLongestTaskWithEditorMs = summarize(cold.map((c) => c.longestTaskWithEditorMs))
    out.monacoBeforeFirstView = { runs: cold.length, yes: cold.filter((c) => c.monacoBeforeFirstView).length }
    // `BENCH_ONLY=load` measures the cold load alone.
    if (process.env.BENCH_ONLY !== 'load') {
      const paste: Record<string, Summary> = {}
      paste['RS256 8 KB'] = await pasteLatency(browser, 'RS256', 8 * 1024, 40)
      for (const alg of ['HS256', 'PS256', 'ES256', 'EdDSA'] as const) paste[`${alg} 1 KB`] = await pasteLatency(browser, alg, 1024, 30)
      out.pasteToVerifiedMs = paste
      out.hugePaste = await hugePaste(browser)
      const gen: Record<string, unknown> = {}
      for (const [label, alg, modulus] of [
        ['HS256 secret', 'HS256'], ['RSA 2048', 'RS256', '2048'], ['RSA 4096', 'RS256', '4096'],
        ['EC P-256', 'ES256'], ['EC P-521', 'ES512'], ['Ed25519', 'EdDSA'],
      ] as const) {
        const runs = label === 'RSA 4096' ? 3 : 5
        const times: number[] = []
        let longest = 0
        for (let i = 0; i < runs; i++) {
          const r = await keyGeneration(browser, alg, modulus)
          times.push(r.ms)
          longest = Math.max(longest, r.longestTaskMs)
        }
        gen[label] = { ms: summarize(times), longestTaskMs: longest }
      }
      out.keyGeneration = gen
    }
  } finally {
    await browser.close()
  }
  process.stdout.write(JSON.stringify(out))
}

await main()
