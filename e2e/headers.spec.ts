import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { APIRequestContext, ConsoleMessage } from '@playwright/test'
import { test, expect } from './fixtures'
import { distDir, serveBuilt } from './serve'

// The expected values are written out here, not imported from scripts/security-headers.mjs: the test
// checks what is served against what the README promises.
const metaCsp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "img-src 'self' data:",
  "font-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
const headerCsp = `${metaCsp}; frame-ancestors 'none'`
const fixedHeaders = {
  'content-security-policy': headerCsp,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
}
const deniedPowerfulFeatures = ['camera', 'microphone', 'geolocation', 'usb', 'serial', 'hid', 'bluetooth', 'payment', 'midi', 'display-capture', 'clipboard-read']
const noCache = 'no-cache'
const immutable = 'public, max-age=31536000, immutable'

/** Checks one Permissions-Policy value: every entry denies its feature to everyone; copying still works. */
function expectDenyAllPermissionsPolicy(value: string | undefined): void {
  const entries = (value ?? '').split(', ')
  expect(entries.filter((e) => !/^[a-z][a-z-]*=\(\)$/.test(e)), 'entries that allow something').toEqual([])
  const features = entries.map((e) => e.slice(0, -'=()'.length))
  expect(features).toEqual(expect.arrayContaining(deniedPowerfulFeatures))
  // The copy buttons write to the clipboard.
  expect(features).not.toContain('clipboard-write')
}

/** The built files the header checks request, found in the build folder (their names carry hashes). */
function builtFiles(): { path: string; what: string; cacheControl: string }[] {
  const assets = readdirSync(join(distDir, 'assets'))
  const top = readdirSync(distDir)
  const find = (list: string[], pattern: RegExp, what: string) => {
    const name = list.find((f) => pattern.test(f))
    if (name === undefined) throw new Error(`no ${what} in ${distDir}`)
    return name
  }
  return [
    { path: '', what: 'the page at /', cacheControl: noCache },
    { path: 'index.html', what: 'index.html', cacheControl: noCache },
    { path: `assets/${find(assets, /^index-.*\.js$/, 'entry script')}`, what: 'the entry script', cacheControl: immutable },
    { path: `assets/${find(assets, /^keygen\.worker-.*\.js$/, 'key generation worker')}`, what: 'a worker script', cacheControl: immutable },
    { path: 'sw.js', what: 'the service worker', cacheControl: noCache },
    { path: find(top, /^workbox-.*\.js$/, 'workbox script'), what: "the service worker's workbox script", cacheControl: noCache },
    { path: 'manifest.webmanifest', what: 'the web app manifest', cacheControl: noCache },
  ]
}

async function expectSecurityHeaders(request: APIRequestContext, root: string): Promise<void> {
  for (const file of builtFiles()) {
    const response = await request.get(`${root}${file.path}`)
    expect(response.status(), file.what).toBe(200)
    const headers = response.headers()
    for (const [name, value] of Object.entries(fixedHeaders)) expect(headers[name], `${name} of ${file.what}`).toBe(value)
    expectDenyAllPermissionsPolicy(headers['permissions-policy'])
    expect(headers['cache-control'], `cache-control of ${file.what}`).toBe(file.cacheControl)
  }
}

/**
 * A server on another origin that lets every origin read it (CORS `*`) and records what reaches it.
 * `127.0.0.1` is a loopback host the CSP lets key discovery reach; `127.0.0.2` is loopback too, but the
 * CSP names no such host, so it stands for every origin the app may not connect to.
 */
async function startOtherOrigin(pages: Record<string, string> = {}, host = '127.0.0.1'): Promise<{ origin: string; requests: string[]; stop: () => Promise<void> }> {
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '')
    const page = pages[req.url ?? '']
    if (page !== undefined) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)
    else res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end('{"leaked":true}')
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://${host}:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

test.describe('response headers', () => {
  test('vite preview sends the security headers on the page, scripts, worker scripts and the service worker', async ({ request, baseURL }) => {
    await expectSecurityHeaders(request, baseURL ?? '')
  })

  test('the static server of the sub-path and offline checks sends the same headers', async ({ request }) => {
    const server = await serveBuilt('/jwt-lab/')
    try {
      await expectSecurityHeaders(request, server.url)
    } finally {
      await server.stop()
    }
  })

  test('the build writes _headers for static hosts, and the page keeps a meta policy without frame-ancestors', () => {
    const text = readFileSync(join(distDir, '_headers'), 'utf8')
    // Netlify / Cloudflare Pages format: a path pattern, then indented `Name: value` lines.
    const rules = new Map<string, Record<string, string>>()
    let current: Record<string, string> | undefined
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue
      if (!line.startsWith(' ')) {
        expect(rules.has(line), `pattern ${line} listed once`).toBe(false)
        current = {}
        rules.set(line, current)
        continue
      }
      const m = /^ {2}([A-Za-z-]+): (.+)$/.exec(line)
      expect(m, `header line ${JSON.stringify(line)}`).not.toBeNull()
      if (m && current) current[m[1]!.toLowerCase()] = m[2]!
    }
    const all = rules.get('/*')
    expect(all).toMatchObject(fixedHeaders)
    expectDenyAllPermissionsPolicy(all?.['permissions-policy'])
    // `/*` sets no Cache-Control, so no file gets two (hosts join repeated headers with commas).
    expect(all?.['cache-control']).toBeUndefined()
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) expect(rules.get(path), path).toEqual({ 'cache-control': noCache })
    const workbox = readdirSync(distDir).find((f) => /^workbox-.*\.js$/.test(f))
    expect(rules.get(`/${workbox}`)).toEqual({ 'cache-control': noCache })
    expect(rules.get('/assets/*')).toEqual({ 'cache-control': immutable })
    for (const [pattern, headers] of rules) if (pattern !== '/*') expect(Object.keys(headers), pattern).toEqual(['cache-control'])

    const html = readFileSync(join(distDir, 'index.html'), 'utf8')
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replaceAll('&#39;', "'")
    expect(meta).toBe(metaCsp)
  })
})

// A same-origin worker that fetches the URL it is sent. It is served next to the build by the test's
// static server (with the real headers), so the app itself ships no test-only file.
const probeWorker = `
const violations = []
self.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective))
self.onmessage = async (event) => {
  let outcome
  try {
    const response = await fetch(event.data, { cache: 'no-store' })
    outcome = 'reached ' + response.status
  } catch (error) {
    outcome = 'refused: ' + error.name
  }
  // Violation events are queued as tasks: let them arrive before answering.
  await new Promise((resolve) => setTimeout(resolve, 100))
  self.postMessage({ outcome, violations: violations.splice(0) })
}
`

test.describe('a worker cannot reach another origin', () => {
  // The guard stays strict here: Chromium reports the worker's refusal inside the worker only (the
  // probe reads it from the worker's own securitypolicyviolation event), not in the page's console.
  test('a fetch from a same-origin worker to a CORS-open server the CSP does not name is refused before it is sent; loopback 127.0.0.1 is reached', async ({ page, guard }) => {
    const other = await startOtherOrigin({}, '127.0.0.2')
    // Loopback http on 127.0.0.1 is what key discovery may reach: the same probe gets through.
    const loopback = await startOtherOrigin()
    guard.allowOrigin(loopback.origin)
    const app = await serveBuilt('/', { 'csp-probe.js': { type: 'text/javascript; charset=utf-8', body: probeWorker } })
    guard.allowOrigin(app.origin)
    try {
      // The other origin is up and would let any page read it: only the CSP can stop the worker.
      const control = await fetch(`${other.origin}/control`)
      expect(control.headers.get('access-control-allow-origin')).toBe('*')
      other.requests.length = 0

      await page.goto(app.url)
      await expect(page.getByRole('heading', { name: 'JWT Lab' })).toBeVisible()
      const results = await page.evaluate(async (urls) => {
        const worker = new Worker('./csp-probe.js')
        const ask = (url: string) =>
          new Promise<unknown>((resolve) => {
            worker.onmessage = (e) => resolve(e.data)
            worker.postMessage(url)
          })
        const answers: unknown[] = []
        for (const url of urls) answers.push(await ask(url))
        worker.terminate()
        return answers
      }, [`${app.url}csp-probe.js`, `${other.origin}/data`, `${loopback.origin}/allowed`])
      expect(results).toEqual([
        { outcome: 'reached 200', violations: [] },
        { outcome: 'refused: TypeError', violations: ['connect-src'] },
        { outcome: 'reached 200', violations: [] },
      ])
      expect(other.requests, 'requests that reached the other origin').toEqual([])
      expect(loopback.requests).toEqual(['/allowed'])
    } finally {
      await app.stop()
      await other.stop()
      await loopback.stop()
    }
  })
})

test.describe('the app cannot be framed', () => {
  // Chromium logs the refused frame; that is the behaviour under test.
  test.use({ guardOptions: { allowConsoleErrors: /^Framing '[^']*' violates the following Content Security Policy directive: "frame-ancestors 'none'"\. The request has been blocked\.\s*$/ } })

  const servers = [
    { name: 'vite preview', start: async (baseURL: string) => ({ url: baseURL, origin: new URL(baseURL).origin, stop: async () => {} }) },
    { name: 'the static server', start: async () => serveBuilt('/') },
  ]
  for (const { name, start } of servers) {
    test(`a page on another origin gets a blocked frame instead of the app (${name})`, async ({ page, guard, baseURL }) => {
      const app = await start(baseURL ?? '')
      const other = await startOtherOrigin({
        '/inner': '<!doctype html><title>inner</title><h1>Framed page of the other origin</h1>',
        '/frame': `<!doctype html><title>framing</title>
          <iframe title="app" src="${app.url}" onload="document.body.dataset.app = 'loaded'"></iframe>
          <iframe title="inner" src="/inner" onload="document.body.dataset.inner = 'loaded'"></iframe>`,
      })
      guard.allowOrigin(other.origin)
      guard.allowOrigin(app.origin)
      const refusals: string[] = []
      page.on('console', (m: ConsoleMessage) => {
        if (m.type() === 'error' && m.text().includes('frame-ancestors')) refusals.push(m.text())
      })
      try {
        await page.goto(`${other.origin}/frame`)
        await expect(page.locator('body')).toHaveAttribute('data-app', 'loaded')
        await expect(page.locator('body')).toHaveAttribute('data-inner', 'loaded')
        // Framing itself works on that page; only the app refuses to be framed.
        await expect(page.frameLocator('iframe[title="inner"]').getByRole('heading', { name: 'Framed page of the other origin' })).toBeVisible()
        await expect.poll(() => refusals.length).toBeGreaterThan(0)
        expect(refusals[0]).toContain(`Framing '${app.url}' violates the following Content Security Policy directive: "frame-ancestors 'none'"`)
        // The refused frame shows Chromium's error page, never the app.
        const frameUrls = page.frames().map((f) => f.url())
        expect(frameUrls).toContain('chrome-error://chromewebdata/')
        expect(frameUrls).not.toContain(app.url)
        const appFrame = page.frameLocator('iframe[title="app"]')
        await expect(appFrame.getByRole('heading', { name: 'JWT Lab' })).toHaveCount(0)
        await expect(appFrame.getByRole('textbox', { name: 'Encoded token' })).toHaveCount(0)
      } finally {
        await other.stop()
        await app.stop()
      }
    })
  }
})
