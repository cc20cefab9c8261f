import { useAppStore } from '../../store/app-store'
import { LINK_KEY_QUESTION } from '../../store/link-slice'

const boxClass = 'mx-4 mt-3 flex flex-wrap items-start gap-3 rounded-md border px-3 py-2 text-sm'
const warningClass = 'border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100'
const infoClass = 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100'
const buttonClass = 'rounded border border-current px-2 py-0.5 font-medium hover:bg-white/50 focus-visible:outline-2 focus-visible:outline-offset-2 dark:hover:bg-black/20'

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
        <div
          role={notice.severity === 'warning' ? 'alert' : 'status'}
          aria-label="Link key"
          className={`${boxClass} ${notice.severity === 'warning' ? warningClass : infoClass}`}
        >
          <p className="min-w-0 flex-1">{notice.text}</p>
          <button type="button" onClick={dismiss} className={buttonClass}>
            Dismiss
          </button>
        </div>
      )}
      {offer !== null && (
        <div role="group" aria-label="Key from the link" className={`${boxClass} ${warningClass}`}>
          <p className="min-w-0 flex-1">{LINK_KEY_QUESTION}</p>
          <div className="flex gap-2">
            <button type="button" onClick={accept} className={buttonClass}>
              Use the link's key
            </button>
            <button type="button" onClick={keep} className={buttonClass}>
              Keep my key
            </button>
          </div>
        </div>
      )}
    </>
  )
}
