import { loadFirstExample } from '../features/examples/load-example'
import { parseShareFragment } from '../features/share/share-link'
import { isFirstVisit, useAppStore } from '../store/app-store'

/**
 * Loads a token from `#token=`, `#id_token=` or `#access_token=`; true when it did. A `key=` is used
 * only when it parses as public key material, and only when the verification key box is empty; a
 * different key already there (restored or typed) stays until the user chooses. A secret or
 * private key in the link is not used, and the page says so.
 */
export function loadFromLocation(hash: string): boolean {
  const shared = parseShareFragment(hash)
  if (shared === null) return false
  useAppStore.getState().openLink(shared)
  return true
}

let booted = false
let opened: 'link' | 'example' | 'restored' | null = null

/** What {@link boot} opened the page with: a linked token, the first-visit example or the restored state. */
export function bootOutcome(): 'link' | 'example' | 'restored' | null {
  return opened
}

/**
 * Decides what the page opens with: a token in the address fragment wins; a first visit (nothing
 * stored, no fragment) opens the HS256 example; otherwise the restored state stays. When stored state
 * was unreadable the app starts from its defaults, with the notice, rather than an example.
 */
export function boot(): void {
  if (booted) return
  booted = true
  // The build-time prerender has no address: it renders the first visit.
  const hash = typeof window === 'undefined' ? '' : window.location.hash
  if (loadFromLocation(hash)) {
    opened = 'link'
    return
  }
  opened = isFirstVisit() ? 'example' : 'restored'
  if (opened === 'example') loadFirstExample()
}
