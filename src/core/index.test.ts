import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as core from './index'

const ROOMS = ['token', 'keys', 'claims', 'crack', 'lint', 'attacks', 'practice', 'delegation', 'dpop', 'explain']

describe("the core's face", () => {
  // The cap exists because a face that keeps growing means rooms leak their internals: the app should
  // need a few entry points per room, and heavy rooms only their on-demand loader. It was 80 at 67
  // names; SD-JWT (loadSdJwt, splitSdJwt), JWE (loadJwe, jweEnvelopeHeader, a limit), key discovery
  // (keyTextUrl, offersDiscovery, loadDiscovery), certificates (loadX509), OpenID Connect hashes
  // (loadOidcHashes), the JWS JSON serialization, issuer descriptions and on-demand lint rules
  // brought it to 87; the key store's loader (loadKeyStore) to 88, cap 91. A new run-time export needs
  // a caller outside src/core.
  it('exports at most 91 names at run time', () => {
    const names = Object.keys(core)
    expect(names.length).toBeGreaterThan(0)
    expect(names.length).toBeLessThanOrEqual(91)
  })

  it.each(ROOMS)('room %s has a face of explicit named exports', (room) => {
    expect(readdirSync(new URL(`./${room}/`, import.meta.url))).toContain('index.ts')
    const face = readFileSync(new URL(`./${room}/index.ts`, import.meta.url), 'utf8')
    expect(face).not.toMatch(/export\s+(type\s+)?\*/)
  })

  it('the top index lists names, no export *', () => {
    expect(readFileSync(new URL('./index.ts', import.meta.url), 'utf8')).not.toMatch(/export\s+(type\s+)?\*/)
  })
})
