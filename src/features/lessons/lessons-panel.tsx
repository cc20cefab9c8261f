import { useId, useState } from 'react'
import { Button } from '../../components/ui'
import { LessonReadings } from './lesson-readings'
import { lessons, type Lesson } from './lessons-data'


/**
 * The `Lessons` tab: short guided tours that act on the live debugger. Each step explains one idea,
 * its "Do it" button changes the token, keys or clock, and the expected outcome says what to look for.
 */
export function LessonsPanel() {
  const [active, setActive] = useState(lessons[0]?.id ?? '')
  const lesson = lessons.find((l) => l.id === active) ?? lessons[0]
  return (
    <div className="grid min-w-0 gap-4 md:grid-cols-[16rem_minmax(0,1fr)]">
      <nav aria-label="Lessons">
        <ol className="flex flex-col gap-1">
          {lessons.map((l, i) => (
            <li key={l.id}>
              <button
                type="button"
                aria-current={l.id === lesson?.id ? 'true' : undefined}
                onClick={() => setActive(l.id)}
                className={`w-full rounded-md px-2 py-1 text-left text-sm ${
                  l.id === lesson?.id
                    ? 'bg-sky-100 font-semibold text-sky-900 dark:bg-sky-900/60 dark:text-sky-100'
                    : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                }`}
              >
                {i + 1}. {l.title}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {lesson !== undefined && <LessonView key={lesson.id} lesson={lesson} />}
    </div>
  )
}

function LessonView({ lesson }: { readonly lesson: Lesson }) {
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3">
      <div>
        <h3 id={headingId} className="text-lg font-semibold">{lesson.title}</h3>
        <p className="text-sm text-slate-700 dark:text-slate-300">{lesson.summary}</p>
      </div>
      <div className="grid min-w-0 gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <ol className="flex min-w-0 flex-col gap-3" aria-label="Steps">
          {lesson.steps.map((step, i) => (
            <StepItem key={i} number={i + 1} text={step.text} expected={step.expected} action={step.action} />
          ))}
        </ol>
        <LessonReadings readings={lesson.readings} />
      </div>
    </section>
  )
}

type Status = { readonly kind: 'idle' } | { readonly kind: 'running' } | { readonly kind: 'done' } | { readonly kind: 'failed'; readonly message: string }

function StepItem({ number, text, expected, action }: {
  readonly number: number
  readonly text: string
  readonly expected: string
  readonly action: Lesson['steps'][number]['action']
}) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const textId = useId()
  const run = async () => {
    if (action === undefined) return
    setStatus({ kind: 'running' })
    const outcome = await action()
    setStatus(outcome.ok ? { kind: 'done' } : { kind: 'failed', message: outcome.message })
  }
  return (
    <li className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div className="flex flex-wrap items-start gap-3">
        <span aria-hidden="true" className={`mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
          status.kind === 'done' ? 'bg-emerald-600 text-white' : 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100'
        }`}>
          {status.kind === 'done' ? '✓' : number}
        </span>
        <p id={textId} className="min-w-0 flex-1 text-sm leading-6">{text}</p>
        {action !== undefined && (
          <Button variant="primary" onClick={() => void run()} disabled={status.kind === 'running'} aria-describedby={textId}>
            Do it
          </Button>
        )}
      </div>
      <p className="mt-2 ml-9 text-sm text-slate-700 dark:text-slate-300">
        <span className="font-semibold">{status.kind === 'done' ? 'Now: ' : 'Expected: '}</span>
        {expected}
      </p>
      {status.kind === 'failed' && <p role="alert" className="mt-1 ml-9 text-sm text-rose-700 dark:text-rose-300">{status.message}</p>}
      {status.kind === 'running' && <p className="mt-1 ml-9 text-sm text-slate-600 dark:text-slate-400">Working…</p>}
    </li>
  )
}
