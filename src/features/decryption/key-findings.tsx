import type { Finding, FindingSeverity } from '../../core'

const SEVERITY: Record<FindingSeverity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' }

/**
 * What the decryption or encryption found about the key itself (a shared key too short for its
 * algorithm, a typed password used as a raw AES key). The lint sees only the verification key, so
 * these come with the JWE result and are listed beside it.
 */
export function KeyFindings({ findings }: { readonly findings: readonly Finding[] | undefined }) {
  if (findings === undefined || findings.length === 0) return null
  return (
    <ul aria-label="Key findings" className="flex flex-col gap-2 text-sm">
      {findings.map((f) => (
        <li key={f.id} className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">{`${SEVERITY[f.severity]}: ${f.title}`}</p>
          <p>{f.explanation}</p>
          <p>
            <strong>What to do:</strong> {f.fix} <span className="text-xs">({f.reference})</span>
          </p>
        </li>
      ))}
    </ul>
  )
}
