import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 4173)
// Separate build folders let several suites (or benchmarks) run side by side.
const outDir = process.env.E2E_OUT_DIR ?? 'dist'

// The launcher script (scripts/run-e2e.mjs) resolves a Chromium and passes it as CHROMIUM_PATH;
// when unset, Playwright's own browser is used.
const executablePath = process.env.CHROMIUM_PATH || undefined

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${port}/`,
    trace: 'off',
    // The service worker precaches the whole build (several MB) in every new context: only the offline and
    // sub-path specs need it, and they allow it with test.use({ serviceWorkers: 'allow' }).
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
