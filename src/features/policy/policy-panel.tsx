/** Placeholder until the feature lands. */
export function PolicyPanel() {
  return null
}
