/**
 * The public surface of the JOSE engine. Everything outside `src/core` imports from here only.
 */
export * from './result'
export type * from './types'
