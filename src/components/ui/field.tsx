import { useId, type ChangeEvent, type ReactNode } from 'react'

/** Classes of a text input, textarea or select in a form. */
export const controlClass =
  'w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950'

/** Classes of a control holding code (tokens, keys, JSON): monospace and small. */
export const codeControlClass =
  'w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-950'

/** What a field hands its control: the id its label points at, and the id of its description. */
export interface ControlProps {
  readonly id: string
  readonly 'aria-describedby'?: string
}

interface FieldProps {
  readonly label: ReactNode
  /** Small text under the control, read out as its description. */
  readonly description?: ReactNode
  /** Controls at the right of the label (e.g. a copy button). */
  readonly actions?: ReactNode
  /** Renders the control with the props that tie it to the label and the description. */
  readonly children: (control: ControlProps) => ReactNode
  /** Classes of the wrapper: `min-w-0` unless given. */
  readonly className?: string
  /** Classes of the label: `text-sm font-medium` unless given. */
  readonly labelClassName?: string
}

/** A label, its control and an optional description, stacked; the control gets the ids that tie them. */
export function Field({ label, description, actions, children, className = 'min-w-0', labelClassName = 'text-sm font-medium' }: FieldProps) {
  const id = useId()
  const descriptionId = description !== undefined ? `${id}-description` : undefined
  const labelElement = <label htmlFor={id} className={labelClassName}>{label}</label>
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      {actions !== undefined ? <div className="flex flex-wrap items-center gap-2">{labelElement}{actions}</div> : labelElement}
      {children(descriptionId !== undefined ? { id, 'aria-describedby': descriptionId } : { id })}
      {description !== undefined && <span id={descriptionId} className="text-xs text-slate-600 dark:text-slate-400">{description}</span>}
    </div>
  )
}

interface TextFieldProps {
  readonly label: ReactNode
  readonly value: string
  readonly onChange: (value: string) => void
  /** A multi-line box of this many rows (tokens, keys, JSON: monospace); a one-line input without. */
  readonly rows?: number
  /** A one-line input holding code (a URL, a key id): monospace. */
  readonly code?: boolean
  readonly type?: 'text' | 'url' | 'number'
  readonly placeholder?: string
  readonly min?: number
  readonly step?: number
  readonly spellCheck?: boolean
  readonly description?: ReactNode
  readonly actions?: ReactNode
  readonly className?: string
  readonly labelClassName?: string
}

/** A {@link Field} with a text input or, given `rows`, a monospace textarea for tokens and keys. */
export function TextField({ label, value, onChange, rows, code = false, type = 'text', placeholder, min, step, spellCheck, description, actions, className, labelClassName }: TextFieldProps) {
  return (
    <Field label={label} description={description} actions={actions} className={className} labelClassName={labelClassName}>
      {(control) => {
        const common = { ...control, value, placeholder, onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value) }
        if (rows !== undefined) return <textarea {...common} rows={rows} spellCheck={false} className={`${codeControlClass} resize-y break-all`} />
        return <input {...common} type={type} min={min} step={step} spellCheck={spellCheck} className={code ? codeControlClass : controlClass} />
      }}
    </Field>
  )
}
