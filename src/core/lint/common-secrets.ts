/**
 * Recognises HMAC secrets that attackers guess first: default JWT secrets plus the most common
 * passwords.
 */
import { dictionary } from '@zxcvbn-ts/language-common'
import { defaultJwtSecrets } from '../crack/default-jwt-secrets'

/** How many of the most common passwords (zxcvbn's frequency-ordered list) count as "common". */
export const COMMON_PASSWORD_COUNT = 10_000

let known: ReadonlySet<string> | undefined

function knownSecrets(): ReadonlySet<string> {
  // Built on first use: the password list is large and most sessions never need it.
  known ??= new Set([...defaultJwtSecrets, ...dictionary['passwords-common'].slice(0, COMMON_PASSWORD_COUNT)])
  return known
}

/**
 * True when `text` is exactly (case included) a well-known default JWT secret or one of the
 * 10,000 most common passwords.
 */
export function isCommonSecret(text: string): boolean {
  return knownSecrets().has(text)
}
