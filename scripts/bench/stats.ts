/** Median and 95th percentile of a sample (nearest-rank), plus its size. */
export interface Summary {
  median: number
  p95: number
  n: number
}

/** Summarises a non-empty sample. */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN
  return { median: rank(0.5), p95: rank(0.95), n: sorted.length }
}
