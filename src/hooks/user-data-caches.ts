import { clearOwnEdits } from './reencode'
import { clearDecodeCache } from './use-decoded-token'
import { clearLintCache } from './use-lint-findings'
import { clearParsedKeyCache } from './use-parsed-key'
import { clearVerificationCache } from './use-verification'

/**
 * Empties every module-level memo that holds user data (decoded tokens, parsed keys, the last
 * verification and lint run, tokens produced by the editors). Part of "Forget everything".
 */
export function clearUserDataCaches(): void {
  clearDecodeCache()
  clearParsedKeyCache()
  clearVerificationCache()
  clearLintCache()
  clearOwnEdits()
}
