import { Alert, Button, DismissButton } from '../../components/ui'
import { useAppStore } from '../../store/app-store'
import { LINK_KEY_QUESTION } from '../../store/link-slice'

/**
 * What the last opened link did with its key: a key that was ignored (a secret or private key),
 * a key that was taken from the link, or a question when the link's public key differs from the
 * key already in the box. The link's token is loaded in every case.
 */
export function LinkNotices() {
  const notice = useAppStore((s) => s.linkNotice)
  const offer = useAppStore((s) => s.linkKeyOffer)
  const dismiss = useAppStore((s) => s.dismissLinkNotice)
  const accept = useAppStore((s) => s.acceptLinkKey)
  const keep = useAppStore((s) => s.keepOwnKey)

  return (
    <>
      {notice !== null && (
        <Alert tone={notice.severity === 'warning' ? 'warning' : 'info'} layout="banner" role={notice.severity === 'warning' ? 'alert' : 'status'} label="Link key" actions={<DismissButton onClick={dismiss} />}>
          {notice.text}
        </Alert>
      )}
      {offer !== null && (
        <Alert
          tone="warning"
          layout="banner"
          role="group"
          label="Key from the link"
          actions={
            <>
              <Button variant="outline" size="sm" onClick={accept}>
                Use the link's key
              </Button>
              <Button variant="outline" size="sm" onClick={keep}>
                Keep my key
              </Button>
            </>
          }
        >
          {LINK_KEY_QUESTION}
        </Alert>
      )}
    </>
  )
}
