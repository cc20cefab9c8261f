/** Splits a comma- or whitespace-separated list, dropping empty entries. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== '')
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/**
 * The `datetime-local` value (local wall-clock time, seconds precision) of a stored ISO override, or
 * of `nowSeconds` when there is no valid override.
 */
export function toDateTimeLocal(override: string, nowSeconds: number): string {
  const ms = override === '' ? Number.NaN : Date.parse(override)
  const d = new Date(Number.isNaN(ms) ? nowSeconds * 1000 : ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** The ISO 8601 UTC override for a `datetime-local` value (read as local time); empty when cleared or invalid. */
export function fromDateTimeLocal(value: string): string {
  if (value === '') return ''
  const ms = new Date(value).getTime()
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString()
}
