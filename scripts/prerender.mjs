// Renders the opening view (src/entry-prerender.tsx) in Node and puts it into the built page, so the
// example token, its claims and its verdict are painted before any JavaScript runs.
import { createServer } from 'vite'
import react from '@vitejs/plugin-react'

/** The JSON of the data block, safe inside a <script> element (no "</script>" or "<!--" can appear). */
function scriptJson(value) {
  return JSON.stringify(value).replaceAll('<', '\\u003c')
}

/**
 * The service worker's registration module exists only in the client build (vite-plugin-pwa); the
 * prerender never registers one (that waits for the first view in the browser), so an inert stand-in.
 */
function pwaRegisterStandIn() {
  const id = 'virtual:pwa-register/react'
  return {
    name: 'jwt-lab-prerender-pwa-stand-in',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) =>
      resolved === `\0${id}`
        ? 'export function useRegisterSW() { return { needRefresh: [false, () => {}], offlineReady: [false, () => {}], updateServiceWorker: async () => {} } }'
        : undefined,
  }
}

/**
 * Renders src/entry-prerender.tsx under `root` with a throwaway Vite server (no config file, so none
 * of the build's own plugins run twice) and returns the markup and its data.
 */
export async function renderOpeningView(root) {
  const server = await createServer({
    root,
    configFile: false,
    mode: 'production',
    logLevel: 'error',
    plugins: [react(), pwaRegisterStandIn()],
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  try {
    const entry = await server.ssrLoadModule('/src/entry-prerender.tsx')
    return await entry.prerenderOpeningView()
  } finally {
    await server.close()
  }
}

/** `html` with the view inside `<div id="root">` and its data in a JSON block with the view's `dataId` (data only: it never runs). */
export function injectOpeningView(html, view) {
  const empty = '<div id="root"></div>'
  if (!html.includes(empty)) throw new Error('prerender: the page has no empty <div id="root"></div>')
  const block = `<script type="application/json" id="${view.dataId}">${scriptJson(view.data)}</script>`
  return html.replace(empty, `<div id="root">${view.html}</div>\n    ${block}`)
}
