/**
 * One list of what is wrong with a token: its decode problems and its security findings on one
 * severity scale, each told apart by its source, and never the same problem twice.
 */
import type { DecodedToken, Diagnostic, SegmentName, Severity } from '../types'
import type { Finding, FindingSeverity } from './types'

/** Where a decode problem is, counted the way a reader counts: 1-based within its token part. */
export interface ProblemPlace {
  readonly segment: SegmentName
  /** 1-based character number within the segment. */
  readonly char: number
}

/** A decode problem placed in its part of the token. */
export interface PlacedDiagnostic {
  readonly diagnostic: Diagnostic
  readonly place: ProblemPlace
}

/** One entry of the findings list. */
export type ListedFinding =
  | {
      readonly source: 'decode'
      /** The decode severity on the findings scale (error → high, warning → medium, info → info). */
      readonly severity: FindingSeverity
      readonly problem: PlacedDiagnostic
    }
  | {
      readonly source: 'security'
      /** The finding's own severity, raised to that of the decode problems it stands for. */
      readonly severity: FindingSeverity
      readonly finding: Finding
      /** Decode problems this finding explains: shown inside it as places, not as entries of their own. */
      readonly problems: readonly PlacedDiagnostic[]
    }

/** Decode severities on the findings scale: an error means the token is not what a strict verifier reads. */
const decodeSeverity: Readonly<Record<Severity, FindingSeverity>> = { error: 'high', warning: 'medium', info: 'info' }

/**
 * Decode codes that a security finding reports too (same problem, seen by the lint with advice and a
 * reference): their diagnostics are folded into that finding.
 */
const explainedBy: Readonly<Record<string, string>> = {
  BASE64_NOT_BASE64URL: 'non-canonical-base64url',
  BASE64URL_INVALID_CHAR: 'non-canonical-base64url',
  BASE64URL_BAD_LENGTH: 'non-canonical-base64url',
  BASE64URL_NON_CANONICAL: 'non-canonical-base64url',
  DUPLICATE_MEMBER: 'duplicate-member',
  CRIT_INVALID: 'crit-invalid',
  CRIT_NOT_PRESENT: 'crit-invalid',
  CRIT_UNKNOWN: 'crit-unknown',
}

const rank: Readonly<Record<FindingSeverity, number>> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 }

/** The more severe of two severities. */
function worse(a: FindingSeverity, b: FindingSeverity): FindingSeverity {
  return rank[a] <= rank[b] ? a : b
}

const JWE_PARTS = ['encrypted_key', 'iv', 'ciphertext', 'tag'] as const

/** Where each part of the token starts (UTF-16 offset into the compact token). */
function segmentStarts(token: DecodedToken): Partial<Record<SegmentName, number>> {
  const starts: Partial<Record<SegmentName, number>> = {
    token: 0,
    header: token.header?.start ?? 0,
    payload: token.payload?.start,
    signature: token.signature?.start,
  }
  if (token.kind === 'jwe') {
    let at = token.token.indexOf('.')
    for (const name of JWE_PARTS) {
      starts[name] = at + 1
      at = token.token.indexOf('.', at + 1)
    }
  }
  return starts
}

/**
 * Merges a token's decode diagnostics and its security findings into one list, most severe first
 * (decode problems before security findings of the same severity, each in its own order).
 * A diagnostic whose problem a finding also reports (padding, duplicate members, `crit`) is listed
 * inside that finding, so the list never says the same thing twice; the finding then shows the
 * more severe of the two severities.
 */
export function listFindings(token: DecodedToken, findings: readonly Finding[]): ListedFinding[] {
  const starts = segmentStarts(token)
  const place = (d: Diagnostic): PlacedDiagnostic => ({
    diagnostic: d,
    place: { segment: d.segment, char: d.offset - (starts[d.segment] ?? 0) + 1 },
  })
  const present = new Set(findings.map((f) => f.id))
  const folded = new Map<string, PlacedDiagnostic[]>()
  const entries: { item: ListedFinding; order: number }[] = []
  token.diagnostics.forEach((d, i) => {
    const id = explainedBy[d.code]
    if (id !== undefined && present.has(id)) {
      const list = folded.get(id) ?? []
      list.push(place(d))
      folded.set(id, list)
      return
    }
    entries.push({ item: { source: 'decode', severity: decodeSeverity[d.severity], problem: place(d) }, order: i })
  })
  const offset = token.diagnostics.length
  // A rule reports a problem once; only its first finding carries the folded diagnostics.
  const given = new Set<string>()
  findings.forEach((finding, i) => {
    const problems = given.has(finding.id) ? [] : (folded.get(finding.id) ?? [])
    given.add(finding.id)
    const severity = problems.reduce((s, p) => worse(s, decodeSeverity[p.diagnostic.severity]), finding.severity)
    entries.push({ item: { source: 'security', severity, finding, problems }, order: offset + i })
  })
  return entries
    .sort((a, b) => rank[a.item.severity] - rank[b.item.severity] || a.order - b.order)
    .map((e) => e.item)
}
