import { useEffect, useState } from 'react'
import { createPracticeEnv, hostDocument, type PracticeEnv } from '../../core'

/** Where setting up the practice server stands. */
export type PracticeEnvState =
  | { readonly status: 'preparing' }
  | { readonly status: 'ready'; readonly env: PracticeEnv }
  | { readonly status: 'error'; readonly message: string }

// One server per page: its RSA key takes a moment to generate, and remounts (or React's development
// double effects) must not replace the keys the learner is already working against.
let created: ReturnType<typeof createPracticeEnv> | null = null

/**
 * The practice server of this page, created on first use, plus a way to host documents on it
 * (a JWKS for `jku`, a certificate for `x5u`).
 */
export function usePracticeEnv(): { state: PracticeEnvState; host: (url: string, text: string) => void } {
  const [state, setState] = useState<PracticeEnvState>({ status: 'preparing' })

  useEffect(() => {
    let current = true
    created ??= createPracticeEnv()
    void created.then((result) => {
      if (!current) return
      setState(result.ok ? { status: 'ready', env: result.value } : { status: 'error', message: result.error.message })
    })
    return () => {
      current = false
    }
  }, [])

  const host = (url: string, text: string) =>
    setState((s) => (s.status === 'ready' ? { status: 'ready', env: hostDocument(s.env, url, text) } : s))

  return { state, host }
}
