import { useMemo } from 'react'
import { loadSdJwt, type DecodedToken, type JsonValue, type ProcessedSdJwt } from '../core'
import { useLatest } from '../hooks/use-latest'
import { useShownToken } from './shown-token'

async function processed(token: string): Promise<ProcessedSdJwt | null> {
  // The SD-JWT room loads on demand; offline before its chunk was cached, the issuer-signed payload stays.
  const sdJwt = await loadSdJwt().catch(() => null)
  if (sdJwt === null) return null
  const result = await sdJwt.processSdJwt(token)
  return result.ok ? result.value : null
}

/**
 * The current SD-JWT after its disclosures were matched to their digests (RFC 9901 §7.1), or null: not
 * an SD-JWT, still processing, or not processable (the SD-JWT region says why).
 */
export function useProcessedSdJwt(decoded: DecodedToken): ProcessedSdJwt | null {
  const latest = useLatest(decoded.sdJwt === undefined ? null : ['sd-jwt', decoded.token], () => processed(decoded.token))
  return latest.status === 'done' ? latest.value : null
}

/**
 * The token as a verifier reads its claims: for an SD-JWT the processed payload (disclosed claims in
 * place, `_sd`, `_sd_alg` and `...` gone) stands in for the issuer-signed one, so claims, policy and
 * lint judge what the verifier ends up with; any other token is returned as it is. Positions (members,
 * offsets) stay those of the issuer-signed payload, the only part of the text that holds them.
 */
export function withVerifierPayload(decoded: DecodedToken, sdJwt: ProcessedSdJwt | null): DecodedToken {
  if (sdJwt === null || decoded.payload === null || decoded.sdJwt === undefined) return decoded
  return { ...decoded, payload: { ...decoded.payload, value: sdJwt.processedPayload as JsonValue } }
}

/** {@link withVerifierPayload} of the current token. */
export function useVerifierToken(): DecodedToken {
  const decoded = useShownToken()
  const sdJwt = useProcessedSdJwt(decoded)
  // One object per token and result: the lint and policy caches are keyed on it.
  return useMemo(() => withVerifierPayload(decoded, sdJwt), [decoded, sdJwt])
}
