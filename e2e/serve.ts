import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
// The same static server the benchmarks use; typed loosely because it is a plain .mjs script.
import { serveStatic, type ExtraFile } from '../scripts/serve-static.mjs'

/** The folder the e2e build was written to (see scripts/run-e2e.mjs). */
export const distDir = process.env.E2E_OUT_DIR ?? 'dist'

/**
 * Serves the built site under `base` on a free port, with the site's security headers; `extra` adds
 * files that are not part of the build. `stop()` ends it at once, open connections too.
 */
export async function serveBuilt(
  base = '/',
  extra: Record<string, ExtraFile> = {},
): Promise<{ url: string; origin: string; stop: () => Promise<void> }> {
  const server = (await serveStatic({ dir: distDir, port: 0, base, extra })) as Server
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}${base}`,
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
