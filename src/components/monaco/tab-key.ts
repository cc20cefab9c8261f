import type { OnMount } from '@monaco-editor/react'
import { monaco } from './monaco-setup'

type StandaloneEditor = Parameters<OnMount>[0]

// Monaco's own toggle uses these keys; Cmd+M would minimise the window on a Mac.
const isMac = typeof navigator !== 'undefined' && navigator.userAgent.includes('Macintosh')

/** The key that switches Tab between moving focus and indenting, as shown to the user. */
export const TAB_TOGGLE_KEY_LABEL = isMac ? 'Ctrl+Shift+M' : 'Ctrl+M'

const TAB_TOGGLE_KEY = isMac
  ? monaco.KeyMod.WinCtrl | monaco.KeyMod.Shift | monaco.KeyCode.KeyM
  : monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM

/** Per-editor context key: true while Tab indents in this editor. */
const TAB_INDENTS_KEY = 'jwtLabTabIndents'

// Escape closes Monaco's own widgets and secondary cursors first; only a bare Escape leaves indent mode.
const ESCAPE_LEAVES_WHEN = [
  TAB_INDENTS_KEY,
  '!suggestWidgetVisible',
  '!findWidgetVisible',
  '!parameterHintsVisible',
  '!renameInputVisible',
  '!editorHoverVisible',
  '!codeActionMenuVisible',
  '!inSnippetMode',
  '!editorHasMultipleSelections',
].join(' && ')

/** What the Tab key handling reports to the component that owns the indent state. */
export interface TabKeyHandlers {
  /** The user pressed the toggle key in this editor. */
  readonly onToggle: () => void
  /** The user pressed Escape while Tab indents. */
  readonly onLeave: () => void
}

/**
 * Keyboard access for an editor whose Tab moves focus (Monaco's `tabFocusMode`, set by the owner):
 * the toggle key switches Tab to indenting in this editor only, and Escape switches it back, so the
 * keyboard is never trapped (WCAG 2.1.2). Actions, unlike `addCommand`, are bound to this editor
 * alone; they also override Monaco's global toggle, whose state the owner could not show.
 * Returns the setter the owner calls whenever its indent state changes.
 */
export function attachTabKey(editor: StandaloneEditor, handlers: TabKeyHandlers): (tabIndents: boolean) => void {
  const tabIndents = editor.createContextKey<boolean>(TAB_INDENTS_KEY, false)
  editor.addAction({
    id: 'jwt-lab.toggle-tab-indents',
    label: 'Toggle Tab: indent or move to the next field',
    keybindings: [TAB_TOGGLE_KEY],
    run: () => handlers.onToggle(),
  })
  editor.addAction({
    id: 'jwt-lab.leave-tab-indents',
    label: 'Tab moves to the next field',
    keybindings: [monaco.KeyCode.Escape],
    keybindingContext: ESCAPE_LEAVES_WHEN,
    precondition: TAB_INDENTS_KEY,
    run: () => handlers.onLeave(),
  })
  return (on) => tabIndents.set(on)
}
