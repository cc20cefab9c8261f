/** Placeholder until the feature lands. */
export function ShareButton() {
  return null
}
