/**
 * Colours of the token's parts, shared by the encoded token overlay, the Header/Payload pane titles
 * and the signature section, so the same part has the same colour everywhere.
 */
export const segmentText = {
  header: 'text-rose-600 dark:text-rose-400',
  payload: 'text-violet-600 dark:text-violet-400',
  signature: 'text-sky-600 dark:text-sky-400',
  // JWE parts (RFC 7516 §7.1): header, encrypted key, IV, ciphertext, tag.
  encrypted_key: 'text-amber-600 dark:text-amber-400',
  iv: 'text-emerald-600 dark:text-emerald-400',
  ciphertext: 'text-violet-600 dark:text-violet-400',
  tag: 'text-sky-600 dark:text-sky-400',
  dot: 'text-slate-900 dark:text-slate-100 font-bold',
} as const

/** Background swatches (legend dots) matching {@link segmentText}. */
export const segmentSwatch = {
  header: 'bg-rose-600 dark:bg-rose-400',
  payload: 'bg-violet-600 dark:bg-violet-400',
  signature: 'bg-sky-600 dark:bg-sky-400',
  encrypted_key: 'bg-amber-600 dark:bg-amber-400',
  iv: 'bg-emerald-600 dark:bg-emerald-400',
  ciphertext: 'bg-violet-600 dark:bg-violet-400',
  tag: 'bg-sky-600 dark:bg-sky-400',
} as const
