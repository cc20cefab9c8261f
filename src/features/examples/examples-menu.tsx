/** Placeholder until the feature lands. */
export function ExamplesMenu() {
  return null
}
