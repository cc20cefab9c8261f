/** Classes of a small select that sits in a line of text and controls. */
export const inlineSelectClass = 'rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900'

/** One choice: its value, and the words shown for it when they differ from the value. */
export type SelectOption<T extends string | number> = T | { readonly value: T; readonly label: string }

interface InlineSelectProps<T extends string | number> {
  readonly label: string
  readonly value: T
  readonly options: readonly SelectOption<T>[]
  readonly onChange: (value: T) => void
  /** Classes of the label's words, e.g. `font-medium`. */
  readonly labelClassName?: string
  readonly disabled?: boolean
}

const valueOf = <T extends string | number>(o: SelectOption<T>): T => (typeof o === 'object' ? o.value : o)

/** A label and a select on one line; the label wraps the select, so the words name it. */
export function InlineSelect<T extends string | number>({ label, value, options, onChange, labelClassName, disabled }: InlineSelectProps<T>) {
  return (
    <label className="flex items-center gap-1">
      <span className={labelClassName}>{label}</span>
      <select
        value={value}
        disabled={disabled}
        // Only listed values can be chosen: map the text back to the option it came from.
        onChange={(e) => {
          const chosen = options.find((o) => String(valueOf(o)) === e.target.value)
          if (chosen !== undefined) onChange(valueOf(chosen))
        }}
        className={inlineSelectClass}
      >
        {options.map((o) => {
          const v = valueOf(o)
          return <option key={v} value={v}>{typeof o === 'object' ? o.label : v}</option>
        })}
      </select>
    </label>
  )
}
