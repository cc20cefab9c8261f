import { useState } from 'react'
import { classifyKeyText, type TokenStorageDecision } from '../../core'
import { useTokenStorageDecision } from '../../session/use-token-storage'
import { useAppStore } from '../../store/app-store'

/** The short sentence next to the opt-in; the disclosure below it gives the details. */
export function keptSentence(remember: boolean): string {
  return remember
    ? 'Kept on this device: settings, policy inputs, practice progress, the token and both keys, including live tokens, secrets and private keys.'
    : 'Kept on this device: settings, policy inputs, practice progress, public keys, and the token only if it is an example, unsigned or expired. Live tokens, secrets and private keys stay in this tab.'
}

/** What is written to this browser's storage, and what the current token and key get. */
function CurrentInputs() {
  const verificationKey = useAppStore((s) => s.verificationKey)
  const signingKey = useAppStore((s) => s.signingKey)
  const remember = useAppStore((s) => s.rememberSecrets)
  // Mounted only while the disclosure is open, so the decision is always computed here.
  const decision = useTokenStorageDecision() as TokenStorageDecision
  const key = classifyKeyText(verificationKey)
  const tokenNow = decision.code === 'TOKEN_EMPTY' ? 'none' : remember && decision.code !== 'TOKEN_TOO_LONG' ? 'kept (you ticked the box)' : decision.storable ? 'kept' : 'not kept'
  const keyNow = key.kind === 'empty' ? 'none' : remember ? 'kept (you ticked the box)' : key.kind === 'public' ? 'kept' : 'not kept'
  const signingNow = signingKey.trim() === '' ? 'none' : remember ? 'kept (you ticked the box)' : 'not kept'
  return (
    <ul className="list-disc space-y-1 pl-4">
      <li>Always: theme, secret encodings, algorithm, policy inputs (issuer, audience, clock skew, allowed algorithms) practice progress (challenge names only) and the issuers whose key discovery you asked to remember.</li>
      <li>
        The token, when it is an example, unsigned or expired; a signed token that is not expired (or has no expiry) only when the box is ticked. Now:{' '}
        <strong>{tokenNow}</strong>. {decision.reason}
      </li>
      <li>
        The verification key, when reading it shows public key material only; secrets and private keys only when the box is ticked. Now: <strong>{keyNow}</strong>. {key.reason}
      </li>
      <li>
        The signing key only when the box is ticked. Now: <strong>{signingNow}</strong>.
      </li>
      <li>Nothing is ever sent anywhere. “Forget everything on this device” removes all of it.</li>
    </ul>
  )
}

/** A disclosure that says exactly what is kept on this device. */
export function WhatIsKept() {
  const [open, setOpen] = useState(false)
  return (
    <details className="relative" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer underline">What is kept on this device?</summary>
      <div className="absolute right-0 z-20 mt-1 w-[26rem] max-w-[90vw] rounded border border-slate-300 bg-white p-3 text-slate-800 shadow-lg dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100">
        {/* Decoding and classifying run only while the details are open. */}
        {open && <CurrentInputs />}
      </div>
    </details>
  )
}
