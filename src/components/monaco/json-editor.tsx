import { lazy, Suspense } from 'react'
import type { MonacoJsonEditorProps } from './monaco-json-editor'

// Monaco (≈1 MB gzip) loads after first paint; until then the JSON is shown read-only.
const MonacoJsonEditor = lazy(async () => {
  await import('./monaco-setup')
  return import('./monaco-json-editor')
})

/** Props of {@link JsonEditor}. */
export type JsonEditorProps = Omit<MonacoJsonEditorProps, 'fallback'>

/**
 * The Header/Payload editor: Monaco with the claim schemas and time hovers, loaded lazily. The first
 * view never waits for it: the text is shown in a plain read-only block meanwhile.
 */
export function JsonEditor(props: JsonEditorProps) {
  const fallback = (
    <pre
      data-testid={`${props.schema}-fallback`}
      className="max-h-[420px] min-h-24 overflow-auto px-3 py-1.5 font-mono text-[13px] leading-[19px] break-all whitespace-pre-wrap text-slate-800 dark:text-slate-200"
    >
      {props.value}
    </pre>
  )
  return (
    <Suspense fallback={fallback}>
      <MonacoJsonEditor {...props} fallback={fallback} />
    </Suspense>
  )
}
