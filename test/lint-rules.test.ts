import { describe, expect, it } from 'vitest'
import { lintSnippet } from './lint-snippet'

// Probes for rules in eslint.config.js: each must report a real violation, and the allowed form next
// to it must pass, so a rule whose selector silently stops matching fails here.

const SET_STATE = 'Change state through a named action of the store (src/store), not useAppStore.setState.'
const storeImport = (depth: number) => `import { useAppStore } from '${'../'.repeat(depth)}store/app-store'\n`

describe('useAppStore.setState only inside src/store', () => {
  it.each([
    ['a feature calling setState', 'src/features/signing/probe.ts', `${storeImport(2)}useAppStore.setState({ token: '' })\n`],
    ['a feature component calling setState', 'src/features/lessons/probe.tsx', `${storeImport(2)}export const Probe = () => <button onClick={() => useAppStore.setState({ algorithm: 'none' })}>x</button>\n`],
    ['setState as a computed member', 'src/features/examples/probe.ts', `${storeImport(2)}useAppStore['setState']({ token: '' })\n`],
    ['setState destructured from the store', 'src/features/delegation/probe.ts', `${storeImport(2)}const { setState } = useAppStore\nsetState({ token: '' })\n`],
    ['setState passed on without a call', 'src/features/signing/probe.ts', `${storeImport(2)}export const write = useAppStore.setState\n`],
    ['the app calling setState', 'src/app/probe.ts', `${storeImport(1)}useAppStore.setState({ token: '' })\n`],
    ['a hook calling setState', 'src/hooks/probe.ts', `${storeImport(1)}export const reset = () => useAppStore.setState({ token: '' })\n`],
    ['a session hook calling setState', 'src/session/probe.ts', `${storeImport(1)}export const reset = () => useAppStore.setState({ token: '' })\n`],
    ['a component calling setState', 'src/components/probe.tsx', `${storeImport(1)}export const reset = () => useAppStore.setState({ token: '' })\n`],
    ['a feature test calling setState', 'src/features/signing/probe.test.ts', `${storeImport(2)}useAppStore.setState({ token: '' })\n`],
  ])('%s is an error', async (_name, filePath, code) => {
    const found = await lintSnippet(filePath, code)
    expect(found).toContainEqual({ ruleId: 'no-restricted-syntax', message: SET_STATE })
  })

  it.each([
    ['the store writing its own state', 'src/store/probe.ts', "import { useAppStore } from './app-store'\nexport const reset = () => useAppStore.setState({ token: '' })\n"],
    ['a feature calling a named action', 'src/features/signing/probe.ts', `${storeImport(2)}useAppStore.getState().loadSession({ token: '' })\n`],
    ['a feature selecting an action', 'src/features/signing/probe.tsx', `${storeImport(2)}export function Probe() {\n  const setToken = useAppStore((s) => s.setToken)\n  return <button onClick={() => setToken('')}>x</button>\n}\n`],
    ['a setState of local React state', 'src/features/signing/probe.tsx', "import { useState } from 'react'\nexport function Probe() {\n  const [, setState] = useState(0)\n  return <button onClick={() => setState(1)}>x</button>\n}\n"],
  ])('%s passes', async (_name, filePath, code) => {
    expect(await lintSnippet(filePath, code)).toEqual([])
  })
})
