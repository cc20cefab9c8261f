import { useAppStore } from '../../store/app-store'
import { openingExample } from './catalog'
import type { Example, ExampleEntry } from './example'

/**
 * Puts an example's token and keys into the store in one update. The store marks the token as an
 * example: demo data may be kept on this device even when it looks like a live credential.
 */
export function loadExample(example: Example): void {
  useAppStore.getState().loadSession({ ...example, origin: 'example' })
}

/** The example a first visit opens with (HS256); its data is in the first-paint JavaScript. */
export function loadFirstExample(): void {
  loadExample(openingExample)
}

/** What became of a pick from the Examples menu. */
export type PickOutcome =
  | { readonly kind: 'loaded' }
  /** Another pick came after this one while its data was still loading: that one wins. */
  | { readonly kind: 'superseded' }
  | { readonly kind: 'failed'; readonly message: string }

let latestPick = 0

/**
 * Fetches a picked example's data (a chunk of its own) and loads it. Until the data is there the page
 * keeps what it shows; if it never arrives (offline before the app was stored for offline use), nothing
 * changes and the message says what happened and what to do. Only the latest pick is loaded.
 */
export async function pickExample(entry: ExampleEntry): Promise<PickOutcome> {
  const pick = ++latestPick
  let example: Example
  try {
    example = await entry.load()
  } catch {
    if (pick !== latestPick) return { kind: 'superseded' }
    return {
      kind: 'failed',
      message: `The example "${entry.label}" could not be loaded: its data did not arrive (offline before the app was stored for offline use?). The token and keys on the page are unchanged. Connect to the network, reload the page and pick it again.`,
    }
  }
  if (pick !== latestPick) return { kind: 'superseded' }
  loadExample(example)
  return { kind: 'loaded' }
}
