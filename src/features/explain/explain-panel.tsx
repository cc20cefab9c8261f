import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { Button } from '../../components/ui'
import { useAppStore } from '../../store/app-store'
import { EXPLAIN_REGION_ID } from './explain-button'
import { StepView } from './step-view'
import { useExplainSteps } from './use-explain-steps'

/** Keys typed into these elements are theirs, not step navigation. */
const isTypingTarget = (el: EventTarget) => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement

/**
 * The `Explain` region: the walkthrough of the current token, one step at a time (Previous/Next, or
 * ArrowLeft/ArrowRight while the region has focus; Escape closes). It follows the token: edits,
 * pastes and new keys recompute the steps while the current step stays selected.
 */
export function ExplainPanel() {
  const open = useAppStore((s) => s.explainOpen)
  if (!open) return null
  return <OpenExplainPanel />
}

function OpenExplainPanel() {
  const setOpen = useAppStore((s) => s.setExplainOpen)
  const state = useExplainSteps(true)
  const [index, setIndex] = useState(0)
  const regionRef = useRef<HTMLElement>(null)
  const steps = state.status === 'ok' ? state.steps : []
  const count = steps.length
  const current = Math.min(index, Math.max(0, count - 1))
  const step = steps[current]

  useEffect(() => {
    regionRef.current?.focus()
  }, [])

  const go = (next: number) => setIndex(Math.max(0, Math.min(count - 1, next)))
  const close = () => {
    setOpen(false)
    document.querySelector<HTMLElement>('[data-explain-toggle]')?.focus()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (isTypingTarget(e.target) || e.altKey || e.ctrlKey || e.metaKey) return
    if (e.key === 'ArrowRight') go(current + 1)
    else if (e.key === 'ArrowLeft') go(current - 1)
    else if (e.key === 'Home') go(0)
    else if (e.key === 'End') go(count - 1)
    else if (e.key === 'Escape') close()
    else return
    e.preventDefault()
  }

  return (
    <section
      id={EXPLAIN_REGION_ID}
      ref={regionRef}
      aria-label="Explain"
      aria-roledescription="walkthrough"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="min-w-0 rounded-lg border-2 border-sky-500 bg-white shadow-sm outline-none focus-visible:ring-4 focus-visible:ring-sky-500/40 lg:col-span-2 dark:border-sky-600 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <h2 className="text-sm font-semibold tracking-wide text-sky-800 uppercase dark:text-sky-300">Explain: how this token is built</h2>
        <span className="text-xs text-slate-600 dark:text-slate-400">← → to step, Esc to close</span>
        <Button onClick={close} className="ml-auto">Close</Button>
      </div>
      <div className="p-3">
        {state.status === 'pending' && <p className="text-sm text-slate-600 dark:text-slate-400">Working out the steps…</p>}
        {state.status === 'error' && <p role="note" className="text-sm text-slate-800 dark:text-slate-200">{state.error.message}</p>}
        {step !== undefined && (
          <div className="grid min-w-0 gap-4 lg:grid-cols-[15rem_minmax(0,1fr)]">
            <nav aria-label="Steps" className="hidden lg:block">
              <ol className="flex flex-col gap-0.5 text-sm">
                {steps.map((s, i) => (
                  <li key={s.id}>
                    <button
                      type="button"
                      tabIndex={-1}
                      aria-current={i === current ? 'step' : undefined}
                      onClick={() => go(i)}
                      className={`w-full rounded px-2 py-0.5 text-left ${
                        i === current
                          ? 'bg-sky-100 font-semibold text-sky-900 dark:bg-sky-900/60 dark:text-sky-100'
                          : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                      }`}
                    >
                      <span className="inline-block w-6 tabular-nums text-slate-600 dark:text-slate-300">{i + 1}.</span>
                      {s.title}
                    </button>
                  </li>
                ))}
              </ol>
            </nav>
            <div className="flex min-w-0 flex-col gap-3">
              <div className="flex flex-wrap items-center gap-2">
                {/* aria-disabled rather than disabled: a disabled button would drop the focus out of the region. */}
                <Button onClick={() => go(current - 1)} aria-disabled={current === 0}>Previous</Button>
                <Button onClick={() => go(current + 1)} aria-disabled={current >= count - 1}>Next</Button>
                <p aria-live="polite" className="text-sm font-medium tabular-nums">
                  Step {current + 1} of {count}
                </p>
              </div>
              <div data-step-id={step.id}>
                <StepView step={step} />
              </div>
            </div>
          </div>
        )}
      </div>
    </section>
  )
}
