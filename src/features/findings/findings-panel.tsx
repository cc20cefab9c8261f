import { useId } from 'react'
import type { FindingSeverity, ListedFinding, PlacedDiagnostic, SegmentName } from '../../core'
import { Panel } from '../../components/panel'
import { LabelledText } from '../../components/ui'
import { useShownToken } from '../../session/shown-token'
import { useListedFindings } from '../../session/use-lint-findings'
import { SeverityBadge } from './severity-badge'

/** Garbage input can produce many decode problems; beyond this the list says how many were left out. */
const MAX_SHOWN = 200

const segmentLabel: Readonly<Record<SegmentName, string>> = {
  token: 'token',
  header: 'header',
  payload: 'payload',
  signature: 'signature',
  encrypted_key: 'encrypted key',
  iv: 'IV',
  ciphertext: 'ciphertext',
  tag: 'tag',
}

/** Where a decode problem is, in words: `header, char 12`. */
function where(p: PlacedDiagnostic): string {
  return `${segmentLabel[p.place.segment]}, char ${p.place.char}`
}

/** Severe findings open with their explanation; the rest show their headline and open on demand. */
const openByDefault: ReadonlySet<FindingSeverity> = new Set(['critical', 'high'])

/**
 * The one findings list (region `Security findings`, list `Diagnostics`): decode problems and security
 * findings on one severity scale, most severe first, each labelled by where it comes from, and none
 * listed twice.
 */
export function FindingsPanel() {
  const decoded = useShownToken()
  const items = useListedFindings()
  const headingId = useId()
  const security = items.filter((i) => i.source === 'security').length
  const decode = items.length - security
  const shown = items.slice(0, MAX_SHOWN)

  return (
    <section aria-labelledby={headingId}>
      <Panel
        title="Security findings"
        headingId={headingId}
        actions={
          items.length > 0 ? (
            <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">{countText(security, decode)}</span>
          ) : undefined
        }
      >
        {decoded.token === '' ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Nothing to check yet: paste a token above.</p>
        ) : (
          security === 0 && (
            <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
              No security findings for this token.{decode === 0 ? ' No problems found while decoding.' : ''}
            </p>
          )
        )}
        <ul aria-label="Diagnostics" className="flex flex-col gap-1.5 text-sm">
          {shown.map((item, i) => (
            <ListedItem key={i} item={item} />
          ))}
          {items.length > MAX_SHOWN && (
            <li className="text-slate-600 dark:text-slate-400">…and {items.length - MAX_SHOWN} more problems not listed.</li>
          )}
        </ul>
      </Panel>
    </section>
  )
}

function countText(security: number, decode: number): string {
  const parts: string[] = []
  if (security > 0) parts.push(`${security} security`)
  if (decode > 0) parts.push(`${decode} decode`)
  return parts.join(' · ')
}

function ListedItem({ item }: { readonly item: ListedFinding }) {
  if (item.source === 'decode') {
    return (
      <li className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 rounded-md px-1 py-0.5">
        <SeverityBadge severity={item.severity} />
        <span className="font-mono text-xs text-slate-600 dark:text-slate-400">Decode · {where(item.problem)}</span>
        <span className="min-w-0 basis-full break-words sm:basis-auto sm:flex-1">{item.problem.diagnostic.message}</span>
      </li>
    )
  }
  const { finding, problems } = item
  return (
    <li className="rounded-md border border-slate-200 px-1 py-0.5 dark:border-slate-700">
      <details open={openByDefault.has(item.severity)} className="group">
        <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-2 gap-y-0.5 py-0.5">
          <SeverityBadge severity={item.severity} />
          <span className="font-mono text-xs text-slate-600 dark:text-slate-400">Security</span>
          <span className="min-w-0 flex-1 font-semibold break-words">{finding.title}</span>
        </summary>
        <div className="flex flex-col gap-1 px-1 pb-1">
          <p className="break-words text-slate-800 dark:text-slate-200">{finding.explanation}</p>
          {/* Paragraphs, not a nested list: each entry of the Diagnostics list stays one item. */}
          {problems.map((p, i) => (
            <p key={i} className="border-l-2 border-slate-300 pl-2 text-xs break-words dark:border-slate-600">
              <span className="font-mono">{where(p)}</span>: {p.diagnostic.message}
            </p>
          ))}
          <LabelledText label="What to do">{finding.fix}</LabelledText>
          <LabelledText label="Reference" look="note">{finding.reference}</LabelledText>
        </div>
      </details>
    </li>
  )
}
