// The engine suite: the core's vectors and cross-implementation cases inside a page on each engine's own
// WebCrypto (Firefox, WebKit, Chromium), and the main user flows of the built app in Firefox and WebKit.
//
//   node scripts/run-engines.mjs [--no-build] [--parallel] [--engine firefox|webkit|chromium]… [--grep text]
//
// --no-build reuses the app build in E2E_OUT_DIR (default dist), as `npm test` does after test:e2e.
// ENGINES_PORT (default 4600) is the first of three ports used (Firefox refuses some ports, 4190 among them). With CI set, every engine must run;
// otherwise an engine that is not installed is reported as not run, with what to install.
/* global window -- used inside functions that run in the browser page */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import puppeteer from 'puppeteer-core'
import { findChromium } from './find-chromium.mjs'
import { serveStatic } from './serve-static.mjs'
import { flows } from './engines/app-flows.mjs'
import { buildVectorsPage } from './engines/build-vectors-page.mjs'
import { crossCases, nodeVerifies } from './engines/cross-cases.mjs'
import { findFirefox, guardedPage, launchFirefox } from './engines/firefox.mjs'
import { PAGE_GUARD, findWebKit, startWebKitDriver, withGuardPrecached, withPageGuard } from './engines/webkit.mjs'

const args = process.argv.slice(2)
const valuesOf = (flag) => args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1]] : []))
const engines = valuesOf('--engine').length > 0 ? valuesOf('--engine') : ['firefox', 'webkit', 'chromium']
const grep = valuesOf('--grep')[0]
const appDir = resolve(process.env.E2E_OUT_DIR ?? 'dist')
const vectorsDir = resolve(process.env.ENGINES_OUT_DIR ?? 'dist-engines')
const port = Number(process.env.ENGINES_PORT ?? 4600)
const strict = Boolean(process.env.CI)

// --parallel: Firefox (with Chromium's short vector run) and WebKit in two processes side by side, each
// with ports and a vectors build of its own; their app flows take most of the suite's time.
if (args.includes('--parallel')) {
  const rest = args.filter((a, i) => a !== '--parallel' && a !== '--engine' && args[i - 1] !== '--engine')
  // One app build for both, made here: two processes must not build into the same folder at once.
  if (!rest.includes('--no-build')) {
    const r = spawnSync('npx', ['vite', 'build', '--outDir', appDir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' })
    if (r.status !== 0) process.exit(r.status ?? 1)
    rest.push('--no-build')
  }
  const groups = [['firefox', 'chromium'], ['webkit']].map((g) => g.filter((e) => engines.includes(e))).filter((g) => g.length > 0)
  const codes = await Promise.all(
    groups.map(
      (group, i) =>
        new Promise((done) => {
          const child = spawn(process.execPath, [fileURLToPath(import.meta.url), ...rest, ...group.flatMap((e) => ['--engine', e])], {
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { ...process.env, ENGINES_PORT: String(port + 10 * i), ENGINES_OUT_DIR: `${vectorsDir}-${String(i)}` },
          })
          // Each line says which process wrote it, so the two logs stay readable side by side.
          const relay = (stream, out) => {
            let buffered = ''
            stream.on('data', (chunk) => {
              buffered += String(chunk)
              const lines = buffered.split('\n')
              buffered = lines.pop() ?? ''
              for (const line of lines) out.write(`[${group[0]}] ${line}\n`)
            })
            stream.on('end', () => buffered && out.write(`[${group[0]}] ${buffered}\n`))
          }
          relay(child.stdout, process.stdout)
          relay(child.stderr, process.stderr)
          child.on('exit', (code) => done(code ?? 1))
        }),
    ),
  )
  process.exit(codes.every((code) => code === 0) ? 0 : 1)
}

/**
 * Where an engine lacks something, the case must fail with the app's own explanation (asserted here),
 * and the README's browser-support table says the same. A case listed here that passes fails the run,
 * so that the table is corrected when the engine gains the feature.
 */
const KNOWN_GAPS = {
  chromium: [{ cases: /192/, detail: /192-bit AES/, why: 'Chromium\'s WebCrypto has no 192-bit AES' }],
  firefox: [],
  webkit: [],
}

const started = Date.now()
const failures = []
const notRun = []
const summary = []

const flowEngines = engines.filter((e) => e === 'firefox' || e === 'webkit')
if (!args.includes('--no-build') && flowEngines.length > 0) {
  const r = spawnSync('npx', ['vite', 'build', '--outDir', appDir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
if (flowEngines.length > 0 && !existsSync(resolve(appDir, 'index.html'))) {
  console.error(`engines: no app build in ${appDir}; run without --no-build`)
  process.exit(1)
}
await buildVectorsPage(vectorsDir)
const cross = await crossCases()

const vectorsServer = await serveStatic({ dir: vectorsDir, port })
const vectorsOrigin = `http://127.0.0.1:${String(port)}`

/** Checks one engine's in-page report against the expectations, and its signed tokens in Node. */
async function judge(engine, report) {
  if (report.error) {
    failures.push(`${engine}: the vectors page failed: ${String(report.error)}`)
    return
  }
  const gaps = KNOWN_GAPS[engine]
  let passed = 0
  let gapped = 0
  const matching = grep ? report.cases.filter((c) => c.id.includes(grep)) : report.cases
  for (const c of matching) {
    const gap = gaps.find((g) => g.cases.test(c.id))
    if (gap) {
      if (c.pass) failures.push(`${engine}: "${c.id}" passes, but it is listed as a gap (${gap.why}): update KNOWN_GAPS and the README`)
      else if (!gap.detail.test(c.detail ?? '')) failures.push(`${engine}: "${c.id}" fails without the app's explanation (${gap.why}): ${c.detail}`)
      else gapped++
      continue
    }
    if (c.pass) passed++
    else failures.push(`${engine}: ${c.id}: ${c.detail}`)
  }
  let nodeChecked = 0
  for (const s of report.signed) {
    if (await nodeVerifies(s)) nodeChecked++
    else failures.push(`${engine}: Node does not verify the ${s.alg} token the engine signed`)
  }
  const line = `${engine}: ${String(passed)} in-page cases pass${gapped ? `, ${String(gapped)} fail as documented (${gaps.map((g) => g.why).join('; ')})` : ''}; ${String(nodeChecked)} tokens it signed verify in Node`
  console.log(`  ${line}`)
  summary.push(line)
}

async function timed(label, body) {
  const t = Date.now()
  try {
    await body()
  } finally {
    console.log(`  (${label}: ${((Date.now() - t) / 1000).toFixed(1)} s)`)
  }
}

/** Waits for the page's runner and runs it (puppeteer serialises this function into the page). */
const inPage = async (cases) => {
  const end = Date.now() + 20_000
  while (!window.runInPageVectors && Date.now() < end) await new Promise((r) => setTimeout(r, 50))
  return window.runInPageVectors(cases)
}
const vectorsScript = 'async (cross) => { const end = Date.now() + 20000; while (!window.runInPageVectors && Date.now() < end) await new Promise((r) => setTimeout(r, 50)); return window.runInPageVectors(cross) }'

try {
  if (engines.includes('firefox')) {
    const executablePath = findFirefox()
    if (!executablePath) {
      notRun.push('firefox: no Firefox found (install firefox-esr, or set FIREFOX_PATH)')
    } else {
      await timed('firefox', async () => {
        const browser = await launchFirefox(executablePath)
        console.log(`firefox (${await browser.version()})`)
        try {
          const g = await guardedPage(browser, [vectorsOrigin])
          await g.page.goto(`${vectorsOrigin}/`)
          await judge('firefox', await g.page.evaluate(inPage, cross))
          await g.close()
          await runFlows('firefox', port + 2, async (origin) => {
            const f = await guardedPage(browser, [origin])
            return { page: f.page, close: f.close, abort: () => f.context.close() }
          })
        } finally {
          await browser.close()
        }
      })
    }
  }

  if (engines.includes('webkit')) {
    const found = findWebKit()
    if (found.missing) {
      notRun.push(`webkit: missing ${found.missing.join(', ')}`)
    } else {
      await timed('webkit', async () => {
        const driver = await startWebKitDriver(found, port + 2)
        try {
          const wk = await driver.newSession()
          console.log(`webkit (${wk.version})`)
          try {
            await wk.goto(`${vectorsOrigin}/`)
            await judge('webkit', await wk.run(vectorsScript, [cross]))
          } finally {
            await wk.close()
          }
        } finally {
          await driver.stop()
        }
        // A driver of its own per flow: WebKitWebDriver 2.50 stops answering new sessions after about
        // eight in one run. It holds port + 2, so an offline flow reuses the app's port after the others.
        await runFlows('webkit', port + 1, async (origin) => {
            const flowDriver = await startWebKitDriver(found, port + 2)
            const session = await flowDriver.newSession().catch(async (e) => {
              await flowDriver.stop()
              throw e
            })
            const problems = []
            const guard = {
              collect(page) {
                // A page of the app without the guard would be a page nobody watched.
                if (page.origin === origin && !page.guard) problems.push(`the page guard did not run in ${page.origin}`)
                const seen = page.guard
                if (!seen) return
                for (const url of seen.requests) {
                  if (/^(data|blob|about):/.test(url)) continue
                  if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`)
                }
                problems.push(...seen.csp.map((v) => `CSP violation: ${v}`), ...seen.errors)
              },
            }
            const page = session.page(guard)
            return {
              page,
              close: async () => {
                try {
                  await page.collectGuard()
                  await session.close()
                } finally {
                  await flowDriver.stop()
                }
                if (problems.length > 0) throw new Error(problems.join('\n'))
              },
              abort: async () => {
                await session.close().catch(() => {})
                await flowDriver.stop()
              },
            }
          }, { pageGuard: true })
      })
    }
  }

  if (engines.includes('chromium')) {
    let executablePath
    try {
      executablePath = await findChromium({ install: false })
    } catch {
      executablePath = undefined
    }
    if (!executablePath) {
      notRun.push('chromium: no system Chromium found (install chromium, or set CHROMIUM_PATH)')
    } else {
      await timed('chromium', async () => {
        const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
        console.log(`chromium (${await browser.version()})`)
        try {
          const g = await guardedPage(browser, [vectorsOrigin])
          await g.page.goto(`${vectorsOrigin}/`)
          await judge('chromium', await g.page.evaluate(inPage, cross))
          await g.close()
        } finally {
          await browser.close()
        }
      })
    }
  }
} catch (e) {
  failures.push(`engine run failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`)
} finally {
  vectorsServer.close()
}

/**
 * The app's flows in one engine, each on a fresh page (`openPage(origin)` → `{ page, close, abort }`;
 * `close` throws what the guard saw). Offline flows run last on a server of their own at
 * `offlinePort`, which may be the shared app server's port (closed first). With `pageGuard`, the served
 * page loads the in-page guard (engines whose driver cannot observe the page).
 */
async function runFlows(engine, offlinePort, openPage, { pageGuard = false } = {}) {
  let passed = 0
  const selected = flows.filter(([name]) => !grep || name.includes(grep))
  selected.sort(([, , a = {}], [, , b = {}]) => Number(Boolean(a.offline)) - Number(Boolean(b.offline)))
  const appPort = port + 1
  const extra = {}
  if (pageGuard) {
    const page = withPageGuard(readFileSync(resolve(appDir, 'index.html'), 'utf8'), './engine-guard.js')
    const sw = withGuardPrecached(readFileSync(resolve(appDir, 'sw.js'), 'utf8'), 'engine-guard.js')
    const js = 'text/javascript; charset=utf-8'
    Object.assign(extra, { '': { type: 'text/html; charset=utf-8', body: page }, 'index.html': { type: 'text/html; charset=utf-8', body: page }, 'sw.js': { type: js, body: sw }, 'engine-guard.js': { type: js, body: PAGE_GUARD } })
  }
  let appServer = await serveStatic({ dir: appDir, port: appPort, extra })
  const appOrigin = `http://127.0.0.1:${String(appPort)}`
  const stop = (server) => new Promise((ok) => {
    if (!server.listening) return ok()
    server.closeAllConnections()
    server.close(() => ok())
  })
  try {
    for (const [name, body, options = {}] of selected) {
      const t = Date.now()
      let server = appServer
      let origin = appOrigin
      if (options.offline) {
        if (offlinePort === appPort) await stop(appServer)
        origin = `http://127.0.0.1:${String(offlinePort)}`
        server = await serveStatic({ dir: appDir, port: offlinePort, extra })
        if (offlinePort === appPort) appServer = server
      }
      const g = await openPage(origin)
      try {
        await body({ page: g.page, base: `${origin}/`, stopServer: () => stop(server), engine })
        await g.close()
        passed++
        console.log(`  ✓ ${engine}: ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`)
      } catch (e) {
        failures.push(`${engine} flow "${name}": ${e instanceof Error ? e.message : String(e)}`)
        console.log(`  ✗ ${engine}: ${name}`)
        await g.abort().catch(() => {})
      } finally {
        if (options.offline) await stop(server)
      }
    }
  } finally {
    await stop(appServer)
  }
  summary.push(`${engine}: ${String(passed)} of ${String(selected.length)} app flows pass`)
}

console.log(`\nengines: ${((Date.now() - started) / 1000).toFixed(1)} s`)
for (const line of summary) console.log(`  ${line}`)
for (const line of notRun) console.log(`  not run: ${line}`)
if (strict && notRun.length > 0) failures.push(...notRun.map((n) => `required in CI: ${n}`))
if (failures.length > 0) {
  console.error(`\n${String(failures.length)} failure(s):`)
  for (const f of failures) console.error(`  ✗ ${f}`)
  process.exit(1)
}
