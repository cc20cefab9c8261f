import { formatJsonValue, isoFromSeconds, type JsonValue } from '../../core'

/** Claims holding a NumericDate: shown as UTC ISO 8601 next to the number. */
const TIME_CLAIMS = new Set(['exp', 'nbf', 'iat', 'auth_time'])
/** A party with more members than this is cut short: a hostile `act` must not flood the page. */
const MAX_CLAIMS = 50

function valueText(name: string, value: JsonValue): string {
  if (typeof value === 'string') return value
  if (TIME_CLAIMS.has(name) && (typeof value === 'number' || typeof value === 'bigint')) {
    return `${value.toString()} (${isoFromSeconds(value)})`
  }
  return formatJsonValue(value)
}

/** A party's claims other than `sub` and `iss`, one `name: value` line each. */
export function PartyClaims({ claims }: { readonly claims: { readonly [name: string]: JsonValue } }) {
  const entries = Object.entries(claims).filter(([name]) => name !== 'sub' && name !== 'iss')
  if (entries.length === 0) return null
  return (
    <dl className="mt-1 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-xs">
      {entries.slice(0, MAX_CLAIMS).map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="font-mono font-semibold text-violet-700 dark:text-violet-300">{name}:</dt>
          <dd className="font-mono break-all whitespace-pre-wrap text-slate-800 dark:text-slate-200">{valueText(name, value)}</dd>
        </div>
      ))}
      {entries.length > MAX_CLAIMS && <dd className="col-span-2 text-slate-600 dark:text-slate-300">… {entries.length - MAX_CLAIMS} more claims</dd>}
    </dl>
  )
}
