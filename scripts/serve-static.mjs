// A minimal static file server for the built site, used by tests and benchmarks to serve `dist/`
// under any sub-path (e.g. /jwt-lab/) and to stop the server mid-test (offline checks). It sends the
// same headers as `vite preview` and the `_headers` file (scripts/security-headers.mjs).
// Usage: node scripts/serve-static.mjs --dir dist --port 4300 --base /jwt-lab/
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { cacheControlFor, securityHeaders } from './security-headers.mjs'

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Serves `dir` under `base`. Resolves to the listening server. `extra` adds files that are not in `dir`
 * (by path under `base`, e.g. a probe script a test needs), served with the same headers.
 * @param {{ dir: string, port: number, base?: string, host?: string, extra?: Record<string, { type: string, body: string }> }} options
 */
export function serveStatic({ dir, port, base = '/', host = '127.0.0.1', extra = {} }) {
  const root = resolve(dir)
  const prefix = base.endsWith('/') ? base : `${base}/`
  const server = createServer(async (req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value)
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('Not found')
      return
    }
    const path = url.pathname.slice(prefix.length)
    const added = Object.hasOwn(extra, path) ? extra[path] : undefined
    if (added) {
      res.writeHead(200, { 'content-type': added.type, 'cache-control': 'no-cache' }).end(added.body)
      return
    }
    let decoded
    try {
      decoded = decodeURIComponent(path)
    } catch {
      res.writeHead(400).end('Bad request')
      return
    }
    const rel = normalize(decoded).replace(/^(\.\.[/\\])+/, '')
    let file = join(root, rel)
    if (!file.startsWith(root)) {
      res.writeHead(403).end()
      return
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
    } catch {
      // Unknown paths fall back to the app shell, as a single-page app host would.
      file = join(root, 'index.html')
    }
    try {
      const body = await readFile(file)
      const served = relative(root, file).split(sep).join('/')
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': cacheControlFor(served) })
      res.end(body)
    } catch {
      res.writeHead(404).end('Not found')
    }
  })
  return new Promise((ok, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => ok(server))
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`)
    return i > 0 ? process.argv[i + 1] : fallback
  }
  const port = Number(arg('port', '4300'))
  const base = arg('base', '/')
  await serveStatic({ dir: arg('dir', 'dist'), port, base })
  console.log(`serving on http://localhost:${port}${base}`)
}
