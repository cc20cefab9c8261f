import { readdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import {
  cacheControlFor,
  devSecurityHeaders,
  headersFile,
  inlineScriptSource,
  metaContentSecurityPolicy,
  securityHeaders,
} from './scripts/security-headers.mjs'
import { injectOpeningView, renderOpeningView } from './scripts/prerender.mjs'
import { defineConfig, type Plugin } from 'vitest/config'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { VitePWA } from 'vite-plugin-pwa'

/**
 * The dev page's one inline script: the React refresh preamble (hot reload needs it to run before any
 * module). The dev CSP allows exactly this text by its hash; `base` is `/` on the dev server.
 */
const devInlineScripts = [react.preambleCode.replace('__BASE__', '/')]

/** Adds the CSP meta tag to the built page only: a fallback for hosts that send no headers. */
function cspMetaTag(): Plugin {
  return {
    name: 'jwt-lab-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  }
}

/**
 * Puts the opening view, rendered in Node by React (src/entry-prerender.tsx), into the built page: the
 * first view needs no JavaScript. Before vite-plugin-pwa precaches index.html (its closeBundle).
 */
function prerenderOpeningView(): Plugin {
  let root = process.cwd()
  return {
    name: 'jwt-lab-prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root
    },
    transformIndexHtml: {
      order: 'post',
      handler: async (html) => injectOpeningView(html, await renderOpeningView(root)),
    },
  }
}

/**
 * The headers of scripts/security-headers.mjs beyond what `server.headers` / `preview.headers` can say:
 * `Cache-Control` per path for `vite preview`, the `_headers` file for static hosts, and a warning when
 * the dev page carries an inline script the dev CSP does not allow (hot reload would then break).
 */
function securityHeadersFiles(): Plugin {
  let outDir = 'dist'
  let warn: (message: string) => void = console.warn
  return {
    name: 'jwt-lab-security-headers',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
      warn = (message) => config.logger.warn(message)
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname.slice(1)
        res.setHeader('Cache-Control', cacheControlFor(path))
        next()
      })
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server === undefined) return
        const allowed = new Set(devInlineScripts.map(inlineScriptSource))
        // Our own index.html after every plugin's transform, not user input.
        for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
          const [, attrs = '', body = ''] = match
          if (/\bsrc=/.test(attrs) || allowed.has(inlineScriptSource(body))) continue
          warn(`The dev page has an inline script that the dev Content-Security-Policy blocks (update devInlineScripts in vite.config.ts):\n${body.slice(0, 200)}`)
        }
      },
    },
    // After vite-plugin-pwa has written sw.js and its workbox script (in its own closeBundle).
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const entries = await readdir(outDir, { withFileTypes: true })
        const files = entries.filter((e) => e.isFile()).map((e) => e.name)
        await writeFile(join(outDir, '_headers'), headersFile(files))
      },
    },
  }
}

/** Shared modules of the first paint (see build.rolldownOptions below). */
const FIRST_PAINT_SHARED = /[\\/]src[\\/](core[\\/](result|json-object|token[\\/](json|decode|strict-encoding|base64url-codec)|keys[\\/](der|der-kind|weak-keys|jwk-key|parse|import|on-demand))|hooks[\\/]use-latest)\.ts$|[\\/]node_modules[\\/]react[\\/](cjs[\\/]react-jsx-runtime\.production|jsx-runtime)\.js$/

export default defineConfig({
  // Relative asset URLs let the static build be served from any sub-path (e.g. /jwt-lab/).
  base: './',
  plugins: [
    react(),
    tailwindcss(),
    cspMetaTag(),
    prerenderOpeningView(),
    securityHeadersFiles(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: null,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'JWT Lab',
        short_name: 'JWT Lab',
        description: 'Decode, verify, sign and probe JSON Web Tokens entirely in your browser.',
        theme_color: '#111827',
        background_color: '#0b1120',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Workbox's defaults would silently drop Monaco's large chunk and its codicon font.
        globPatterns: ['**/*.{js,css,html,ttf,woff2,svg,png,ico,webmanifest}'],
        maximumFileSizeToCacheInBytes: 15 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // The same headers as the built site; dev adds only the preamble's hash (see devSecurityHeaders).
  server: { headers: devSecurityHeaders(devInlineScripts) },
  preview: { headers: securityHeaders },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Modules the first paint needs that on-demand chunks share: one chunk instead of a dozen
          // tiny ones (each its own request and gzip frame). Only modules already in the first paint
          // belong here; the first-paint e2e check and the bench's figure watch that.
          groups: [{ name: 'first-paint-shared', test: FIRST_PAINT_SHARED }],
        },
      },
    },
  },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    // Vitest leaves one core free by default, which on a 2-core CI machine means one test file at a time.
    maxWorkers: 2,
    projects: [
      // The core is pure and keeps no state between files: its files share one module graph per worker
      // (loaded once instead of once per file, which cuts the unit run's CPU by about a quarter).
      { extends: true, test: { name: 'core', include: ['src/core/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'app', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: ['src/core/**'] } },
    ],
  },
})
