/** Class names shared by the delegation views. */
export const buttonClass =
  'rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800'
export const inputClass =
  'w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950'
export const labelClass = 'text-sm font-medium'
export const alertClass =
  'rounded-md border border-rose-400 bg-rose-50 px-2 py-1 text-sm text-rose-900 dark:border-rose-500/60 dark:bg-rose-950/60 dark:text-rose-200'
