import { useEffect, useState } from 'react'
import { explainToken, type CoreError, type DecodedToken, type ExplainStep, type KeyInput, type ParsedKey } from '../../core'
import { useDecodedToken } from '../../session/use-decoded-token'
import { useParsedKey, type ParsedKeyState } from '../../session/use-parsed-key'
import { useAppStore } from '../../store/app-store'
import { pickExplainKey } from './pick-key'

/** The walkthrough of the current token, or why there is none (yet). */
export type ExplainState =
  | { readonly status: 'pending' }
  | { readonly status: 'ok'; readonly steps: readonly ExplainStep[] }
  | { readonly status: 'error'; readonly error: CoreError }

const inputOf = (state: ParsedKeyState): KeyInput | null => (state.status === 'ok' ? state.input : null)

function kidOf(decoded: DecodedToken): string | undefined {
  const header = decoded.header?.value
  const kid = typeof header === 'object' && header !== null && !Array.isArray(header) ? header['kid'] : undefined
  return typeof kid === 'string' ? kid : undefined
}

interface Settled {
  readonly token: DecodedToken
  readonly key: ParsedKey | null
  readonly state: ExplainState
}

/**
 * Runs the core walkthrough (`explainToken`) for the store's token and the best key at hand, again
 * whenever the token or a key changes. Late answers for an older token or key are dropped.
 */
export function useExplainSteps(enabled: boolean): ExplainState {
  const decoded = useDecodedToken()
  const verification = useParsedKey(useAppStore((s) => s.verificationKey), useAppStore((s) => s.secretEncoding))
  const signing = useParsedKey(useAppStore((s) => s.signingKey), useAppStore((s) => s.signingEncoding))
  const key = pickExplainKey(decoded.alg, kidOf(decoded), inputOf(signing), inputOf(verification))
  const [settled, setSettled] = useState<Settled | null>(null)

  useEffect(() => {
    if (!enabled) return
    let current = true
    void explainToken(decoded, key).then((result) => {
      if (!current) return
      setSettled({ token: decoded, key, state: result.ok ? { status: 'ok', steps: result.value } : { status: 'error', error: result.error } })
    })
    return () => {
      current = false
    }
  }, [enabled, decoded, key])

  if (settled === null || settled.token !== decoded || settled.key !== key) {
    // Keep showing the previous walkthrough while the next one is computed, so the view does not flicker.
    return settled?.state.status === 'ok' ? settled.state : { status: 'pending' }
  }
  return settled.state
}
