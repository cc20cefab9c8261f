import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as core from './index'

const ROOMS = ['token', 'keys', 'claims', 'crack', 'lint', 'attacks', 'practice', 'delegation', 'dpop', 'explain']

describe("the core's face", () => {
  it('exports at most 80 names at run time', () => {
    const names = Object.keys(core)
    expect(names.length).toBeGreaterThan(0)
    expect(names.length).toBeLessThanOrEqual(80)
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
