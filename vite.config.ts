import { defineConfig, type Plugin } from 'vitest/config'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { VitePWA } from 'vite-plugin-pwa'

/**
 * The Content-Security-Policy of the built site. Monaco injects its styles at run time, hence
 * `'unsafe-inline'` for styles only; scripts, workers and connections stay same-origin.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/** Adds the CSP meta tag to the built page only: the dev server needs inline scripts for hot reload. */
function cspMetaTag(): Plugin {
  return {
    name: 'jwt-lab-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  }
}

export default defineConfig({
  // Relative asset URLs let the static build be served from any sub-path (e.g. /jwt-lab/).
  base: './',
  plugins: [
    react(),
    tailwindcss(),
    cspMetaTag(),
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
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 6000 },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
})
