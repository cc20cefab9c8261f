import { useEffect, useState } from 'react'
import { parseKey, type CoreError, type KeyInput, type Result, type SecretEncoding } from '../core'

/** Where parsing a key text stands. */
export type ParsedKeyState =
  | { readonly status: 'empty' }
  | { readonly status: 'pending' }
  | { readonly status: 'ok'; readonly input: KeyInput }
  | { readonly status: 'error'; readonly error: CoreError }

interface Settled {
  readonly text: string
  readonly encoding: SecretEncoding
  readonly state: ParsedKeyState
}

// The signature, policy, signing and security views parse the same few key texts: share each parse
// (and its KeyInput object, which lets verification results be shared too). A handful of recent
// texts is enough; older entries are dropped first.
const cache = new Map<string, Promise<Result<KeyInput>>>()
const CACHE_SIZE = 6

/** Forgets the recently parsed key texts (they are user data: "Forget everything" calls this). */
export function clearParsedKeyCache(): void {
  cache.clear()
}

/** Parses `text`, reusing the pending or settled parse of the same text and encoding. */
export function parseKeyCached(text: string, encoding: SecretEncoding): Promise<Result<KeyInput>> {
  const id = `${encoding}\u0000${text}`
  const hit = cache.get(id)
  if (hit !== undefined) {
    cache.delete(id)
    cache.set(id, hit)
    return hit
  }
  const result = parseKey(text, { encoding })
  cache.set(id, result)
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value
    if (oldest !== undefined) cache.delete(oldest)
  }
  return result
}

/**
 * Parses a key text with the core's `parseKey` (asynchronous: PEM and JWK import go through
 * WebCrypto). Results of earlier texts that arrive late are dropped, so the answer always belongs
 * to the text currently shown. While a new parse runs the state is `pending`.
 */
export function useParsedKey(text: string, encoding: SecretEncoding): ParsedKeyState {
  const [settled, setSettled] = useState<Settled | null>(null)
  const empty = text.trim() === ''

  useEffect(() => {
    if (empty) return
    let current = true
    void parseKeyCached(text, encoding).then((result) => {
      if (!current) return
      const state: ParsedKeyState = result.ok ? { status: 'ok', input: result.value } : { status: 'error', error: result.error }
      setSettled({ text, encoding, state })
    })
    return () => {
      current = false
    }
  }, [text, encoding, empty])

  if (empty) return { status: 'empty' }
  if (settled === null || settled.text !== text || settled.encoding !== encoding) return { status: 'pending' }
  return settled.state
}
