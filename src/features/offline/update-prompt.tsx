import { useRegisterSW } from 'virtual:pwa-register/react'
import { Alert, Button } from '../../components/ui'
import { useAfterFirstView } from '../../components/monaco/after-first-view'

/**
 * Registers the service worker once the first view is painted and the page is idle: its precache
 * downloads every chunk, which must not compete with the first decoded view.
 */
export function UpdatePrompt() {
  return useAfterFirstView() ? <RegisteredUpdatePrompt /> : null
}

/**
 * Registers the service worker that makes the app work offline, and offers to reload when a new
 * version has been downloaded (never reloads on its own: the user may be in the middle of editing).
 */
function RegisteredUpdatePrompt() {
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
