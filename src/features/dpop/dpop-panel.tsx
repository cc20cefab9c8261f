import { useId, useState } from 'react'
import { createDpopProof, generateKey, isoFromSeconds, parseKey, DEFAULT_DPOP_MAX_AGE, type DpopCheck, type ParsedKey } from '../../core'
import { Panel } from '../../components/panel'
import { CopyButton } from '../../components/copy-button'
import { useNow } from '../../session/use-now'
import { HTTP_METHODS, PROOF_ALGORITHMS, parseMaxAge, proofIat, type ProofAlgorithm } from './dpop-inputs'
import { RFC9449_EXAMPLE } from './rfc-example'
import { useDpopChecks } from './use-dpop-checks'
import { verdictStyle, verdictText } from '../../components/verdict'

const buttonClass =
  'rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800'
const inputClass = 'w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950'

/** What each check is about, shown under its id. */
const checkTitle: Readonly<Record<DpopCheck['id'], string>> = {
  format: 'Signed JWT',
  typ: 'Type',
  alg: 'Algorithm',
  jwk: 'Public key',
  signature: 'Signature',
  htm: 'HTTP method',
  htu: 'HTTP URL',
  iat: 'Freshness',
  jti: 'Unique ID',
  nonce: 'Server nonce',
  ath: 'Access token hash',
  jkt: 'Key binding',
}

interface ProofKey {
  readonly alg: ProofAlgorithm
  readonly key: ParsedKey
}

/**
 * Checks a pasted DPoP proof (RFC 9449) against the request it came with, and creates proofs with a
 * key generated here.
 */
export function DpopPanel() {
  const id = useId()
  const clock = useNow(5_000)
  const [proof, setProof] = useState('')
  const [method, setMethod] = useState<string>('GET')
  const [url, setUrl] = useState('https://resource.example.org/protectedresource')
  const [accessToken, setAccessToken] = useState('')
  const [maxAge, setMaxAge] = useState(String(DEFAULT_DPOP_MAX_AGE))
  const [nonce, setNonce] = useState('')
  const [ownIat, setOwnIat] = useState(false)
  const [alg, setAlg] = useState<ProofAlgorithm>('ES256')
  const [proofKey, setProofKey] = useState<ProofKey | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const iat = ownIat ? proofIat(proof) : undefined
  const now = iat ?? clock
  const maxAgeSeconds = parseMaxAge(maxAge)
  const checks = useDpopChecks(proof, {
    method,
    url: url.trim(),
    now,
    ...(accessToken.trim() !== '' ? { accessToken: accessToken.trim() } : {}),
    ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}),
    ...(nonce.trim() !== '' ? { nonce: nonce.trim() } : {}),
  })

  const newKey = async (): Promise<ProofKey | null> => {
    const generated = await generateKey(alg)
    if (!generated.ok) {
      setProblem(generated.error.message)
      return null
    }
    const parsed = await parseKey(generated.value.privateText, { encoding: 'utf8' })
    const key = parsed.ok ? parsed.value.keys.find((k) => k.kind === 'private') : undefined
    if (key === undefined) {
      setProblem(parsed.ok ? 'The generated key could not be read back. Try again.' : parsed.error.message)
      return null
    }
    const made = { alg, key }
    setProofKey(made)
    return made
  }

  const onNewKey = async () => {
    setBusy(true)
    setProblem(null)
    await newKey()
    setBusy(false)
  }

  const onCreate = async () => {
    setBusy(true)
    setProblem(null)
    try {
      const pk = proofKey !== null && proofKey.alg === alg ? proofKey : await newKey()
      if (pk === null) return
      const made = await createDpopProof({
        method,
        url: url.trim(),
        key: pk.key,
        alg: pk.alg,
        now: clock,
        ...(accessToken.trim() !== '' ? { accessToken: accessToken.trim() } : {}),
        ...(nonce.trim() !== '' ? { nonce: nonce.trim() } : {}),
      })
      if (!made.ok) {
        setProblem(made.error.message)
        return
      }
      setProof(made.value)
      setOwnIat(false)
    } finally {
      setBusy(false)
    }
  }

  const onLoadExample = () => {
    setProblem(null)
    setProof(RFC9449_EXAMPLE.proof)
    setMethod(RFC9449_EXAMPLE.method)
    setUrl(RFC9449_EXAMPLE.url)
    setAccessToken('')
    setNonce('')
    setOwnIat(true)
  }

  const failed = checks?.filter((c) => c.verdict === 'fail').length ?? 0

  return (
    <section aria-label="DPoP">
      <Panel title="DPoP proof checker (RFC 9449)">
        <div className="flex flex-col gap-3 text-sm">
          <p className="text-slate-700 dark:text-slate-300">
            A DPoP proof is a small JWT the client signs for every request, with the public key in its header. It ties an
            access token to the client&apos;s key, so a stolen token is useless without that key. Paste a proof and describe
            the request it came with.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" onClick={onLoadExample} disabled={busy} className={buttonClass}>
              Load RFC 9449 example
            </button>
          </div>

          <div className="flex min-w-0 flex-col gap-1">
            <div className="flex items-center gap-2">
              <label htmlFor={`${id}-proof`} className="font-medium">DPoP proof</label>
              {proof !== '' && <CopyButton text={proof} label="Copy DPoP proof" className="ml-auto" />}
            </div>
            <textarea
              id={`${id}-proof`}
              value={proof}
              rows={4}
              spellCheck={false}
              placeholder="The value of the DPoP request header"
              onChange={(e) => setProof(e.target.value)}
              className={`${inputClass} font-mono text-xs break-all`}
            />
          </div>

          <div className="grid gap-2 sm:grid-cols-[8rem_minmax(0,1fr)]">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-method`} className="font-medium">HTTP method</label>
              <select id={`${id}-method`} value={method} onChange={(e) => setMethod(e.target.value)} className={inputClass}>
                {HTTP_METHODS.map((m) => <option key={m} value={m}>{m}</option>)}
              </select>
            </div>
            <div className="flex min-w-0 flex-col gap-1">
              <label htmlFor={`${id}-url`} className="font-medium">Request URL</label>
              <input id={`${id}-url`} type="url" value={url} spellCheck={false} onChange={(e) => setUrl(e.target.value)} className={`${inputClass} font-mono`} />
            </div>
          </div>

          <div className="flex min-w-0 flex-col gap-1">
            <label htmlFor={`${id}-at`} className="font-medium">Access token</label>
            <textarea
              id={`${id}-at`}
              value={accessToken}
              rows={2}
              spellCheck={false}
              placeholder="Optional: the access token sent with the proof (checks ath and cnf.jkt)"
              onChange={(e) => setAccessToken(e.target.value)}
              className={`${inputClass} font-mono text-xs break-all`}
            />
          </div>

          <div className="grid gap-2 sm:grid-cols-2">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-age`} className="font-medium">Max age (seconds)</label>
              <input id={`${id}-age`} type="number" min={0} step={1} value={maxAge} onChange={(e) => setMaxAge(e.target.value)} className={inputClass} />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-nonce`} className="font-medium">Server nonce</label>
              <input id={`${id}-nonce`} type="text" value={nonce} placeholder="optional (DPoP-Nonce)" onChange={(e) => setNonce(e.target.value)} className={inputClass} />
            </div>
          </div>

          <label className="flex items-start gap-2">
            <input type="checkbox" checked={ownIat} onChange={(e) => setOwnIat(e.target.checked)} className="mt-1" />
            <span>
              Check freshness against the proof&apos;s own iat
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                {ownIat
                  ? iat !== undefined
                    ? `Judging as of ${isoFromSeconds(iat)}, when the proof says it was made — for old examples. A real server uses its clock.`
                    : 'The proof has no numeric iat, so the real clock is used.'
                  : `Judging against the current time, ${isoFromSeconds(clock)}.`}
              </span>
            </span>
          </label>

          <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-700">
            <legend className="px-1 font-medium">Create a proof</legend>
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor={`${id}-alg`}>Proof key algorithm</label>
              <select id={`${id}-alg`} value={alg} onChange={(e) => setAlg(e.target.value as ProofAlgorithm)} className="rounded border border-slate-300 bg-white px-1 py-1 dark:border-slate-600 dark:bg-slate-950">
                {PROOF_ALGORITHMS.map((a) => <option key={a} value={a}>{a}</option>)}
              </select>
              <button type="button" onClick={() => void onNewKey()} disabled={busy} className={buttonClass}>New proof key</button>
              <button type="button" onClick={() => void onCreate()} disabled={busy} className={buttonClass}>Create a proof</button>
            </div>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {proofKey !== null && proofKey.alg === alg
                ? `Signs with a ${proofKey.alg} key generated here (thumbprint ${proofKey.key.thumbprint}), for the method, URL and access token above.`
                : `A new ${alg} key is generated here when you create a proof; it never leaves this tab.`}
            </p>
          </fieldset>

          {problem !== null && (
            <p role="alert" className="rounded-md border border-rose-400 bg-rose-50 px-2 py-1 text-rose-900 dark:border-rose-500/60 dark:bg-rose-950/60 dark:text-rose-200">
              {problem}
            </p>
          )}

          <p role="status" aria-label="DPoP verdict" className="font-medium">
            {proof.trim() === ''
              ? 'Paste a DPoP proof, create one, or load the RFC 9449 example.'
              : checks === null
                ? 'Checking…'
                : failed === 0
                  ? 'The proof passes every applicable check.'
                  : `The proof fails ${failed} check${failed === 1 ? '' : 's'}.`}
          </p>

          {checks !== null && (
            // Narrow screens get one card per check; the three columns only fit wider ones.
            <ul aria-label="DPoP checks" className="flex flex-col gap-2 sm:hidden">
              {checks.map((c) => (
                <li key={c.id} className={`rounded-md border px-3 py-2 ${c.verdict === 'fail' ? 'border-rose-400 dark:border-rose-500/70' : 'border-slate-200 dark:border-slate-700'}`}>
                  <p className="flex flex-wrap items-baseline gap-x-2">
                    <span className="font-mono font-semibold">{c.id}</span>
                    <span className="text-xs text-slate-600 dark:text-slate-400">{checkTitle[c.id]}</span>
                    <span className={`ml-auto font-semibold ${verdictStyle[c.verdict]}`}>{verdictText[c.verdict]}</span>
                  </p>
                  <p className="break-words">{c.message}</p>
                </li>
              ))}
            </ul>
          )}
          {checks !== null && (
            <div className="-mx-3 -mb-3 hidden overflow-x-auto sm:block">
              <table aria-label="DPoP checks" className="w-full table-fixed border-collapse text-left text-sm">
                <colgroup>
                  <col className="w-[9rem]" />
                  <col className="w-[5.5rem]" />
                  <col />
                </colgroup>
                <thead>
                  <tr className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase dark:border-slate-800 dark:bg-slate-800/50 dark:text-slate-300">
                    <th scope="col" className="px-3 py-1.5 font-semibold">Check</th>
                    <th scope="col" className="px-3 py-1.5 font-semibold">Verdict</th>
                    <th scope="col" className="px-3 py-1.5 font-semibold">Message</th>
                  </tr>
                </thead>
                <tbody>
                  {checks.map((c) => (
                    <tr key={c.id} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
                      <th scope="row" className="px-3 py-1.5 text-left font-normal">
                        <span className="font-mono font-semibold">{c.id}</span>
                        <span className="block text-xs text-slate-600 dark:text-slate-400">{checkTitle[c.id]}</span>
                      </th>
                      <td className={`px-3 py-1.5 font-semibold ${verdictStyle[c.verdict]}`}>{verdictText[c.verdict]}</td>
                      <td className="px-3 py-1.5 break-words">{c.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </Panel>
    </section>
  )
}
