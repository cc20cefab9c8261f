/** How a pass / fail / skip verdict of a check is worded everywhere in the app. */
export const verdictText = { pass: 'Pass', fail: 'Fail', skip: 'Skipped' } as const

/** Text colours of a verdict (the word itself carries the meaning; colour only reinforces it). */
export const verdictStyle = {
  pass: 'text-emerald-800 dark:text-emerald-300',
  fail: 'text-rose-800 dark:text-rose-300',
  skip: 'text-slate-600 dark:text-slate-300',
} as const
