import type { StateCreator } from 'zustand'
import type { AppState } from './app-store'

/** Progress in the practice verifier's challenges. Only ids are kept: never tokens, keys or secrets. */
export interface PracticeSlice {
  /** Ids of the solved practice challenges, in the order they were solved. */
  solvedChallenges: readonly string[]
  markChallengeSolved: (id: string) => void
  resetPracticeProgress: () => void
}

export const createPracticeSlice: StateCreator<AppState, [], [], PracticeSlice> = (set) => ({
  solvedChallenges: [],
  markChallengeSolved: (id) =>
    set((s) => (s.solvedChallenges.includes(id) ? s : { solvedChallenges: [...s.solvedChallenges, id] })),
  resetPracticeProgress: () => set({ solvedChallenges: [] }),
})
