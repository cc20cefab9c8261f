import { explainToken, type CoreError, type DecodedToken, type ExplainStep, type KeyInput, type Result } from '../../core'
import { useLatest } from '../../hooks/use-latest'
import { useShownToken } from '../../session/shown-token'
import { useParsedKey, type ParsedKeyState } from '../../session/use-parsed-key'
import { useAppStore } from '../../store/app-store'
import { pickExplainKey } from './pick-key'

/** The walkthrough of the current token, or why there is none (yet). */
export type ExplainState =
  | { readonly status: 'pending' }
  | { readonly status: 'ok'; readonly steps: readonly ExplainStep[] }
  | { readonly status: 'error'; readonly error: CoreError }

function stateOf(result: Result<readonly ExplainStep[]>): ExplainState {
  return result.ok ? { status: 'ok', steps: result.value } : { status: 'error', error: result.error }
}

const inputOf = (state: ParsedKeyState): KeyInput | null => (state.status === 'ok' ? state.input : null)

function kidOf(decoded: DecodedToken): string | undefined {
  const header = decoded.header?.value
  const kid = typeof header === 'object' && header !== null && !Array.isArray(header) ? header['kid'] : undefined
  return typeof kid === 'string' ? kid : undefined
}

/**
 * Runs the core walkthrough (`explainToken`) for the store's token and the best key at hand, again
 * whenever the token or a key changes. Late answers for an older token or key are dropped.
 */
export function useExplainSteps(enabled: boolean): ExplainState {
  const decoded = useShownToken()
  const verification = useParsedKey(useAppStore((s) => s.verificationKey), useAppStore((s) => s.secretEncoding))
  const signing = useParsedKey(useAppStore((s) => s.signingKey), useAppStore((s) => s.signingEncoding))
  const key = pickExplainKey(decoded.alg, kidOf(decoded), inputOf(signing), inputOf(verification))
  const latest = useLatest(enabled ? [decoded, key] : null, () => explainToken(decoded, key).then(stateOf))

  if (latest.status === 'done') return latest.value
  // Keep showing the previous walkthrough while the next one is computed, so the view does not flicker.
  if (latest.status === 'pending' && latest.previous?.value.status === 'ok') return latest.previous.value
  return { status: 'pending' }
}
