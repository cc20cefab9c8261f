import { useId } from 'react'
import { checkPolicy, type PolicyCheck, type PolicyOptions } from '../../core'
import { Panel } from '../../components/panel'
import { useDecodedToken } from '../../session/use-decoded-token'
import { useNow } from '../../session/use-now'
import { useVerification, type VerificationView } from '../../session/use-verification'
import { useAppStore } from '../../store/app-store'
import { toDateTimeLocal, fromDateTimeLocal, splitList } from './policy-inputs'
import { verdictText } from '../../components/verdict'

type Verdict = 'Pass' | 'Fail' | 'Skipped' | 'Pending'

interface Row {
  readonly id: string
  readonly label: string
  readonly verdict: Verdict
  readonly message: string
}

/** The checks this panel shows, in order, with their row labels. */
const shown: readonly { id: PolicyCheck['id']; label: string }[] = [
  { id: 'exp', label: 'Expiry (exp)' },
  { id: 'nbf', label: 'Not before (nbf)' },
  { id: 'iat', label: 'Issued at (iat)' },
  { id: 'iss', label: 'Issuer (iss)' },
  { id: 'aud', label: 'Audience (aud)' },
  { id: 'alg', label: 'Algorithm allowlist (alg)' },
]


function signatureRow(v: VerificationView): Row {
  const verdict: Verdict = v.status === 'verified' ? 'Pass' : v.status === 'invalid' ? 'Fail' : v.status === 'pending' ? 'Pending' : 'Skipped'
  return { id: 'signature', label: 'Signature', verdict, message: v.text }
}

const verdictStyle: Readonly<Record<Verdict, string>> = {
  Pass: 'text-emerald-800 dark:text-emerald-300',
  Fail: 'text-rose-800 dark:text-rose-300',
  Skipped: 'text-slate-600 dark:text-slate-300',
  Pending: 'text-slate-600 dark:text-slate-300',
}

const inputClass = 'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950'

/** What a verifier would expect of the token, and the verdict of every check. */
export function PolicyPanel() {
  const decoded = useDecodedToken()
  const verification = useVerification()
  const now = useNow()
  const expectedIssuer = useAppStore((s) => s.expectedIssuer)
  const expectedAudience = useAppStore((s) => s.expectedAudience)
  const clockSkewSeconds = useAppStore((s) => s.clockSkewSeconds)
  const allowedAlgorithms = useAppStore((s) => s.allowedAlgorithms)
  const nowOverride = useAppStore((s) => s.nowOverride)
  const setPolicy = useAppStore((s) => s.setPolicy)
  const ids = { iss: useId(), aud: useId(), skew: useId(), algs: useId(), now: useId() }

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
    if (check) rows.push({ id, label, verdict: verdictText[check.verdict], message: check.message })
  }

  return (
    <Panel title="Policy checks">
      <div className="grid gap-2 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.iss} className="text-sm font-medium">Expected issuer</label>
          <input id={ids.iss} type="text" value={expectedIssuer} placeholder="any" onChange={(e) => setPolicy({ expectedIssuer: e.target.value })} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.aud} className="text-sm font-medium">Expected audience</label>
          <input id={ids.aud} type="text" value={expectedAudience} placeholder="any (comma-separated)" onChange={(e) => setPolicy({ expectedAudience: e.target.value })} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.skew} className="text-sm font-medium">Clock skew (seconds)</label>
          <input
            id={ids.skew}
            type="number"
            min={0}
            step={1}
            value={clockSkewSeconds}
            onChange={(e) => {
              const n = Number(e.target.value)
              setPolicy({ clockSkewSeconds: Number.isFinite(n) && n >= 0 ? n : 0 })
            }}
            className={inputClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.algs} className="text-sm font-medium">Allowed algorithms</label>
          <input id={ids.algs} type="text" value={allowedAlgorithms} placeholder="any (e.g. RS256, ES256)" onChange={(e) => setPolicy({ allowedAlgorithms: e.target.value })} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor={ids.now} className="text-sm font-medium">Current time</label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id={ids.now}
              type="datetime-local"
              step={1}
              value={toDateTimeLocal(nowOverride, now)}
              onChange={(e) => setPolicy({ nowOverride: fromDateTimeLocal(e.target.value) })}
              className={`${inputClass} w-auto`}
            />
            <button
              type="button"
              onClick={() => setPolicy({ nowOverride: '' })}
              disabled={nowOverride === ''}
              className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Use real time
            </button>
            <span className="text-xs text-slate-600 dark:text-slate-400">
              {nowOverride === '' ? 'Real time' : 'Fixed'}: {new Date(now * 1000).toISOString().replace('.000Z', 'Z')}
            </span>
          </div>
        </div>
      </div>
      <div className="mt-3 overflow-x-auto">
        <table aria-label="Policy checks" className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-1 pr-3 font-semibold">Check</th>
              <th scope="col" className="py-1 pr-3 font-semibold">Verdict</th>
              <th scope="col" className="py-1 font-semibold">Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
                <th scope="row" className="py-1 pr-3 font-medium">{r.label}</th>
                <td className={`py-1 pr-3 font-semibold ${verdictStyle[r.verdict]}`}>{r.verdict}</td>
                <td className="py-1 [overflow-wrap:anywhere]">{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  )
}
