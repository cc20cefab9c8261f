import { partializeState } from '../store/persisted'
import { useAppStore } from '../store/app-store'
import { decodeCached } from '../session/use-decoded-token'
import { parseKeyCached } from '../session/use-parsed-key'
import { verifyCached } from '../session/use-verification'

/** The id of the JSON data block the prerender leaves in the page (data only: it never runs). */
export const PRERENDER_DATA_ID = 'prerendered-view'

/** What the prerendered page was rendered from, so the client hydrates only the same start. */
export interface PrerenderData {
  /** "Now" of the prerender, seconds since the epoch (relative times were rendered against it). */
  readonly now: number
  /** The state the page was rendered with, as it would be stored (see {@link openingStateText}). */
  readonly state: string
}

/** The store's state as it would be stored: equal texts mean the same opening view. */
export function openingStateText(): string {
  return JSON.stringify(partializeState(useAppStore.getState()))
}

/**
 * Finishes the asynchronous work of the opening view (reading the verification key, verifying the
 * token: WebCrypto) so that the first render shows its verdict rather than "verifying…". Run before
 * the prerender and, in the browser, before hydrating it: both renders then show the same verdict,
 * computed by the same core each time (nothing is taken on trust from the HTML).
 */
export async function settleOpeningView(): Promise<void> {
  const { token, verificationKey, secretEncoding } = useAppStore.getState()
  if (token.trim() === '') return
  decodeCached(token)
  const parsed = verificationKey.trim() === '' ? null : await parseKeyCached(verificationKey, secretEncoding)
  await verifyCached(token, parsed?.ok === true ? parsed.value : null)
}
