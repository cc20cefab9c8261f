import { useId } from 'react'
import type { Challenge } from '../../core'
import { Button } from '../../components/ui'
import { PartHeading } from './public-material'
import { mistakeLabel } from './mistakes'

interface ChallengeListProps {
  readonly challenges: readonly Challenge[]
  readonly selected: Challenge | null
  readonly solved: readonly string[]
  readonly hintsShown: number
  readonly onSelect: (challenge: Challenge) => void
  readonly onHint: () => void
  readonly onResetProgress: () => void
}

/** The practice challenges with their solved state, and the chosen one's goal and hints. */
export function ChallengeList({ challenges, selected, solved, hintsShown, onSelect, onHint, onResetProgress }: ChallengeListProps) {
  const listId = useId()
  const done = challenges.filter((c) => solved.includes(c.id)).length

  return (
    <div className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <PartHeading>Challenges</PartHeading>
        <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
          {done} of {challenges.length} solved
        </span>
        {done > 0 && (
          <Button size="xs" className="ml-auto" onClick={onResetProgress}>Reset progress</Button>
        )}
      </div>
      <ul aria-label="Challenges" id={listId} className="grid gap-1 sm:grid-cols-2">
        {challenges.map((c) => {
          const isSolved = solved.includes(c.id)
          return (
            <li key={c.id}>
              <button
                type="button"
                aria-pressed={selected?.id === c.id}
                onClick={() => onSelect(c)}
                className={`flex w-full items-baseline justify-between gap-2 rounded-md border px-2 py-1 text-left text-sm ${
                  selected?.id === c.id
                    ? 'border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950'
                    : 'border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800'
                }`}
              >
                <span className="min-w-0 break-words">{c.title}</span>
                {isSolved && <span className="shrink-0 text-xs font-semibold text-emerald-800 dark:text-emerald-300">✓ Solved</span>}
              </button>
            </li>
          )
        })}
      </ul>
      {selected !== null && (
        <div className="flex flex-col gap-1.5 rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
          <h4 className="font-semibold">{selected.title}</h4>
          <p>
            <span className="font-medium">Goal: </span>
            {selected.goal}
          </p>
          <p className="text-xs text-slate-700 dark:text-slate-300">
            <span className="font-medium">The verifier&apos;s mistake: </span>
            {mistakeLabel[selected.mistake]}. Only this mistake is switched on below.
          </p>
          {hintsShown > 0 && (
            <ol aria-label="Hints" className="ml-5 list-decimal text-sm">
              {selected.hints.slice(0, hintsShown).map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ol>
          )}
          {hintsShown < selected.hints.length && (
            <div>
              <Button size="xs" onClick={onHint}>
                {hintsShown === 0 ? 'Show a hint' : 'Show the next hint'}
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  )
}
