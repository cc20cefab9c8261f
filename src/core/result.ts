/**
 * A problem a core function reports instead of throwing. `code` is stable and machine-readable;
 * `message` says, in plain words, what is wrong and what to do about it.
 */
export interface CoreError<C extends string = string> {
  readonly code: C
  readonly message: string
}

/** The outcome of every fallible core function: a value, or a {@link CoreError}. Never thrown. */
export type Result<T, C extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: CoreError<C> }

/** Wraps a value as a successful {@link Result}. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value }
}

/** Builds a failed {@link Result} from a code and a plain-language message. */
export function err<C extends string>(code: C, message: string): { readonly ok: false; readonly error: CoreError<C> } {
  return { ok: false, error: { code, message } }
}
