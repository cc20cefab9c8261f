import { useId, useState } from 'react'
import { loadOidcHashes, type JsonObject, type OidcHashCheck, type OidcHashClaim } from '../../core'
import { Panel } from '../../components/panel'
import { CheckTable, TextField, type Column } from '../../components/ui'
import { useLatest } from '../../hooks/use-latest'

const FIELDS: readonly { readonly claim: OidcHashClaim; readonly label: string; readonly placeholder: string }[] = [
  { claim: 'at_hash', label: 'Access token', placeholder: 'The access token issued with this ID token' },
  { claim: 'c_hash', label: 'Code', placeholder: 'The authorization code issued with this ID token' },
  { claim: 's_hash', label: 'State', placeholder: 'The state value of the authorization response' },
]

const columns: readonly Column<OidcHashCheck>[] = [
  { header: 'Claim', kind: 'header', width: 'w-[7rem]', className: 'font-mono font-semibold', cell: (c) => c.claim },
  { header: 'Verdict', kind: 'verdict', width: 'w-[5.5rem]' },
  { header: 'Message', card: 'body', className: 'break-words', cell: (c) => c.message },
]

interface OidcHashesPanelProps {
  readonly payload: JsonObject
  readonly alg: string | undefined
}

/**
 * Recomputes an ID token's at_hash, c_hash and s_hash from the access token, code and state the
 * user pastes, one verdict row each. The values stay in this panel's memory only.
 */
export function OidcHashesPanel({ payload, alg }: OidcHashesPanelProps) {
  const headingId = useId()
  const [values, setValues] = useState<Partial<Record<OidcHashClaim, string>>>({})
  const present = FIELDS.filter((f) => Object.hasOwn(payload, f.claim))
  const request = JSON.stringify([payload, alg ?? null, values])
  const latest = useLatest<OidcHashCheck[]>([request], async () => (await loadOidcHashes()).checkOidcHashes({ payload, alg, values }))
  const rows = latest.status === 'done' ? latest.value : latest.status === 'pending' ? latest.previous?.value ?? null : null

  return (
    <section aria-labelledby={headingId}>
      <Panel title="OpenID Connect hashes" headingId={headingId}>
        <div className="flex flex-col gap-3 text-sm">
          <p className="text-slate-700 dark:text-slate-300">
            An ID token can carry hashes of what was issued with it (OpenID Connect Core §3.1.3.6, §3.3.2.11; FAPI for
            s_hash): the left half of the hash of its alg, base64url. Paste the value to check that it is the one this ID
            token was issued with.
          </p>
          {present.map((f) => (
            <TextField key={f.claim} label={f.label} value={values[f.claim] ?? ''} rows={2} placeholder={f.placeholder} onChange={(v) => setValues((old) => ({ ...old, [f.claim]: v }))} />
          ))}
          {rows !== null && <CheckTable label="Hash checks" columns={columns} rows={rows} rowKey={(c) => c.claim} verdict={(c) => c.verdict} cardsBelow="sm" frame="box" />}
        </div>
      </Panel>
    </section>
  )
}
