/** Issuers typed as a comma-, space- or line-separated list, without empty entries. */
export function splitIssuers(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== '')
}
