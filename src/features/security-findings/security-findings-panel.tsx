import { useId } from 'react'
import type { Finding } from '../../core'
import { Panel } from '../../components/panel'
import { LabelledText } from '../../components/ui'
import { useSecurityFindings } from '../../session/use-lint-findings'
import { SeverityBadge } from './severity-badge'

/**
 * The `Security findings` region: every finding of the security lint for the current token and
 * verification key, with what is wrong, what to do about it and where the rule comes from.
 */
export function SecurityFindingsPanel() {
  const findings = useSecurityFindings()
  const headingId = useId()

  return (
    <section aria-label="Security findings">
      <Panel
        title="Security findings"
        headingId={headingId}
        actions={
          findings.length > 0 ? (
            <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
              {findings.length} {findings.length === 1 ? 'finding' : 'findings'}
            </span>
          ) : undefined
        }
      >
        {findings.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No security findings for this token.</p>
        ) : (
          <ul aria-labelledby={headingId} className="flex flex-col gap-2">
            {findings.map((f, i) => (
              <FindingItem key={`${f.id}-${i}`} finding={f} />
            ))}
          </ul>
        )}
      </Panel>
    </section>
  )
}

function FindingItem({ finding }: { readonly finding: Finding }) {
  return (
    <li className="flex flex-col gap-1 rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <SeverityBadge severity={finding.severity} />
        <h3 className="min-w-0 flex-1 font-semibold break-words">{finding.title}</h3>
      </div>
      <p className="break-words text-slate-800 dark:text-slate-200">{finding.explanation}</p>
      <LabelledText label="What to do">{finding.fix}</LabelledText>
      <LabelledText label="Reference" look="note">{finding.reference}</LabelledText>
    </li>
  )
}
