/** One labelled value: hex, base64url and JSON are shown in a monospace font. */
export interface ListedValue {
  readonly label: string
  readonly value: string
  readonly mono?: boolean | undefined
}

/**
 * Labelled values as a description list (label beside value on wide screens, above it on narrow
 * ones): the real values of a walkthrough or decryption step.
 */
export function ValueList({ values }: { readonly values: readonly ListedValue[] }) {
  if (values.length === 0) return null
  return (
    <dl className="grid min-w-0 gap-x-4 gap-y-2 text-sm sm:grid-cols-[minmax(8rem,max-content)_minmax(0,1fr)]">
      {values.map((v, i) => (
        <div key={i} className="contents">
          <dt className="font-medium text-slate-600 dark:text-slate-300">{v.label}</dt>
          <dd className="min-w-0">
            {v.mono === true ? (
              <code className="block rounded bg-slate-100 px-2 py-1 font-mono text-[13px] break-all whitespace-pre-wrap text-slate-900 dark:bg-slate-800 dark:text-slate-100">
                {v.value}
              </code>
            ) : (
              <span className="break-words">{v.value}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}
