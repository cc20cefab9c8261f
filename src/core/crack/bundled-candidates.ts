/**
 * The candidate list shipped with the app: the empty secret, well-known default JWT secrets,
 * then the common-password list of `@zxcvbn-ts/language-common`, most common first.
 */
import { defaultJwtSecrets } from './default-jwt-secrets'
import { loadCommonPasswords } from './common-passwords'

let cached: Promise<readonly string[]> | undefined

/**
 * The bundled candidates without duplicates, in the order they are tried. Loaded on first use:
 * the password list is large and only the cracker needs it.
 */
export function bundledCandidates(): Promise<readonly string[]> {
  cached ??= loadCommonPasswords().then((passwords) => [...new Set(['', ...defaultJwtSecrets, ...passwords])])
  return cached
}
