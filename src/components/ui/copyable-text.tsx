import type { ReactNode } from 'react'
import { CopyButton } from '../copy-button'
import { Field, codeControlClass } from './field'

interface CopyableTextProps {
  readonly label: string
  readonly value: string
  readonly rows: number
  /** Accessible name of the copy button: `Copy <label>` unless given. */
  readonly copyLabel?: string
  readonly placeholder?: string
  /** More controls after the copy button (e.g. "Use this token"). */
  readonly actions?: ReactNode
}

/** A read-only value to copy (a public key, a crafted token): a small label, a copy button, the text. */
export function CopyableText({ label, value, rows, copyLabel = `Copy ${label}`, placeholder, actions }: CopyableTextProps) {
  return (
    <Field
      label={label}
      labelClassName="text-xs font-medium break-all"
      actions={
        <>
          <CopyButton text={value} label={copyLabel} />
          {actions}
        </>
      }
    >
      {(control) => (
        <textarea {...control} readOnly value={value} placeholder={placeholder} rows={rows} spellCheck={false} className={`${codeControlClass} resize-y break-all`} />
      )}
    </Field>
  )
}
