/** Placeholder until the feature lands. */
export function JsonPanels() {
  return null
}
