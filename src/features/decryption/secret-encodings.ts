import type { SecretEncoding } from '../../core'

/** How a shared secret's text turns into bytes, as the selects list it. */
export const SECRET_ENCODING_OPTIONS: readonly { readonly value: SecretEncoding; readonly label: string }[] = [
  { value: 'utf8', label: 'UTF-8' },
  { value: 'base64url', label: 'base64url' },
  { value: 'base64', label: 'base64' },
  { value: 'hex', label: 'hex' },
]

/** Key management algorithms whose key is a shared secret typed as text (PBES2's password is always UTF-8). */
export function takesSharedSecret(alg: string | undefined): boolean {
  return alg === undefined || alg === 'dir' || /^A(128|192|256)(GCM)?KW$/.test(alg)
}

/** At most this many plaintext bytes are shown as hex: the rest is counted, not rendered. */
const MAX_HEX_BYTES = 4096

/** Bytes as hex pairs separated by spaces, cut at {@link MAX_HEX_BYTES} with a note of how many more. */
export function hexPreview(bytes: Uint8Array): string {
  const shown = Array.from(bytes.subarray(0, MAX_HEX_BYTES), (b) => b.toString(16).padStart(2, '0')).join(' ')
  const more = bytes.length - MAX_HEX_BYTES
  return more > 0 ? `${shown} … (${more.toLocaleString('en-US')} more bytes)` : shown
}
