/** Placeholder until the feature lands. */
export function SignaturePanel() {
  return null
}
