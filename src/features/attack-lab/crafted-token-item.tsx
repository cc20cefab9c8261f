import { useId, useState } from 'react'
import type { CraftedToken } from '../../core'
import { Button, CopyableText } from '../../components/ui'
import { useAppStore } from '../../store/app-store'

/** Rows for a read-only text box: enough to show the value, never more than a screenful. */
function rowsFor(text: string): number {
  const lines = text.split('\n').length
  return Math.min(12, Math.max(2, lines, Math.ceil(text.length / 90)))
}

/** One crafted token: the token itself, what it does, the values that go with it and a way to use it. */
export function CraftedTokenItem({ crafted }: { readonly crafted: CraftedToken }) {
  const setToken = useAppStore((s) => s.setToken)
  const [used, setUsed] = useState(false)
  const titleId = useId()

  return (
    <li aria-labelledby={titleId} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
      <h4 id={titleId} className="font-semibold break-words">{crafted.title}</h4>
      <CopyableText
        label="Crafted token"
        copyLabel="Copy crafted token"
        value={crafted.token}
        rows={rowsFor(crafted.token)}
        actions={
          <>
            <Button
              onClick={() => {
                setToken(crafted.token)
                setUsed(true)
              }}
            >
              Use this token
            </Button>
            <span aria-live="polite" className="text-xs text-emerald-800 dark:text-emerald-300">
              {used ? 'Now in the Encoded token.' : ''}
            </span>
          </>
        }
      />
      <p className="break-words text-slate-800 dark:text-slate-200">{crafted.explanation}</p>
      {(crafted.extra ?? []).map((extra) => (
        <CopyableText key={extra.label} label={extra.label} value={extra.value} placeholder="(empty)" rows={rowsFor(extra.value)} />
      ))}
    </li>
  )
}
