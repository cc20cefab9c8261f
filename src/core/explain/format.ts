/** Output caps: a walkthrough of a megabyte token must stay a few kilobytes. Bytes listed as hex. */
export const MAX_LISTED_BYTES = 384
/** Characters of a text shown before it is clipped (see {@link MAX_LISTED_BYTES}). */
const MAX_SHOWN_CHARS = 2000

const hex2 = (b: number) => b.toString(16).padStart(2, '0')

/** Bytes as hex in 3-byte groups (`7b2274 79703a`), the first `max` bytes only. */
export function hexInGroups(bytes: Uint8Array, max = MAX_LISTED_BYTES): string {
  const shown = bytes.subarray(0, max)
  const groups: string[] = []
  for (let i = 0; i < shown.length; i += 3) groups.push(Array.from(shown.subarray(i, i + 3), hex2).join(''))
  const more = bytes.length - shown.length
  return more > 0 ? `${groups.join(' ')} … (${more} more bytes)` : groups.join(' ')
}

/** Bytes as continuous hex (for hashes and short values). */
export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, hex2).join('')
}

/** The text, cut after `max` characters with a note of how much was left out. */
export function clip(text: string, max = MAX_SHOWN_CHARS): string {
  if (text.length <= max) return text
  // Never cut a surrogate pair in half: the UI would show a replacement character.
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max
  return `${text.slice(0, cut)}… (${text.length - cut} more characters)`
}

/** `1 byte`, `2 bytes`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
