import { useId, useMemo, useState } from 'react'
import { compareHops, decodeToken, MAX_HOP_TOKENS, MIN_HOP_TOKENS, type HopCheck, type HopCheckId } from '../../core'
import { Panel } from '../../components/panel'
import { useNow } from '../../session/use-now'
import { buildExampleChain, type ExampleChainKind } from './example-chain'
import { splitIssuers } from './trusted-issuers'
import { verdictStyle, verdictText } from '../../components/verdict'

const buttonClass =
  'rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800'
const inputClass = 'w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950'

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
          <button type="button" onClick={() => void load('valid')} disabled={busy} className={buttonClass}>
            Load example chain
          </button>
          <button type="button" onClick={() => void load(brokenKind)} disabled={busy} className={buttonClass}>
            Load broken chain
          </button>
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
        {problem !== null && (
          <p role="alert" className="rounded-md border border-rose-400 bg-rose-50 px-2 py-1 text-rose-900 dark:border-rose-500/60 dark:bg-rose-950/60 dark:text-rose-200">
            {problem}
          </p>
        )}
        <div className="grid gap-2 md:grid-cols-2">
          {tokens.map((token, i) => (
            <div key={i} className="flex min-w-0 flex-col gap-1">
              <div className="flex items-center gap-2">
                <label htmlFor={`${id}-token-${i}`} className="font-medium">Token {i + 1}</label>
                <button
                  type="button"
                  aria-label={`Remove token ${i + 1}`}
                  onClick={() => setTokens((list) => list.filter((_, j) => j !== i))}
                  disabled={tokens.length <= MIN_HOP_TOKENS}
                  className="ml-auto rounded px-2 text-xs text-slate-600 hover:bg-slate-100 disabled:opacity-40 dark:text-slate-300 dark:hover:bg-slate-800"
                >
                  Remove
                </button>
              </div>
              <textarea
                id={`${id}-token-${i}`}
                value={token}
                rows={3}
                spellCheck={false}
                placeholder={i === 0 ? 'The token presented first' : `The token exchanged from token ${i}`}
                onChange={(e) => setToken(i, e.target.value)}
                className={`${inputClass} font-mono text-xs break-all`}
              />
            </div>
          ))}
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <button
            type="button"
            onClick={() => setTokens((list) => [...list, ''])}
            disabled={tokens.length >= MAX_HOP_TOKENS}
            className={buttonClass}
          >
            Add token
          </button>
          <div className="flex min-w-[16rem] flex-1 flex-col gap-1">
            <label htmlFor={`${id}-trusted`} className="font-medium">Trusted issuers</label>
            <input
              id={`${id}-trusted`}
              type="text"
              value={trusted}
              placeholder="empty: every token must come from token 1's issuer"
              aria-describedby={`${id}-trusted-help`}
              onChange={(e) => setTrusted(e.target.value)}
              className={inputClass}
            />
            <span id={`${id}-trusted-help`} className="text-xs text-slate-600 dark:text-slate-400">Comma- or space-separated.</span>
          </div>
        </div>
        <p role="status" className="text-slate-700 dark:text-slate-300">
          {missing >= 0
            ? `Token ${missing + 1} is empty: paste a token, or remove the box.`
            : failed > 0
              ? `${failed} of ${checks.length} checks fail.`
              : `All ${passed} applicable checks pass${passed < checks.length ? ` (${checks.length - passed} skipped)` : ''}.`}
        </p>
        {checks.length > 0 && (
          // Narrow screens get one card per check; five columns only fit wide ones.
          <ul aria-label="Hop checks" className="flex flex-col gap-2 lg:hidden">
            {checks.map((c, i) => (
              <li key={i} className={`rounded-md border px-3 py-2 ${c.verdict === 'fail' ? 'border-rose-400 dark:border-rose-500/70' : 'border-slate-200 dark:border-slate-700'}`}>
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-semibold">{checkLabel[c.id]}</span>
                  <span className="text-xs text-slate-600 dark:text-slate-400">{where(c)}</span>
                  <span className={`ml-auto font-semibold ${verdictStyle[c.verdict]}`}>{verdictText[c.verdict]}</span>
                </p>
                <p className="break-words">{c.message}</p>
                <p className="mt-1 text-xs break-words text-slate-700 dark:text-slate-300">
                  <span className="font-semibold">Prevents:</span> {c.prevents}
                </p>
              </li>
            ))}
          </ul>
        )}
        {checks.length > 0 && (
          <div className="-mx-3 -mb-3 hidden overflow-x-auto lg:block">
            <table aria-label="Hop checks" className="w-full min-w-[52rem] table-fixed border-collapse text-left text-sm">
              <colgroup>
                <col className="w-[13%]" />
                <col className="w-[14%]" />
                <col className="w-[8%]" />
                <col className="w-[35%]" />
                <col className="w-[30%]" />
              </colgroup>
              <thead>
                <tr className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase dark:border-slate-800 dark:bg-slate-800/50 dark:text-slate-300">
                  <th scope="col" className="px-3 py-1.5 font-semibold">Check</th>
                  <th scope="col" className="px-3 py-1.5 font-semibold">Hop</th>
                  <th scope="col" className="px-3 py-1.5 font-semibold">Verdict</th>
                  <th scope="col" className="px-3 py-1.5 font-semibold">Message</th>
                  <th scope="col" className="px-3 py-1.5 font-semibold">Prevents</th>
                </tr>
              </thead>
              <tbody>
                {checks.map((c, i) => (
                  <tr key={i} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
                    <th scope="row" className="px-3 py-1.5 font-medium">{checkLabel[c.id]}</th>
                    <td className="px-3 py-1.5">{where(c)}</td>
                    <td className={`px-3 py-1.5 font-semibold ${verdictStyle[c.verdict]}`}>{verdictText[c.verdict]}</td>
                    <td className="px-3 py-1.5 break-words">{c.message}</td>
                    <td className="px-3 py-1.5 text-xs break-words text-slate-700 dark:text-slate-300">{c.prevents}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Panel>
  )
}
