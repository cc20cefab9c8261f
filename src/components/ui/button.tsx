import type { ButtonHTMLAttributes, Ref } from 'react'

/** What a button is for: its look says how much it matters. */
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'link' | 'quiet' | 'outline'

export type ButtonSize = 'md' | 'sm' | 'xs'

const base =
  'rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:opacity-50'

const variants: Readonly<Record<ButtonVariant, string>> = {
  // White on sky-700 keeps 4.5:1 contrast in both themes; lighter blues fall below it.
  primary: 'bg-sky-700 font-semibold text-white hover:bg-sky-800',
  secondary:
    'border border-slate-300 bg-white font-medium hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800',
  danger:
    'border border-red-700 font-medium text-red-800 hover:bg-red-50 dark:border-red-400 dark:text-red-200 dark:hover:bg-red-950',
  link: 'font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950 dark:text-sky-300 dark:hover:text-sky-100',
  // No frame: a small action next to what it acts on (remove a box, dismiss a prompt).
  quiet: 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
  // Takes the colour of the alert it sits in.
  outline: 'border border-current font-medium hover:bg-white/50 dark:hover:bg-black/20',
}

const sizes: Readonly<Record<ButtonSize, string>> = {
  md: 'px-3 py-1 text-sm',
  sm: 'px-2 py-0.5',
  xs: 'px-2 py-0.5 text-xs',
}

/** The classes of a button, for the few controls that must look like one without being a `Button`. */
export function buttonClass(variant: ButtonVariant = 'secondary', size: ButtonSize = 'md', className = ''): string {
  // A link-styled button keeps the text's size and has no padding to line up with the words around it.
  const box = variant === 'link' ? '' : sizes[size]
  return `${base} ${variants[variant]} ${box} ${className}`.trim()
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: ButtonVariant
  readonly size?: ButtonSize
  readonly ref?: Ref<HTMLButtonElement>
}

/** A `type="button"` button (pass `type="submit"` inside a form) in one of the app's variants. */
export function Button({ variant = 'secondary', size = 'md', className = '', type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />
}
