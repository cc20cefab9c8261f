/** Values of promises that have resolved, for reading them synchronously (see {@link settledValue}). */
const values = new WeakMap<Promise<unknown>, { readonly value: unknown }>()

/**
 * Returns `promise` itself, remembering its value once it resolves. A memoized computation wraps its
 * promises in this so that a render after the promise resolved (the prerender, or the first render
 * that hydrates it) can show the value at once instead of a pending state.
 */
export function tracked<T>(promise: Promise<T>): Promise<T> {
  promise.then(
    (value) => void values.set(promise, { value }),
    () => undefined,
  )
  return promise
}

/** The value of a {@link tracked} promise that has resolved; undefined while pending, rejected or untracked. */
export function settledValue<T>(promise: Promise<T>): { readonly value: T } | undefined {
  return values.get(promise) as { readonly value: T } | undefined
}
