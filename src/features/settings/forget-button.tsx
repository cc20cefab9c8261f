import { useEffect, useState } from 'react'
import { Button } from '../../components/ui'
import { clearUserDataCaches } from '../../session/user-data-caches'
import { useAppStore } from '../../store/app-store'

/** What the confirmation lists: everything the button removed. */
export const FORGOTTEN_MESSAGE =
  'Forgotten: the token, keys, policy inputs, practice progress and settings were removed from this device and from this tab.'

/**
 * Removes everything JWT Lab keeps: the stored entry, the in-memory inputs (token, keys, policy,
 * tools), practice progress and the caches of decoded tokens, parsed keys and verdicts. The link
 * fragment goes too, so a reload cannot bring a linked token back.
 */
export function ForgetButton() {
  const forgetEverything = useAppStore((s) => s.forgetEverything)
  const [done, setDone] = useState(false)

  useEffect(() => {
    if (!done) return
    const timer = window.setTimeout(() => setDone(false), 8000)
    return () => window.clearTimeout(timer)
  }, [done])

  const forget = () => {
    forgetEverything()
    clearUserDataCaches()
    if (window.location.hash !== '') {
      // replaceState fires no hashchange, so nothing reloads the linked token.
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
    }
    setDone(true)
  }

  return (
    <span className="flex items-center gap-2">
      <Button variant="danger" size="sm" onClick={forget}>
        Forget everything on this device
      </Button>
      <span role="status" aria-label="Forget everything" className="text-slate-700 dark:text-slate-300">
        {done ? FORGOTTEN_MESSAGE : ''}
      </span>
    </span>
  )
}
