/**
 * Renders NumericDate claims (RFC 7519 §2: seconds since 1970-01-01T00:00:00Z UTC) as UTC ISO 8601
 * and relative time, for any JSON value a token may hold.
 */
import type { JsonValue } from '../types'

/** A NumericDate rendered for people. */
export interface TimeInfo {
  /** The value as a number of seconds (may be ±Infinity for absurdly large big integers). */
  readonly seconds: number
  /**
   * UTC ISO 8601 without fractional seconds, e.g. `2011-03-22T18:43:00Z`. Years outside 0–9999 use
   * the expanded form with a sign and at least six digits (`+275760-09-13T00:00:01Z`), as
   * `Date#toISOString` does. Values with more than 400 digits give `out of range`.
   */
  readonly iso: string
  /** Relative to `now`: `in 5 minutes`, `3 days ago`, `just now`. */
  readonly relative: string
  /**
   * True when the value is between 1e11 and 1e14: in seconds that is beyond the year 5138, but in
   * milliseconds it is 1973–5138, the usual mistake of writing `Date.now()` instead of seconds.
   */
  readonly looksLikeMilliseconds: boolean
}

/** Largest |seconds| that `Date` can represent (±8.64e15 ms). */
const DATE_LIMIT_SECONDS = 8.64e12
/** Beyond this the expanded year would be hundreds of digits long: not worth computing. */
const BIGINT_LIMIT = 10n ** 400n
/** Average Gregorian year, so that long spans come out right (400 years = 146097 days). */
const YEAR_SECONDS = 31_556_952

const units: readonly (readonly [limit: number, size: number, name: string])[] = [
  [60, 1, 'second'],
  [3600, 60, 'minute'],
  [86_400, 3600, 'hour'],
  [YEAR_SECONDS, 86_400, 'day'],
]

function groupDigits(n: number): string {
  if (n >= 1e21) return n.toExponential(2)
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function plural(count: number, unit: string): string {
  return `${groupDigits(count)} ${unit}${count === 1 ? '' : 's'}`
}

/**
 * Formats a non-negative span of seconds in its largest whole unit, rounded down: `1 second`,
 * `5 minutes`, `3 hours`, `364 days`, `275,760 years`. Negative spans are measured by size.
 */
export function formatDuration(seconds: number): string {
  const s = Math.abs(seconds)
  if (!Number.isFinite(s)) return 'an unimaginably long time'
  for (const [limit, size, name] of units) {
    if (s < limit) return plural(Math.floor(s / size), name)
  }
  return plural(Math.floor(s / YEAR_SECONDS), 'year')
}

/**
 * Describes a time difference (`value − now`, in seconds): positive is the future (`in 5 minutes`),
 * negative the past (`3 days ago`), under one second either way `just now`.
 */
export function formatRelative(deltaSeconds: number): string {
  if (Number.isNaN(deltaSeconds)) return 'at an unknown time'
  if (deltaSeconds === Infinity) return 'in the far future'
  if (deltaSeconds === -Infinity) return 'far in the past'
  if (Math.abs(deltaSeconds) < 1) return 'just now'
  return deltaSeconds > 0 ? `in ${formatDuration(deltaSeconds)}` : `${formatDuration(deltaSeconds)} ago`
}

const pad = (n: bigint | number, width: number): string => String(n).padStart(width, '0')

function formatYear(year: bigint): string {
  if (year >= 0n && year <= 9999n) return pad(year, 4)
  return (year < 0n ? '-' : '+') + pad(year < 0n ? -year : year, 6)
}

/** Floor division, since bigint `/` truncates toward zero. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q
}

/**
 * Proleptic Gregorian date of a day count since 1970-01-01, exact for any size (H. Hinnant's
 * `civil_from_days`), for values `Date` cannot hold.
 */
function isoFromBigSeconds(total: bigint): string {
  const days = floorDiv(total, 86_400n)
  const secondOfDay = total - days * 86_400n
  const z = days + 719_468n
  const era = floorDiv(z, 146_097n)
  const doe = z - era * 146_097n
  const yoe = (doe - doe / 1460n + doe / 36_524n - doe / 146_096n) / 365n
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n)
  const mp = (5n * doy + 2n) / 153n
  const day = doy - (153n * mp + 2n) / 5n + 1n
  const month = mp < 10n ? mp + 3n : mp - 9n
  const year = yoe + era * 400n + (month <= 2n ? 1n : 0n)
  const hh = secondOfDay / 3600n
  const mm = (secondOfDay % 3600n) / 60n
  const ss = secondOfDay % 60n
  return `${formatYear(year)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}Z`
}

/**
 * UTC ISO 8601 text (no fractional seconds) of a NumericDate given as a finite number or a bigint.
 * Fractions are rounded down, so `-0.5` is `1969-12-31T23:59:59Z`.
 */
export function isoFromSeconds(value: number | bigint): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'out of range'
    const whole = Math.floor(value)
    if (Math.abs(whole) <= DATE_LIMIT_SECONDS) return new Date(whole * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    return isoFromBigSeconds(BigInt(whole))
  }
  if (value >= BIGINT_LIMIT || value <= -BIGINT_LIMIT) return 'out of range'
  return isoFromBigSeconds(value)
}

/**
 * Renders a claim value as a time if it is numeric (number or bigint); anything else gives null.
 * `now` is in seconds since the epoch. Never throws, whatever the magnitude.
 */
export function describeTime(value: JsonValue, now: number): TimeInfo | null {
  if (typeof value !== 'number' && typeof value !== 'bigint') return null
  if (typeof value === 'number' && !Number.isFinite(value)) return null
  const seconds = typeof value === 'bigint' ? Number(value) : value
  const magnitude = Math.abs(seconds)
  return {
    seconds,
    iso: isoFromSeconds(value),
    relative: formatRelative(seconds - now),
    looksLikeMilliseconds: magnitude >= 1e11 && magnitude < 1e14,
  }
}
