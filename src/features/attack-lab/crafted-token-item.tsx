import { useId, useState } from 'react'
import type { CraftedToken } from '../../core'
import { CopyButton } from '../../components/copy-button'
import { useAppStore } from '../../store/app-store'
import { buttonClass, fieldClass } from './styles'

/** Rows for a read-only text box: enough to show the value, never more than a screenful. */
function rowsFor(text: string): number {
  const lines = text.split('\n').length
  return Math.min(12, Math.max(2, lines, Math.ceil(text.length / 90)))
}

/** One crafted token: the token itself, what it does, the values that go with it and a way to use it. */
export function CraftedTokenItem({ crafted }: { readonly crafted: CraftedToken }) {
  const setToken = useAppStore((s) => s.setToken)
  const [used, setUsed] = useState(false)
  const tokenId = useId()
  const titleId = useId()

  return (
    <li aria-labelledby={titleId} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
      <h4 id={titleId} className="font-semibold break-words">{crafted.title}</h4>
      <div className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={tokenId} className="text-xs font-medium">Crafted token</label>
          <CopyButton text={crafted.token} label="Copy crafted token" />
          <button
            type="button"
            className={buttonClass}
            onClick={() => {
              setToken(crafted.token)
              setUsed(true)
            }}
          >
            Use this token
          </button>
          <span aria-live="polite" className="text-xs text-emerald-800 dark:text-emerald-300">
            {used ? 'Now in the Encoded token.' : ''}
          </span>
        </div>
        <textarea
          id={tokenId}
          readOnly
          value={crafted.token}
          rows={rowsFor(crafted.token)}
          spellCheck={false}
          className={`${fieldClass} resize-y break-all`}
        />
      </div>
      <p className="break-words text-slate-800 dark:text-slate-200">{crafted.explanation}</p>
      {(crafted.extra ?? []).map((extra) => (
        <ExtraValue key={extra.label} label={extra.label} value={extra.value} />
      ))}
    </li>
  )
}

function ExtraValue({ label, value }: { readonly label: string; readonly value: string }) {
  const id = useId()
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="text-xs font-medium break-all">{label}</label>
        <CopyButton text={value} label={`Copy ${label}`} />
      </div>
      <textarea id={id} readOnly value={value} placeholder="(empty)" rows={rowsFor(value)} spellCheck={false} className={`${fieldClass} resize-y break-all`} />
    </div>
  )
}
