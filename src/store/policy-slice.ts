import type { PolicySlice, SliceCreator } from './app-state'

export const createPolicySlice: SliceCreator<PolicySlice> = (set) => ({
  expectedIssuer: '',
  expectedAudience: '',
  clockSkewSeconds: 0,
  allowedAlgorithms: '',
  nowOverride: '',
  setPolicy: (patch) => set(patch),
})
