import { parseKey, type CoreError, type KeyInput, type Result, type SecretEncoding } from '../core'
import { createMemo } from '../hooks/create-memo'
import { settledValue, tracked } from '../hooks/settled'
import { useLatest } from '../hooks/use-latest'

/** Where parsing a key text stands. */
export type ParsedKeyState =
  | { readonly status: 'empty' }
  | { readonly status: 'pending' }
  | { readonly status: 'ok'; readonly input: KeyInput }
  | { readonly status: 'error'; readonly error: CoreError }

/**
 * Parses `text`, reusing the pending or settled parse of the same text and encoding. The signature,
 * policy, signing and security views parse the same few key texts: each parse (and its KeyInput
 * object, which lets verification results be shared too) is shared; a handful of recent texts is
 * enough.
 */
export const parseKeyCached = createMemo(
  (text: string, encoding: SecretEncoding): Promise<Result<KeyInput>> => tracked(parseKey(text, { encoding })),
  { max: 6 },
)

/** The state a finished parse puts the key in. */
export function stateOf(result: Result<KeyInput>): ParsedKeyState {
  return result.ok ? { status: 'ok', input: result.value } : { status: 'error', error: result.error }
}

/**
 * Parses a key text with the core's `parseKey` (asynchronous: PEM and JWK import go through
 * WebCrypto). Results of earlier texts that arrive late are dropped, so the answer always belongs
 * to the text currently shown. While a new parse runs the state is `pending`.
 */
export function useParsedKey(text: string, encoding: SecretEncoding): ParsedKeyState {
  const empty = text.trim() === ''
  const latest = useLatest(empty ? null : [text, encoding], () => parseKeyCached(text, encoding).then(stateOf), () => {
    // A parse that has already finished (before the prerender or the hydration) is shown at once.
    const known = settledValue(parseKeyCached(text, encoding))
    return known && { value: stateOf(known.value) }
  })
  if (latest.status === 'idle') return { status: 'empty' }
  if (latest.status === 'done') return latest.value
  // A parse started before this render (when the key changed in the store) may have finished already.
  const known = settledValue(parseKeyCached(text, encoding))
  return known ? stateOf(known.value) : { status: 'pending' }
}
