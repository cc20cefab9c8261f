import { forgetHugeTokens } from '../workers/token-client'
import { decodeCached, forgetShownToken } from './use-decoded-token'
import { lintCached, listedCached } from './use-lint-findings'
import { parseKeyCached } from './use-parsed-key'
import { verifyCached } from './use-verification'

// Memories of user data kept outside the session (e.g. the tokens the editors produced).
const others = new Set<() => void>()

/**
 * Registers one more in-memory store of user data for "Forget everything" to empty. Code above the
 * session (a feature) registers here instead of being imported by it.
 */
export function forgetWithUserData(clear: () => void): void {
  others.add(clear)
}

/**
 * Empties every module-level memo that holds user data (decoded tokens, parsed keys, verifications,
 * lint runs, and whatever was registered with {@link forgetWithUserData}). Part of "Forget everything".
 */
export function clearUserDataCaches(): void {
  decodeCached.clear()
  forgetShownToken()
  forgetHugeTokens()
  parseKeyCached.clear()
  verifyCached.clear()
  lintCached.clear()
  listedCached.clear()
  for (const clear of others) clear()
}
