import { Alert, DismissButton } from '../../components/ui'
import { useAppStore } from '../../store/app-store'

/** Tells the user, once, that stored state could not be restored; dismissible. */
export function StorageNotice() {
  const notice = useAppStore((s) => s.storageNotice)
  const setStorageNotice = useAppStore((s) => s.setStorageNotice)
  if (!notice) return null
  return (
    <Alert tone="warning" layout="banner" actions={<DismissButton onClick={() => setStorageNotice(null)} />}>
      {notice}
    </Alert>
  )
}
