// Builds the static site and runs the Playwright suite against `vite preview` in a real Chromium.
import { spawnSync } from 'node:child_process'
import { findChromium } from './find-chromium.mjs'

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

let chromium
try {
  chromium = await findChromium()
} catch (e) {
  console.error(String(e instanceof Error ? e.message : e))
  process.exit(1)
}
const env = { ...process.env }
if (chromium) env.CHROMIUM_PATH = chromium
console.log(`e2e: using ${chromium || "Playwright's own Chromium"}`)
if (!process.argv.includes('--no-build')) run('npx', ['vite', 'build', '--outDir', process.env.E2E_OUT_DIR ?? 'dist', '--emptyOutDir'], env)
run('npx', ['playwright', 'test', ...process.argv.slice(2).filter((a) => a !== '--no-build')], env)
