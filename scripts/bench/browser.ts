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
function makeCase(alg: Alg, size: number, salt: string, rsa = keys.rsa): { token: string; key: string; encoding: string } {
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
  rsa2: generateKeyPairSync('rsa', { modulusLength: 2048 }),
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

/** One cold load: when the first decoded view was complete and painted, and what competed with it. */
interface ColdLoad {
  /** Milliseconds from navigation start until the claims table and `Signature verified` are in the DOM. */
  readonly inDomMs: number
  /** Milliseconds until that view was painted: the first contentful paint, or the frame after a script drew it. */
  readonly paintedMs: number
  /** Gzip bytes of the scripts that had arrived (responseEnd) before the view was in the DOM. */
  readonly jsBeforeViewGzip: number
  /** The scripts counted in `jsBeforeViewGzip`. */
  readonly jsBeforeViewFiles: readonly string[]
  /** Gzip bytes of every script the page fetched until the editor had arrived. */
  readonly jsAllGzip: number
  /** Milliseconds until the prerendered view was hydrated; the first view when it was rendered by the client instead. */
  readonly hydratedMs: number
  /** Whether the page was hydrated (rather than rendered afresh by the client). */
  readonly hydrated: boolean
  /** Longest main-thread task that started before the first decoded, verified view was in the DOM. */
  readonly longestTaskMs: number
  /** Longest main-thread task that started before hydration had finished (or the client's first view). */
  readonly longestTaskToHydratedMs: number
  /** Longest main-thread task from navigation until the editor has arrived (its parse included). */
  readonly longestTaskWithEditorMs: number
  /** Whether the editor's code was requested before the first decoded view was complete. */
  readonly monacoBeforeFirstView: boolean
}

const gzipSizes = new Map<string, number>()
/** Gzip size of a built file named by its URL, read from the dist directory (the server sends it uncompressed). */
function gzipOf(href: string): number {
  const path = decodeURIComponent(new URL(href).pathname).replace(/^\//, '')
  let size = gzipSizes.get(path)
  if (size === undefined) {
    try {
      size = gzipSync(readFileSync(join(dir, path)), { level: 9 }).length
    } catch {
      size = 0
    }
    gzipSizes.set(path, size)
  }
  return size
}

async function coldLoad(browser: Browser): Promise<ColdLoad> {
  const page = await newPage(browser)
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: { start: number; duration: number }[]; __firstViewAt?: number; __firstViewFrameAt?: number}
    w.__tasks = []
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__tasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true })
    const check = () => {
      const status = document.querySelector('[role="status"][aria-label="Signature"]')
      if (status?.textContent?.startsWith('Signature verified') && document.querySelector('table[aria-label="Claims"]')) {
        w.__firstViewAt = performance.now()
        requestAnimationFrame(() => { w.__firstViewFrameAt = performance.now() })
        observer.disconnect()
      }
    }
    const observer = new MutationObserver(check)
    observer.observe(document, { childList: true, subtree: true, characterData: true })
  })
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { __firstViewFrameAt?: number }).__firstViewFrameAt !== undefined, undefined, { polling: 'raf', timeout: 30_000 })
  // Hydration marks its end (src/session/hydration-clock.ts); a client render has no mark.
  await page.waitForFunction(() => performance.getEntriesByName('jwt-lab:hydrated').length > 0 || document.readyState === 'complete', undefined, { timeout: 30_000 })
  await page.waitForTimeout(200)
  await settle(page)
  const result = await page.evaluate(() => {
    const w = window as unknown as { __tasks: { start: number; duration: number }[]; __firstViewAt: number; __firstViewFrameAt: number }
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    const scripts = resources.filter((e) => new URL(e.name).origin === location.origin && /\.js$/.test(new URL(e.name).pathname))
    const monaco = resources.filter((e) => /\/assets\/(monaco-setup-|editor\.worker-|json\.worker-)/.test(e.name))
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0
    const hydratedMark = performance.getEntriesByName('jwt-lab:hydrated')[0]?.startTime
    const hydratedAt = hydratedMark ?? w.__firstViewAt
    const longest = (until: number) => Math.max(0, ...w.__tasks.filter((t) => t.start < until).map((t) => t.duration))
    return {
      inDomMs: w.__firstViewAt,
      paintedMs: Math.max(fcp, w.__firstViewAt <= fcp ? 0 : w.__firstViewFrameAt),
      jsBefore: scripts.filter((e) => e.responseEnd < w.__firstViewAt).map((e) => e.name),
      jsAll: scripts.map((e) => e.name),
      hydratedMs: hydratedAt,
      hydrated: hydratedMark !== undefined,
      longestTaskMs: longest(w.__firstViewAt),
      longestTaskToHydratedMs: longest(Math.max(hydratedAt, w.__firstViewAt)),
      longestTaskWithEditorMs: longest(Infinity),
      monacoBeforeFirstView: monaco.some((e) => e.startTime < w.__firstViewAt),
    }
  })
  await page.context().close()
  const { jsBefore, jsAll, ...rest } = result
  return {
    ...rest,
    jsBeforeViewGzip: jsBefore.reduce((sum, f) => sum + gzipOf(f), 0),
    jsBeforeViewFiles: jsBefore.map((f) => new URL(f).pathname),
    jsAllGzip: [...new Set(jsAll)].reduce((sum, f) => sum + gzipOf(f), 0),
  }
}

/** One timed edit: until the page shows the result, and what the page did meanwhile. */
interface EditTiming {
  /** Milliseconds from the input event's dispatch until the end condition held in the DOM. */
  readonly ms: number
  /** Milliseconds until the frame after that was produced (style, layout and paint included). */
  readonly frameMs: number
  /** Milliseconds spent inside the input event's dispatch (the synchronous JS of the edit). */
  readonly dispatchMs: number
  /** DOM mutation records until the end condition: how much of the page the edit rewrote. */
  readonly mutations: number
}

/**
 * Replaces a textarea's text as a paste would (the value setter, then one input event) and resolves
 * when the Signature status says verified, the box holds the new text and, when `claim` is given, the
 * Claims table shows it. Timed from the dispatch of the input event.
 */
async function timedEdit(page: Page, label: string, text: string, claim: string | null): Promise<EditTiming> {
  return page.evaluate(async ({ label, text, claim }) => {
    const box = [...document.querySelectorAll('textarea')].find((t) => t.getAttribute('aria-label') === label || t.labels?.[0]?.textContent?.trim() === label)
    const status = document.querySelector('[role="status"][aria-label="Signature"]')
    if (!box || !status) throw new Error(`${label} box or Signature status not found`)
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set
    return new Promise<EditTiming>((resolve, reject) => {
      let mutations = 0
      let start = 0
      let dispatchMs = 0
      let done = false
      const timer = setTimeout(() => {
        observer.disconnect()
        reject(new Error(`${label}: not shown and verified within 10 s: ${status.textContent}`))
      }, 10_000)
      const holds = () => {
        if (box.value !== text || !(status.textContent?.startsWith('Signature verified') ?? false)) return false
        if (claim === null) return true
        const table = document.querySelector('table[aria-label="Claims"]')
        return table?.textContent?.includes(claim) ?? false
      }
      const check = (records: MutationRecord[]) => {
        mutations += records.length
        if (done || start === 0 || !holds()) return
        done = true
        const ms = performance.now() - start
        clearTimeout(timer)
        observer.disconnect()
        // The frame that shows the change: rAF runs before its style and layout, a message after it runs once it is done.
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => resolve({ ms, frameMs: performance.now() - start, dispatchMs, mutations })
          channel.port2.postMessage(null)
        })
      }
      const observer = new MutationObserver(check)
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true })
      setter?.call(box, text)
      start = performance.now()
      box.dispatchEvent(new Event('input', { bubbles: true }))
      dispatchMs = performance.now() - start
    })
  }, { label, text, claim })
}

/** Waits until the Signature status no longer says verified (an untimed step between two timed ones). */
async function notVerified(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.querySelector('[role="status"][aria-label="Signature"]')
    return status !== null && status.getAttribute('aria-busy') !== 'true' && !(status.textContent?.startsWith('Signature verified') ?? false)
  }, undefined, { timeout: 10_000 })
}

async function setVerificationKey(page: Page, key: string, encoding: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Secret encoding', exact: true }).selectOption(encoding)
  await page.getByRole('textbox', { name: 'Verification key', exact: true }).fill(key)
}

/** Medians and 95th percentiles of a series of timed edits. */
interface EditSummary {
  readonly ms: Summary
  readonly frameMs: Summary
  readonly dispatchMs: Summary
  readonly mutations: Summary
}

function summarizeEdits(edits: readonly EditTiming[]): EditSummary {
  return {
    ms: summarize(edits.map((e) => e.ms)),
    frameMs: summarize(edits.map((e) => e.frameMs)),
    dispatchMs: summarize(edits.map((e) => e.dispatchMs)),
    mutations: summarize(edits.map((e) => e.mutations)),
  }
}

/**
 * Token pasted with its key already in place: until its claim is shown and verified. Each paste is a
 * token the page has not seen (its own salt), so no decode or verification is reused from a cache.
 */
async function pasteLatency(browser: Browser, alg: Alg, size: number, runs: number): Promise<EditSummary> {
  const page = await newPage(browser)
  await page.goto(url)
  await settle(page)
  const cases = Array.from({ length: runs + 1 }, (_, i) => ({ ...makeCase(alg, size, `bench-salt-${i}`), salt: `bench-salt-${i}` }))
  const first = cases[0]
  if (!first) throw new Error('no runs')
  await setVerificationKey(page, first.key, first.encoding)
  await timedEdit(page, 'Encoded token', first.token, first.salt)
  const edits: EditTiming[] = []
  for (const c of cases.slice(1)) edits.push(await timedEdit(page, 'Encoded token', c.token, c.salt))
  await page.context().close()
  return summarizeEdits(edits)
}

/**
 * PEM key pasted with its token already in place: until `Signature verified`. Each run has its own
 * key pair (nothing parsed or verified before): its token is put in first (untimed) under the previous
 * run's key, so the status is not verified, then its key is pasted.
 */
async function keyLatency(browser: Browser, runs: number): Promise<EditSummary> {
  const page = await newPage(browser)
  await page.goto(url)
  await settle(page)
  const cases = Array.from({ length: runs + 1 }, (_, i) => makeCase('RS256', 1024, `bench-key-${i}`, generateKeyPairSync('rsa', { modulusLength: 2048 })))
  const first = cases[0]
  if (!first) throw new Error('no runs')
  await setVerificationKey(page, first.key, first.encoding)
  await timedEdit(page, 'Encoded token', first.token, 'bench-key-0')
  const edits: EditTiming[] = []
  for (const c of cases.slice(1)) {
    await page.evaluate((token) => {
      const box = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Encoded token"]')
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(box, token)
      box?.dispatchEvent(new Event('input', { bubbles: true }))
    }, c.token)
    await notVerified(page)
    await page.waitForTimeout(50)
    edits.push(await timedEdit(page, 'Verification key', c.key, null))
  }
  await page.context().close()
  return summarizeEdits(edits)
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
    // `BENCH_ONLY=load` measures the cold load alone, `BENCH_ONLY=paste` the token and key pastes alone.
    const only = process.env.BENCH_ONLY
    if (only === undefined || only === 'load') {
      const cold: ColdLoad[] = []
      for (let i = 0; i < Number(process.env.BENCH_LOAD_RUNS ?? 7); i++) cold.push(await coldLoad(browser))
      const jsBefore = cold.map((c) => c.jsBeforeViewGzip)
      out.jsBeforeFirstView = { median: summarize(jsBefore).median, max: Math.max(...jsBefore), n: cold.length, files: [...new Set(cold.flatMap((c) => c.jsBeforeViewFiles))] }
      out.jsAllGzip = summarize(cold.map((c) => c.jsAllGzip))
      out.coldLoadInDomMs = summarize(cold.map((c) => c.inDomMs))
      out.coldLoadPaintedMs = summarize(cold.map((c) => c.paintedMs))
      out.hydratedMs = summarize(cold.map((c) => c.hydratedMs))
      out.hydratedRuns = cold.filter((c) => c.hydrated).length
      out.loadLongestTaskMs = summarize(cold.map((c) => c.longestTaskMs))
      out.loadLongestTaskToHydratedMs = summarize(cold.map((c) => c.longestTaskToHydratedMs))
      out.loadLongestTaskWithEditorMs = summarize(cold.map((c) => c.longestTaskWithEditorMs))
      out.monacoBeforeFirstView = { runs: cold.length, yes: cold.filter((c) => c.monacoBeforeFirstView).length }
    }
    if (only === undefined || only === 'paste') {
      const paste: Record<string, EditSummary> = {}
      paste['RS256 8 KB'] = await pasteLatency(browser, 'RS256', 8 * 1024, Number(process.env.BENCH_PASTE_RUNS ?? 40))
      if (only === undefined) for (const alg of ['HS256', 'PS256', 'ES256', 'EdDSA'] as const) paste[`${alg} 1 KB`] = await pasteLatency(browser, alg, 1024, 30)
      out.pasteToVerifiedMs = Object.fromEntries(Object.entries(paste).map(([k, v]) => [k, v.ms]))
      out.pasteDetail = paste
      out.keyToVerified = await keyLatency(browser, Number(process.env.BENCH_PASTE_RUNS ?? 40))
    }
    if (only === undefined) {
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
