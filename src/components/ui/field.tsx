import { useId, type ReactNode } from 'react'

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
