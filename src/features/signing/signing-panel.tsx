/** Placeholder until the feature lands. */
export function SigningPanel() {
  return null
}
