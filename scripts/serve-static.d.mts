import type { Server } from 'node:http'

/** A file served in addition to the built folder (e.g. a probe script a test needs). */
export interface ExtraFile {
  type: string
  body: string
}

/**
 * Serves `dir` under `base` with the site's security headers; resolves to the listening server.
 * `extra` maps paths under `base` (e.g. `probe.js`) to files that are not in `dir`.
 */
export function serveStatic(options: {
  dir: string
  port: number
  base?: string
  host?: string
  extra?: Record<string, ExtraFile>
}): Promise<Server>
