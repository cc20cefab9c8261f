import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// Probes for the architecture rules in eslint.config.js: each wall must stop a real violation, and
// the allowed form next to it must pass, so a rule that silently stops matching fails here.
const eslint = new ESLint({ cwd: process.cwd() })

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`)
}

const walls: readonly [string, string, string, RegExp][] = [
  ['a feature importing src/app', 'src/features/claims/probe.ts', "import { App } from '../../app/app'\nexport const x = App", /^no-restricted-imports: .*must not import src\/app/],
  ['a feature importing another feature', 'src/features/claims/probe.ts', "import { SharePanel } from '../share/share-panel'\nexport const x = SharePanel", /^no-restricted-imports: .*Features must not import each other/],
  ['a component importing a feature', 'src/components/probe.tsx', "import { ClaimsTable } from '../features/claims/claims-table'\nexport const x = ClaimsTable", /^no-restricted-imports: .*must not import src\/features/],
  ['a hook importing the app', 'src/hooks/probe.ts', "import { boot } from '../app/boot'\nexport const x = boot", /^no-restricted-imports: .*must not import src\/app/],
  ['the store importing a feature', 'src/store/probe.ts', "import { loadExample } from '../features/examples/load-example'\nexport const x = loadExample", /^no-restricted-imports: .*must not import src\/features/],
  ['a session hook importing a feature', 'src/session/probe.ts', "import { x as y } from '../features/claims/x'\nexport const x = y", /^no-restricted-imports: .*must not import src\/features/],
  ['a worker importing the app', 'src/workers/probe.ts', "import { boot } from '../app/boot'\nexport const x = boot", /^no-restricted-imports: .*must not import src\/app/],
  ['UI code importing a core room file', 'src/features/claims/probe.ts', "import { decodeToken } from '../../core/token/decode'\nexport const x = decodeToken", /^no-restricted-imports: .*only through its face/],
  ['UI code importing jose', 'src/app/probe.ts', "import { base64url } from 'jose'\nexport const x = base64url", /^no-restricted-imports: .*jose is used only inside src\/core/],
  ['the core importing React', 'src/core/token/probe.ts', "import { useState } from 'react'\n/** Probe. */\nexport const x = useState", /^no-restricted-imports: .*src\/core is pure TypeScript/],
  ['an undocumented core export', 'src/core/token/probe.ts', 'export const answer = 42', /^local\/require-tsdoc: Exported "answer" needs a TSDoc comment/],
  ['an undocumented core function', 'src/core/keys/probe.ts', 'export function f(): number {\n  return 1\n}', /^local\/require-tsdoc: Exported "f" needs a TSDoc comment/],
]

const allowed: readonly [string, string, string][] = [
  ['a feature importing the core face', 'src/features/claims/probe.ts', "import { decodeToken } from '../../core'\nexport const x = decodeToken"],
  ['the app importing a feature', 'src/app/probe.ts', "import { ClaimsTable } from '../features/claims/claims-table'\nexport const x = ClaimsTable"],
  ['a feature importing the store and components', 'src/features/claims/probe.ts', "import { useAppStore } from '../../store/app-store'\nimport { Panel } from '../../components/panel'\nexport const x = [useAppStore, Panel]"],
  ['the core importing jose', 'src/core/token/probe.ts', "import { base64url } from 'jose'\n/** Probe. */\nexport const x = base64url"],
  ['a documented core export', 'src/core/token/probe.ts', '/** The answer. */\nexport const answer = 42'],
  ['a core re-export (a room face)', 'src/core/token/probe.ts', "export { decodeToken } from './decode'"],
  ['an undocumented export in a core test', 'src/core/token/probe.test.ts', 'export const answer = 42'],
]

describe('architecture walls in the lint', () => {
  it.each(walls)('%s is an error', async (_name, filePath, code, expected) => {
    const found = await problems(filePath, code)
    expect(found.some((p) => expected.test(p)), found.join('\n')).toBe(true)
  })

  it.each(allowed)('%s passes', async (_name, filePath, code) => {
    expect(await problems(filePath, code)).toEqual([])
  })
})
