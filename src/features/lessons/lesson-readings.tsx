import { checkPolicy } from '../../core'
import { useShownToken } from '../../session/shown-token'
import { useNow } from '../../session/use-now'
import { useVerification } from '../../session/use-verification'
import { useAppStore } from '../../store/app-store'
import type { LessonReading } from './lessons-data'
import { verdictText } from '../../components/ui/verdict'

const tone = {
  good: 'border-emerald-500 text-emerald-900 dark:text-emerald-200',
  bad: 'border-rose-500 text-rose-900 dark:text-rose-200',
  neutral: 'border-slate-400 text-slate-800 dark:text-slate-200',
} as const

/** What the app shows right now, next to the steps, so each step's outcome is visible without scrolling. */
export function LessonReadings({ readings }: { readonly readings: readonly LessonReading[] }) {
  return (
    <div className="flex flex-col gap-2" aria-label="What the app shows now" role="group">
      {/* Drawn in capitals; the label keeps Firefox and WebKit from naming it so. */}
      <h4 aria-label="What the app shows now" className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">What the app shows now</h4>
      {readings.includes('signature') && <SignatureReading />}
      {readings.includes('expiry') && <ExpiryReading />}
    </div>
  )
}

function Reading({ label, text, kind }: { readonly label: string; readonly text: string; readonly kind: keyof typeof tone }) {
  return (
    <p data-reading={label} className={`rounded border-l-4 bg-slate-50 px-2 py-1 text-sm break-words dark:bg-slate-800/60 ${tone[kind]}`}>
      <span className="font-semibold">{label}:</span> {text}
    </p>
  )
}

function SignatureReading() {
  const v = useVerification()
  return <Reading label="Signature" text={v.text} kind={v.status === 'verified' ? 'good' : v.status === 'invalid' ? 'bad' : 'neutral'} />
}

function ExpiryReading() {
  const decoded = useShownToken()
  const now = useNow()
  const clockSkew = useAppStore((s) => s.clockSkewSeconds)
  const check = checkPolicy(decoded.header?.value, decoded.payload?.value, { now, clockSkew }).find((c) => c.id === 'exp')
  if (check === undefined) return null
  const verdict = verdictText[check.verdict]
  return (
    <>
      <Reading label="Expiry (exp)" text={`${verdict}. ${check.message}`} kind={check.verdict === 'pass' ? 'good' : check.verdict === 'fail' ? 'bad' : 'neutral'} />
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Clock: {new Date(now * 1000).toISOString().replace('.000Z', 'Z')} · allowed skew {clockSkew} s
      </p>
    </>
  )
}
