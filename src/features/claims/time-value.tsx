import { describeTime, type JsonValue } from '../../core'
import { useHeldClock } from '../../session/hydration-clock'
import { useNow } from '../../session/use-now'
import { scalarText } from './claim-value'

// One formatter for all cells: building an Intl.DateTimeFormat per call costs milliseconds, every tick.
let localFormat: Intl.DateTimeFormat | null = null
// The prerendered page cannot know the visitor's locale and time zone: it says the time in English and
// UTC, and the hydration shows the same before switching to the visitor's own.
let prerenderFormat: Intl.DateTimeFormat | null = null

function localTime(seconds: number, prerendered: boolean): string | null {
  const ms = seconds * 1000
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null
  if (prerendered) {
    prerenderFormat ??= new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' })
    return prerenderFormat.format(new Date(ms))
  }
  localFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' })
  return localFormat.format(new Date(ms))
}

/**
 * A NumericDate claim: the raw number, UTC ISO 8601, local time and a relative time that ticks.
 * `exp` in the past and `nbf` in the future are flagged in words, not colour alone.
 */
export function TimeValue({ name, value }: { readonly name: string; readonly value: JsonValue }) {
  const now = useNow()
  const prerendered = useHeldClock() !== null
  const info = describeTime(value, now)
  if (info === null) {
    return (
      <span>
        <span className="font-mono">{scalarText(value)}</span>{' '}
        <Flag tone="warn">Not a number: a time claim must be seconds since 1970</Flag>
      </span>
    )
  }
  const local = localTime(info.seconds, prerendered)
  const expired = name === 'exp' && info.seconds <= now
  const notYet = name === 'nbf' && info.seconds > now
  const future = name === 'iat' && info.seconds > now + 60
  return (
    <div className="flex flex-col gap-0.5">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <time dateTime={info.iso} className="font-mono font-medium">{info.iso}</time>
        {expired && <Flag tone="bad">Expired</Flag>}
        {notYet && <Flag tone="bad">Not yet valid</Flag>}
        {future && <Flag tone="warn">Issued in the future</Flag>}
        {info.looksLikeMilliseconds && <Flag tone="warn">Looks like milliseconds, not seconds</Flag>}
      </div>
      <div className="text-xs text-slate-600 dark:text-slate-400">
        <span data-testid="relative-time" className="font-medium text-slate-800 dark:text-slate-200">{info.relative}</span>
        {local !== null && <> · {local}</>}
        <> · <span className="font-mono">{scalarText(value)}</span></>
      </div>
    </div>
  )
}

function Flag({ tone, children }: { readonly tone: 'bad' | 'warn'; readonly children: string }) {
  const cls =
    tone === 'bad'
      ? 'bg-rose-100 text-rose-800 ring-rose-300 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-700'
      : 'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700'
  return <span className={`rounded px-1.5 py-px text-xs font-semibold ring-1 ${cls}`}>{children}</span>
}
