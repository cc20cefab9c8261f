import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

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
    // Features are independent: src/app composes them.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^\\.\\./(?!\\.)[^/]+/', message: 'Features must not import each other; compose them in src/app.' },
          { regex: '/features/', message: 'Features must not import each other; compose them in src/app.' },
        ],
      }],
    },
  },
)
