import { useAppStore } from '../../store/app-store'

/** Id of the Explain region, for `aria-controls`. */
export const EXPLAIN_REGION_ID = 'explain-region'

/** Opens and closes the step-by-step walkthrough of the current token. */
export function ExplainButton() {
  const open = useAppStore((s) => s.explainOpen)
  const setOpen = useAppStore((s) => s.setExplainOpen)
  return (
    <button
      type="button"
      data-explain-toggle=""
      aria-expanded={open}
      aria-controls={open ? EXPLAIN_REGION_ID : undefined}
      onClick={() => setOpen(!open)}
      title="Walk through how this token is encoded and signed, step by step"
      className={`rounded-md border px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
        open
          ? 'border-sky-600 bg-sky-600 text-white hover:bg-sky-700 dark:border-sky-500 dark:bg-sky-600'
          : 'border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800'
      }`}
    >
      Explain
    </button>
  )
}
