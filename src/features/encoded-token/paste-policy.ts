/**
 * When the Encoded token box looks for a token inside the text it was given (an Authorization
 * header, a cookie, a URL, a log line) instead of taking the text as typed. Typing is never
 * rewritten, so a user can type a space; pastes and other bulk inserts are cleaned up.
 */

/** Pastes longer than this are extracted from in a separate task, so no single task runs too long. */
export const DEFER_EXTRACTION = 64 * 1024

/** Characters of a bare compact token (base64url, the dots, and base64 characters that decode reports on). */
export const BARE_TOKEN = /^[A-Za-z0-9_\-.+/=]*$/

/** How many characters an edit from `before` to `after` inserted (what is left between the common ends). */
export function insertedLength(before: string, after: string): number {
  const limit = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++
  return after.length - prefix - suffix
}

/**
 * What to do with the box's new text: store it `as-typed`, `extract` a token from it now, or show
 * it first and extract `later` (a huge paste). A change that inserts more than one character at once
 * (drop, autofill, scripted fill) is a paste in all but name; single keystrokes are left alone.
 */
export function changePolicy(before: string, after: string): 'as-typed' | 'extract' | 'later' {
  if (insertedLength(before, after) <= 1) return 'as-typed'
  if (after.length > DEFER_EXTRACTION && !BARE_TOKEN.test(after)) return 'later'
  return 'extract'
}

/**
 * Whether a paste event should be searched for a token: only when the paste replaces the whole text
 * (or fills an empty box) and holds more than token characters.
 */
export function pasteMayExtract(pasted: string, replacesAll: boolean): boolean {
  return replacesAll && !BARE_TOKEN.test(pasted)
}
