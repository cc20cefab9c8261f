import { useRegisterSW } from 'virtual:pwa-register/react'

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
    <div
      role="alert"
      className="fixed right-4 bottom-4 z-50 flex max-w-sm items-center gap-3 rounded-lg border border-slate-300 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      <span>A new version of JWT Lab is ready.</span>
      <button
        type="button"
        className="rounded bg-sky-700 px-2 py-1 font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2"
        onClick={() => void updateServiceWorker(true)}
      >
        Reload
      </button>
      <button
        type="button"
        className="rounded px-2 py-1 hover:bg-slate-100 focus-visible:outline-2 dark:hover:bg-slate-800"
        onClick={() => setNeedRefresh(false)}
      >
        Dismiss
      </button>
    </div>
  )
}
