/**
 * The candidate list shipped with the app: the empty secret, well-known default JWT secrets,
 * then the common-password list of `@zxcvbn-ts/language-common`, most common first.
 */
import { dictionary } from '@zxcvbn-ts/language-common'
import { defaultJwtSecrets } from './default-jwt-secrets'

let cached: readonly string[] | undefined

/**
 * The bundled candidates without duplicates, in the order they are tried. Built on first use
 * (the password list is decompressed lazily by the bundler's module graph, not here).
 */
export function bundledCandidates(): readonly string[] {
  if (cached === undefined) cached = [...new Set(['', ...defaultJwtSecrets, ...dictionary['passwords-common']])]
  return cached
}
