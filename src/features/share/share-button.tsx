import { useEffect, useId, useState } from 'react'
import { useAppStore } from '../../store/app-store'
import { isPublicKeyText } from '../../store/persisted'
import { buildShareLink } from './share-link'

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; message: string }

/**
 * Copies a link that opens the current token (`#token=…`). Only public key material may ride along:
 * secrets and private keys never go into a link.
 */
export function ShareButton() {
  const token = useAppStore((s) => s.token)
  const verificationKey = useAppStore((s) => s.verificationKey)
  const [includeKey, setIncludeKey] = useState(false)
  const [state, setState] = useState<CopyState>({ kind: 'idle' })
  const hintId = useId()

  const keyIsPublic = verificationKey.trim() !== '' && isPublicKeyText(verificationKey)

  useEffect(() => {
    if (state.kind !== 'copied') return
    const timer = window.setTimeout(() => setState({ kind: 'idle' }), 4000)
    return () => window.clearTimeout(timer)
  }, [state])

  const copy = async () => {
    const link = buildShareLink(window.location.href, token.trim(), includeKey && keyIsPublic ? verificationKey : undefined)
    try {
      await navigator.clipboard.writeText(link)
      setState({ kind: 'copied' })
    } catch {
      setState({ kind: 'failed', message: 'Copying was blocked by the browser; allow clipboard access and try again.' })
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <button
        type="button"
        onClick={() => void copy()}
        disabled={token.trim() === ''}
        className="rounded bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-800 disabled:opacity-50"
      >
        Copy share link
      </button>
      <label
        className="flex items-center gap-1"
        title={keyIsPublic ? 'Adds the public verification key to the link.' : 'Only a public key can be shared; secrets and private keys never are.'}
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
        {keyIsPublic ? 'The verification key is public and may be shared.' : 'Available only when the verification key is a public key.'}
      </span>
      <span role="status" className="min-w-[6rem] text-slate-600 dark:text-slate-300">
        {state.kind === 'copied' ? 'Link copied' : state.kind === 'failed' ? state.message : ''}
      </span>
    </div>
  )
}
