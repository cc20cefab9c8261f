import { Alert, Button } from '../../components/ui'
import { useAppStore } from '../../store/app-store'

/**
 * While the inner token of a nested JWT is on the page: says where it came from and steps back out
 * to the encrypted token (with the key that decrypted it).
 */
export function EnvelopeBanner() {
  const envelope = useAppStore((s) => s.envelope)
  const leaveEnvelope = useAppStore((s) => s.leaveEnvelope)
  if (envelope === null) return null
  return (
    <Alert
      tone="info"
      layout="banner"
      role="status"
      label="Nested token"
      actions={<Button size="sm" onClick={leaveEnvelope}>Back to the encrypted token</Button>}
    >
      This is the inner token of a nested JWT: it was decrypted from an encrypted token (JWE), and the whole page now works on it. The encryption only hid it; whether it is genuine is what its own signature says.
    </Alert>
  )
}
