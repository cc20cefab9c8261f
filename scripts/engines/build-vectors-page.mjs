// Builds the engine-vectors test page (test/engines/page) with the core and the fixtures bundled in:
// a page of its own, so the app never carries test fixtures.
import { resolve } from 'node:path'
import { build } from 'vite'

/** Builds the page into `outDir` (absolute or relative to the repository). */
export async function buildVectorsPage(outDir) {
  await build({
    configFile: false,
    root: resolve('test/engines/page'),
    base: './',
    logLevel: 'warn',
    build: { outDir: resolve(outDir), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096 },
  })
}
