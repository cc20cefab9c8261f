/** Text for the cracker's figures; plain functions so they are unit-tested without a DOM. */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** A count with thousands separators: `1234567` → `1,234,567`. */
export function formatCount(n: number): string {
  return integer.format(Math.max(0, Math.round(n)))
}

/** A rate in candidates per second, rounded to three significant digits above a thousand. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '0 candidates/s'
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toPrecision(3)} million candidates/s`
  if (perSecond >= 1e3) return `${formatCount(Number(perSecond.toPrecision(3)))} candidates/s`
  return `${formatCount(perSecond)} candidates/s`
}

/** A speed is shown only once the run has lasted this long (over at least MIN_SPEED_SAMPLE candidates)… */
export const MIN_SPEED_SECONDS = 0.5
/** …or tried this many candidates. */
export const MIN_SPEED_CANDIDATES = 10_000
/**
 * The fewest candidates a rate is ever computed over: a run whose workers took a second to start and
 * then found the secret at the first guess must not report "1 candidates/s".
 */
export const MIN_SPEED_SAMPLE = 1_000

/**
 * The Speed figure of a run. A rate over a tiny sample (two guesses in four milliseconds make
 * "500 candidates/s") says nothing, so until the sample is large enough the figure says what
 * happened instead: `found after 2 guesses`, `not measured (2 guesses)`, or `measuring…`.
 */
export function formatSpeed(perSecond: number, tested: number, elapsedSeconds: number, phase: 'running' | 'found' | 'ended'): string {
  if (tested >= MIN_SPEED_CANDIDATES || (elapsedSeconds >= MIN_SPEED_SECONDS && tested >= MIN_SPEED_SAMPLE)) return formatRate(perSecond)
  if (phase === 'running') return 'measuring…'
  const guesses = `${formatCount(tested)} ${tested === 1 ? 'guess' : 'guesses'}`
  return phase === 'found' ? `found after ${guesses}` : `not measured (${guesses})`
}

/** A duration for an estimate: `under 1 s`, `42 s`, `3 min 20 s`, `2 h 5 min`, `more than a year`. */
export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds > 366 * 86400) return 'more than a year'
  if (seconds < 1) return 'under 1 s'
  const s = Math.round(seconds)
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
  return `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`
}

/** A file size: `512 bytes`, `12.3 KB`, `4.5 MB`, `1.2 GB` (powers of 1024). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${formatCount(n)} bytes`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = n / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}

/** Lowercase hex of `bytes`, for a found secret that is not valid UTF-8. */
export function toHex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}
