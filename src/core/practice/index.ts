/** Practice: a virtual server with switchable verifier mistakes, and challenges to exploit them. */
export type { Challenge, KeyRow, MistakeId, PracticeConfig, PracticeEnv, PracticeResult } from './types'
export { createPracticeEnv, hostDocument, type PracticeEnvErrorCode, type PracticeEnvOptions } from './env'
export { correctVerify } from './correct-verify'
export { verifyPractice } from './verify-practice'
export { challengeSucceeded, practiceChallenges } from './challenges'
