import { useId } from 'react'
import { buttonClass } from '../ui'
import { TAB_TOGGLE_KEY_LABEL } from './tab-key'

interface TabKeyHintProps {
  /** The editor's accessible name, so that the two toggles on the page are told apart. */
  readonly editorName: string
  readonly tabIndents: boolean
  readonly onToggle: () => void
}

/**
 * The line under an editor that says what Tab does there and how to change it, with a toggle for
 * pointer users (the line describes the toggle). It is a live region: switching with the keyboard inside
 * the editor is announced too.
 */
export function TabKeyHint({ editorName, tabIndents, onToggle }: TabKeyHintProps) {
  const hintId = useId()
  const text = tabIndents
    ? `Tab indents · Esc or ${TAB_TOGGLE_KEY_LABEL}: Tab moves to the next field`
    : `Tab moves to the next field · ${TAB_TOGGLE_KEY_LABEL}: Tab indents`
  return (
    <div className="flex items-center justify-between gap-2 border-t border-slate-200 px-2 py-0.5 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
      <span id={hintId} aria-live="polite">
        {text}
      </span>
      <button
        type="button"
        aria-pressed={tabIndents}
        aria-label={`Tab indents in ${editorName}`}
        aria-describedby={hintId}
        className={buttonClass('secondary', 'xs', 'shrink-0 aria-pressed:bg-slate-200 aria-pressed:text-slate-900 dark:aria-pressed:bg-slate-700 dark:aria-pressed:text-slate-100')}
        onClick={onToggle}
      >
        Tab indents
      </button>
    </div>
  )
}
