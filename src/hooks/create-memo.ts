/** A bounded memo of a function: the last `max` distinct argument lists and their results. */
export interface Memo<A extends readonly unknown[], V> {
  /** The result for `args`: the remembered one when the same arguments were seen recently, else a fresh one. */
  (...args: A): V
  /** Forgets every remembered result (they may hold user data). */
  clear(): void
  /** How many results are remembered now. */
  readonly size: number
}

/** How a memo remembers. */
export interface MemoOptions<A extends readonly unknown[]> {
  /** How many distinct argument lists are remembered; the least recently used goes first. */
  readonly max: number
  /**
   * What identifies a call, compared element by element with `Object.is` (default: the arguments
   * themselves). Lets a caller leave out an argument that is rebuilt on every render but carries
   * nothing new, or compare an object by the few fields that matter.
   */
  readonly key?: (...args: A) => readonly unknown[]
}

/** True when two keys have the same length and `Object.is`-equal elements (as React compares deps). */
export function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]))
}

/**
 * Wraps `compute` so that repeated calls with the same arguments share one result (for a promise:
 * one pending or settled promise). Entries are kept in use order and the least recently used is
 * evicted once more than `max` are held. Keys are compared with `Object.is`, so an object argument
 * matches only itself, and a scan over at most `max` entries is all a lookup costs.
 */
export function createMemo<A extends readonly unknown[], V>(compute: (...args: A) => V, options: MemoOptions<A>): Memo<A, V> {
  const max = Math.max(1, Math.floor(options.max))
  const keyOf = options.key ?? ((...args: A) => args)
  // Most recently used last.
  let entries: { readonly key: readonly unknown[]; readonly value: V }[] = []

  const memo = (...args: A): V => {
    const key = keyOf(...args)
    const at = entries.findIndex((entry) => sameKey(entry.key, key))
    if (at >= 0) {
      const [hit] = entries.splice(at, 1)
      entries.push(hit!)
      return hit!.value
    }
    const value = compute(...args)
    entries.push({ key, value })
    if (entries.length > max) entries = entries.slice(entries.length - max)
    return value
  }
  memo.clear = () => {
    entries = []
  }
  Object.defineProperty(memo, 'size', { get: () => entries.length })
  return memo as Memo<A, V>
}
