import { startTransition, useEffect, useState } from 'react'
import { sameKey } from './create-memo'

/** A result together with the key it was computed for. */
export interface Settled<T> {
  readonly key: readonly unknown[]
  readonly value: T
}

/**
 * Where an asynchronous derivation stands for the current key: `idle` without a key, `pending`
 * until the result for this key arrives (with the last result of an earlier key, if any, so a
 * view may keep showing it), then `done`.
 */
export type Latest<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'pending'; readonly previous: Settled<T> | null }
  | { readonly status: 'done'; readonly value: T }

/** Starts computations and passes on only the result of the most recent one. */
export interface LatestRunner<T> {
  /**
   * Computes for `key` unless `key` equals the key of the last request; a null key stops waiting
   * for any earlier computation. Results of superseded requests are dropped.
   */
  request(key: readonly unknown[] | null, compute: () => Promise<T>): void
  /** Drops the result still being waited for and forgets the last key (the next request runs). */
  cancel(): void
}

/** A runner that hands each result that is still the latest to `deliver`. */
export function createLatestRunner<T>(deliver: (settled: Settled<T>) => void, initial: readonly unknown[] | null = null): LatestRunner<T> {
  let current: readonly unknown[] | null = initial
  let generation = 0
  return {
    request(key, compute) {
      if (key !== null && current !== null && sameKey(current, key)) return
      generation += 1
      current = key
      if (key === null) return
      const mine = generation
      void compute().then((value) => {
        if (mine === generation) deliver({ key, value })
      })
    },
    cancel() {
      generation += 1
      current = null
    },
  }
}

/** What a caller of {@link useLatest} sees for `key`, given the last delivered result. */
export function latestState<T>(key: readonly unknown[] | null, settled: Settled<T> | null): Latest<T> {
  if (key === null) return { status: 'idle' }
  if (settled !== null && sameKey(settled.key, key)) return { status: 'done', value: settled.value }
  return { status: 'pending', previous: settled }
}

/**
 * The latest result of `compute` for `key` (compared element by element with `Object.is`, like
 * React's dependency lists): computed again whenever the key changes, with results that arrive
 * after a newer key was asked for ignored, so the answer always belongs to what is shown. A null key
 * computes nothing. `compute` should read only what the key names. `known` may give the result for
 * the key synchronously when it is already there (a resolved memo): the first render then shows it
 * instead of `pending`, as the prerendered page did. With `transition`, a result is rendered as a
 * transition: in slices that let key presses through, for results whose render is large (a huge token).
 */
export function useLatest<T>(
  key: readonly unknown[] | null,
  compute: () => Promise<T>,
  known?: () => { readonly value: T } | undefined,
  options: { readonly transition?: boolean } = {},
): Latest<T> {
  const [settled, setSettled] = useState<Settled<T> | null>(() => {
    const found = key === null ? undefined : known?.()
    return key === null || found === undefined ? null : { key, value: found.value }
  })
  // A result known at mount needs no computation until the key changes.
  const [runner] = useState(() =>
    createLatestRunner<T>(options.transition === true ? (next) => startTransition(() => setSettled(next)) : setSettled, settled?.key ?? null),
  )
  // Every commit asks; the runner starts work only when the key changed since the last request.
  useEffect(() => {
    runner.request(key, compute)
  })
  useEffect(() => () => runner.cancel(), [runner])
  return latestState(key, settled)
}
