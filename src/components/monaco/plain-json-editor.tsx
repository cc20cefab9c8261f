import { useState } from 'react'
import type { MonacoJsonEditorProps } from './monaco-json-editor'

/** Props of {@link PlainJsonEditor}: those of the code editor, without its loading fallback. */
export type PlainJsonEditorProps = Omit<MonacoJsonEditorProps, 'fallback'>

const MIN_ROWS = 5
const MAX_ROWS = 22

/**
 * The Header/Payload editor as a native text area (Settings → "Plain text editors"): the same text,
 * edits and revisions as the code editor, without loading it. Like the code editor, the owner's
 * `value` replaces the text only when `revision` changes, so the re-encoded echo of the user's own
 * typing never moves the cursor.
 */
export function PlainJsonEditor({ ariaLabel, schema, value, revision, readOnly, onUserEdit }: PlainJsonEditorProps) {
  const [shown, setShown] = useState({ revision, text: value })
  // Render-time sync: a new revision from the owner replaces whatever was typed.
  if (shown.revision !== revision) setShown({ revision, text: value })
  const text = shown.revision === revision ? shown.text : value
  const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, text.split('\n').length))

  return (
    <textarea
      data-testid={`${schema}-plain`}
      aria-label={ariaLabel}
      value={text}
      rows={rows}
      readOnly={readOnly}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      onChange={(e) => {
        const next = e.target.value
        setShown({ revision, text: next })
        onUserEdit(next)
      }}
      className="block max-h-[420px] min-h-24 w-full resize-y bg-transparent px-3 py-1.5 font-mono text-[13px] leading-[19px] text-slate-800 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600 dark:text-slate-200"
    />
  )
}
