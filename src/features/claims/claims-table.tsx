/** Placeholder until the feature lands. */
export function ClaimsTable() {
  return null
}
