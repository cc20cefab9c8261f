import { useEffect, useId, useMemo, useState } from 'react'
import { Button } from '../../components/ui'
import { classifyKeyText } from '../../core'
import { useAppStore } from '../../store/app-store'
import { buildShareLink } from './share-link'

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; message: string }

/**
 * Copies a link that opens the current token (`#token=…`). Only public key material may ride along,
 * as decided by parsing the key text (never by its labels): secrets, private keys and anything that
 * cannot be shown to be public never go into a link, and the reason is shown next to the option.
 */
export function ShareButton() {
  const token = useAppStore((s) => s.token)
  const verificationKey = useAppStore((s) => s.verificationKey)
  const [includeKey, setIncludeKey] = useState(false)
  const [state, setState] = useState<CopyState>({ kind: 'idle' })
  const hintId = useId()

  const privacy = useMemo(() => classifyKeyText(verificationKey), [verificationKey])
  const keyIsPublic = privacy.kind === 'public'

  useEffect(() => {
    if (state.kind !== 'copied') return
    const timer = window.setTimeout(() => setState({ kind: 'idle' }), 4000)
    return () => window.clearTimeout(timer)
  }, [state])

  const copy = async () => {
    // Decided again from the text being linked, not from the last render.
    const key = useAppStore.getState().verificationKey
    const shareKey = includeKey && classifyKeyText(key).kind === 'public' ? key : undefined
    const link = buildShareLink(window.location.href, token.trim(), shareKey)
    try {
      await navigator.clipboard.writeText(link)
      setState({ kind: 'copied' })
    } catch {
      setState({ kind: 'failed', message: 'Copying was blocked by the browser; allow clipboard access and try again.' })
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Button variant="primary" onClick={() => void copy()} disabled={token.trim() === ''}>
        Copy share link
      </Button>
      <label
        className="flex items-center gap-1"
        title={keyIsPublic ? 'Adds the public verification key to the link.' : `Only a public key can be shared. ${privacy.reason}`}
      >
        <input
          type="checkbox"
          checked={includeKey && keyIsPublic}
          disabled={!keyIsPublic}
          onChange={(e) => setIncludeKey(e.target.checked)}
          aria-describedby={hintId}
        />
        <span>Include public key</span>
      </label>
      <span id={hintId} className="sr-only">
        {privacy.kind === 'public'
          ? `The verification key is public and may be shared: ${privacy.reason}`
          : privacy.kind === 'empty'
            ? 'Available only when the verification key is a public key.'
            : `The verification key is not shared: ${privacy.reason}`}
      </span>
      {privacy.kind === 'secret' && (
        <details className="relative text-xs text-slate-600 dark:text-slate-400">
          <summary className="cursor-pointer underline">Why is the key not shared?</summary>
          <p className="absolute right-0 z-20 mt-1 w-80 rounded border border-slate-300 bg-white p-2 text-slate-800 shadow dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100">
            {privacy.reason} Only public keys go into links; this is decided by reading the key, not its labels.
          </p>
        </details>
      )}
      <span role="status" className="text-slate-600 dark:text-slate-300">
        {state.kind === 'copied' ? 'Link copied' : state.kind === 'failed' ? state.message : ''}
      </span>
    </div>
  )
}
