import { lazy, Suspense, useEffect, useRef, type KeyboardEvent } from 'react'
import type { MonacoJsonEditorProps } from './monaco-json-editor'
import { useAppStore } from '../../store/app-store'
import { reachFirstViewIdle, useAfterFirstView } from './after-first-view'
import { PlainJsonEditor } from './plain-json-editor'

// Monaco (≈1 MB gzip) is fetched only once the first view is painted and the page is idle, or when the
// user reaches for an editor; until then the JSON is shown read-only. Both editors share the module.
const MonacoJsonEditor = lazy(async () => {
  await import('./monaco-setup')
  return import('./monaco-json-editor')
})

/** Props of {@link JsonEditor}. */
export type JsonEditorProps = Omit<MonacoJsonEditorProps, 'fallback'>

/**
 * Moves focus into the editor's text box once it is shown (checked every 50 ms for up to a minute),
 * unless the user has gone to another element meanwhile: the read-only view is replaced under them.
 */
function handFocusWhenReady(root: HTMLElement, ariaLabel: string, stillWanted: () => boolean): () => void {
  let tries = 1200
  const timer = setInterval(() => {
    // Monaco's text box is a textarea, or an element with role textbox where EditContext is used.
    const box = [...root.querySelectorAll<HTMLElement>('.monaco-editor textarea, .monaco-editor [role="textbox"]')].find(
      (t) => t.getAttribute('aria-label') === ariaLabel && t.getClientRects().length > 0,
    )
    if (!box && --tries > 0) return
    clearInterval(timer)
    const active = document.activeElement
    if (box && stillWanted() && (active === null || active === document.body || root.contains(active))) box.focus()
  }, 50)
  return () => clearInterval(timer)
}

/**
 * The Header/Payload editor: Monaco with the claim schemas and time hovers, loaded lazily, or a native
 * text area when the user chose plain text editors (Monaco is then never loaded).
 */
export function JsonEditor(props: JsonEditorProps) {
  const plain = useAppStore((s) => s.plainEditors)
  return plain ? <PlainJsonEditor {...props} /> : <DeferredMonacoEditor {...props} />
}

/**
 * Monaco, loaded lazily. The first view never waits for it: the text is shown in a plain read-only
 * block meanwhile, which keyboard and pointer users can reach; reaching it loads the editor at once
 * and hands focus to it.
 */
function DeferredMonacoEditor(props: JsonEditorProps) {
  const load = useAfterFirstView()
  const root = useRef<HTMLDivElement>(null)
  const wantsFocus = useRef(false)
  const stopHandOver = useRef<(() => void) | null>(null)

  useEffect(() => () => stopHandOver.current?.(), [])

  const reach = () => {
    wantsFocus.current = true
    reachFirstViewIdle()
    if (root.current && !stopHandOver.current) stopHandOver.current = handFocusWhenReady(root.current, props.ariaLabel, () => wantsFocus.current)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    // Tab and Shift+Tab keep moving through the page; any other key means the user wants to edit.
    if (e.key !== 'Tab') reach()
  }

  const fallback = (
    <pre
      data-testid={`${props.schema}-fallback`}
      role="textbox"
      aria-label={props.ariaLabel}
      aria-multiline="true"
      aria-readonly="true"
      tabIndex={0}
      onFocus={reach}
      onMouseDown={reach}
      onKeyDown={onKeyDown}
      // Focus leaving for another element means the user moved on: do not pull it back later.
      onBlur={(e) => {
        if (e.relatedTarget !== null) wantsFocus.current = false
      }}
      className="max-h-[420px] min-h-24 overflow-auto px-3 py-1.5 font-mono text-[13px] leading-[19px] break-all whitespace-pre-wrap text-slate-800 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600 dark:text-slate-200"
    >
      {props.value}
    </pre>
  )
  return (
    <div ref={root}>
      {load ? (
        <Suspense fallback={fallback}>
          <MonacoJsonEditor {...props} fallback={fallback} />
        </Suspense>
      ) : (
        fallback
      )}
    </div>
  )
}
