import { useAppStore } from '../../store/app-store'

/** Tells the user, once, that stored state could not be restored; dismissible. */
export function StorageNotice() {
  const notice = useAppStore((s) => s.storageNotice)
  const setStorageNotice = useAppStore((s) => s.setStorageNotice)
  if (!notice) return null
  return (
    <div
      role="alert"
      className="mx-4 mt-3 flex items-start gap-3 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="flex-1">{notice}</p>
      <button
        type="button"
        onClick={() => setStorageNotice(null)}
        className="rounded px-2 py-0.5 font-medium underline hover:bg-amber-100 dark:hover:bg-amber-900"
      >
        Dismiss
      </button>
    </div>
  )
}
