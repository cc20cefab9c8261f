// WebKit (WebKitGTK's MiniBrowser) through its W3C WebDriver, WebKitWebDriver, with plain HTTP calls.
// WebKitGTK needs an X display: without DISPLAY the driver runs under an Xvfb of its own.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'

const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/libexec/webkit2gtk-4.1/MiniBrowser']

/** What WebKit needs here, or why it cannot run: `{ driver, browser, xvfb }` or `{ missing }`. */
export function findWebKit() {
  const driver = ['/usr/bin/WebKitWebDriver'].find((p) => existsSync(p))
  const browser = [process.env.WEBKIT_BROWSER_PATH, ...MINIBROWSER].filter(Boolean).find((p) => existsSync(p))
  const xvfb = process.env.DISPLAY ? undefined : ['/usr/bin/Xvfb'].find((p) => existsSync(p))
  const missing = [
    driver ? undefined : 'WebKitWebDriver (Debian: webkit2gtk-driver)',
    browser ? undefined : 'MiniBrowser (Debian: webkit2gtk-driver pulls it in)',
    process.env.DISPLAY || xvfb ? undefined : 'an X display or Xvfb (Debian: xvfb)',
  ].filter(Boolean)
  return missing.length > 0 ? { missing } : { driver, browser, xvfb }
}

/** Starts Xvfb on a free display; resolves to `{ display, stop }`. */
function startXvfb(xvfb) {
  return new Promise((ok, fail) => {
    const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdio[3].on('data', (d) => {
      out += String(d)
      if (out.includes('\n')) ok({ display: `:${out.trim()}`, stop: () => child.kill() })
    })
    child.once('error', fail)
    child.once('exit', (code) => fail(new Error(`Xvfb exited (${String(code)})`)))
  })
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'

/** Starts the driver (and Xvfb when needed) on `port`; resolves to `{ call, newSession, stop }`. */
export async function startWebKitDriver({ driver, browser, xvfb }, port) {
  const x = xvfb ? await startXvfb(xvfb) : undefined
  const env = x ? { ...process.env, DISPLAY: x.display } : process.env
  const child = spawn(driver, [`--port=${String(port)}`], { env, stdio: 'ignore' })
  const exited = new Promise((ok) => child.once('exit', ok))
  /** Stops the driver and its display; resolves once the driver has exited (its port is free again). */
  const stop = async () => {
    child.kill()
    x?.stop()
    await exited
  }
  const base = `http://127.0.0.1:${String(port)}`
  const call = async (method, path, body) => {
    const response = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(180_000) })
    const json = await response.json()
    if (!response.ok) {
      const error = new Error(`WebDriver ${method} ${path}: ${JSON.stringify(json.value ?? json).slice(0, 500)}`)
      error.webdriver = json.value?.error
      throw error
    }
    return json.value
  }
  try {
    const end = Date.now() + 10_000
    for (;;) {
      try {
        if ((await call('GET', '/status')).ready !== undefined) break
      } catch (e) {
        if (Date.now() > end) throw e
        await new Promise((r) => setTimeout(r, 100))
      }
    }
  } catch (e) {
    await stop()
    throw e
  }
  /** A fresh browser: each WebKitGTK automation session has its own ephemeral storage. */
  const newSession = async () => {
    const session = await call('POST', '/session', { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] } } } })
    const id = session.sessionId
    await call('POST', `/session/${id}/timeouts`, { script: 120_000, pageLoad: 30_000 })
    return webKitSession(call, id, `${String(session.capabilities.browserName)} ${String(session.capabilities.browserVersion)}`)
  }
  return { call, newSession, stop }
}

/** Starts the driver on `port` and opens a session; resolves to a small client. */
export async function openWebKit(found, port) {
  const driver = await startWebKitDriver(found, port)
  try {
    const session = await driver.newSession()
    return {
      version: session.version,
      goto: session.goto,
      run: session.run,
      close: async () => {
        try {
          await session.close()
        } finally {
          await driver.stop()
        }
      },
    }
  } catch (e) {
    await driver.stop()
    throw e
  }
}

/** One WebDriver session: navigation, scripts, and `page()`, the page the app flows drive. */
function webKitSession(call, id, version) {
  const at = (path) => `/session/${id}${path}`
  const goto = (url) => call('POST', at('/url'), { url })
  /** Runs `body` (an async function's source taking `args`) in the page and resolves to its value. */
  const run = (body, args) => call('POST', at('/execute/async'), {
    script: `const done = arguments[arguments.length - 1]; (${body})(...Array.prototype.slice.call(arguments, 0, -1)).then(done, (e) => done({ error: String(e && e.stack || e) }))`,
    args,
  })
  return { id, version, goto, run, page: (guard) => webKitPage(call, at, guard), close: () => call('DELETE', at('')) }
}

/** Accessible roles the flows ask for, as CSS: explicit roles and the HTML elements that have them. */
const ROLE_SELECTORS = {
  button: 'button, input[type=button], input[type=submit], input[type=reset], summary',
  textbox: 'textarea, input:not([type]), input[type=text], input[type=search], input[type=url], input[type=email], input[type=tel]',
  combobox: 'select, input[list]',
  checkbox: 'input[type=checkbox]',
  heading: 'h1, h2, h3, h4, h5, h6',
  status: 'output',
  table: 'table',
  region: 'section',
  columnheader: 'th',
  tab: '',
  link: 'a[href]',
}

/**
 * Candidates for an accessible name, found in the page by a rough name (aria-labelledby, aria-label,
 * labels, text): WebKit's own Get Computed Role and Get Computed Label then decide.
 */
const CANDIDATES = `(role, name, css) => {
  const clean = (t) => (t ?? '').replace(/\\s+/g, ' ').trim()
  const rough = (e) => {
    const by = e.getAttribute('aria-labelledby')
    if (by) return clean(by.split(/\\s+/).map((i) => document.getElementById(i)?.textContent ?? '').join(' '))
    if (e.hasAttribute('aria-label')) return clean(e.getAttribute('aria-label'))
    if (e.labels && e.labels.length > 0) return clean([...e.labels].map((l) => l.textContent).join(' '))
    return clean(e.textContent)
  }
  const all = [...document.querySelectorAll(css ? '[role~="' + role + '"], ' + css : '[role~="' + role + '"]')]
    .filter((e) => !e.closest('[hidden], [aria-hidden="true"]') && !(e.getAttribute('role') && !e.getAttribute('role').split(/\\s+/).includes(role)))
  const exact = all.filter((e) => rough(e) === name)
  return (exact.length > 0 ? exact : all.filter((e) => rough(e).toLowerCase().includes(name.toLowerCase()))).slice(0, 8)
}`

/**
 * Whether WebKit's computed role and label are `role` and `name`. WebKitGTK exposes a native select as
 * a pop-up button: role "button", named by its label and then its chosen option ("Examples Load an
 * example…"), where Chromium and Firefox say combobox "Examples"; such a select counts as the combobox.
 */
async function named(el, { role, name }) {
  const [computedRole, label] = [await el.role(), await el.label()]
  if (computedRole === role && label === name) return true
  if (role !== 'combobox' || computedRole !== 'button') return false
  const chosen = await el.evaluate((e) => (e.tagName === 'SELECT' ? (e.selectedOptions[0]?.label ?? '') : undefined))
  return chosen !== undefined && (label === name || label === `${name} ${chosen}`.trim())
}

/** `::-p-aria([name="…"][role="…"])` (the flows' puppeteer query) → `{ role, name }`. */
function parseAria(selector) {
  const m = /^::-p-aria\(\[name=("(?:[^"\\]|\\.)*")\]\[role="([a-z]+)"\]\)$/.exec(selector)
  return m ? { name: JSON.parse(m[1]), role: m[2] } : undefined
}

/**
 * The subset of puppeteer's Page the app flows use, over the session's window `handle` (the current
 * one when omitted). `guard` collects what the page's guard script saw before each navigation.
 */
function webKitPage(call, at, guard, handle) {
  let current = handle
  const focus = async () => {
    if (current === undefined) current = await call('GET', at('/window'))
    else if ((await call('GET', at('/window'))) !== current) await call('POST', at('/window'), { handle: current })
  }
  const toArg = (a) => (a && a.__webkitElement ? { [ELEMENT]: a.__webkitElement } : a)
  const exec = async (fnSource, args) => {
    await focus()
    const r = await call('POST', at('/execute/async'), {
      script: `const done = arguments[arguments.length - 1]; Promise.resolve().then(() => (${fnSource})(...Array.prototype.slice.call(arguments, 0, -1))).then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e && e.stack || e) }))`,
      args: args.map(toArg),
    })
    if (r && 'error' in r) throw new Error(`in the page: ${r.error}`)
    return r?.ok ?? undefined
  }
  const element = (ref) => {
    const eid = ref[ELEMENT]
    return {
      __webkitElement: eid,
      evaluate: (fn, ...args) => exec(String(fn), [{ [ELEMENT]: eid }, ...args]),
      click: async () => {
        await focus()
        await call('POST', at(`/element/${eid}/click`), {})
      },
      role: () => call('GET', at(`/element/${eid}/computedrole`)),
      label: () => call('GET', at(`/element/${eid}/computedlabel`)),
    }
  }
  const collect = async () => {
    if (!guard) return
    try {
      await focus()
      const seen = await call('POST', at('/execute/sync'), { script: 'const g = window.__engineGuard; return { origin: location.origin, guard: g ? { errors: g.errors, csp: g.csp, requests: g.requests } : null }', args: [] })
      guard.collect(seen)
    } catch {
      // A page that is being replaced has nothing left to read.
    }
  }
  const page = {
    goto: async (url) => {
      await collect()
      await focus()
      await call('POST', at('/url'), { url })
    },
    reload: async () => {
      await collect()
      await focus()
      await call('POST', at('/refresh'), {})
    },
    evaluate: (fn, ...args) => exec(String(fn), args),
    /** A CSS selector, or the flows' accessible-name query (decided by WebKit's computed role and label). */
    $: async (selector) => {
      const aria = parseAria(selector)
      await focus()
      if (!aria) {
        try {
          return element(await call('POST', at('/element'), { using: 'css selector', value: selector }))
        } catch (e) {
          if (e.webdriver === 'no such element') return null
          throw e
        }
      }
      const refs = await exec(CANDIDATES, [aria.role, aria.name, ROLE_SELECTORS[aria.role] ?? ''])
      for (const ref of refs ?? []) {
        const el = element(ref)
        try {
          if (await named(el, aria)) return el
        } catch (e) {
          if (e.webdriver !== 'stale element reference') throw e
        }
      }
      return null
    },
    /** No new resource for `idleTime` ms (WebDriver has no network events; resource timing is the proxy). */
    waitForNetworkIdle: async ({ idleTime = 500, timeout = 30_000 } = {}) => {
      const end = Date.now() + timeout
      let count = -1
      let since = Date.now()
      for (;;) {
        const now = await exec('() => performance.getEntriesByType("resource").length', [])
        if (now !== count) {
          count = now
          since = Date.now()
        } else if (Date.now() - since >= idleTime) return
        if (Date.now() > end) throw new Error('the page never went idle')
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    browserContext: () => ({
      newPage: async () => {
        await focus()
        const opener = current
        const made = await call('POST', at('/window/new'), { type: 'tab' })
        const other = webKitPage(call, at, guard, made.handle)
        other.close = async () => {
          await other.collectGuard()
          await call('POST', at('/window'), { handle: made.handle })
          await call('DELETE', at('/window'))
          await call('POST', at('/window'), { handle: opener })
        }
        return other
      },
    }),
    collectGuard: collect,
  }
  return page
}

/**
 * WebKitWebDriver has no log or network events (no BiDi), so the app flows' guard runs in the page:
 * the served page loads this script before the app's own, and it records console.error calls,
 * uncaught errors and rejections, resources that fail to load, CSP violations, and every resource the
 * document fetched (resource timing, buffered from the start). Not seen: what the browser itself logs
 * (e.g. a failed load's message), and requests made by workers and the service worker.
 */
export const PAGE_GUARD = `(() => {
  const g = { errors: [], csp: [], requests: [] }
  window.__engineGuard = g
  const text = (v) => { try { return v instanceof Error ? v.name + ': ' + v.message : typeof v === 'string' ? v : JSON.stringify(v) } catch { return String(v) } }
  const error = console.error
  console.error = function (...args) { g.errors.push('console: ' + args.map(text).join(' ')); return error.apply(this, args) }
  addEventListener('error', (e) => {
    const t = e.target
    if (t && t !== window && t.tagName) g.errors.push('failed to load: ' + t.tagName.toLowerCase() + ' ' + (t.src || t.href || ''))
    else g.errors.push('uncaught: ' + e.message)
  }, true)
  addEventListener('unhandledrejection', (e) => g.errors.push('uncaught (in promise): ' + text(e.reason)))
  document.addEventListener('securitypolicyviolation', (e) => g.csp.push(e.violatedDirective + ' blocked ' + e.blockedURI))
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) g.requests.push(entry.name) }).observe({ type: 'resource', buffered: true })
})()
`

/**
 * The built service worker with the guard script in its precache, so that an offline reload still
 * loads it (the list is Workbox's `precacheAndRoute([...])`).
 */
export function withGuardPrecached(sw, src) {
  const at = sw.indexOf('precacheAndRoute([')
  if (at < 0) throw new Error('the built service worker has no precacheAndRoute([...]) list to add the page guard to')
  const start = at + 'precacheAndRoute(['.length
  return `${sw.slice(0, start)}{url:${JSON.stringify(src)},revision:"1"},${sw.slice(start)}`
}

/** The built page with the guard script first (after the CSP meta tag, which must come first). */
export function withPageGuard(html, src) {
  const tag = `<script src="${src}"></script>`
  const csp = /<meta http-equiv="Content-Security-Policy"[^>]*>/.exec(html)
  return csp ? html.replace(csp[0], csp[0] + tag) : html.replace('<head>', `<head>${tag}`)
}
