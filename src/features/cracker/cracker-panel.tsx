import { useEffect, useId, useMemo, useState } from 'react'
import { bundledCandidates, countListCandidates, crackTargetFromToken } from '../../core'
import { Panel } from '../../components/panel'
import { Button } from '../../components/ui'
import { useLatest } from '../../hooks/use-latest'
import { useShownToken } from '../../session/shown-token'
import { useAppStore } from '../../store/app-store'
import { CrackProgress } from './crack-progress'
import { formatCount } from './format'
import { useCrackRun, type CrackRunState } from './use-crack-run'
import { WordListPicker } from './word-list-picker'

const inputClass = 'rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900'

const MAX_WORKERS = 16

function defaultWorkers(): number {
  const n = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2
  return Math.min(MAX_WORKERS, Math.max(1, n))
}

const BUNDLED_LIST: readonly unknown[] = ['bundled list']

/** The bundled candidate list, loaded on demand (it is large and stays out of the first page load). */
function useBundledList(): readonly string[] | null {
  const latest = useLatest(BUNDLED_LIST, bundledCandidates)
  return latest.status === 'done' ? latest.value : null
}

/**
 * Guesses the HMAC secret of the current HS256/HS384/HS512 token from the bundled list or the
 * user's own word list, in Web Workers, and puts a found secret into the verification key.
 */
export function CrackerPanel() {
  const token = useAppStore((s) => s.token)
  const decoded = useShownToken()
  const target = useMemo(() => crackTargetFromToken(decoded), [decoded])
  const { state, engine, start, cancel, reset } = useCrackRun()
  const [sourceKind, setSourceKind] = useState<'bundled' | 'file'>('bundled')
  const [file, setFile] = useState<File | null>(null)
  const [mutations, setMutations] = useState(false)
  const [gpu, setGpu] = useState(false)
  const [workers, setWorkers] = useState(defaultWorkers)
  const bundled = useBundledList()
  const bundledCount = bundled?.length ?? null
  const bundledWithMutations = useMemo(
    () => (mutations && bundled ? countListCandidates(bundled, true) : null),
    [mutations, bundled],
  )
  const reasonId = useId()
  const headingId = useId()
  const workersId = useId()
  const running = state.phase === 'running'

  // A result belongs to the token it was found for: a new token cancels the run and clears it.
  useEffect(() => reset, [token, reset])

  const reason = !target.ok
    ? (token.trim() === '' ? 'Paste an HS256, HS384 or HS512 token to try to crack its secret.' : target.error.message)
    : sourceKind === 'file' && file === null
      ? 'Choose a word list file first, or use the bundled list.'
      : null

  const onStart = () => {
    if (!target.ok || reason !== null) return
    start({
      target: target.value,
      source: sourceKind === 'file' && file ? { kind: 'file', file } : { kind: 'bundled' },
      mutations,
      workers,
      gpu,
    })
  }

  return (
    <section aria-label="Weak-secret cracker">
      <Panel title="Weak-secret cracker" headingId={headingId}>
        <div className="flex flex-col gap-3 text-sm">
          <p className="text-slate-700 dark:text-slate-300">
            An HMAC token is only as strong as its secret. Anyone who guesses the secret offline from one token can mint
            tokens the server accepts — any subject, any role, any expiry. This tries common and default secrets against
            the token here, in your browser.
          </p>

          <fieldset className="flex flex-col gap-2" disabled={running}>
            <legend className="mb-1 font-medium">Candidates</legend>
            <label className="flex items-start gap-2">
              <input type="radio" className="mt-1" name={`${headingId}-source`} checked={sourceKind === 'bundled'} onChange={() => setSourceKind('bundled')} />
              <span>
                Bundled list ({bundledCount === null ? 'loading' : formatCount(bundledCount)} default JWT secrets and common passwords
                {bundledWithMutations !== null && `; ${formatCount(bundledWithMutations)} candidates with mutations`})
              </span>
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name={`${headingId}-source`} checked={sourceKind === 'file'} onChange={() => setSourceKind('file')} />
              <span>My word list</span>
            </label>
            {sourceKind === 'file' && (
              <WordListPicker
                file={file}
                disabled={running}
                onFile={(f) => {
                  setFile(f)
                  setSourceKind('file')
                }}
              />
            )}
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={mutations} onChange={(e) => setMutations(e.target.checked)} />
              <span>Try mutations (case, digits, years)</span>
            </label>
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor={workersId}>Workers</label>
              <input
                id={workersId}
                aria-describedby={`${workersId}-help`}
                type="number"
                min={1}
                max={MAX_WORKERS}
                value={workers}
                onChange={(e) => {
                  const n = Math.floor(Number(e.target.value))
                  if (Number.isFinite(n)) setWorkers(Math.min(MAX_WORKERS, Math.max(1, n)))
                }}
                className={`${inputClass} w-16`}
              />
              <span id={`${workersId}-help`} className="text-xs text-slate-600 dark:text-slate-400">(parallel threads; one per processor core is fastest)</span>
            </div>
            <label className="flex items-start gap-2">
              <input type="checkbox" className="mt-1" checked={gpu} onChange={(e) => setGpu(e.target.checked)} />
              <span>
                Use the GPU (WebGPU; HS256 only, one worker drives it; without a GPU adapter the processor engines run and the
                Engine line says why)
              </span>
            </label>
          </fieldset>

          <div className="flex flex-wrap items-center gap-3">
            {running ? (
              <Button onClick={cancel}>Cancel</Button>
            ) : (
              <Button onClick={onStart} disabled={reason !== null} aria-describedby={reason !== null ? reasonId : undefined}>
                Crack secret
              </Button>
            )}
            {reason !== null && !running && (
              <p id={reasonId} className="text-slate-600 dark:text-slate-400">{reason}</p>
            )}
          </div>

          {state.phase !== 'idle' && <CrackProgress progress={state.progress} running={running} found={state.phase === 'found'} engine={engine} />}
          <Outcome state={state} />

          <div className="rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-xs text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100">
            <p>
              <strong>What to do:</strong> sign with a random secret of at least 256 bits (32 bytes) for HS256 — 384 and 512
              bits for HS384 and HS512 — from a cryptographic random generator, never a word or passphrase (RFC 7518 §3.2),
              and rotate it if a token signed with a guessable one ever left your servers. A found secret is kept only in
              this tab unless you chose to remember secrets.
            </p>
          </div>
        </div>
      </Panel>
    </section>
  )
}

function Outcome({ state }: { readonly state: CrackRunState }) {
  return (
    <div aria-live="polite" className="min-h-0">
      {state.phase === 'found' && (
        <div className="flex flex-col gap-1 rounded border-l-4 border-rose-500 bg-rose-50 px-3 py-2 text-rose-950 dark:border-rose-400 dark:bg-rose-950 dark:text-rose-100">
          <p className="font-medium">
            Secret found after {formatCount(state.tested)} candidates:{' '}
            {state.secret === '' ? <em>the empty string</em> : <code className="font-mono wrap-anywhere">{state.secret}</code>}
          </p>
          <p className="text-xs">
            {state.utf8
              ? 'It is now the verification key (UTF-8), so the Signature status shows whether it verifies.'
              : 'Its bytes are not valid UTF-8, so the verification key now holds them as hex.'}
          </p>
        </div>
      )}
      {state.phase === 'not-found' && (
        <p className="text-emerald-800 dark:text-emerald-300">
          Not found in {formatCount(state.tested)} candidates. That only rules out these guesses; a secret that is not
          random can still fall to a bigger list.
        </p>
      )}
      {state.phase === 'cancelled' && <p>Cancelled after {formatCount(state.tested)} candidates.</p>}
      {state.phase === 'error' && <p className="text-rose-700 dark:text-rose-300">{state.message}</p>}
    </div>
  )
}
