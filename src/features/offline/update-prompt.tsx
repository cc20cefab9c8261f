import { useRegisterSW } from 'virtual:pwa-register/react'
import { Alert, Button } from '../../components/ui'

/**
 * Registers the service worker that makes the app work offline, and offers to reload when a new
 * version has been downloaded (never reloads on its own: the user may be in the middle of editing).
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true })

  if (!needRefresh) return null
  return (
    <Alert
      tone="neutral"
      layout="toast"
      actions={
        <>
          <Button variant="primary" size="sm" onClick={() => void updateServiceWorker(true)}>
            Reload
          </Button>
          <Button variant="quiet" size="sm" onClick={() => setNeedRefresh(false)}>
            Dismiss
          </Button>
        </>
      }
    >
      A new version of JWT Lab is ready.
    </Alert>
  )
}
