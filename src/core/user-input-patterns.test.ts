import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { inputPatterns, type InputPattern } from './user-input-patterns'

const root = fileURLToPath(new URL('../../', import.meta.url))
const src = join(root, 'src')
const LIST = 'src/core/user-input-patterns.ts'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** `file /source/flags` for every regular expression literal, `file new RegExp` for every construction. */
function patternsInCode(): string[] {
  const found: string[] = []
  for (const path of sourceFiles(src)) {
    const file = relative(root, path).split('\\').join('/')
    if (file === LIST) continue
    const text = readFileSync(path, 'utf8')
    const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = (node as ts.RegularExpressionLiteral).text
        const end = literal.lastIndexOf('/')
        found.push(`${file} ${String(new RegExp(literal.slice(1, end), literal.slice(end + 1)))}`)
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        found.push(`${file} new RegExp`)
      }
      ts.forEachChild(node, visit)
    }
    visit(ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind))
  }
  return [...new Set(found)].sort()
}

const listed = (p: InputPattern): string => (p.built ? `${p.file} new RegExp` : `${p.file} ${String(p.pattern)}`)

describe('the list of patterns on user input', () => {
  it('names every regular expression in src/ and nothing else', () => {
    const inCode = patternsInCode()
    const inList = [...new Set(inputPatterns.map(listed))].sort()
    const missing = inCode.filter((key) => !inList.includes(key))
    const stale = inList.filter((key) => !inCode.includes(key))
    // A failure names what to add to (or remove from) src/core/user-input-patterns.ts, with why it is linear.
    expect({ missing, stale }).toEqual({ missing: [], stale: [] })
  })

  it('lists each pattern once, with a reason and a probe', () => {
    const keys = inputPatterns.map(listed)
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([])
    expect(inputPatterns.filter((p) => p.input === '' || p.linear === '' || p.probe === '')).toEqual([])
  })
})

const MB = 1_000_000
// Generous, for a loaded machine: a quadratic pattern on these inputs takes minutes, a linear one milliseconds.
const HANG_GUARD = 30_000

/** `probe` repeated to `length` characters, the last one replaced by `tail` so that a match fails there. */
function adversarial(probe: string, length: number, tail: string): string {
  const body = probe.repeat(Math.ceil(length / probe.length)).slice(0, Math.max(0, length - tail.length))
  return body + tail
}

/** Runs the pattern over the whole text the way the code does: every match of a global one, else one search. */
function runOver(pattern: RegExp, text: string): number {
  const fresh = new RegExp(pattern.source, pattern.flags)
  if (fresh.global) return text.replace(fresh, '').length
  return text.search(fresh)
}

describe('each pattern on a megabyte of its worst text', () => {
  // A hang guard, not a benchmark: a quadratic pattern on a megabyte takes minutes, a linear one milliseconds.
  it.each(inputPatterns.map((p) => [`${p.file} ${String(p.pattern)}`, p] as const))('%s', (_name, p) => {
    const length = Math.min(p.maxLength ?? MB, MB)
    for (const tail of ['', '\u0000', '!', ' x']) {
      const text = adversarial(p.probe, length, tail.length < length ? tail : '')
      expect(() => runOver(p.pattern, text)).not.toThrow()
    }
  }, HANG_GUARD)

  // Near-matches for every kind of pattern in the list, tried on each of them (200 KB each).
  const fragments = [
    '=', ' ', '\t', '\n', '\r\n', '0', '9', '4 ', '4-', '-', '--', 'A', 'a', 'A ', '_', '.', '..', '../', '/', '\\', ':',
    '"', "'", '$(', '%2', '%2e', 'union ', 'select ', '-----BEGIN ', '-----BEGIN A ', 'AKIA', '123-45-', 'Proc-Type: ',
    '"alg":"', '"exp": ', 'https:/', 'bearer ', 'authorization: ', 'cookie: ', 'token', '&token', '0x', 'e', 'application',
  ]
  it.each(inputPatterns.filter((p) => p.maxLength === undefined).map((p) => [`${p.file} ${String(p.pattern)}`, p] as const))('%s: every near-match', (_name, p) => {
    for (const fragment of fragments) {
      for (const tail of ['', '\u0000', 'x']) expect(() => runOver(p.pattern, adversarial(fragment, 200_000, tail))).not.toThrow()
    }
  }, HANG_GUARD)
})
