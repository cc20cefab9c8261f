import { useId, useMemo, useState } from 'react'
import { compareHops, decodeToken, MAX_HOP_TOKENS, MIN_HOP_TOKENS, type HopCheck, type HopCheckId } from '../../core'
import { Panel } from '../../components/panel'
import { Alert, Button, CheckTable, TextField, type Column } from '../../components/ui'
import { useNow } from '../../session/use-now'
import { buildExampleChain, type ExampleChainKind } from './example-chain'
import { splitIssuers } from './trusted-issuers'

const checkLabel: Readonly<Record<HopCheckId, string>> = {
  count: 'Number of tokens',
  payload: 'Readable payload',
  iss: 'Issuer (iss)',
  aud: 'Audience (aud)',
  scope: 'Scope',
  exp: 'Expiry (exp)',
  jti: 'Token ID (jti)',
  act: 'Actor chain (act)',
  sub: 'Subject (sub)',
}

const columns: readonly Column<HopCheck>[] = [
  { header: 'Check', kind: 'header', width: 'w-[13%]', cell: (c) => checkLabel[c.id] },
  { header: 'Hop', width: 'w-[14%]', card: 'meta', cell: where },
  { header: 'Verdict', kind: 'verdict', width: 'w-[8%]' },
  { header: 'Message', width: 'w-[35%]', card: 'body', className: 'break-words', cell: (c) => c.message },
  { header: 'Prevents', width: 'w-[30%]', card: 'note', className: 'text-xs break-words text-slate-700 dark:text-slate-300', cell: (c) => c.prevents },
]

function where(check: HopCheck): string {
  if (check.hop !== undefined) return `Hop ${check.hop} (token ${check.hop} → ${check.hop + 1})`
  if (check.token !== undefined) return `Token ${check.token}`
  return 'All'
}

/**
 * Compares the tokens of a multi-hop call chain (token k presented at hop k, exchanged for token
 * k+1) and shows each check with what it prevents.
 */
export function MultiHopPanel() {
  const id = useId()
  const now = useNow(60_000)
  const [tokens, setTokens] = useState<string[]>(['', ''])
  const [trusted, setTrusted] = useState('')
  const [brokenKind, setBrokenKind] = useState<Exclude<ExampleChainKind, 'valid'>>('scope-widened')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const missing = tokens.findIndex((t) => t.trim() === '')
  const checks = useMemo(() => {
    if (missing >= 0) return []
    const issuers = splitIssuers(trusted)
    return compareHops(tokens.map((t) => decodeToken(t.trim())), issuers.length > 0 ? { trustedIssuers: issuers } : {})
  }, [tokens, trusted, missing])
  const failed = checks.filter((c) => c.verdict === 'fail').length
  const passed = checks.filter((c) => c.verdict === 'pass').length

  const load = async (kind: ExampleChainKind) => {
    setBusy(true)
    const built = await buildExampleChain(kind, now)
    setBusy(false)
    if (!built.ok) {
      setProblem(built.error.message)
      return
    }
    setProblem(null)
    setTokens([...built.value.tokens])
    setTrusted(built.value.issuer)
  }

  const setToken = (index: number, value: string) => setTokens((list) => list.map((t, i) => (i === index ? value : t)))

  return (
    <Panel title="Multi-hop chain">
      <div className="flex flex-col gap-3 text-sm">
        <p className="text-slate-700 dark:text-slate-300">
          Paste the tokens of a call chain in call order: token 1 is presented to the first service, which exchanges it for
          token 2 to call the next one, and so on. Each hop is checked the way the receiving service should check it.
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <Button onClick={() => void load('valid')} disabled={busy}>
            Load example chain
          </Button>
          <Button onClick={() => void load(brokenKind)} disabled={busy}>
            Load broken chain
          </Button>
          <label htmlFor={`${id}-broken`} className="sr-only">Broken by</label>
          <select
            id={`${id}-broken`}
            value={brokenKind}
            onChange={(e) => setBrokenKind(e.target.value as Exclude<ExampleChainKind, 'valid'>)}
            className="rounded border border-slate-300 bg-white px-1 py-1 dark:border-slate-600 dark:bg-slate-950"
          >
            <option value="scope-widened">Broken by: scope widened</option>
            <option value="aud-mismatch">Broken by: audience mismatch</option>
          </select>
        </div>
        {problem !== null && <Alert tone="error">{problem}</Alert>}
        <div className="grid gap-2 md:grid-cols-2">
          {tokens.map((token, i) => (
            <TextField
              key={i}
              label={`Token ${i + 1}`}
              value={token}
              rows={3}
              placeholder={i === 0 ? 'The token presented first' : `The token exchanged from token ${i}`}
              onChange={(v) => setToken(i, v)}
              actions={
                <Button
                  variant="quiet"
                  size="xs"
                  aria-label={`Remove token ${i + 1}`}
                  onClick={() => setTokens((list) => list.filter((_, j) => j !== i))}
                  disabled={tokens.length <= MIN_HOP_TOKENS}
                  className="ml-auto"
                >
                  Remove
                </Button>
              }
            />
          ))}
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <Button onClick={() => setTokens((list) => [...list, ''])} disabled={tokens.length >= MAX_HOP_TOKENS}>
            Add token
          </Button>
          <TextField
            label="Trusted issuers"
            description="Comma- or space-separated."
            className="min-w-[16rem] flex-1"
            value={trusted}
            placeholder="empty: every token must come from token 1's issuer"
            onChange={setTrusted}
          />
        </div>
        <p role="status" className="text-slate-700 dark:text-slate-300">
          {missing >= 0
            ? `Token ${missing + 1} is empty: paste a token, or remove the box.`
            : failed > 0
              ? `${failed} of ${checks.length} checks fail.`
              : `All ${passed} applicable checks pass${passed < checks.length ? ` (${checks.length - passed} skipped)` : ''}.`}
        </p>
        {checks.length > 0 && (
          // Five columns only fit wide screens; narrower ones get one card per check.
          <CheckTable label="Hop checks" columns={columns} rows={checks} rowKey={(_, i) => i} verdict={(c) => c.verdict} cardsBelow="lg" minWidth="min-w-[52rem]" />
        )}
      </div>
    </Panel>
  )
}
