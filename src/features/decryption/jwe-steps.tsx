import type { JweStep } from '../../core'
import { ValueList, Verdict } from '../../components/ui'

/** One step of a decryption: what it does, its verdict, and the real values (as the Explain steps show them). */
export function JweStepView({ step, index }: { readonly step: JweStep; readonly index: number }) {
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold">{index + 1}. {step.title}</h3>
        <Verdict kind={step.verdict} look="badge" />
      </div>
      <p className="max-w-prose text-sm leading-6 text-slate-700 dark:text-slate-200">{step.explanation}</p>
      <ValueList values={step.values} />
    </div>
  )
}

/** The steps in the order they ran, each with its verdict; a failed step says which one stopped it. */
export function JweSteps({ steps }: { readonly steps: readonly JweStep[] }) {
  return (
    <ol aria-label="Decryption steps" className="flex flex-col gap-4">
      {steps.map((step, i) => (
        <li key={step.id} className="min-w-0 border-l-2 border-slate-200 pl-3 dark:border-slate-700">
          <JweStepView step={step} index={i} />
        </li>
      ))}
    </ol>
  )
}
