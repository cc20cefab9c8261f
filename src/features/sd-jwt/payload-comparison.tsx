import { useMemo } from 'react'
import { formatJsonValue, type ProcessedSdJwt } from '../../core'
import { CheckTable, type Column } from '../../components/ui'
import { useFirstRows } from './first-rows'
import { markCounts, visibilityRows, type ClaimMark, type VisibilityRow } from './claim-visibility'

const MARK_TEXT: Readonly<Record<ClaimMark, string>> = { 'always-visible': 'always visible', disclosed: 'disclosed', withheld: 'withheld' }
const MARK_STYLE: Readonly<Record<ClaimMark, string>> = {
  'always-visible': 'text-slate-700 dark:text-slate-200',
  disclosed: 'text-emerald-800 dark:text-emerald-300',
  withheld: 'text-amber-800 dark:text-amber-300',
}

const columns: readonly Column<VisibilityRow>[] = [
  { header: 'Claim', kind: 'header', className: 'break-all font-mono text-xs font-normal', cell: (r) => (r.pointer === '' ? '(top level)' : r.pointer) },
  { header: 'Visibility', card: 'meta', width: 'w-[8rem]', cell: (r) => <span className={`font-semibold ${MARK_STYLE[r.mark]}`}>{MARK_TEXT[r.mark]}</span> },
  {
    header: 'Value',
    card: 'body',
    className: 'break-all font-mono text-xs',
    cell: (r) => (r.mark === 'withheld' ? `digest ${r.digest ?? ''} (${r.kind === 'element' ? 'an array element' : 'a claim'} or a decoy)` : `${r.value ?? ''}${r.disclosure !== null ? `  (disclosure ${r.disclosure + 1})` : ''}`),
  },
]

function JsonBlock({ label, value }: { readonly label: string; readonly value: ProcessedSdJwt['issuerPayload'] }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <h3 className="font-semibold">{label}</h3>
      {/* Text content only: claims come from the issuer and the holder. */}
      <pre aria-label={label} tabIndex={0} className="max-h-80 overflow-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs break-all whitespace-pre-wrap text-slate-900 dark:bg-slate-800 dark:text-slate-100">
        {formatJsonValue(value)}
      </pre>
    </div>
  )
}

/** The issuer-signed payload beside the processed one, and each claim marked always visible, disclosed or withheld. */
export function PayloadComparison({ processed }: { readonly processed: ProcessedSdJwt }) {
  const rows = useMemo(() => visibilityRows(processed), [processed])
  const counts = markCounts(rows)
  const { shown, footer } = useFirstRows(rows, 'claims')
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <div className="grid min-w-0 gap-3 lg:grid-cols-2">
        <JsonBlock label="Issuer-signed payload" value={processed.issuerPayload} />
        <JsonBlock label="Processed payload" value={processed.processedPayload} />
      </div>
      <CheckTable
        label="Claim visibility"
        caption={`${counts['always-visible']} always visible, ${counts.disclosed} disclosed, ${counts.withheld} withheld or decoy.`}
        columns={columns}
        rows={shown}
        rowKey={(r, i) => `${r.mark}-${r.pointer}-${i}`}
        footer={footer}
        rowAttributes={(r) => ({ 'data-mark': r.mark })}
        frame="box"
      />
    </div>
  )
}
