import { test as base, expect, type Page } from '@playwright/test'

/** Where the app keeps its state (src/store/persisted.ts). */
const STORAGE_KEY = 'jwt-lab:v1'

/** What a test may relax in the guard (e.g. the offline test expects failed loads). */
export interface GuardOptions {
  /** Console error texts matching this are not failures. */
  allowConsoleErrors?: RegExp
  /** CSP violations matching this are expected (only for tests that prove the policy blocks things). */
  allowCspViolations?: RegExp
}

interface Guard {
  /** Lets the test serve the app from another origin of its own (sub-path or offline checks). */
  allowOrigin: (origin: string) => void
  foreignRequests: string[]
  errors: string[]
  cspViolations: string[]
}

/**
 * Every test runs under this guard: it fails when the page, a worker or the service worker requests a
 * host other than the page's own origin, when the page throws an uncaught error or logs a console
 * error, and when the Content-Security-Policy is violated.
 */
export const test = base.extend<{ guard: Guard; guardOptions: GuardOptions; plainEditors: boolean; editorPreference: void }>({
  guardOptions: [{}, { option: true }],
  /**
   * Whether the browser starts with Settings → "Plain text editors" on (stored before the first page
   * runs, which still counts as a first visit). On by default: the code editor costs seconds of CPU per
   * page. Specs about the editors (typing, hovers, keyboard, looks) set it to false.
   */
  plainEditors: [true, { option: true }],
  editorPreference: [
    async ({ context, plainEditors }, use) => {
      if (plainEditors) {
        await context.addInitScript((key) => {
          try {
            // Only into an empty storage: what a test or the app stored stays as it is.
            if (localStorage.getItem(key) === null) localStorage.setItem(key, JSON.stringify({ state: { plainEditors: true }, version: 2 }))
          } catch {
            // A test that blocks storage sees the code editor.
          }
        }, STORAGE_KEY)
      }
      await use()
    },
    { auto: true },
  ],
  guard: [
    async ({ context, page, baseURL, guardOptions }, use) => {
      const origins = new Set([new URL(baseURL ?? 'http://localhost:4173/').origin])
      const guard: Guard = { allowOrigin: (o) => void origins.add(o), foreignRequests: [], errors: [], cspViolations: [] }
      const onRequest = (url: string) => {
        if (url.startsWith('data:') || url.startsWith('blob:')) return
        let requestOrigin: string | undefined
        try {
          requestOrigin = new URL(url).origin
        } catch {
          requestOrigin = undefined
        }
        if (requestOrigin === undefined || !origins.has(requestOrigin)) guard.foreignRequests.push(url)
      }
      context.on('request', (r) => onRequest(r.url()))
      page.on('request', (r) => onRequest(r.url()))
      page.on('pageerror', (e) => guard.errors.push(`uncaught: ${e.message}`))
      page.on('console', (m) => {
        if (m.type() !== 'error') return
        const text = m.text()
        if (guardOptions.allowConsoleErrors?.test(text)) return
        guard.errors.push(`console: ${text}`)
      })
      await page.exposeBinding('__reportCspViolation', (_src, text: string) => {
        if (guardOptions.allowCspViolations?.test(text)) return
        guard.cspViolations.push(text)
      })
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __reportCspViolation?: (t: string) => void }).__reportCspViolation
          report?.(`${e.violatedDirective} blocked ${e.blockedURI}`)
        })
      })
      await use(guard)
      expect(guard.foreignRequests, 'requests to hosts other than the page origin').toEqual([])
      expect(guard.cspViolations, 'Content-Security-Policy violations').toEqual([])
      expect(guard.errors, 'uncaught errors or console errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/** Replaces the Encoded token text as a paste would. */
export async function pasteToken(page: Page, token: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Encoded token' })
  await box.fill(token)
}
