import type { JsonValue } from '../../core'

/** Nested values deeper than this are summarised, so hostile payloads cannot blow up the DOM. */
const MAX_DEPTH = 6
/** Members or elements shown per nested object or array before a "… more" line. */
const MAX_ITEMS = 50

function isObject(v: JsonValue): v is { [name: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A scalar as people read it: strings without quotes, big integers with all their digits. */
export function scalarText(v: JsonValue): string {
  if (v === null) return 'null'
  if (typeof v === 'bigint') return v.toString()
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return ''
}

/** Space-separated scopes (`scope`) or an array / string of scopes (`scp`) as a list of chips. */
export function ScopeChips({ value }: { readonly value: JsonValue }) {
  const items =
    typeof value === 'string' ? value.split(/\s+/).filter((s) => s !== '')
      : Array.isArray(value) ? value.map((v) => scalarText(v))
        : null
  if (items === null) return <ClaimValue value={value} />
  if (items.length === 0) return <span className="text-slate-500 italic">(no scopes)</span>
  return (
    <ul aria-label="Scopes" className="flex flex-wrap gap-1">
      {items.slice(0, 200).map((s, i) => (
        <li
          key={i}
          className="rounded-full bg-emerald-100 px-2 py-0.5 font-mono text-xs text-emerald-900 ring-1 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-700"
        >
          {s}
        </li>
      ))}
      {items.length > 200 && <li className="text-xs text-slate-500">… {items.length - 200} more</li>}
    </ul>
  )
}

/**
 * Any JSON value, readable: scalars as text, objects as indented key/value lists, arrays as lists.
 * Everything is rendered as React text, never as HTML.
 */
export function ClaimValue({ value, depth = 0 }: { readonly value: JsonValue; readonly depth?: number }) {
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="text-slate-500">[ ] (empty list)</span>
    if (depth >= MAX_DEPTH) return <span className="text-slate-500">[list of {value.length}]</span>
    return (
      <ol className="list-inside list-decimal space-y-0.5 marker:text-slate-400">
        {value.slice(0, MAX_ITEMS).map((v, i) => (
          <li key={i} className="break-all">
            {isObject(v) || Array.isArray(v) ? <div className="ml-4 inline-block align-top"><ClaimValue value={v} depth={depth + 1} /></div> : <Scalar value={v} />}
          </li>
        ))}
        {value.length > MAX_ITEMS && <li className="list-none text-slate-500">… {value.length - MAX_ITEMS} more</li>}
      </ol>
    )
  }
  if (isObject(value)) {
    const names = Object.keys(value)
    if (names.length === 0) return <span className="text-slate-500">{'{ }'} (empty object)</span>
    if (depth >= MAX_DEPTH) return <span className="text-slate-500">{`{object of ${names.length}}`}</span>
    return (
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5 border-l-2 border-slate-200 pl-2 dark:border-slate-700">
        {names.slice(0, MAX_ITEMS).map((n) => (
          <div key={n} className="contents">
            <dt className="font-mono text-xs leading-5 font-semibold text-slate-600 dark:text-slate-300">{n}</dt>
            <dd className="min-w-0 break-all">
              <ClaimValue value={value[n] as JsonValue} depth={depth + 1} />
            </dd>
          </div>
        ))}
        {names.length > MAX_ITEMS && <div className="col-span-2 text-slate-500">… {names.length - MAX_ITEMS} more</div>}
      </dl>
    )
  }
  return <Scalar value={value} />
}

function Scalar({ value }: { readonly value: JsonValue }) {
  if (typeof value === 'string') return <span className="font-mono break-all">{value === '' ? <span className="text-slate-500 italic">(empty string)</span> : value}</span>
  return <span className="font-mono text-sky-800 dark:text-sky-300">{scalarText(value)}</span>
}
