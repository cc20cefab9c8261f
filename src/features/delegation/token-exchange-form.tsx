import { useId, useState } from 'react'
import { decodeToken, delegationChain, exchangeToken, DEFAULT_EXCHANGE_LIFETIME } from '../../core'
import { Alert, Button, CopyableText, TextField } from '../../components/ui'
import { useBusyTask } from '../../hooks/use-busy-task'
import { decodeCached } from '../../session/use-decoded-token'
import { useNow } from '../../session/use-now'
import { useAppStore } from '../../store/app-store'
import { EXCHANGE_KEY_ALGORITHMS, generateExchangeKey, signingKeyForExchange, type ExchangeKey, type ExchangeKeyAlgorithm } from './exchange-key'

interface Exchanged {
  readonly token: string
  readonly key: ExchangeKey
  readonly summary: string
}

function summaryOf(token: string): string {
  const decoded = decodeToken(token)
  const value = decoded.payload?.kind === 'json' ? decoded.payload.value : undefined
  if (value === undefined) return ''
  const chain = delegationChain(value)
  return chain.ok ? chain.value.summary : ''
}

/**
 * Plays the authorization server of an RFC 8693 token exchange: the current token is the subject
 * token, the form is the request, and the exchanged token can be copied or loaded into the debugger.
 */
export function TokenExchangeForm() {
  const now = useNow(30_000)
  const id = useId()
  const [actorSub, setActorSub] = useState('https://service-b.example.com')
  const [actorIss, setActorIss] = useState('')
  const [audience, setAudience] = useState('https://api.example.com')
  const [scope, setScope] = useState('')
  const [lifetime, setLifetime] = useState(String(DEFAULT_EXCHANGE_LIFETIME))
  const [issuer, setIssuer] = useState('')
  const [keySource, setKeySource] = useState<'generated' | 'signing'>('generated')
  const [generatedAlg, setGeneratedAlg] = useState<ExchangeKeyAlgorithm>('HS256')
  const [generated, setGenerated] = useState<ExchangeKey | null>(null)
  const { busy, problem, setProblem, run } = useBusyTask()
  const [result, setResult] = useState<Exchanged | null>(null)
  const [used, setUsed] = useState(false)

  const newKey = async (): Promise<ExchangeKey | null> => {
    const made = await generateExchangeKey(generatedAlg)
    if (!made.ok) {
      setProblem(made.error.message)
      return null
    }
    setGenerated(made.value)
    return made.value
  }

  const onGenerate = () => run(async () => {
    await newKey()
  })

  const onExchange = () => run(async () => {
    setResult(null)
    setUsed(false)
    const state = useAppStore.getState()
    let key: ExchangeKey | null
    if (keySource === 'signing') {
      const found = await signingKeyForExchange(state.signingKey, state.signingEncoding, state.algorithm)
      if (!found.ok) {
        setProblem(found.error.message)
        return
      }
      key = found.value
    } else {
      key = generated !== null && generated.alg === generatedAlg ? generated : await newKey()
    }
    if (key === null) return
    if (state.token.trim() === '') {
      setProblem('There is no subject token: paste the token to exchange into Encoded token first.')
      return
    }
    const seconds = Number(lifetime)
    const exchanged = await exchangeToken({
      subjectToken: decodeCached(state.token),
      actor: { sub: actorSub.trim(), ...(actorIss.trim() !== '' ? { iss: actorIss.trim() } : {}) },
      audience: audience.trim(),
      ...(scope.trim() !== '' ? { scope: scope.trim() } : {}),
      lifetimeSeconds: lifetime.trim() === '' ? DEFAULT_EXCHANGE_LIFETIME : seconds,
      ...(issuer.trim() !== '' ? { issuer: issuer.trim() } : {}),
      now,
      key: key.key,
      alg: key.alg,
    })
    if (!exchanged.ok) {
      setProblem(exchanged.error.message)
      return
    }
    setResult({ token: exchanged.value, key, summary: summaryOf(exchanged.value) })
  })

  const onUse = () => {
    if (result === null) return
    useAppStore.getState().loadSession({ token: result.token, verificationKey: result.key.verificationText, secretEncoding: result.key.verificationEncoding })
    setUsed(true)
  }

  return (
    <section aria-label="Token exchange" className="flex flex-col gap-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Act as the authorization server: the token in the debugger is the subject token, and the service asking for a new
        token becomes its current actor. Scopes may only narrow; an expired subject token is refused.
      </p>
      <div className="grid gap-2 sm:grid-cols-2">
        <TextField label="Actor sub" value={actorSub} onChange={setActorSub} description="The service asking for the token." />
        <TextField label="Actor iss" value={actorIss} onChange={setActorIss} placeholder="optional" />
        <TextField label="Audience" value={audience} onChange={setAudience} description="The service the new token is for (aud)." />
        <TextField label="Scope" value={scope} onChange={setScope} placeholder="keep the subject token's scopes" description="Space-separated; a subset of the subject token’s." />
        <TextField label="Lifetime (seconds)" type="number" value={lifetime} onChange={setLifetime} description="Never beyond the subject token’s expiry." />
        <TextField label="Issuer" value={issuer} onChange={setIssuer} placeholder="the subject token's iss" />
      </div>
      <fieldset className="flex flex-col gap-2 text-sm">
        <legend className="mb-1 text-sm font-medium">Authorization server key</legend>
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-2">
            <input type="radio" name={`${id}-key`} checked={keySource === 'generated'} onChange={() => setKeySource('generated')} />
            <span>Generated here</span>
          </label>
          <label htmlFor={`${id}-alg`} className="sr-only">Exchange key algorithm</label>
          <select
            id={`${id}-alg`}
            value={generatedAlg}
            disabled={keySource !== 'generated'}
            onChange={(e) => setGeneratedAlg(e.target.value as ExchangeKeyAlgorithm)}
            className="rounded border border-slate-300 bg-white px-1 py-0.5 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-950"
          >
            {EXCHANGE_KEY_ALGORITHMS.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
          <Button onClick={() => void onGenerate()} disabled={busy || keySource !== 'generated'}>
            Generate exchange key
          </Button>
        </div>
        {keySource === 'generated' && (
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {generated !== null && generated.alg === generatedAlg
              ? `Using ${generated.description} (thumbprint ${generated.key.thumbprint}).`
              : 'A new key is generated when you exchange.'}
          </span>
        )}
        <label className="flex items-center gap-2">
          <input type="radio" name={`${id}-key`} checked={keySource === 'signing'} onChange={() => setKeySource('signing')} />
          <span>The current Signing key</span>
        </label>
      </fieldset>
      <div>
        <Button onClick={() => void onExchange()} disabled={busy}>
          Exchange
        </Button>
      </div>
      {problem !== null && <Alert tone="error">{problem}</Alert>}
      {result !== null && (
        <div className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <CopyableText label="Exchanged token" copyLabel="Copy exchanged token" value={result.token} rows={4} actions={<Button onClick={onUse}>Use this token</Button>} />
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {result.summary} Signed with {result.key.description} ({result.key.alg}).
          </p>
          {used && (
            <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
              Loaded into the debugger, with the key that verifies it in Verification key.
            </p>
          )}
        </div>
      )}
    </section>
  )
}
