/** Placeholder until the feature lands. */
export function EncodedTokenPanel() {
  return null
}
