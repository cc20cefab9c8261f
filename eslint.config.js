import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { localRules } from './scripts/eslint/require-tsdoc.mjs'

/** Relative imports of these top-level folders of src/, from anywhere below src/. */
const notAbove = (...folders) => folders.map((folder) => ({
  regex: `^\\.\\.?/(\\.\\./)*${folder}(/|$)`,
  message: `This layer must not import src/${folder}: imports point down (app → features → shared layers → core).`,
}))

/** Outside src/core only the core's face may be imported, and JOSE plumbing stays inside the core. */
const outsideCore = [
  { regex: '(^|/)core/.', message: "Import the core only through its face ('…/core'), not its rooms' files." },
  { group: ['jose', 'jose/*'], message: 'jose is used only inside src/core; use what the core exports (e.g. its base64url helpers).' },
]

/** Writing the store directly (outside src/store): `useAppStore.setState`, in any spelling. */
const storeSetStateMessage = "Change state through a named action of the store (src/store), not useAppStore.setState."
const storeSetState = [
  "MemberExpression[object.name='useAppStore'][property.name='setState']",
  "MemberExpression[object.name='useAppStore'][property.value='setState']",
  "VariableDeclarator[init.name='useAppStore'] > ObjectPattern > Property[key.name='setState']",
].map((selector) => ({ selector, message: storeSetStateMessage }))

const uiModules = ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'monaco-editor', 'monaco-editor/*', '@monaco-editor/react']

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Build, test and benchmark scripts run in Node.
    files: ['scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}', 'e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The JOSE engine must stay pure: it runs in Node and in workers, and is unit-tested without a DOM.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: uiModules, message: 'src/core is pure TypeScript: no React, zustand or Monaco.' },
          { group: ['**/app/**', '**/features/**', '**/store/**', '**/components/**', '**/workers/**'], message: 'src/core must not import UI code.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'src/core runs in Node and workers: no DOM.' },
        { name: 'document', message: 'src/core runs in Node and workers: no DOM.' },
        { name: 'localStorage', message: 'src/core must not persist anything.' },
        { name: 'navigator', message: 'src/core runs in Node and workers: no DOM.' },
      ],
    },
  },
  {
    // Features are independent: src/app composes them; they sit above every shared layer.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^\\.\\./(?!\\.)[^/]+/', message: 'Features must not import each other; compose them in src/app.' },
          { regex: '/features/', message: 'Features must not import each other; compose them in src/app.' },
          ...notAbove('app'),
          ...outsideCore,
        ],
      }],
    },
  },
  {
    // Shared layers serve the features and the app, never the other way round.
    files: ['src/{components,hooks,session,store,workers}/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...notAbove('features', 'app'), ...outsideCore] }] },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: outsideCore }] },
  },
  {
    // State changes go through the store's named actions, so each field is written by one piece of code.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/store/**'],
    rules: {
      'no-restricted-syntax': ['error', ...storeSetState],
    },
  },
  {
    // Every export of the engine is documented where it is declared.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    plugins: { local: localRules },
    rules: { 'local/require-tsdoc': 'error' },
  },
)
