/**
 * Recognises HMAC secrets that attackers guess first: default JWT secrets plus the most common
 * passwords.
 */
import { defaultJwtSecrets, loadCommonPasswords } from '../crack'

/** How many of the most common passwords (zxcvbn's frequency-ordered list) count as "common". */
export const COMMON_PASSWORD_COUNT = 10_000

const defaults: ReadonlySet<string> = new Set(defaultJwtSecrets)

/**
 * The default JWT secrets plus the {@link COMMON_PASSWORD_COUNT} most common passwords, as a set to
 * pass to {@link isCommonSecret} or to the lint's `commonSecrets`. Loaded on demand: the password list
 * is large and must not weigh on the first page load.
 */
export async function loadCommonSecrets(): Promise<ReadonlySet<string>> {
  const passwords = await loadCommonPasswords()
  return new Set([...defaultJwtSecrets, ...passwords.slice(0, COMMON_PASSWORD_COUNT)])
}

/**
 * True when `text` is exactly (case included) a well-known default JWT secret or a member of
 * `commonSecrets` (from {@link loadCommonSecrets}). Without that set only the default JWT secrets are
 * known.
 */
export function isCommonSecret(text: string, commonSecrets?: ReadonlySet<string>): boolean {
  return defaults.has(text) || (commonSecrets?.has(text) ?? false)
}
