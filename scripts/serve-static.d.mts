import type { Server } from 'node:http'

/** Serves `dir` under `base`; resolves to the listening server. */
export function serveStatic(options: { dir: string; port: number; base?: string; host?: string }): Promise<Server>
