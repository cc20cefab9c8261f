import { useAppStore } from '../../store/app-store'
import { PRESENTATION_SHORTCUT } from './use-presentation-mode'

/** Toggles the projector view: large type, high contrast, only the token and what it decodes to. */
export function PresentationButton() {
  const on = useAppStore((s) => s.presentationMode)
  const setOn = useAppStore((s) => s.setPresentationMode)
  return (
    <button
      type="button"
      aria-pressed={on}
      aria-keyshortcuts={PRESENTATION_SHORTCUT.aria}
      title={`Presentation mode (${PRESENTATION_SHORTCUT.label}): large type, high contrast, side panels hidden`}
      onClick={() => setOn(!on)}
      className={`rounded-md border px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
        on
          ? 'border-slate-900 bg-slate-900 text-white hover:bg-slate-700 dark:border-slate-100 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-slate-300'
          : 'border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800'
      }`}
    >
      Presentation mode
    </button>
  )
}
