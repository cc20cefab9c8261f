import { describe, expect, it } from 'vitest'
import {
  cacheControlFor,
  contentSecurityPolicy,
  devSecurityHeaders,
  headersFile,
  inlineScriptSource,
  metaContentSecurityPolicy,
  permissionsPolicy,
  securityHeaders,
} from '../scripts/security-headers.mjs'

const meta =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self' https: http://localhost:* http://127.0.0.1:*; img-src 'self' data:; font-src 'self'; " +
  "style-src 'self' 'unsafe-inline'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

describe('Content-Security-Policy', () => {
  it('the header adds frame-ancestors to the meta policy, which must not carry it', () => {
    expect(metaContentSecurityPolicy).toBe(meta)
    expect(contentSecurityPolicy).toBe(`${meta}; frame-ancestors 'none'`)
    expect(securityHeaders['Content-Security-Policy']).toBe(contentSecurityPolicy)
  })

  it.each([
    // Hashes computed with `printf '<text>' | openssl dgst -sha256 -binary | base64`.
    ['alert(1)', "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"],
    ['', "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"],
    ['é', "'sha256-SplVfkAzw1Od4utlRyAXytX5VX96BiWgnxw/biumnEw='"],
  ])('an inline script %j is allowed by %s', (script, source) => {
    expect(inlineScriptSource(script)).toBe(source)
  })

  it.each([
    [[], meta],
    [['alert(1)'], meta.replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='")],
    [
      ['alert(1)', ''],
      meta.replace(
        "script-src 'self' 'wasm-unsafe-eval'",
        "script-src 'self' 'wasm-unsafe-eval' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
      ),
    ],
  ])('the dev server allows exactly the inline scripts %j and relaxes nothing else', (scripts, expected) => {
    const dev = devSecurityHeaders(scripts)
    expect(dev['Content-Security-Policy']).toBe(`${expected}; frame-ancestors 'none'`)
    const { 'Content-Security-Policy': _devCsp, ...devRest } = dev
    const { 'Content-Security-Policy': _csp, ...rest } = securityHeaders
    expect(devRest).toEqual(rest)
  })
})

describe('the other headers', () => {
  it('are the fixed values', () => {
    expect(securityHeaders).toEqual({
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Permissions-Policy': permissionsPolicy,
    })
  })

  it('Permissions-Policy denies every listed feature to everyone and leaves clipboard-write to the copy buttons', () => {
    const entries = permissionsPolicy.split(', ')
    expect(entries.filter((e) => !/^[a-z][a-z-]*=\(\)$/.test(e))).toEqual([])
    const features = entries.map((e) => e.replace('=()', ''))
    expect(new Set(features).size).toBe(features.length)
    expect(features).toEqual(expect.arrayContaining(['camera', 'microphone', 'geolocation', 'usb', 'serial', 'hid', 'bluetooth', 'payment']))
    expect(features).not.toContain('clipboard-write')
  })
})

describe('Cache-Control', () => {
  it.each([
    ['', 'no-cache'],
    ['index.html', 'no-cache'],
    ['sw.js', 'no-cache'],
    ['registerSW.js', 'no-cache'],
    ['workbox-2fbc6a65.js', 'no-cache'],
    ['manifest.webmanifest', 'no-cache'],
    ['icon-192.png', 'no-cache'],
    ['assets-not-hashed.js', 'no-cache'],
    ['assets/index-CPh_kk_6.js', 'public, max-age=31536000, immutable'],
    ['assets/keygen.worker-4m0l1azc.js', 'public, max-age=31536000, immutable'],
    ['assets/codicon-DF1abBS2.ttf', 'public, max-age=31536000, immutable'],
  ])('%j is served with %s', (path, expected) => {
    expect(cacheControlFor(path)).toBe(expected)
  })
})

describe('_headers', () => {
  it('puts the security headers on /*, no-cache on each top-level file and the root, long caching on assets', () => {
    const text = headersFile(['sw.js', 'index.html', '_headers', 'workbox-1.js'])
    const blocks = text.trimEnd().split('\n\n')
    expect(blocks[0]).toMatch(/^# /)
    expect(blocks[1]).toBe(
      [
        '/*',
        `  Content-Security-Policy: ${meta}; frame-ancestors 'none'`,
        '  X-Content-Type-Options: nosniff',
        '  Referrer-Policy: no-referrer',
        '  Cross-Origin-Opener-Policy: same-origin',
        '  Cross-Origin-Resource-Policy: same-origin',
        `  Permissions-Policy: ${permissionsPolicy}`,
      ].join('\n'),
    )
    expect(blocks.slice(2)).toEqual([
      '/\n  Cache-Control: no-cache',
      '/index.html\n  Cache-Control: no-cache',
      '/sw.js\n  Cache-Control: no-cache',
      '/workbox-1.js\n  Cache-Control: no-cache',
      '/assets/*\n  Cache-Control: public, max-age=31536000, immutable',
    ])
    expect(text.endsWith('\n')).toBe(true)
  })
})
