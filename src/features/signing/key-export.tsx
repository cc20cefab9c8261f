import { useId, useState } from 'react'
import { exportJwks, exportKeyText, type KeyInput, type ParsedKey } from '../../core'
import { CopyButton } from '../../components/copy-button'
import { useLatest } from '../../hooks/use-latest'

type Tab = 'pem' | 'jwk' | 'jwks'

const tabs: readonly { id: Tab; label: string }[] = [
  { id: 'pem', label: 'PEM' },
  { id: 'jwk', label: 'JWK' },
  { id: 'jwks', label: 'JWKS' },
]

interface Exports {
  readonly texts: Readonly<Record<Tab, string>>
  readonly problem: string | null
}

async function exportsOf(key: ParsedKey): Promise<Exports> {
  const [pem, jwk] = await Promise.all([exportKeyText(key, 'pem', 'public'), exportKeyText(key, 'jwk', 'public')])
  const problem = !pem.ok ? pem.error.message : !jwk.ok ? jwk.error.message : null
  return { texts: { pem: pem.ok ? pem.value : '', jwk: jwk.ok ? jwk.value : '', jwks: exportJwks([key]) }, problem }
}

/** The public key of the signing key as PEM, JWK and JWKS, each with a copy button. */
export function KeyExport({ input }: { readonly input: KeyInput }) {
  const [tab, setTab] = useState<Tab>('pem')
  const baseId = useId()
  const key = input.keys[0]
  const isSecret = key?.kty === 'oct'
  const latest = useLatest(key === undefined || isSecret ? null : [input, key], () => exportsOf(key!))

  if (key === undefined) return null
  if (isSecret) {
    return <p className="text-xs text-slate-600 dark:text-slate-400">An HMAC secret has no public key: the verifier needs the same secret.</p>
  }
  const ready = latest.status === 'done' ? latest.value : null
  const text = ready?.texts[tab] ?? ''
  const label = `Public key (${tabs.find((t) => t.id === tab)?.label ?? ''})`

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">Public key export</span>
        <div role="tablist" aria-label="Public key format" className="flex gap-1">
          {tabs.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`${baseId}-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`${baseId}-panel`}
              onClick={() => setTab(t.id)}
              className={`rounded px-2 py-0.5 text-xs font-medium ${
                tab === t.id
                  ? 'bg-sky-700 text-white'
                  : 'border border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800'
              }`}
            >
              {t.label}
            </button>
          ))}
        </div>
        <CopyButton text={text} label={`Copy public key as ${tabs.find((t) => t.id === tab)?.label ?? ''}`} className="ml-auto" />
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-${tab}`}>
        <textarea
          readOnly
          aria-label={label}
          value={ready === null ? 'Exporting…' : text}
          rows={tab === 'pem' ? 4 : 6}
          spellCheck={false}
          className="w-full resize-y rounded border border-slate-300 bg-slate-50 p-2 font-mono text-xs break-all dark:border-slate-600 dark:bg-slate-950"
        />
        {ready?.problem && <p className="text-xs text-rose-700 dark:text-rose-300">{ready.problem}</p>}
        <p className="text-xs text-slate-600 dark:text-slate-400">Thumbprint (RFC 7638): <code className="break-all">{key.thumbprint}</code></p>
      </div>
    </div>
  )
}
