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

/** Starts the driver on `port` and opens a session; resolves to a small client. */
export async function openWebKit({ driver, browser, xvfb }, port) {
  const x = xvfb ? await startXvfb(xvfb) : undefined
  const env = x ? { ...process.env, DISPLAY: x.display } : process.env
  const child = spawn(driver, [`--port=${String(port)}`], { env, stdio: 'ignore' })
  const stop = () => {
    child.kill()
    x?.stop()
  }
  const base = `http://127.0.0.1:${String(port)}`
  const call = async (method, path, body) => {
    const response = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
    const json = await response.json()
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${JSON.stringify(json.value ?? json).slice(0, 500)}`)
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
    const session = await call('POST', '/session', { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] } } } })
    const id = session.sessionId
    await call('POST', `/session/${id}/timeouts`, { script: 120_000, pageLoad: 30_000 })
    return {
      version: `${String(session.capabilities.browserName)} ${String(session.capabilities.browserVersion)}`,
      goto: (url) => call('POST', `/session/${id}/url`, { url }),
      /** Runs `body` (an async function's source taking `args`) in the page and resolves to its value. */
      run: (body, args) => call('POST', `/session/${id}/execute/async`, {
        script: `const done = arguments[arguments.length - 1]; (${body})(...arguments).then(done, (e) => done({ error: String(e && e.stack || e) }))`,
        args,
      }),
      close: async () => {
        try {
          await call('DELETE', `/session/${id}`)
        } finally {
          stop()
        }
      },
    }
  } catch (e) {
    stop()
    throw e
  }
}
