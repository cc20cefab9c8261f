import { useEffect, useRef, useState } from 'react'

interface CopyButtonProps {
  /** The text to copy, or a function producing it at click time. */
  readonly text: string | (() => string)
  /** Accessible name, e.g. `Copy token`. */
  readonly label: string
  readonly className?: string
}

type CopyState = 'idle' | 'copied' | 'failed'

/**
 * Copies text to the clipboard and says so for two seconds ("Copied"). The accessible name stays
 * fixed; the visible state is announced through a polite live region inside the button.
 */
export function CopyButton({ text, label, className = '' }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle')
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])

  const copy = async () => {
    const value = typeof text === 'function' ? text() : text
    let next: CopyState = 'copied'
    try {
      await navigator.clipboard.writeText(value)
    } catch {
      // Clipboard access can be denied (permissions, insecure context); say so instead of failing silently.
      next = 'failed'
    }
    setState(next)
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => setState('idle'), 2000)
  }

  return (
    <button
      type="button"
      aria-label={label}
      onClick={() => void copy()}
      className={`inline-flex items-center gap-1 rounded-md border px-2 py-0.5 text-xs font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 ${
        state === 'copied'
          ? 'border-emerald-500 bg-emerald-50 text-emerald-800 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-200'
          : state === 'failed'
            ? 'border-rose-500 bg-rose-50 text-rose-800 dark:bg-rose-950 dark:text-rose-200'
            : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800'
      } ${className}`}
    >
      <CopyIcon done={state === 'copied'} />
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}</span>
    </button>
  )
}

function CopyIcon({ done }: { readonly done: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
      {done ? (
        <path d="M3 8.5l3 3 7-7" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <>
          <rect x="5" y="5" width="8.5" height="8.5" rx="1.5" />
          <path d="M3 10.5V3.5A1 1 0 0 1 4 2.5h6.5" strokeLinecap="round" />
        </>
      )}
    </svg>
  )
}
