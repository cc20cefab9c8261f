import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { exampleEntries, openingExample } from './catalog'
import { examples } from './examples-data'

const here = fileURLToPath(new URL('.', import.meta.url))
const srcDir = join(here, '../..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name)
    if (d.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : []
  })
}

describe('the Examples menu catalog', () => {
  it('lists every bundled example once, in the generated order, with its label', () => {
    expect(exampleEntries.map((x) => [x.id, x.label])).toEqual(examples.map((x) => [x.id, x.label]))
  })

  it('opens with the HS256 example', () => {
    expect(openingExample.id).toBe('hs256')
    expect(openingExample).toEqual(examples[0])
  })

  it.each(exampleEntries.map((x) => [x.id, x] as const))('%s loads its own token and keys', async (id, entry) => {
    expect(await entry.load()).toEqual(examples.find((x) => x.id === id))
  })

  it('imports no example data statically except the opening one', () => {
    const catalog = readFileSync(join(here, 'catalog.ts'), 'utf8')
    const staticImports = [...catalog.matchAll(/^import [^(]*? from '(\.\/data\/[^']+)'/gm)].map((m) => m[1])
    expect(staticImports).toEqual(['./data/hs256'])
    const lazy = [...catalog.matchAll(/import\('(\.\/data\/[^']+)'\)/g)].map((m) => m[1])
    expect(lazy).toEqual(examples.slice(1).map((x) => `./data/${x.id}`))
  })

  it('no app module imports a data module or the all-examples module but the catalog', () => {
    const offenders = sourceFiles(srcDir).filter((path) => {
      const text = readFileSync(path, 'utf8')
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '')
      const inExamples = relative(here, path)
      if (inExamples === 'catalog.ts' || inExamples === 'examples-data.ts' || inExamples.startsWith('data/')) return false
      return imports.some((s) => /(^|\/)examples-data$|(^|\/)examples\/data\/|^\.\/data\//.test(s))
    })
    expect(offenders.map((p) => relative(srcDir, p))).toEqual([])
  })
})
