import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import Editor, { type OnMount } from '@monaco-editor/react'
import { HEADER_MODEL_PATH, PAYLOAD_MODEL_PATH } from './monaco-setup'
import { attachTeachingMode } from './teaching-mode'
import { attachTabKey } from './tab-key'
import { TabKeyHint } from './tab-key-hint'

type StandaloneEditor = Parameters<OnMount>[0]

/** Props of the Monaco-backed editor (see `JsonEditor` for the lazy wrapper). */
export interface MonacoJsonEditorProps {
  /** Accessible name of the editor's text box (`Header`, `Payload`). */
  readonly ariaLabel: string
  /** Which schema applies: the JOSE header or the JWT claims. */
  readonly schema: 'header' | 'payload'
  readonly language: 'json' | 'plaintext'
  /** Text pushed from outside (a new token). Applied only when `revision` changes. */
  readonly value: string
  /** Bumped by the owner whenever `value` comes from elsewhere and must replace the editor's text. */
  readonly revision: number
  readonly readOnly: boolean
  /** Called with the editor's text after each edit by the user (not after `value` is applied). */
  readonly onUserEdit: (text: string) => void
  /** Shown until the editor is ready. */
  readonly fallback: ReactNode
}

function useDarkClass(): boolean {
  const [dark, setDark] = useState(() => document.documentElement.classList.contains('dark'))
  useEffect(() => {
    const observer = new MutationObserver(() => setDark(document.documentElement.classList.contains('dark')))
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
    return () => observer.disconnect()
  }, [])
  return dark
}

/**
 * Beyond this many characters, costly niceties are skipped: JSON language service (validation, hovers,
 * folding), wrapping, bracket colours and undoable replacement. 10,000 claims stay responsive.
 */
const LARGE_TEXT = 50_000

const MIN_HEIGHT = 96
const MAX_HEIGHT = 420

/**
 * A Monaco editor that the owner updates by revision rather than on every render, so that the text
 * the user is typing is never overwritten by its own re-encoded echo (no cursor jumps).
 */
export default function MonacoJsonEditor(props: MonacoJsonEditorProps) {
  const { ariaLabel, schema, language, value, revision, readOnly, onUserEdit, fallback } = props
  const editorRef = useRef<StandaloneEditor | null>(null)
  const applying = useRef(false)
  const onEditRef = useRef(onUserEdit)
  // @monaco-editor/react keeps the first onMount it was given: it must read the latest value via a ref.
  const valueRef = useRef(value)
  const [height, setHeight] = useState(MIN_HEIGHT)
  const dark = useDarkClass()
  // Tab moves focus unless the user asked for it to indent (no keyboard trap, WCAG 2.1.2).
  const [tabIndents, setTabIndents] = useState(false)
  const [mounted, setMounted] = useState(false)
  const setTabIndentsKey = useRef<((on: boolean) => void) | null>(null)
  // A read-only editor never indents; it starts again from "Tab moves" once it is editable.
  if (readOnly && tabIndents) setTabIndents(false)
  const indenting = tabIndents && !readOnly

  useEffect(() => {
    onEditRef.current = onUserEdit
    valueRef.current = value
  }, [onUserEdit, value])

  useEffect(() => {
    const editor = editorRef.current
    const model = editor?.getModel()
    if (!editor || !model || model.getValue() === value) return
    applying.current = true
    // An edit operation keeps undo history across token changes; huge texts are simply replaced.
    if (value.length > LARGE_TEXT) model.setValue(value)
    else model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null)
    applying.current = false
    // `value` is read only when the owner bumps the revision.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision])

  useEffect(() => setTabIndentsKey.current?.(indenting), [indenting, mounted])

  const onMount: OnMount = (editor) => {
    editorRef.current = editor
    const model = editor.getModel()
    if (model && model.getValue() !== valueRef.current) model.setValue(valueRef.current)
    const resize = () => setHeight(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, editor.getContentHeight())))
    editor.onDidContentSizeChange(resize)
    resize()
    editor.onDidChangeModelContent(() => {
      if (!applying.current) onEditRef.current(editor.getValue())
    })
    attachTeachingMode(editor, schema)
    setTabIndentsKey.current = attachTabKey(editor, {
      onToggle: () => setTabIndents((on) => !on),
      onLeave: () => setTabIndents(false),
    })
    setMounted(true)
  }

  const large = value.length > LARGE_TEXT
  // A new options object on every render would make the wrapper call updateOptions every time.
  const options = useMemo(
    () => ({
      ariaLabel,
      readOnly,
      tabFocusMode: !indenting,
      // Typing a quote or brace over a selection would wrap it instead of replacing it: replacing a
      // selected document with new JSON (select all, type or insert) must give exactly that JSON.
      autoSurround: 'never' as const,
      minimap: { enabled: false },
      // Wrapping and folding are computed over the whole document: skipped for huge ones.
      wordWrap: large ? ('off' as const) : ('on' as const),
      wrappingIndent: 'indent' as const,
      scrollBeyondLastLine: false,
      automaticLayout: true,
      fontSize: 13,
      lineNumbersMinChars: 3,
      folding: !large,
      tabSize: 2,
      renderLineHighlight: 'none' as const,
      overviewRulerLanes: 0,
      scrollbar: { alwaysConsumeMouseWheel: false },
      fixedOverflowWidgets: true,
      padding: { top: 6, bottom: 6 },
      // Bracket pairs are recomputed on every render of a large document and dominate its cost.
      bracketPairColorization: { enabled: !large },
      guides: { bracketPairs: false, indentation: !large },
      matchBrackets: large ? ('never' as const) : ('always' as const),
    }),
    [ariaLabel, readOnly, large, indenting],
  )

  return (
    <>
      <Editor
        height={height}
        defaultValue={value}
        path={schema === 'header' ? HEADER_MODEL_PATH : PAYLOAD_MODEL_PATH}
        language={large ? 'plaintext' : language}
        theme={dark ? 'vs-dark' : 'vs'}
        loading={fallback}
        onMount={onMount}
        options={options}
      />
      {mounted && !readOnly && (
        <TabKeyHint editorName={ariaLabel} tabIndents={indenting} onToggle={() => setTabIndents((on) => !on)} />
      )}
    </>
  )
}
