// Firefox over WebDriver BiDi with puppeteer-core (Playwright's Firefox build cannot be installed here,
// and its BiDi channel needs commands this Firefox ESR lacks). Every page runs under the same guard as
// the Playwright suite: no request to another origin, no console error, no CSP violation.
/* global document -- used inside functions that run in the browser page */
import { existsSync } from 'node:fs'
import puppeteer from 'puppeteer-core'

/** The Firefox to drive: FIREFOX_PATH, else Debian's firefox-esr or firefox; undefined when none. */
export function findFirefox() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean)
  return candidates.find((path) => existsSync(path))
}

/** Launches a headless Firefox. */
export async function launchFirefox(executablePath) {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // No update checks, telemetry or remote settings: the only traffic is the page's own.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  })
}

/**
 * A fresh page (in its own browser context) with the guard attached. `allowedOrigins` are the origins
 * the page may request; `allowConsoleErrors` matches console and page error texts a case expects.
 */
export async function guardedPage(browser, allowedOrigins, { allowConsoleErrors } = {}) {
  const context = await browser.createBrowserContext()
  const page = await context.newPage()
  const origins = new Set(allowedOrigins)
  const guard = { foreignRequests: [], errors: [], cspViolations: [] }
  page.on('request', (request) => {
    const url = request.url()
    if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return
    let origin
    try {
      origin = new URL(url).origin
    } catch {
      origin = undefined
    }
    if (origin === undefined || !origins.has(origin)) guard.foreignRequests.push(url)
  })
  page.on('pageerror', (e) => {
    if (!allowConsoleErrors?.test(e.message)) guard.errors.push(`uncaught: ${e.message}`)
  })
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const text = m.text()
    if (allowConsoleErrors?.test(text)) return
    guard.errors.push(`console: ${text}`)
  })
  page.on('console', (m) => {
    const text = m.text()
    if (text.startsWith('csp-violation: ')) guard.cspViolations.push(text.slice('csp-violation: '.length))
  })
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.warn(`csp-violation: ${e.violatedDirective} blocked ${e.blockedURI}`)
    })
  })
  /** Throws when the guard saw anything; closes the context. */
  const close = async () => {
    await context.close()
    const problems = [
      ...guard.foreignRequests.map((u) => `request to another origin: ${u}`),
      ...guard.cspViolations.map((v) => `CSP violation: ${v}`),
      ...guard.errors,
    ]
    if (problems.length > 0) throw new Error(problems.join('\n'))
  }
  return { page, context, guard, close }
}
