import { useId } from 'react'
import { examples } from './examples-data'
import { loadExample } from './load-example'

/**
 * Loads a ready-made token with its verification and signing keys. The select returns to its
 * prompt after each choice so the same example can be loaded again.
 */
export function ExamplesMenu() {
  const hintId = useId()
  return (
    <div className="flex items-center gap-2 text-sm">
      <label className="flex items-center gap-1">
        {/* The select names itself ("Load an example…"); the label is for assistive technology. */}
        <span className="sr-only">Examples</span>
        <select
          value=""
          aria-describedby={hintId}
          onChange={(e) => {
            const example = examples.find((x) => x.id === e.target.value)
            if (example) loadExample(example)
          }}
          className="max-w-[14rem] rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
        >
          <option value="" disabled>Load an example (demo keys)…</option>
          {examples.map((x) => (
            <option key={x.id} value={x.id}>{x.label}</option>
          ))}
        </select>
      </label>
      <span id={hintId} className="hidden text-xs text-slate-600 2xl:inline dark:text-slate-400">
        demo keys: public, never use them for real tokens
      </span>
    </div>
  )
}
