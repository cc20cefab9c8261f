import type { Diagnostic, Severity } from '../../core'
import { Panel } from '../../components/panel'
import { useDecodedToken } from '../../session/use-decoded-token'
import { useLintFindings, type LintFinding } from '../../session/use-lint-findings'

/** Garbage input can produce many diagnostics; beyond this the list says how many were left out. */
const MAX_SHOWN = 200

const segmentLabel: Record<Diagnostic['segment'], string> = {
  token: 'token',
  header: 'header',
  payload: 'payload',
  signature: 'signature',
  encrypted_key: 'encrypted key',
  iv: 'IV',
  ciphertext: 'ciphertext',
  tag: 'tag',
}

const badge: Record<Severity, string> = {
  error: 'bg-rose-100 text-rose-800 ring-rose-300 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-700',
  warning: 'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700',
  info: 'bg-sky-100 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-700',
}

const severityText: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' }

/** Where a diagnostic is, in words: `header, char 12` (1-based within its part). */
function position(d: Diagnostic, segmentStarts: Partial<Record<Diagnostic['segment'], number>>): string {
  const start = segmentStarts[d.segment] ?? 0
  return `${segmentLabel[d.segment]}, char ${d.offset - start + 1}`
}

interface DiagnosticsListProps {
  /** Extra findings to list after the decode problems (e.g. security lint). */
  readonly extra?: readonly LintFinding[]
}

/**
 * The `Diagnostics` list: every decode problem with severity, place and message, then any security
 * lint findings (from `useLintFindings` and the `extra` prop).
 */
export function DiagnosticsList({ extra = [] }: DiagnosticsListProps) {
  const decoded = useDecodedToken()
  const lint = useLintFindings()
  const findings = [...lint, ...extra]
  const diagnostics = decoded.diagnostics
  const starts: Partial<Record<Diagnostic['segment'], number>> = {
    token: 0,
    header: decoded.header?.start ?? 0,
    payload: decoded.payload?.start,
    signature: decoded.signature?.start,
  }
  // JWE parts: offsets are counted from the part's first character, found from the dots.
  if (decoded.kind === 'jwe') {
    const names = ['encrypted_key', 'iv', 'ciphertext', 'tag'] as const
    let at = decoded.token.indexOf('.')
    for (const name of names) {
      starts[name] = at + 1
      at = decoded.token.indexOf('.', at + 1)
    }
  }
  const shown = diagnostics.slice(0, MAX_SHOWN)
  const total = diagnostics.length + findings.length
  const empty = total === 0

  return (
    <Panel
      title="Diagnostics"
      actions={
        total > 0 ? (
          <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
            {total} {total === 1 ? 'item' : 'items'}
          </span>
        ) : undefined
      }
    >
      <ul aria-label="Diagnostics" className="flex max-h-80 flex-col gap-1.5 overflow-y-auto text-sm">
        {empty && (
          <li className="text-slate-600 dark:text-slate-400">
            {decoded.token === '' ? 'Nothing to check yet: paste a token above.' : 'No problems found while decoding.'}
          </li>
        )}
        {shown.map((d, i) => (
          <li key={`d${i}`} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 rounded-md px-1 py-0.5">
            <SeverityBadge severity={d.severity} />
            <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{position(d, starts)}</span>
            <span className="min-w-0 basis-full break-words sm:basis-auto sm:flex-1">{d.message}</span>
          </li>
        ))}
        {diagnostics.length > MAX_SHOWN && (
          <li className="text-slate-600 dark:text-slate-400">…and {diagnostics.length - MAX_SHOWN} more problems not listed.</li>
        )}
        {findings.map((f) => (
          <li key={`f${f.id}`} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 rounded-md px-1 py-0.5">
            <SeverityBadge severity={f.severity} />
            <span className="font-mono text-xs text-slate-600 dark:text-slate-400">security</span>
            <span className="min-w-0 basis-full break-words sm:basis-auto sm:flex-1">{f.message}</span>
          </li>
        ))}
      </ul>
    </Panel>
  )
}

function SeverityBadge({ severity }: { readonly severity: Severity }) {
  return (
    <span className={`inline-block w-16 shrink-0 rounded px-1.5 text-center text-xs font-semibold ring-1 ${badge[severity]}`}>
      {severityText[severity]}
    </span>
  )
}
