/**
 * The common-password list of `@zxcvbn-ts/language-common` (about 49,000 words, most common first),
 * imported on demand so the list stays out of the first page load.
 */
let pending: Promise<readonly string[]> | undefined

/** Loads the frequency-ordered common-password list once; later calls share the same promise. */
export function loadCommonPasswords(): Promise<readonly string[]> {
  pending ??= import('@zxcvbn-ts/language-common').then((m) => m.dictionary['passwords-common'])
  return pending
}
