import { useId, useState } from 'react'
import { exampleEntries } from './catalog'
import { pickExample } from './load-example'

/**
 * Loads a ready-made token with its verification and signing keys. The select returns to its
 * prompt after each choice so the same example can be loaded again. Each example's data loads when
 * it is picked, so the menu costs the first paint only its labels.
 */
export function ExamplesMenu() {
  const hintId = useId()
  const [failure, setFailure] = useState<string | null>(null)
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label className="flex items-center gap-1">
        {/* The select names itself ("Load an example…"); the label is for assistive technology. */}
        <span className="sr-only">Examples</span>
        <select
          value=""
          aria-describedby={hintId}
          onChange={(e) => {
            const entry = exampleEntries.find((x) => x.id === e.target.value)
            if (!entry) return
            void pickExample(entry).then((outcome) => {
              if (outcome.kind === 'loaded') setFailure(null)
              else if (outcome.kind === 'failed') setFailure(outcome.message)
            })
          }}
          className="max-w-[14rem] rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
        >
          <option value="" disabled>Load an example (demo keys)…</option>
          {exampleEntries.map((x) => (
            <option key={x.id} value={x.id}>{x.label}</option>
          ))}
        </select>
      </label>
      <span id={hintId} className="hidden text-xs text-slate-600 2xl:inline dark:text-slate-400">
        demo keys: public, never use them for real tokens
      </span>
      {failure !== null && (
        <p role="alert" className="max-w-md text-sm text-rose-700 dark:text-rose-300">{failure}</p>
      )}
    </div>
  )
}
