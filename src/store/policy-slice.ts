import type { StateCreator } from 'zustand'
import type { AppState } from './app-store'

/** What the verifier expects of the token (all optional; empty means "not checked"). */
export interface PolicySlice {
  expectedIssuer: string
  /** Comma-separated audiences. */
  expectedAudience: string
  clockSkewSeconds: number
  /** Comma-separated algorithm allowlist; empty allows any. */
  allowedAlgorithms: string
  /** ISO date-time overriding "now" for time checks; empty uses the real clock. */
  nowOverride: string
  setPolicy: (patch: Partial<Pick<PolicySlice, 'expectedIssuer' | 'expectedAudience' | 'clockSkewSeconds' | 'allowedAlgorithms' | 'nowOverride'>>) => void
}

export const createPolicySlice: StateCreator<AppState, [], [], PolicySlice> = (set) => ({
  expectedIssuer: '',
  expectedAudience: '',
  clockSkewSeconds: 0,
  allowedAlgorithms: '',
  nowOverride: '',
  setPolicy: (patch) => set(patch),
})
