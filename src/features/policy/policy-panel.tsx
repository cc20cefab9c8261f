import { useState } from 'react'
import { checkPolicy, type PolicyCheck, type PolicyOptions } from '../../core'
import { Panel } from '../../components/panel'
import { Button, CheckTable, Field, TextField, controlClass, type Column, type VerdictKind } from '../../components/ui'
import { useVerifierToken } from '../../session/use-verifier-payload'
import { useNow } from '../../session/use-now'
import { useVerification, type VerificationView } from '../../session/use-verification'
import { useAppFields } from '../../store/app-store'
import { toDateTimeLocal, fromDateTimeLocal, splitList } from './policy-inputs'

interface Row {
  readonly id: string
  readonly label: string
  readonly verdict: VerdictKind
  readonly message: string
}

const columns: readonly Column<Row>[] = [
  { header: 'Check', kind: 'header', cell: (r) => r.label },
  { header: 'Verdict', kind: 'verdict' },
  { header: 'Details', className: '[overflow-wrap:anywhere]', cell: (r) => r.message },
]

/** The checks this panel shows, in order, with their row labels. */
const shown: readonly { id: PolicyCheck['id']; label: string }[] = [
  { id: 'exp', label: 'Expiry (exp)' },
  { id: 'nbf', label: 'Not before (nbf)' },
  { id: 'iat', label: 'Issued at (iat)' },
  { id: 'iss', label: 'Issuer (iss)' },
  { id: 'aud', label: 'Audience (aud)' },
  { id: 'alg', label: 'Algorithm allowlist (alg)' },
]


/** The verdicts in a few words, visible while the panel is collapsed. */
function PolicySummary({ rows }: { readonly rows: readonly Row[] }) {
  const failed = rows.filter((r) => r.verdict === 'fail').length
  const passed = rows.filter((r) => r.verdict === 'pass').length
  const text = failed > 0 ? `${failed} of ${rows.length} checks fail` : `${passed} of ${rows.length} checks pass`
  return <span className={`text-xs tabular-nums ${failed > 0 ? 'text-rose-700 dark:text-rose-300' : 'text-slate-600 dark:text-slate-400'}`}>{text}</span>
}

function signatureRow(v: VerificationView): Row {
  const verdict: VerdictKind = v.status === 'verified' ? 'pass' : v.status === 'invalid' ? 'fail' : v.status === 'pending' ? 'pending' : 'skip'
  return { id: 'signature', label: 'Signature', verdict, message: v.text }
}

/** What a verifier would expect of the token, and the verdict of every check. */
export function PolicyPanel() {
  // For an SD-JWT, the claims a verifier ends up with (disclosures applied).
  const decoded = useVerifierToken()
  const verification = useVerification()
  const now = useNow()
  const { expectedIssuer, expectedAudience, clockSkewSeconds, allowedAlgorithms, nowOverride, setPolicy } = useAppFields(
    'expectedIssuer', 'expectedAudience', 'clockSkewSeconds', 'allowedAlgorithms', 'nowOverride', 'setPolicy',
  )

  // Open only once a policy is set (by the user or by a lesson): until then the heading's summary is
  // enough. Setting one later opens the panel, so whoever set it sees what it does.
  const policySet = expectedIssuer !== '' || expectedAudience !== '' || allowedAlgorithms !== '' || nowOverride !== ''
  const [collapsed, setCollapsed] = useState(!policySet)
  const [wasSet, setWasSet] = useState(policySet)
  if (policySet !== wasSet) {
    setWasSet(policySet)
    if (policySet) setCollapsed(false)
  }
  const audiences = splitList(expectedAudience)
  const algorithms = splitList(allowedAlgorithms)
  const options: PolicyOptions = {
    now,
    clockSkew: clockSkewSeconds,
    ...(expectedIssuer.trim() !== '' ? { issuer: expectedIssuer.trim() } : {}),
    ...(audiences.length > 0 ? { audience: audiences } : {}),
    ...(algorithms.length > 0 ? { algorithms } : {}),
  }
  const checks = decoded.token.trim() === '' ? [] : checkPolicy(decoded.header?.value, decoded.payload?.value, options)
  const rows: Row[] = [signatureRow(verification)]
  for (const { id, label } of shown) {
    const check = checks.find((c) => c.id === id)
    if (check) rows.push({ id, label, verdict: check.verdict, message: check.message })
  }

  return (
    <Panel title="Policy checks" collapse={{ collapsed, onToggle: () => setCollapsed((c) => !c) }} actions={<PolicySummary rows={rows} />}>
      <div className="grid gap-2 sm:grid-cols-2">
        <TextField label="Expected issuer" value={expectedIssuer} placeholder="any" onChange={(v) => setPolicy({ expectedIssuer: v })} />
        <TextField label="Expected audience" value={expectedAudience} placeholder="any (comma-separated)" onChange={(v) => setPolicy({ expectedAudience: v })} />
        <TextField
          label="Clock skew (seconds)"
          type="number"
          min={0}
          step={1}
          value={String(clockSkewSeconds)}
          onChange={(v) => {
            const n = Number(v)
            setPolicy({ clockSkewSeconds: Number.isFinite(n) && n >= 0 ? n : 0 })
          }}
        />
        <TextField label="Allowed algorithms" value={allowedAlgorithms} placeholder="any (e.g. RS256, ES256)" onChange={(v) => setPolicy({ allowedAlgorithms: v })} />
        <Field label="Current time" className="min-w-0 sm:col-span-2">
          {(control) => (
            <div className="flex flex-wrap items-center gap-2">
              <input
                {...control}
                type="datetime-local"
                step={1}
                value={toDateTimeLocal(nowOverride, now)}
                onChange={(e) => setPolicy({ nowOverride: fromDateTimeLocal(e.target.value) })}
                className={`${controlClass} w-auto`}
              />
              <Button size="sm" onClick={() => setPolicy({ nowOverride: '' })} disabled={nowOverride === ''} className="text-sm">
                Use real time
              </Button>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {nowOverride === '' ? 'Real time' : 'Fixed'}: {new Date(now * 1000).toISOString().replace('.000Z', 'Z')}
              </span>
            </div>
          )}
        </Field>
      </div>
      <CheckTable label="Policy checks" columns={columns} rows={rows} rowKey={(r) => r.id} verdict={(r) => r.verdict} className="mt-3" />
    </Panel>
  )
}
