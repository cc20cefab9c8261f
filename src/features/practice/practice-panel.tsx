import { useRef, useState } from 'react'
import {
  challengeSucceeded,
  correctVerify,
  practiceChallenges,
  verifyPractice,
  type Challenge,
  type PracticeConfig,
  type PracticeEnv,
  type PracticeResult,
} from '../../core'
import { useDraft } from '../../hooks/use-draft'
import { useAppStore } from '../../store/app-store'
import { ChallengeList } from './challenge-list'
import { HostedDocuments } from './hosted-documents'
import { mistakeIds, mistakeLabel, verdictLine } from './mistakes'
import { PartHeading, PublicValue } from './public-material'
import { Alert, Button, TextField } from '../../components/ui'
import { usePracticeEnv } from './use-practice-env'

/**
 * The practice verifier: a deliberately vulnerable verifier whose mistakes are switched on one by
 * one, next to a correct verifier, with challenges to solve against it. Everything runs in this tab.
 */
export function PracticePanel() {
  const { state, host } = usePracticeEnv()
  return (
    <section aria-label="Practice verifier" className="flex flex-col gap-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        A practice server with a deliberately vulnerable verifier runs in this tab. Switch its mistakes on, craft tokens
        (the Attack lab helps) and see which ones it accepts, next to a correct verifier that rejects them all. Its
        secrets stay hidden: only what a real server publishes is shown.
      </p>
      {state.status === 'preparing' && (
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">Preparing the practice server…</p>
      )}
      {state.status === 'error' && (
        <Alert tone="error">{state.message}</Alert>
      )}
      {state.status === 'ready' && <PracticeWorkbench env={state.env} onHost={host} />}
    </section>
  )
}

interface Verdicts {
  readonly token: string
  readonly vulnerable: PracticeResult
  readonly correct: PracticeResult
  /** Whether the token solves the chosen challenge; null without one. */
  readonly solved: boolean | null
}

function PracticeWorkbench({ env, onHost }: { readonly env: PracticeEnv; readonly onHost: (url: string, text: string) => void }) {
  const token = useAppStore((s) => s.token)
  const setToken = useAppStore((s) => s.setToken)
  const solvedIds = useAppStore((s) => s.solvedChallenges)
  const markSolved = useAppStore((s) => s.markChallengeSolved)
  const resetProgress = useAppStore((s) => s.resetPracticeProgress)
  const [config, setConfig] = useState<PracticeConfig>({})
  const [challenge, setChallenge] = useState<Challenge | null>(null)
  const [hints, setHints] = useState(0)
  const [submission, setSubmission] = useDraft(token)
  const [verdicts, setVerdicts] = useState<Verdicts | null>(null)
  const [checking, setChecking] = useState(false)
  const run = useRef(0)
  const startToken = env[challenge?.start ?? 'userToken']

  const choose = (c: Challenge) => {
    run.current++
    setChallenge(c)
    setHints(0)
    setConfig({ [c.mistake]: true })
    setVerdicts(null)
    setChecking(false)
  }

  const submit = async () => {
    const mine = ++run.current
    const text = submission.trim()
    setChecking(true)
    const [vulnerable, correct, solved] = await Promise.all([
      verifyPractice(text, config, env),
      correctVerify(text, env),
      challenge === null ? Promise.resolve(null) : challengeSucceeded(challenge, text, env),
    ])
    if (mine !== run.current) return
    setChecking(false)
    setVerdicts({ token: text, vulnerable, correct, solved })
    if (solved === true && challenge !== null) markSolved(challenge.id)
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 lg:grid-cols-2">
        <ChallengeList
          challenges={practiceChallenges}
          selected={challenge}
          solved={solvedIds}
          hintsShown={hints}
          onSelect={choose}
          onHint={() => setHints((n) => n + 1)}
          onResetProgress={resetProgress}
        />
        <div className="flex min-w-0 flex-col gap-2">
          <PartHeading>What the server publishes</PartHeading>
          <PublicValue label="Server RSA public key (PEM)" value={env.rsaPublicPem} rows={5} />
          <PublicValue label="Server EC public key (PEM)" value={env.ecPublicPem} rows={3} />
          <PublicValue label="Start token" value={startToken} rows={4} />
          <div className="flex flex-wrap items-center gap-2">
            <Button onClick={() => setToken(startToken)}>Load start token</Button>
            <span className="text-xs text-slate-600 dark:text-slate-400">puts it into the Encoded token, for the Attack lab and the editors</span>
          </div>
        </div>
      </div>

      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-semibold">Verifier mistakes</legend>
        <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
          {mistakeIds.map((m) => (
            <label key={m} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                checked={config[m] === true}
                onChange={(e) => setConfig((c) => ({ ...c, [m]: e.target.checked }))}
                className="mt-1"
              />
              <span className="min-w-0 break-words">
                {mistakeLabel[m]} <code className="text-xs text-slate-600 dark:text-slate-400">({m})</code>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <TextField label="Token to submit" value={submission} onChange={setSubmission} rows={4} placeholder="Paste a token, or load the start token" />
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary" disabled={checking || submission.trim() === ''} onClick={() => void submit()}>
          Submit to vulnerable verifier
        </Button>
        {checking && <span role="status" className="text-sm">Checking…</span>}
      </div>

      {verdicts !== null && <VerdictView verdicts={verdicts} challenge={challenge} />}

      <HostedDocuments hosted={env.hosted} onHost={onHost} />
    </div>
  )
}

const verdictStyle = (accepted: boolean) =>
  accepted
    ? 'border-rose-500 bg-rose-50 text-rose-950 dark:bg-rose-950 dark:text-rose-100'
    : 'border-emerald-500 bg-emerald-50 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-100'

function VerdictView({ verdicts, challenge }: { readonly verdicts: Verdicts; readonly challenge: Challenge | null }) {
  const { vulnerable, correct, solved } = verdicts
  return (
    <div className="flex flex-col gap-2">
      <div className="grid gap-2 md:grid-cols-2">
        <div role="status" aria-label="Vulnerable verifier" className={`rounded border-l-4 px-3 py-2 text-sm break-words ${verdictStyle(vulnerable.accepted)}`}>
          <p className="font-semibold">{verdictLine('Vulnerable verifier', vulnerable)}</p>
          {vulnerable.accepted && <p className="text-xs">{vulnerable.reason}</p>}
        </div>
        <div role="status" aria-label="Correct verifier" className={`rounded border-l-4 px-3 py-2 text-sm break-words ${verdictStyle(correct.accepted)}`}>
          <p className="font-semibold">{verdictLine('Correct verifier', correct)}</p>
          {correct.accepted && <p className="text-xs">{correct.reason}</p>}
        </div>
      </div>
      {solved !== null && challenge !== null && (
        <p
          role="status"
          aria-label="Challenge result"
          className={`rounded px-3 py-2 text-sm font-semibold ${
            solved ? 'bg-emerald-100 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50' : 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100'
          }`}
        >
          {solved
            ? `Challenge solved: ${challenge.title}`
            : `Not solved yet: the verifier with only "${mistakeLabel[challenge.mistake]}" must accept a token with "role": "admin" because of that mistake.`}
        </p>
      )}
    </div>
  )
}
