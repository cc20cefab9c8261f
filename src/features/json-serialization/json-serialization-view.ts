import { useMemo } from 'react'
import { readJwsJsonObject } from '../../core'
import { useShownToken } from '../../session/shown-token'

/**
 * Which view of the JSON serialization panel the token calls for: `json` for a text meant as a JWS in
 * JSON serialization (well formed or not: the panel says what is wrong), `detached` for a compact JWS
 * whose payload part is empty, null for any other token (the panel is not shown at all).
 */
export type JsonSerializationView = 'json' | 'detached' | null

/**
 * The {@link JsonSerializationView} of the token being read. Cheap, so the page can decide at first
 * paint whether the panel, whose code loads on demand, is needed at all.
 */
export function useJsonSerializationView(): JsonSerializationView {
  const decoded = useShownToken()
  const token = decoded.token
  const json = useMemo(() => readJwsJsonObject(token).ok, [token])
  if (json) return 'json'
  const detached = decoded.kind === 'jws' && decoded.header !== null && decoded.header.encoded !== '' && decoded.payload?.encoded === ''
  return detached ? 'detached' : null
}
