import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { wasmModulePath, wasmModuleSource } from '../scripts/build-wasm.mjs'
import { buildHmacSimdWasm } from '../scripts/wasm/hmac-simd.mjs'

describe('the cracker\'s WebAssembly module', () => {
  it('is committed exactly as `npm run build:wasm` builds it from the generator', async () => {
    const fresh = wasmModuleSource(await buildHmacSimdWasm())
    expect(readFileSync(wasmModulePath, 'utf8'), 'run `npm run build:wasm` and commit the result').toBe(fresh)
  })

  it('builds the same bytes twice', async () => {
    expect(Buffer.from(await buildHmacSimdWasm()).equals(Buffer.from(await buildHmacSimdWasm()))).toBe(true)
  })
})
