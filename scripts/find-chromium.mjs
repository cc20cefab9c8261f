// Resolves a Chromium for Playwright: CHROMIUM_PATH, then Playwright's own browser, then the
// system Chromium; on Debian as root it installs the `chromium` package when none is found.
import { existsSync } from 'node:fs'
import { execSync } from 'node:child_process'

const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

async function playwrightBrowser() {
  try {
    const { chromium } = await import('playwright-core')
    const path = chromium.executablePath()
    return path && existsSync(path) ? path : undefined
  } catch {
    return undefined
  }
}

/**
 * @returns {Promise<string>} the executable to use; '' means Playwright's own browser.
 * @throws with the exact command to run when no Chromium can be found or installed.
 */
export async function findChromium({ install = true } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`)
  }
  if (await playwrightBrowser()) return ''
  const system = systemPaths.find((p) => existsSync(p))
  if (system) return system
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (install && isRoot && existsSync('/etc/debian_version')) {
    console.log("No Chromium found: installing Debian's chromium package with apt-get…")
    execSync('apt-get update && apt-get install -y chromium', {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    const installed = systemPaths.find((p) => existsSync(p))
    if (installed) return installed
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one, e.g. on Debian/Ubuntu:\n' +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  )
}
