/**
 * Monaco, bundled from the installed package (never a CDN), with only the editor core, its standard
 * features and the JSON language. Imported lazily by `monaco-json-editor.tsx`, so none of this is in
 * the first-paint bundle.
 */
import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import { jsonDefaults } from 'monaco-editor/languages/features/json/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/language/json/json.worker?worker'
import { describeTime, headerJsonSchema, payloadJsonSchema } from '../../core'
import { registerMemberHover } from './member-hover'

/** Model paths of the two editors; the JSON schemas are attached to them. */
export const HEADER_MODEL_PATH = 'inmemory://jwt-lab/header.json'
export const PAYLOAD_MODEL_PATH = 'inmemory://jwt-lab/payload.json'

/** Claims holding a NumericDate, whose date is shown on hover. */
export const TIME_CLAIMS: readonly string[] = ['exp', 'nbf', 'iat', 'auth_time', 'updated_at']

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
}

loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] })

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  // Schemas are given inline; the editor must never fetch anything.
  enableSchemaRequest: false,
  schemas: [
    { uri: 'inmemory://jwt-lab/schema/header', fileMatch: [monaco.Uri.parse(HEADER_MODEL_PATH).toString()], schema: headerJsonSchema() },
    { uri: 'inmemory://jwt-lab/schema/payload', fileMatch: [monaco.Uri.parse(PAYLOAD_MODEL_PATH).toString()], schema: payloadJsonSchema() },
  ],
})
// Member descriptions depend on context (the header's other members, the recognised issuer), which
// a static schema cannot express: `member-hover.ts` gives them, so the schema's own hovers are off.
// The schemas still drive completion and validation.
jsonDefaults.setModeConfiguration({ ...jsonDefaults.modeConfiguration, hovers: false })
registerMemberHover(monaco, { header: HEADER_MODEL_PATH, payload: PAYLOAD_MODEL_PATH })

// `"exp": 1300819380` on one line: the member name and its numeric value, with their columns.
const TIME_MEMBER = new RegExp(`"(${TIME_CLAIMS.join('|')})"\\s*:\\s*(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)`, 'g')

function localTime(seconds: number): string | null {
  const ms = seconds * 1000
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'long' })
}

monaco.languages.registerHoverProvider('json', {
  provideHover(model, position) {
    const line = model.getLineContent(position.lineNumber)
    for (const match of line.matchAll(TIME_MEMBER)) {
      const start = (match.index ?? 0) + 1
      const end = start + match[0].length
      if (position.column < start || position.column > end) continue
      const name = match[1] ?? ''
      const literal = match[2] ?? ''
      const value = /^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal)) ? BigInt(literal) : Number(literal)
      const info = describeTime(value, Math.floor(Date.now() / 1000))
      if (info === null) return null
      const local = localTime(info.seconds)
      const lines = [`**\`${name}\`**: ${info.iso} (${info.relative})`]
      if (local !== null) lines.push(`Local time: ${local}`)
      if (info.looksLikeMilliseconds) lines.push('⚠ This looks like milliseconds; NumericDate values are seconds.')
      return {
        range: new monaco.Range(position.lineNumber, start, position.lineNumber, end),
        contents: lines.map((value) => ({ value })),
      }
    }
    return null
  },
})

export { monaco }
