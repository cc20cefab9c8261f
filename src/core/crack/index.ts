/** Secret cracking: HMAC guesses from bundled lists, user word lists and mutations, in batches. */
export { crackTargetFromToken, createCracker, type Cracker, type CrackErrorCode, type CrackTarget, type HmacAlgorithm } from './cracker'
export {
  countListCandidates,
  runCrackJob,
  type CrackJobErrorCode,
  type CrackJobOptions,
  type CrackOutcome,
  type CrackProgress,
  type CrackSource,
  type FoundSecret,
} from './crack-job'
export { createFastestCracker, type ChosenCracker, type CrackEngine, type CreateFastestCrackerOptions } from './engine'
export type { GpuEntry } from './webgpu-cracker'
export { CandidateBatchBuilder, type CandidateBatch } from './candidate-batch'
export { streamLines, type LineBatch, type StreamLinesOptions } from './line-splitter'
export { bundledCandidates } from './bundled-candidates'
export { defaultJwtSecrets } from './default-jwt-secrets'
export { loadCommonPasswords } from './common-passwords'
