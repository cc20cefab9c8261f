/**
 * Measures the weak-secret cracker in Chromium through the app's own UI, so the figure is the one a
 * user gets: the same Web Worker, hot loop and candidate pipeline (bundled list with mutations).
 * For each of HS256/HS384/HS512 it loads a token with a 200-byte signing input and a random secret
 * (found in no list), starts `Crack secret` with the `Workers` input set to 1 and then to the
 * machine's logical processor count, and takes the steady-state rate from the progress updates:
 * (tested count at the last update − at the first update after a warm-up) / time between them.
 * The warm-up (BENCH_CRACK_WARM_MS, default 1500 ms) covers the worker's start and the first second of
 * a WebAssembly engine, which runs baseline code until its optimizing tier has compiled the hot
 * functions in the background. Each figure says which engine the panel reported (`Engine`).
 *
 * Needs the built app served at BENCH_URL (e.g. `node scripts/serve-static.mjs --dir dist-bench`).
 * Then, in a second browser started with --enable-unsafe-webgpu (headless Chromium's software adapter,
 * SwiftShader, which runs on the same processor cores), HS256 with `Use the GPU` ticked.
 * Prints one JSON line: { perWorker: [{ alg, candidatesPerSecond, engine }], allWorkers: [{ alg, candidatesPerSecond, workers, engine }],
 * gpu: { alg, candidatesPerSecond, engine } | { unavailable } }.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { chromium, type Page } from 'playwright-core'

const url = process.env.BENCH_URL ?? 'http://localhost:4400/'
const WARM_MS = Number(process.env.BENCH_CRACK_WARM_MS ?? 1500)
const MEASURE_MS = Number(process.env.BENCH_CRACK_MS ?? 2000)
const SIGNING_INPUT_BYTES = 200

type Alg = 'HS256' | 'HS384' | 'HS512'
const HASH: Record<Alg, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }
const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url')

/** A well-formed token whose signing input is exactly 200 bytes, signed with a secret no list holds. */
function benchToken(alg: Alg): string {
  const header = b64u(JSON.stringify({ alg, typ: 'JWT' }))
  for (let pad = 0; pad < 400; pad++) {
    const payload = b64u(JSON.stringify({ sub: '1234567890', name: 'Bench', iat: 1516239022, pad: 'x'.repeat(pad) }))
    const input = `${header}.${payload}`
    if (input.length === SIGNING_INPUT_BYTES) return `${input}.${b64u(createHmac(HASH[alg], randomBytes(32)).update(input).digest())}`
    if (input.length > SIGNING_INPUT_BYTES) break
  }
  throw new Error(`no padding gives a ${SIGNING_INPUT_BYTES}-byte signing input for ${alg}`)
}

/** Runs the cracker through the UI with `workers` workers and returns its steady-state rate and engine. */
async function measure(page: Page, alg: Alg, workers: number, gpu = false): Promise<{ candidatesPerSecond: number; engine: string }> {
  await page.getByRole('textbox', { name: 'Encoded token', exact: true }).fill(benchToken(alg))
  const region = page.getByRole('region', { name: 'Weak-secret cracker', exact: true })
  await region.getByRole('spinbutton', { name: 'Workers' }).fill(String(workers))
  await region.getByRole('checkbox', { name: /^Use the GPU/ }).setChecked(gpu)
  await region.getByRole('checkbox', { name: 'Try mutations (case, digits, years)' }).check()
  const crack = region.getByRole('button', { name: 'Crack secret', exact: true })
  await crack.waitFor()
  if (!(await crack.isEnabled())) throw new Error(`Crack secret is disabled for the ${alg} bench token`)
  await crack.click()
  const rate = await page.evaluate(async ({ warmMs, measureMs }) => {
    const deadline = performance.now() + 60_000
    let bar: Element | null = null
    while (!(bar = document.querySelector('[role="progressbar"][aria-label="Cracking progress"]'))) {
      if (performance.now() > deadline) throw new Error('no progress bar')
      await new Promise((r) => setTimeout(r, 10))
    }
    // No named helper functions in here: the bundler that runs this script would wrap them in a
    // naming helper that does not exist in the page.
    const samples: [number, number][] = []
    const observer = new MutationObserver(() => {
      samples.push([performance.now(), Number((/^([\d,]+)/.exec(bar.getAttribute('aria-valuetext') ?? '')?.[1] ?? '0').replaceAll(',', ''))])
    })
    observer.observe(bar, { attributes: true, attributeFilter: ['aria-valuetext'] })
    // Warm-up starts at the first report: worker start-up and the JIT's first tiers are excluded.
    while (!samples.some(([, n]) => n > 0)) {
      if (performance.now() > deadline) throw new Error('the cracker reported no progress')
      await new Promise((r) => setTimeout(r, 10))
    }
    const first = samples.find(([, n]) => n > 0)![0]
    await new Promise((r) => setTimeout(r, warmMs + measureMs))
    observer.disconnect()
    const window = samples.filter(([t]) => t >= first + warmMs)
    if (window.length < 2) throw new Error('too few progress reports')
    const [t0, n0] = window[0]!
    const [t1, n1] = window[window.length - 1]!
    return ((n1 - n0) * 1000) / (t1 - t0)
  }, { warmMs: WARM_MS, measureMs: MEASURE_MS })
  // The panel's Engine line: "WebAssembly SIMD", or "JavaScript (why)".
  const engine = (await region.locator('dt', { hasText: /^Engine$/ }).locator('xpath=following-sibling::dd[1]').textContent())?.trim() ?? 'unknown'
  await region.getByRole('button', { name: 'Cancel', exact: true }).click()
  await crack.waitFor()
  return { candidatesPerSecond: Math.round(rate), engine }
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** The GPU path's HS256 rate, or why it could not be measured. */
async function measureGpu(): Promise<{ alg: Alg; candidatesPerSecond: number; engine: string } | { unavailable: string }> {
  const gpuBrowser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || undefined, args: [...ARGS, '--enable-unsafe-webgpu'] })
  try {
    const page = await (await gpuBrowser.newContext({ serviceWorkers: 'block' })).newPage()
    page.setDefaultTimeout(60_000)
    await page.goto(url)
    await page.getByRole('region', { name: 'Weak-secret cracker', exact: true }).waitFor()
    const adapter = await page.evaluate(async () => {
      const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu
      return gpu ? (await gpu.requestAdapter()) !== null : false
    })
    if (!adapter) return { unavailable: 'no WebGPU adapter in headless Chromium, even with --enable-unsafe-webgpu' }
    return { alg: 'HS256', ...(await measure(page, 'HS256', 1, true)) }
  } finally {
    await gpuBrowser.close()
  }
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || undefined, args: ARGS })
try {
  const context = await browser.newContext({ serviceWorkers: 'block' })
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)
  await page.goto(url)
  await page.getByRole('region', { name: 'Weak-secret cracker', exact: true }).waitFor()
  const hardware = await page.evaluate(() => Math.min(16, Math.max(1, navigator.hardwareConcurrency || 2)))
  const perWorker: { alg: Alg; candidatesPerSecond: number; engine: string }[] = []
  const allWorkers: { alg: Alg; candidatesPerSecond: number; workers: number; engine: string }[] = []
  for (const alg of ['HS256', 'HS384', 'HS512'] as const) {
    perWorker.push({ alg, ...(await measure(page, alg, 1)) })
    allWorkers.push({ alg, ...(await measure(page, alg, hardware)), workers: hardware })
  }
  const gpu = await measureGpu()
  console.log(JSON.stringify({ perWorker, allWorkers, gpu }))
} finally {
  await browser.close()
}
