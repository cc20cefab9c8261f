import { useCallback, useState } from 'react'

/** What {@link useBusyTask} gives a form: whether its task runs, the task's problem, and `run`. */
export interface BusyTask {
  readonly busy: boolean
  readonly problem: string | null
  readonly setProblem: (problem: string | null) => void
  /** Runs `task` with `busy` set and the previous problem cleared; `busy` ends even if it returns early. */
  readonly run: (task: () => Promise<void>) => Promise<void>
}

/** The busy flag and problem message of a form whose buttons start slow work (key generation, signing). */
export function useBusyTask(): BusyTask {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const run = useCallback(async (task: () => Promise<void>) => {
    setBusy(true)
    setProblem(null)
    try {
      await task()
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, problem, setProblem, run }
}
