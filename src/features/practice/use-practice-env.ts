import { useState } from 'react'
import { createPracticeEnv, hostDocument, type PracticeEnv } from '../../core'
import { useLatest } from '../../hooks/use-latest'

/** Where setting up the practice server stands. */
export type PracticeEnvState =
  | { readonly status: 'preparing' }
  | { readonly status: 'ready'; readonly env: PracticeEnv }
  | { readonly status: 'error'; readonly message: string }

// One server per page: its RSA key takes a moment to generate, and remounts (or React's development
// double effects) must not replace the keys the learner is already working against.
let created: ReturnType<typeof createPracticeEnv> | null = null

const ONE_SERVER: readonly unknown[] = ['practice server']

/**
 * The practice server of this page, created on first use, plus a way to host documents on it
 * (a JWKS for `jku`, a certificate for `x5u`).
 */
export function usePracticeEnv(): { state: PracticeEnvState; host: (url: string, text: string) => void } {
  const latest = useLatest(ONE_SERVER, () => (created ??= createPracticeEnv()))
  // The server as documents were hosted on it; null until the first document.
  const [hosted, setHosted] = useState<PracticeEnv | null>(null)

  if (latest.status !== 'done') return { state: { status: 'preparing' }, host: () => {} }
  const result = latest.value
  if (!result.ok) return { state: { status: 'error', message: result.error.message }, host: () => {} }
  const env = hosted ?? result.value
  const host = (url: string, text: string) => setHosted((h) => hostDocument(h ?? result.value, url, text))
  return { state: { status: 'ready', env }, host }
}
