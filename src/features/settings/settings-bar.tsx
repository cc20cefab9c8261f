/** Placeholder until the feature lands. */
export function SettingsBar() {
  return null
}
