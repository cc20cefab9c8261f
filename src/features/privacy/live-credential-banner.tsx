import { useState } from 'react'
import { Alert, DismissButton } from '../../components/ui'
import { liveCredentialHint } from '../../core'
import { useShownToken } from '../../session/shown-token'
import { useNow } from '../../session/use-now'
import { useAppStore } from '../../store/app-store'
import { useTokenStorageDecision } from '../../session/use-token-storage'

function describeExpiry(seconds: number | null): string {
  if (seconds === null) return 'It has no expiry'
  if (seconds < 3600) return `It is valid for about ${Math.max(1, Math.round(seconds / 60))} more minutes`
  if (seconds < 86400 * 2) return `It is valid for about ${Math.round(seconds / 3600)} more hours`
  return `It is valid for about ${Math.round(seconds / 86400)} more days`
}

/** Where JWT Lab keeps this token, said truthfully for the current opt-in and token. */
export function whereKept(storable: boolean, remember: boolean): string {
  if (remember) {
    return 'JWT Lab keeps it in this tab and, because "Remember tokens and secrets on this device" is ticked, in this browser\'s storage until you untick it or use "Forget everything on this device" (both under Settings).'
  }
  if (storable) return 'JWT Lab keeps it in this tab and in this browser\'s storage, because it cannot be used as a credential as it stands.'
  return 'JWT Lab keeps it in this tab only: it is not saved on this device unless you tick "Remember tokens and secrets on this device" under Settings.'
}

/**
 * Reminds the user that a token which looks live is a bearer credential: whoever holds it can use it.
 * Shown per token; dismissing hides it for that token only.
 */
export function LiveCredentialBanner() {
  const decoded = useShownToken()
  const token = useAppStore((s) => s.token)
  const remember = useAppStore((s) => s.rememberSecrets)
  const now = useNow(30_000)
  const [dismissedFor, setDismissedFor] = useState<string | null>(null)
  const hint = liveCredentialHint(decoded.payload?.value, now)
  const storage = useTokenStorageDecision(hint !== null && dismissedFor !== token)
  if (!hint || dismissedFor === token || storage === null) return null
  return (
    <Alert
      tone="warning"
      layout="banner"
      label="Live credential warning"
      actions={<DismissButton onClick={() => setDismissedFor(token)} />}
    >
      <strong>This looks like a live credential</strong> issued by {hint.issuerHost}. {describeExpiry(hint.expiresInSeconds)}.
      It is a bearer token: anyone who has it can use it. {whereKept(storage.storable, remember)} Avoid pasting live tokens
      into tools you do not control, and prefer test tokens.
    </Alert>
  )
}
