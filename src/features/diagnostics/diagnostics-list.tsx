/** Placeholder until the feature lands. */
export function DiagnosticsList() {
  return null
}
