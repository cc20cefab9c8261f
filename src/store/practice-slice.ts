import type { PracticeSlice, SliceCreator } from './app-state'

export const createPracticeSlice: SliceCreator<PracticeSlice> = (set) => ({
  solvedChallenges: [],
  markChallengeSolved: (id) =>
    set((s) => (s.solvedChallenges.includes(id) ? s : { solvedChallenges: [...s.solvedChallenges, id] })),
  resetPracticeProgress: () => set({ solvedChallenges: [] }),
})
