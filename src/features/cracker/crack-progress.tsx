import type { CrackingEngine } from '../../workers/crack-client'
import { formatCount, formatEta, formatSpeed } from './format'
import type { RunProgress } from './use-crack-run'

interface CrackProgressProps {
  readonly progress: RunProgress | null
  readonly running: boolean
  /** Whether the run found the secret, for the wording of an unmeasured speed. */
  readonly found: boolean
  /** The engine the run uses, once chosen. */
  readonly engine: CrackingEngine | null
}

/** The progress bar (role progressbar, name `Cracking progress`) and the run's figures. */
export function CrackProgress({ progress, running, found, engine }: CrackProgressProps) {
  const fraction = progress?.fraction
  const percent = fraction === undefined ? undefined : Math.round(fraction * 1000) / 10
  const tested = progress?.tested ?? 0
  const valueText = progress?.total !== undefined
    ? `${formatCount(tested)} of ${formatCount(progress.total)} candidates tested`
    : `${formatCount(tested)} candidates tested${percent === undefined ? '' : `, ${percent}% of the file read`}`

  return (
    <div className="flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label="Cracking progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
        aria-busy={running}
        className="h-3 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={`h-full bg-sky-600 transition-[width] duration-100 dark:bg-sky-400 ${percent === undefined && running ? 'w-1/3 animate-pulse' : ''}`}
          style={percent === undefined ? undefined : { width: `${percent}%` }}
        />
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs">
        <div className="flex gap-2">
          <dt className="text-slate-600 dark:text-slate-400">Tested</dt>
          <dd className="font-mono whitespace-nowrap tabular-nums">
            {formatCount(tested)}
            {progress?.total !== undefined && <span className="text-slate-500 dark:text-slate-400"> of {formatCount(progress.total)}</span>}
          </dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-slate-600 dark:text-slate-400">Speed</dt>
          <dd className="font-mono whitespace-nowrap tabular-nums">{formatSpeed(progress?.rate ?? 0, tested, progress?.elapsedSeconds ?? 0, running ? 'running' : found ? 'found' : 'ended')}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-slate-600 dark:text-slate-400">Time left</dt>
          <dd className="font-mono whitespace-nowrap tabular-nums">
            {running ? (progress?.etaSeconds === undefined ? 'estimating…' : formatEta(progress.etaSeconds)) : '—'}
          </dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-slate-600 dark:text-slate-400">Engine</dt>
          <dd>{engine === null ? (running ? 'starting…' : '—') : engineText(engine)}</dd>
        </div>
      </dl>
    </div>
  )
}

/** The engine in words; the JavaScript fallback says why SIMD is not running. */
function engineText(engine: CrackingEngine): string {
  const why = engine.fallbackReason === undefined ? '' : ` (${engine.fallbackReason})`
  if (engine.engine === 'webgpu') return `WebGPU${engine.adapter ? ` on ${engine.adapter}` : ''}`
  if (engine.engine === 'wasm-simd') return `WebAssembly SIMD${why}`
  return `JavaScript${why || ' (WebAssembly SIMD is not available here.)'}`
}
