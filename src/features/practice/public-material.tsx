import { useId } from 'react'
import { CopyButton } from '../../components/copy-button'
import { fieldClass, subheadingClass } from './styles'

interface PublicValueProps {
  readonly label: string
  readonly value: string
  readonly rows: number
}

/** A value of the practice server that anyone may see (a public key, an issued token), read-only. */
export function PublicValue({ label, value, rows }: PublicValueProps) {
  const id = useId()
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="text-xs font-medium">{label}</label>
        <CopyButton text={value} label={`Copy ${label}`} />
      </div>
      <textarea id={id} readOnly value={value} rows={rows} spellCheck={false} className={`${fieldClass} resize-y break-all`} />
    </div>
  )
}

/** Heading of a part of the practice panel. */
export function PartHeading({ children }: { readonly children: string }) {
  return <h3 className={subheadingClass}>{children}</h3>
}
