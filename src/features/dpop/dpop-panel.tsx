import { useId, useState } from 'react'
import { createDpopProof, generateSigningKey, isoFromSeconds, DEFAULT_DPOP_MAX_AGE, type DpopCheck, type ParsedKey } from '../../core'
import { Panel } from '../../components/panel'
import { CopyButton } from '../../components/copy-button'
import { Alert, Button, CheckTable, Field, TextField, controlClass, type Column } from '../../components/ui'
import { useBusyTask } from '../../hooks/use-busy-task'
import { useNow } from '../../session/use-now'
import { HTTP_METHODS, PROOF_ALGORITHMS, parseMaxAge, proofIat, type ProofAlgorithm } from './dpop-inputs'
import { RFC9449_EXAMPLE } from './rfc-example'
import { useDpopChecks } from './use-dpop-checks'

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

const columns: readonly Column<DpopCheck>[] = [
  { header: 'Check', kind: 'header', width: 'w-[9rem]', className: 'font-normal', cell: (c) => <span className="font-mono font-semibold">{c.id}</span>, sub: (c) => checkTitle[c.id] },
  { header: 'Verdict', kind: 'verdict', width: 'w-[5.5rem]' },
  { header: 'Message', card: 'body', className: 'break-words', cell: (c) => c.message },
]

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
  const { busy, problem, setProblem, run } = useBusyTask()

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
    const generated = await generateSigningKey(alg)
    if (!generated.ok) {
      setProblem(generated.error.message)
      return null
    }
    const made = { alg, key: generated.value.key }
    setProofKey(made)
    return made
  }

  const onNewKey = () => run(async () => {
    await newKey()
  })

  const onCreate = () => run(async () => {
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
  })

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
            <Button onClick={onLoadExample} disabled={busy}>
              Load RFC 9449 example
            </Button>
          </div>

          <TextField
            label="DPoP proof"
            actions={proof !== '' && <CopyButton text={proof} label="Copy DPoP proof" className="ml-auto" />}
            value={proof}
            rows={4}
            placeholder="The value of the DPoP request header"
            onChange={setProof}
          />

          <div className="grid gap-2 sm:grid-cols-[8rem_minmax(0,1fr)]">
            <Field label="HTTP method">
              {(control) => (
                <select {...control} value={method} onChange={(e) => setMethod(e.target.value)} className={controlClass}>
                  {HTTP_METHODS.map((m) => <option key={m} value={m}>{m}</option>)}
                </select>
              )}
            </Field>
            <TextField label="Request URL" type="url" code value={url} spellCheck={false} onChange={setUrl} />
          </div>

          <TextField
            label="Access token"
            value={accessToken}
            rows={2}
            placeholder="Optional: the access token sent with the proof (checks ath and cnf.jkt)"
            onChange={setAccessToken}
          />

          <div className="grid gap-2 sm:grid-cols-2">
            <TextField label="Max age (seconds)" type="number" min={0} step={1} value={maxAge} onChange={setMaxAge} />
            <TextField label="Server nonce" value={nonce} placeholder="optional (DPoP-Nonce)" onChange={setNonce} />
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
              <Button onClick={() => void onNewKey()} disabled={busy}>New proof key</Button>
              <Button onClick={() => void onCreate()} disabled={busy}>Create a proof</Button>
            </div>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {proofKey !== null && proofKey.alg === alg
                ? `Signs with a ${proofKey.alg} key generated here (thumbprint ${proofKey.key.thumbprint}), for the method, URL and access token above.`
                : `A new ${alg} key is generated here when you create a proof; it never leaves this tab.`}
            </p>
          </fieldset>

          {problem !== null && <Alert tone="error">{problem}</Alert>}

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
            // The three columns only fit wider screens; narrow ones get one card per check.
            <CheckTable label="DPoP checks" columns={columns} rows={checks} rowKey={(c) => c.id} verdict={(c) => c.verdict} cardsBelow="sm" />
          )}
        </div>
      </Panel>
    </section>
  )
}
